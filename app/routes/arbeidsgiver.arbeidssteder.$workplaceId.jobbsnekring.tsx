import { Alert, BodyShort, Box, Button, Checkbox, CheckboxGroup, Heading, HStack, Link, List, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import type { CarvedJobSummary } from '../../matching/carving'
import {
  dayOptions,
  demandDimensions,
  demandLevelName,
  optionName,
  requirementOptions,
  timeOfDayOptions,
} from '../../prisma-free-sql/reference-data/vocabulary'
import { formatHours, scheduleText } from '~/components/employer-labels'
import { ButtonLink } from '~/components/button-link'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requireWorkplaceOf } from '~/modules/employer-access.server'
import { carvingProposals, saveCarvedJob, summariseSelection, workplaceTasks } from '~/modules/workplaces.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { daysField, hoursPerWeekField, timesOfDayField } from '~/utils/task-form'
import { plainText } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Snekre en tilpasset jobb – Jobbsnekker' }]

const targetSchema = z.object({
  hoursPerWeek: hoursPerWeekField,
  timesOfDay: timesOfDayField,
  days: daysField,
})

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  const url = new URL(request.url)
  const given = {
    hours: url.searchParams.get('timer') ?? '',
    timesOfDay: url.searchParams.getAll('tid'),
    days: url.searchParams.getAll('dag'),
  }
  const chosen = url.searchParams.getAll('velg')
  let targetError: string | undefined
  let proposals = null
  const { tasks, result } = given.hours
    ? await (async () => {
        const target = targetSchema.safeParse({ hoursPerWeek: given.hours, timesOfDay: given.timesOfDay, days: given.days })
        if (!target.success) {
          targetError = target.error.issues[0]?.message
          return { tasks: await workplaceTasks(workplace.id), result: null }
        }
        return carvingProposals(workplace.id, target.data)
      })()
    : { tasks: await workplaceTasks(workplace.id), result: null }
  if (result) proposals = result
  const separableTasks = tasks.filter((task) => task.separable)
  const taskNames = new Map(tasks.map((task) => [task.id, task.name]))
  return json({
    workplace: { id: workplace.id, name: workplace.name },
    given,
    targetError,
    proposals: proposals
      ? {
          status: proposals.status,
          toleranceHours: proposals.toleranceHours,
          items: proposals.proposals.map((proposal) => ({ ...proposal, taskNames: proposal.taskIds.map((id) => taskNames.get(id) ?? id) })),
        }
      : null,
    separableTasks: separableTasks.map((task) => ({
      id: task.id,
      name: task.name,
      hoursPerWeek: task.hoursPerWeek,
      schedule: scheduleText(task.timesOfDay, task.days),
    })),
    chosen: chosen.filter((id) => separableTasks.some((task) => task.id === id)),
    chosenSummary: chosen.length > 0 ? summariseSelection(tasks, chosen) : null,
  })
}

const carvedJobSchema = z.object({
  intent: z.enum(['preview', 'save']),
  name: plainText(z.string().trim().max(200, 'Høyst 200 tegn.')).default(''),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submitted = {
    intent: formData.get('intent'),
    name: String(formData.get('name') ?? ''),
    targetHours: String(formData.get('targetHours') ?? ''),
    taskIds: formData.getAll('taskIds').map(String),
  }
  const parsed = carvedJobSchema.safeParse(submitted)
  const tasks = await workplaceTasks(workplace.id)
  const taskIds = submitted.taskIds.filter((id) => tasks.some((task) => task.id === id && task.separable))
  const summary = summariseSelection(tasks, taskIds)
  const errors: Record<string, string> = {}
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message
  }
  // The size asked for is kept for reference; without one, the selection's own total is the target.
  const target = hoursPerWeekField.safeParse(submitted.targetHours)
  const targetHours = target.success ? target.data : Math.min(60, Math.max(0.5, summary.totalHours))
  if (taskIds.length === 0) errors.taskIds = 'Velg minst én oppgave til jobben.'
  if (parsed.success && parsed.data.intent === 'save' && parsed.data.name === '') errors.name = 'Gi jobben et navn, for eksempel «Kontorassistent 12 timer».'
  if (Object.keys(errors).length > 0 || !parsed.success || parsed.data.intent === 'preview') {
    return json({ submitted: { ...submitted, taskIds }, errors, summary: taskIds.length > 0 ? summary : null }, { status: Object.keys(errors).length > 0 ? 400 : 200 })
  }
  await saveCarvedJob(user, workplace.id, { name: parsed.data.name, targetHours, taskIds })
  return redirect(`/arbeidsgiver/arbeidssteder/${workplace.id}?melding=jobb-lagret`)
}

function SummaryFacts({ summary }: { summary: CarvedJobSummary }) {
  const demands = demandDimensions.filter((dimension) => summary.demandProfile[dimension.code] !== undefined)
  const freed = summary.freedHoursByRole.filter((entry) => entry.role)
  return (
    <VStack gap="space-8">
      <BodyShort>
        <strong>{formatHours(summary.totalHours)} timer i uka</strong> · sammenheng {Math.round(summary.coherence * 100)} % (tidspunkt{' '}
        {Math.round(summary.coherenceParts.schedule * 100)} %, krav til jobben {Math.round(summary.coherenceParts.demands * 100)} %)
      </BodyShort>
      {demands.length > 0 ? (
        <BodyShort size="small">
          Krever: {demands.map((dimension) => `${dimension.name.toLocaleLowerCase('nb')} ${demandLevelName(dimension.code, summary.demandProfile[dimension.code] ?? 0)}`).join(', ')}
        </BodyShort>
      ) : null}
      <BodyShort size="small">
        Sertifikater og attester:{' '}
        {summary.requirements.length > 0 ? summary.requirements.map((code) => optionName(requirementOptions, code)).join(', ') : 'ingen'}
      </BodyShort>
      {freed.length > 0 ? (
        <BodyShort size="small">
          Frigjør for dagens ansatte: {freed.map((entry) => `${formatHours(entry.hours)} t/uke for ${entry.role.toLocaleLowerCase('nb')}`).join(', ')}
        </BodyShort>
      ) : null}
    </VStack>
  )
}

export default function CarvingPage() {
  const { workplace, given, targetError, proposals, separableTasks, chosen, chosenSummary } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const base = `/arbeidsgiver/arbeidssteder/${workplace.id}`
  const selection = actionData?.submitted.taskIds ?? chosen
  const summary = actionData ? actionData.summary : chosenSummary
  const targetForSave = actionData?.submitted.targetHours ?? given.hours
  const choose = (taskIds: string[]) => {
    const params = new URLSearchParams({ timer: given.hours })
    for (const code of given.timesOfDay) params.append('tid', code)
    for (const code of given.days) params.append('dag', code)
    for (const id of taskIds) params.append('velg', id)
    return `?${params}#tilpass`
  }
  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <BodyShort size="small">
          <Link as={RemixLink} to={base}>
            {workplace.name}
          </Link>
        </BodyShort>
        <Heading level="1" size="large">
          Snekre en tilpasset jobb
        </Heading>
        <BodyShort>
          Si hvor stor jobben skal være. Vi foreslår kombinasjoner av oppgavene som kan skilles ut, og setter sammen oppgaver som
          gjøres på samme tid, stiller like krav og trenger få sertifikater.
        </BodyShort>
      </VStack>

      {separableTasks.length === 0 ? (
        <Alert variant="info">
          Ingen oppgaver ved {workplace.name} er merket som mulige å skille ut.{' '}
          <Link as={RemixLink} to={base}>
            Legg til eller endre oppgaver
          </Link>{' '}
          først.
        </Alert>
      ) : null}

      <Form method="get" aria-labelledby="storrelse">
        <VStack gap="space-16">
          <Heading level="2" size="medium" id="storrelse">
            Størrelse og tidspunkt
          </Heading>
          <TextField
            label="Timer per uke"
            description="For eksempel 12."
            name="timer"
            inputMode="decimal"
            htmlSize={6}
            defaultValue={given.hours}
            error={targetError}
          />
          <HStack gap="space-32" align="start">
            <CheckboxGroup legend="Tid på døgnet (valgfritt)" defaultValue={given.timesOfDay}>
              {timeOfDayOptions.map((option) => (
                <Checkbox key={option.code} name="tid" value={option.code}>
                  {option.name}
                </Checkbox>
              ))}
            </CheckboxGroup>
            <CheckboxGroup legend="Dager (valgfritt)" defaultValue={given.days}>
              {dayOptions.map((option) => (
                <Checkbox key={option.code} name="dag" value={option.code}>
                  {option.name}
                </Checkbox>
              ))}
            </CheckboxGroup>
          </HStack>
          <div>
            <Button type="submit">Foreslå jobber</Button>
          </div>
        </VStack>
      </Form>

      {proposals ? (
        <VStack gap="space-16" as="section" aria-labelledby="forslag">
          <Heading level="2" size="medium" id="forslag">
            Forslag
          </Heading>
          {proposals.status === 'no-tasks' ? (
            <Alert variant="warning" role="status">
              Ingen av oppgavene som kan skilles ut, gjøres på tidspunktene du valgte. Prøv uten tidspunkt, eller endre oppgavene.
            </Alert>
          ) : null}
          {proposals.status === 'closest' ? (
            <Alert variant="warning" role="status">
              Ingen kombinasjon av oppgavene gir {given.hours} timer i uka (± {formatHours(proposals.toleranceHours)}). Her er de
              nærmeste. Du kan legge til flere oppgaver, eller velge en annen størrelse.
            </Alert>
          ) : null}
          {proposals.items.map((proposal, index) => (
            <Box key={proposal.taskIds.join(',')} padding="space-16" borderWidth="1" borderRadius="8" as="article" aria-labelledby={`forslag-${index}`}>
              <VStack gap="space-8">
                <Heading level="3" size="small" id={`forslag-${index}`}>
                  Forslag {index + 1}: {formatHours(proposal.totalHours)} timer
                </Heading>
                <List size="small">
                  {proposal.taskNames.map((name, taskIndex) => (
                    <List.Item key={proposal.taskIds[taskIndex]}>{name}</List.Item>
                  ))}
                </List>
                <SummaryFacts summary={proposal} />
                <div>
                  <ButtonLink to={choose(proposal.taskIds)} size="small" variant="secondary">
                    Tilpass og lagre forslag {index + 1}
                  </ButtonLink>
                </div>
              </VStack>
            </Box>
          ))}
        </VStack>
      ) : null}

      {separableTasks.length > 0 && (selection.length > 0 || actionData) ? (
        <Form method="post" id="tilpass" aria-labelledby="tilpass-overskrift">
          <AuthenticityTokenInput />
          <input type="hidden" name="targetHours" value={targetForSave || String(summary?.totalHours ?? '')} />
          <VStack gap="space-16">
            <Heading level="2" size="medium" id="tilpass-overskrift">
              Tilpass jobben
            </Heading>
            <CheckboxGroup
              legend="Oppgaver i jobben"
              description="Kryss av og fjern oppgaver. Trykk «Oppdater oppsummering» for å se timer og krav."
              defaultValue={selection}
              error={actionData?.errors.taskIds}
              key={selection.join(',')}
            >
              {separableTasks.map((task) => (
                <Checkbox key={task.id} name="taskIds" value={task.id} description={`${formatHours(task.hoursPerWeek)} t/uke · ${task.schedule}`}>
                  {task.name}
                </Checkbox>
              ))}
            </CheckboxGroup>
            {summary ? (
              <Box padding="space-16" background="neutral-soft" borderRadius="8" aria-live="polite" id="oppsummering">
                <SummaryFacts summary={summary} />
              </Box>
            ) : null}
            <TextField
              label="Navn på jobben"
              description="For eksempel «Kontorassistent» eller «Lager og vareflyt, 12 timer»."
              name="name"
              defaultValue={actionData?.submitted.name ?? ''}
              error={actionData?.errors.name}
            />
            <HStack gap="space-16">
              <Button type="submit" name="intent" value="save">
                Lagre tilpasset jobb
              </Button>
              <Button type="submit" name="intent" value="preview" variant="secondary">
                Oppdater oppsummering
              </Button>
            </HStack>
          </VStack>
        </Form>
      ) : null}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
