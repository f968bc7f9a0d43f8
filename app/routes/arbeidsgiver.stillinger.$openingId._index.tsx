import { Alert, BodyShort, Button, Heading, HStack, Link, List, Tag, Textarea, TextField, VStack } from '@navikt/ds-react'
import type { ReactNode } from 'react'
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
import { ButtonLink } from '~/components/button-link'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatOsloDateTime } from '~/components/labels'
import { hireProspectNames } from '~/components/opening-form'
import { requireOpeningOf } from '~/modules/employer-access.server'
import { carvedJobForOpening, editableStatuses, openingHistory, openingTransitions, todayInNorway, transitionOpening } from '~/modules/openings.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { norwegianDate } from '~/utils/opening-form'
import { plainText } from '~/utils/form-text'

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
  z.object({ intent: z.literal('fill'), status: z.enum(openingStatuses), note: plainText(z.string().trim().max(1000, 'Høyst 1000 tegn.')).default('') }),
  z.object({
    intent: z.literal('close'),
    status: z.enum(openingStatuses),
    note: plainText(
      z
        .string({ required_error: 'Skriv hvorfor stillingen avsluttes.' })
        .trim()
        .min(3, 'Skriv hvorfor stillingen avsluttes, for eksempel «Vi fant ingen som passet denne gangen».')
        .max(1000, 'Høyst 1000 tegn.'),
    ),
  }),
])

/** What the history says when the employer wrote no note. */
const defaultNotes = {
  publish: 'Publisert.',
  pause: 'Satt på pause.',
  fill: 'Plassen er besatt.',
  close: '',
} as const

/** A lifecycle form sent back: which form, the message for its field, and what was typed. */
type TransitionProblem = { intent: 'fill' | 'close' | 'publish'; message: string; note: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const opening = await requireOpeningOf(user, params.openingId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submitted = Object.fromEntries(formData)
  const parsed = transitionSchema.safeParse(submitted)
  if (!parsed.success) {
    const issue = parsed.error.issues.find((candidate) => candidate.path[0] === 'note')
    const intent = submitted.intent
    if (!issue || (intent !== 'fill' && intent !== 'close')) throw new Response('Ugyldig forespørsel.', { status: 400 })
    return json<TransitionProblem>({ intent, message: issue.message, note: String(submitted.note ?? '') }, { status: 400 })
  }
  const { intent, status } = parsed.data
  const base = `/arbeidsgiver/stillinger/${opening.id}`
  // A page from before someone else's change must not act on the new state.
  if (status !== opening.status) return redirect(`${base}?melding=utdatert`)
  const note = ('note' in parsed.data ? parsed.data.note : '') || defaultNotes[intent]
  const outcome = await transitionOpening(user, opening, intent, note, todayInNorway())
  if (outcome === 'stale') return redirect(`${base}?melding=utdatert`)
  if (outcome === 'start-date-passed') {
    return json<TransitionProblem>(
      { intent: 'publish', message: `Startdatoen ${norwegianDate(opening.startDate)} har passert. Velg en ny startdato før du publiserer.`, note: '' },
      { status: 400 },
    )
  }
  return redirect(`${base}?melding=${intent}`)
}

const notices: Record<string, { variant: 'success' | 'info' | 'warning'; text: string }> = {
  opprettet: { variant: 'success', text: 'Stillingen er lagret som utkast. Publiser den når du er klar.' },
  lagret: { variant: 'success', text: 'Endringene er lagret.' },
  publish: { variant: 'success', text: 'Stillingen er publisert. Jobbspesialister og veiledere kan nå foreslå kandidater.' },
  pause: { variant: 'info', text: 'Stillingen er satt på pause. Ingen nye kandidater blir foreslått før du publiserer igjen.' },
  fill: { variant: 'success', text: 'Stillingen er markert som besatt.' },
  close: { variant: 'info', text: 'Stillingen er avsluttet.' },
  utdatert: {
    variant: 'warning',
    text: 'Stillingen ble endret av noen andre før du trykket. Her er slik den er nå; prøv igjen om det fortsatt trengs.',
  },
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
  const [searchParams] = useSearchParams()
  // A form sent back with an error replaces the message from the last redirect, which no longer applies.
  const notice = actionData ? undefined : notices[searchParams.get('melding') ?? '']
  const problem = (intent: TransitionProblem['intent']) => (actionData?.intent === intent ? actionData : undefined)
  const base = `/arbeidsgiver/stillinger/${opening.id}`
  const startDateProblem = problem('publish')
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
        </Alert>
      ) : null}
      {opening.status === 'closed' && opening.closeReason ? <Alert variant="info">Avsluttet: {opening.closeReason}</Alert> : null}
      {opening.status === 'published' ? (
        <HStack>
          <ButtonLink to={`${base}/kandidater`}>Se kandidater som passer</ButtonLink>
        </HStack>
      ) : null}

      {actions.length > 0 ? (
        <VStack gap="space-24" as="section" aria-labelledby="status-handlinger">
          <Heading level="2" size="medium" id="status-handlinger">
            Status
          </Heading>
          {actions.includes('publish') || actions.includes('pause') ? (
            <VStack gap="space-8">
              <HStack gap="space-16" align="end">
                {actions.includes('publish') ? (
                  <LifecycleForm status={opening.status}>
                    <Button type="submit" name="intent" value="publish" aria-describedby={startDateProblem ? 'startdato-passert' : undefined}>
                      {opening.status === 'paused' ? 'Publiser igjen' : 'Publiser'}
                    </Button>
                  </LifecycleForm>
                ) : null}
                {actions.includes('pause') ? (
                  <LifecycleForm status={opening.status}>
                    <Button type="submit" name="intent" value="pause" variant="secondary">
                      Sett på pause
                    </Button>
                  </LifecycleForm>
                ) : null}
              </HStack>
              {startDateProblem ? (
                <Alert variant="error" size="small" role="alert" id="startdato-passert">
                  {startDateProblem.message}{' '}
                  {editable ? (
                    <Link as={RemixLink} to={`${base}/rediger`}>
                      Endre startdatoen
                    </Link>
                  ) : null}
                </Alert>
              ) : null}
            </VStack>
          ) : null}
          {actions.includes('fill') ? (
            <LifecycleForm status={opening.status}>
              <VStack gap="space-8" className="form-narrow">
                <TextField
                  label="Merknad om besettelsen (valgfritt)"
                  description="Lagres i historikken, for eksempel «Kandidat fra jobbspesialisten starter 1. mars». Ikke skriv noe om helse."
                  name="note"
                  maxLength={1000}
                  defaultValue={problem('fill')?.note}
                  error={problem('fill')?.message}
                />
                <div>
                  <Button type="submit" name="intent" value="fill" variant="secondary">
                    Marker som besatt
                  </Button>
                </div>
              </VStack>
            </LifecycleForm>
          ) : null}
          {actions.includes('close') ? (
            <LifecycleForm status={opening.status}>
              <VStack gap="space-8" className="form-narrow">
                <Textarea
                  label="Hvorfor avsluttes stillingen?"
                  description="Skriv kort, for eksempel «Behovet falt bort». Grunnen lagres i historikken."
                  name="note"
                  maxLength={1000}
                  defaultValue={problem('close')?.note}
                  error={problem('close')?.message}
                />
                <div>
                  <Button type="submit" name="intent" value="close" variant="danger">
                    Avslutt stillingen
                  </Button>
                </div>
              </VStack>
            </LifecycleForm>
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

/** One lifecycle action; the status the page showed lets the server refuse a form from before someone else's change. */
function LifecycleForm({ status, children }: { status: string; children: ReactNode }) {
  return (
    <Form method="post">
      <AuthenticityTokenInput />
      <input type="hidden" name="status" value={status} />
      {children}
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
