import { Alert, BodyShort, Box, Button, Heading, HStack, Link, List, Table, Tag, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import {
  accessibilityOptions,
  openingTypeOptions,
  optionName,
  requirementOptions,
} from '../../prisma-free-sql/reference-data/vocabulary'
import { Facts } from '~/components/admin/facts'
import { formatHours, openingStatusLabels, openingStatusVariants, scheduleText } from '~/components/employer-labels'
import { ButtonLink } from '~/components/button-link'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requireWorkplaceOf } from '~/modules/employer-access.server'
import { removeCarvedJob, workplaceOverview } from '~/modules/workplaces.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.workplace.name ?? 'Arbeidssted'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  return json(await workplaceOverview(workplace))
}

const deleteCarvedJobSchema = z.object({ intent: z.literal('delete-carved-job'), carvedJobId: z.string().uuid() })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const parsed = deleteCarvedJobSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw new Response('Ugyldig forespørsel.', { status: 400 })
  const outcome = await removeCarvedJob(user, workplace.id, parsed.data.carvedJobId)
  return redirect(`/arbeidsgiver/arbeidssteder/${workplace.id}?melding=${outcome === 'deleted' ? 'jobb-slettet' : 'jobb-i-bruk'}`)
}

const levelWords = ['Lav', 'Middels', 'Høy']
const socialWords = ['Lite', 'Noe', 'Mye']

function useNotice(): { variant: 'success' | 'info' | 'warning'; text: string } | undefined {
  const [searchParams] = useSearchParams()
  const count = searchParams.get('antall')
  switch (searchParams.get('melding')) {
    case 'opprettet':
      return { variant: 'success', text: 'Arbeidsstedet er registrert. Neste steg er å legge til oppgavene som gjøres her.' }
    case 'lagret':
      return { variant: 'success', text: 'Endringene er lagret.' }
    case 'oppgaver-lagt-til':
      return { variant: 'success', text: count === '1' ? 'Oppgaven er lagt til.' : `${count ?? 'Oppgavene'} oppgaver er lagt til.` }
    case 'oppgave-lagt-til':
      return { variant: 'success', text: 'Oppgaven er lagt til.' }
    case 'oppgave-endret':
      return { variant: 'success', text: 'Oppgaven er endret.' }
    case 'oppgave-endret-stilling-justert':
      return { variant: 'info', text: 'Oppgaven er endret, og timene i stillingen som bruker den er justert. Se historikken i stillingen.' }
    case 'oppgave-slettet':
      return { variant: 'success', text: 'Oppgaven er slettet.' }
    case 'jobb-lagret':
      return { variant: 'success', text: 'Den tilpassede jobben er lagret. Du kan nå lage en stilling av den.' }
    case 'jobb-slettet':
      return { variant: 'success', text: 'Den tilpassede jobben er slettet.' }
    case 'jobb-i-bruk':
      return { variant: 'warning', text: 'Den tilpassede jobben brukes av en stilling og kan ikke slettes.' }
    default:
      return undefined
  }
}

export default function WorkplacePage() {
  const { workplace, tasks, carvedJobs, openings } = useLoaderData<typeof loader>()
  const notice = useNotice()
  const base = `/arbeidsgiver/arbeidssteder/${workplace.id}`
  const separableHours = tasks.filter((task) => task.separable).reduce((sum, task) => sum + task.hoursPerWeek, 0)
  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <BodyShort size="small">
          <Link as={RemixLink} to="/arbeidsgiver">
            Oversikt
          </Link>{' '}
          / {workplace.organisationName}
        </BodyShort>
        <Heading level="1" size="large">
          {workplace.name}
        </Heading>
        <BodyShort>
          {[workplace.address, `${workplace.municipalityName} (${workplace.countyName})`].filter(Boolean).join(', ')}
        </BodyShort>
      </VStack>
      {notice ? (
        <Alert variant={notice.variant} role="status">
          {notice.text}
        </Alert>
      ) : null}

      <Box as="section" aria-labelledby="om-arbeidsstedet" padding="space-20" borderWidth="1" borderRadius="8">
        <VStack gap="space-12">
          <HStack justify="space-between" align="center">
            <Heading level="2" size="medium" id="om-arbeidsstedet">
              Om arbeidsstedet
            </Heading>
            <Link as={RemixLink} to={`${base}/rediger`}>
              Endre arbeidsstedet
            </Link>
          </HStack>
          <Facts
            items={[
              ['Støy', levelWords[workplace.noiseLevel]],
              ['Tempo', levelWords[workplace.paceLevel]],
              ['Sosial kontakt', socialWords[workplace.socialContactLevel]],
              [
                'Tilgjengelighet',
                (workplace.accessibility.length > 0
                  ? workplace.accessibility.map((code) => optionName(accessibilityOptions, code)).join(', ')
                  : 'Ikke oppgitt') + (workplace.accessibilityNotes ? `. ${workplace.accessibilityNotes}` : ''),
              ],
              ['Språk på jobben', workplace.languages.join(', ')],
            ]}
          />
        </VStack>
      </Box>

      <VStack gap="space-16" as="section" aria-labelledby="oppgaver">
        <Heading level="2" size="medium" id="oppgaver">
          Arbeidsoppgaver
        </Heading>
        <BodyShort>
          Beskriv de virkelige oppgavene som gjøres her. Oppgaver som kan skilles ut fra dagens stillinger, kan settes sammen til
          en tilpasset jobb.
        </BodyShort>
        <HStack gap="space-16">
          <ButtonLink to={`${base}/oppgaver/katalog`} variant="secondary" size="small">
            Legg til fra katalogen
          </ButtonLink>
          <ButtonLink to={`${base}/oppgaver/ny`} variant="secondary" size="small">
            Beskriv en egen oppgave
          </ButtonLink>
        </HStack>
        {tasks.length === 0 ? (
          <BodyShort>Ingen oppgaver ennå.</BodyShort>
        ) : (
          <Table size="small">
            <caption className="sr-only">Arbeidsoppgaver ved {workplace.name}</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Oppgave</Table.HeaderCell>
                <Table.HeaderCell scope="col">Timer/uke</Table.HeaderCell>
                <Table.HeaderCell scope="col">Når</Table.HeaderCell>
                <Table.HeaderCell scope="col">Krav</Table.HeaderCell>
                <Table.HeaderCell scope="col">Kan skilles ut</Table.HeaderCell>
                <Table.HeaderCell scope="col">Gjøres i dag av</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {tasks.map((task) => (
                <Table.Row key={task.id}>
                  <Table.DataCell>
                    <Link as={RemixLink} to={`${base}/oppgaver/${task.id}`}>
                      {task.name}
                    </Link>
                  </Table.DataCell>
                  <Table.DataCell>{formatHours(task.hoursPerWeek)}</Table.DataCell>
                  <Table.DataCell>{scheduleText(task.timesOfDay, task.days)}</Table.DataCell>
                  <Table.DataCell>
                    {task.requirements.length > 0 ? task.requirements.map((code) => optionName(requirementOptions, code)).join(', ') : '–'}
                  </Table.DataCell>
                  <Table.DataCell>{task.separable ? 'Ja' : 'Nei'}</Table.DataCell>
                  <Table.DataCell>{task.currentRole || '–'}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </VStack>

      <VStack gap="space-16" as="section" aria-labelledby="tilpassede-jobber">
        <Heading level="2" size="medium" id="tilpassede-jobber">
          Tilpassede jobber
        </Heading>
        <BodyShort>
          Oppgaver som kan skilles ut: {formatHours(separableHours)} timer i uka til sammen. Jobbsnekreren foreslår kombinasjoner
          av dem som gir den størrelsen du ønsker.
        </BodyShort>
        <div>
          <ButtonLink to={`${base}/jobbsnekring`} size="small">
            Snekre en tilpasset jobb
          </ButtonLink>
        </div>
        {carvedJobs.length === 0 ? (
          <BodyShort>Ingen tilpassede jobber ennå.</BodyShort>
        ) : (
          <VStack gap="space-12">
            {carvedJobs.map((job) => (
              <Box key={job.id} padding="space-16" borderWidth="1" borderRadius="8" as="article" aria-labelledby={`jobb-${job.id}`}>
                <VStack gap="space-8">
                  <Heading level="3" size="small" id={`jobb-${job.id}`}>
                    {job.name}
                  </Heading>
                  <BodyShort size="small">
                    {formatHours(job.totalHours)} timer i uka · {job.tasks.map((task) => task.name).join(', ')}
                  </BodyShort>
                  {job.requirements.length > 0 ? (
                    <BodyShort size="small">Krever: {job.requirements.map((code) => optionName(requirementOptions, code)).join(', ')}</BodyShort>
                  ) : null}
                  {job.freedHoursByRole.some((freed) => freed.role) ? (
                    <BodyShort size="small">
                      Frigjør:{' '}
                      {job.freedHoursByRole
                        .filter((freed) => freed.role)
                        .map((freed) => `${formatHours(freed.hours)} t/uke for ${freed.role.toLocaleLowerCase('nb')}`)
                        .join(', ')}
                    </BodyShort>
                  ) : null}
                  <HStack gap="space-16" align="center">
                    <ButtonLink to={`${base}/stillinger/ny?jobb=${job.id}`} size="small" variant="secondary">
                      Lag stilling av jobben
                    </ButtonLink>
                    {job.openingCount === 0 ? (
                      <Form method="post">
                        <AuthenticityTokenInput />
                        <input type="hidden" name="intent" value="delete-carved-job" />
                        <input type="hidden" name="carvedJobId" value={job.id} />
                        <Button type="submit" size="small" variant="tertiary">
                          Slett «{job.name}»
                        </Button>
                      </Form>
                    ) : (
                      <BodyShort size="small">Brukes av {job.openingCount === 1 ? 'én stilling' : `${job.openingCount} stillinger`}</BodyShort>
                    )}
                  </HStack>
                </VStack>
              </Box>
            ))}
          </VStack>
        )}
      </VStack>

      <VStack gap="space-16" as="section" aria-labelledby="stillinger">
        <Heading level="2" size="medium" id="stillinger">
          Stillinger og plasser
        </Heading>
        <div>
          <ButtonLink to={`${base}/stillinger/ny`} size="small" variant="secondary">
            Ny stilling uten tilpasset jobb
          </ButtonLink>
        </div>
        {openings.length === 0 ? (
          <BodyShort>Ingen stillinger ennå.</BodyShort>
        ) : (
          <List>
            {openings.map((opening) => (
              <List.Item key={opening.id}>
                <Link as={RemixLink} to={`/arbeidsgiver/stillinger/${opening.id}`}>
                  {opening.title}
                </Link>{' '}
                – {optionName(openingTypeOptions, opening.openingType)}, {formatHours(opening.hoursMin)}–{formatHours(opening.hoursMax)}{' '}
                timer{' '}
                <Tag size="xsmall" variant={openingStatusVariants[opening.status] ?? 'neutral'}>
                  {openingStatusLabels[opening.status] ?? opening.status}
                </Tag>
              </List.Item>
            ))}
          </List>
        )}
      </VStack>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
