import { Alert, BodyShort, Button, Heading, HStack, Link, List, Tag, Textarea, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { openingStatuses } from '../../prisma-free-sql/queries/openings'
import { accommodationGroups, measureOptions, openingTypeOptions, optionName } from '../../prisma-free-sql/reference-data/vocabulary'
import { Facts } from '~/components/admin/facts'
import { formatHours, openingStatusLabels, openingStatusVariants, scheduleText } from '~/components/employer-labels'
import { CarvedJobTasks } from '~/components/carved-job-tasks'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatOsloDateTime } from '~/components/labels'
import { hireProspectNames } from '~/components/opening-form'
import { requireOpeningOf } from '~/modules/employer-access.server'
import { carvedJobForOpening, editableStatuses, openingHistory, openingTransitions, todayInNorway, transitionOpening } from '~/modules/openings.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { norwegianDate } from '~/utils/opening-form'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.opening.title ?? 'Stilling'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const opening = await requireOpeningOf(user, params.openingId)
  const [carvedJob, history] = await Promise.all([carvedJobForOpening(opening.workplaceId, opening.carvedJobId), openingHistory(opening.id)])
  return json({
    opening,
    carvedJob: carvedJob ? { id: carvedJob.id, name: carvedJob.name, totalHours: carvedJob.summary.totalHours, tasks: carvedJob.tasks } : null,
    history,
    actions: (Object.keys(openingTransitions) as (keyof typeof openingTransitions)[]).filter((action) =>
      (openingTransitions[action].from as readonly string[]).includes(opening.status),
    ),
    editable: editableStatuses.includes(opening.status),
  })
}

const transitionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('publish'), status: z.enum(openingStatuses) }),
  z.object({ intent: z.literal('pause'), status: z.enum(openingStatuses) }),
  z.object({ intent: z.literal('fill'), status: z.enum(openingStatuses), note: z.string().trim().max(1000, 'Høyst 1000 tegn.').default('') }),
  z.object({
    intent: z.literal('close'),
    status: z.enum(openingStatuses),
    note: z
      .string({ required_error: 'Skriv hvorfor stillingen avsluttes.' })
      .trim()
      .min(3, 'Skriv hvorfor stillingen avsluttes, for eksempel «Vi fant ingen som passet denne gangen».')
      .max(1000, 'Høyst 1000 tegn.'),
  }),
])

const defaultNotes = {
  publish: 'Publisert.',
  pause: 'Satt på pause.',
  fill: 'Plassen er besatt.',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const opening = await requireOpeningOf(user, params.openingId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submitted = Object.fromEntries(formData)
  const parsed = transitionSchema.safeParse(submitted)
  if (!parsed.success) {
    const issue = parsed.error.issues.find((candidate) => candidate.path[0] === 'note')
    if (!issue) throw new Response('Ugyldig forespørsel.', { status: 400 })
    return json({ intent: String(submitted.intent ?? ''), noteError: issue.message, note: String(submitted.note ?? '') }, { status: 400 })
  }
  const { intent, status } = parsed.data
  const base = `/arbeidsgiver/stillinger/${opening.id}`
  // A page from before someone else's change must not act on the new state.
  if (status !== opening.status) return redirect(`${base}?melding=utdatert`)
  const note = 'note' in parsed.data && parsed.data.note ? parsed.data.note : intent === 'close' ? '' : defaultNotes[intent]
  const outcome = await transitionOpening(user, opening, intent, note, todayInNorway())
  if (outcome === 'stale') return redirect(`${base}?melding=utdatert`)
  if (outcome === 'start-date-passed') return redirect(`${base}?melding=startdato-passert`)
  return redirect(`${base}?melding=${intent}`)
}

function useNotice(): { variant: 'success' | 'info' | 'warning'; text: string } | undefined {
  const [searchParams] = useSearchParams()
  switch (searchParams.get('melding')) {
    case 'opprettet':
      return { variant: 'success', text: 'Stillingen er lagret som utkast. Publiser den når du er klar.' }
    case 'lagret':
      return { variant: 'success', text: 'Endringene er lagret.' }
    case 'publish':
      return { variant: 'success', text: 'Stillingen er publisert. Jobbspesialister og veiledere kan nå foreslå kandidater.' }
    case 'pause':
      return { variant: 'info', text: 'Stillingen er satt på pause. Ingen nye kandidater blir foreslått før du publiserer igjen.' }
    case 'fill':
      return { variant: 'success', text: 'Stillingen er markert som besatt.' }
    case 'close':
      return { variant: 'info', text: 'Stillingen er avsluttet.' }
    case 'utdatert':
      return { variant: 'warning', text: 'Stillingen ble endret av noen andre før du trykket. Her er slik den er nå; prøv igjen om det fortsatt trengs.' }
    case 'startdato-passert':
      return { variant: 'warning', text: 'Startdatoen har passert. Velg en ny startdato før du publiserer.' }
    default:
      return undefined
  }
}

const eventLabels: Record<string, string> = {
  created: 'Opprettet',
  edited: 'Endret',
  published: 'Publisert',
  paused: 'Satt på pause',
  filled: 'Besatt',
  closed: 'Avsluttet',
  task_changed: 'Oppgave endret',
}

const accommodationOptions = accommodationGroups.flatMap((group) => group.options)
const listOrNone = (names: string[]) => (names.length > 0 ? names.join(', ') : 'Ingen oppgitt')

export default function OpeningPage() {
  const { opening, carvedJob, history, actions, editable } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const notice = useNotice()
  const base = `/arbeidsgiver/stillinger/${opening.id}`
  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <BodyShort size="small">
          <Link as={RemixLink} to={`/arbeidsgiver/arbeidssteder/${opening.workplaceId}`}>
            {opening.workplaceName}
          </Link>
        </BodyShort>
        <HStack gap="space-16" align="center">
          <Heading level="1" size="large">
            {opening.title}
          </Heading>
          <Tag variant={openingStatusVariants[opening.status] ?? 'neutral'}>{openingStatusLabels[opening.status]}</Tag>
        </HStack>
        <BodyShort>{optionName(openingTypeOptions, opening.openingType)}</BodyShort>
      </VStack>

      {notice ? (
        <Alert variant={notice.variant} role="status">
          {notice.text}
          {notice.text.startsWith('Startdatoen') && editable ? (
            <>
              {' '}
              <Link as={RemixLink} to={`${base}/rediger`}>
                Endre startdatoen
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      {opening.status === 'closed' && opening.closeReason ? <Alert variant="info">Avsluttet: {opening.closeReason}</Alert> : null}

      {actions.length > 0 ? (
        <VStack gap="space-16" as="section" aria-labelledby="status-handlinger">
          <Heading level="2" size="medium" id="status-handlinger">
            Status
          </Heading>
          <HStack gap="space-16" align="end">
            {actions.includes('publish') ? (
              <Form method="post">
                <AuthenticityTokenInput />
                <input type="hidden" name="status" value={opening.status} />
                <Button type="submit" name="intent" value="publish">
                  {opening.status === 'paused' ? 'Publiser igjen' : 'Publiser'}
                </Button>
              </Form>
            ) : null}
            {actions.includes('pause') ? (
              <Form method="post">
                <AuthenticityTokenInput />
                <input type="hidden" name="status" value={opening.status} />
                <Button type="submit" name="intent" value="pause" variant="secondary">
                  Sett på pause
                </Button>
              </Form>
            ) : null}
            {actions.includes('fill') ? (
              <Form method="post">
                <AuthenticityTokenInput />
                <input type="hidden" name="status" value={opening.status} />
                <Button type="submit" name="intent" value="fill" variant="secondary">
                  Marker som besatt
                </Button>
              </Form>
            ) : null}
          </HStack>
          {actions.includes('close') ? (
            <Form method="post" className="form-narrow">
              <AuthenticityTokenInput />
              <input type="hidden" name="status" value={opening.status} />
              <VStack gap="space-8">
                <Textarea
                  label="Hvorfor avsluttes stillingen?"
                  description="Skriv kort, for eksempel «Behovet falt bort». Grunnen lagres i historikken."
                  name="note"
                  maxLength={1000}
                  defaultValue={actionData?.intent === 'close' ? actionData.note : ''}
                  error={actionData?.intent === 'close' ? actionData.noteError : undefined}
                />
                <div>
                  <Button type="submit" name="intent" value="close" variant="danger">
                    Avslutt stillingen
                  </Button>
                </div>
              </VStack>
            </Form>
          ) : null}
        </VStack>
      ) : null}

      <VStack gap="space-16" as="section" aria-labelledby="om-stillingen">
        <HStack gap="space-16" align="center">
          <Heading level="2" size="medium" id="om-stillingen">
            Om stillingen
          </Heading>
          {editable ? (
            <Link as={RemixLink} to={`${base}/rediger`}>
              Rediger stillingen
            </Link>
          ) : null}
        </HStack>
        {opening.description ? <BodyShort className="preserve-lines">{opening.description}</BodyShort> : null}
        <Facts
          items={[
            ['Timer per uke', opening.hoursMin === opening.hoursMax ? formatHours(opening.hoursMin) : `${formatHours(opening.hoursMin)}–${formatHours(opening.hoursMax)}`],
            ['Arbeidstid', scheduleText(opening.timesOfDay, opening.days)],
            ['Fleksibilitet', opening.flexibility || 'Ikke oppgitt'],
            ['Kan tilby', listOrNone(opening.accommodations.map((code) => optionName(accommodationOptions, code)))],
            ['Mentor', opening.mentorAvailable ? 'Ja, en fast kollega kan følge opp' : 'Nei'],
            ['Åpne for virkemidler', listOrNone(opening.measures.map((code) => optionName(measureOptions, code)))],
            ['Startdato', norwegianDate(opening.startDate)],
            ['Varighet', opening.durationWeeks ? `${opening.durationWeeks} uker` : 'Ingen fast slutt'],
            ['Antall plasser', String(opening.places)],
            ['Mulighet for ansettelse', hireProspectNames[opening.hireProspect] ?? opening.hireProspect],
            ['Kontaktperson', [opening.contactName, opening.contactPhone, opening.contactEmail].filter(Boolean).join(', ')],
          ]}
        />
      </VStack>

      {carvedJob ? (
        <CarvedJobTasks heading={`Oppgavene: ${carvedJob.name}, ${formatHours(carvedJob.totalHours)} timer i uka`} tasks={carvedJob.tasks} />
      ) : null}

      <VStack gap="space-8" as="section" aria-labelledby="historikk">
        <Heading level="2" size="medium" id="historikk">
          Historikk
        </Heading>
        <List size="small">
          {history.map((entry) => (
            <List.Item key={entry.id}>
              <strong>{eventLabels[entry.event] ?? entry.event}</strong> {formatOsloDateTime(entry.occurredAt)}
              {entry.actorName ? ` av ${entry.actorName}` : ''}
              {entry.note ? `: ${entry.note}` : ''}
            </List.Item>
          ))}
        </List>
      </VStack>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
