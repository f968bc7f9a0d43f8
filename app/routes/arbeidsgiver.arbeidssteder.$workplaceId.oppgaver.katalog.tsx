import { Alert, BodyShort, Button, Checkbox, CheckboxGroup, Fieldset, Heading, HStack, Link, Radio, RadioGroup, Search, Select, Table, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import {
  dayOptions,
  demandLevelName,
  demandDimensions,
  optionName,
  requirementOptions,
  searchTaskCatalogue,
  taskGroupOptions,
  timeOfDayOptions,
} from '../../prisma-free-sql/reference-data/vocabulary'
import { FormActions } from '~/components/form-actions'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requireWorkplaceOf } from '~/modules/employer-access.server'
import { addCatalogueTasks } from '~/modules/workplaces.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { currentRoleField, daysField, hoursPerWeekField, separableField, timesOfDayField } from '~/utils/task-form'

export const meta: MetaFunction = () => [{ title: 'Velg oppgaver fra katalogen – Jobbsnekker' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  const url = new URL(request.url)
  const query = url.searchParams.get('q') ?? ''
  const group = url.searchParams.get('gruppe') ?? ''
  const validGroup = taskGroupOptions.some((option) => option.code === group) ? group : ''
  return json({
    workplace: { id: workplace.id, name: workplace.name },
    query,
    group: validGroup,
    tasks: searchTaskCatalogue(query, validGroup || undefined).map((task) => ({
      code: task.code,
      name: task.name,
      groupName: task.groupName,
      demands: Object.entries(task.demands).map(([dimension, level]) => ({
        name: demandDimensions.find((candidate) => candidate.code === dimension)?.name ?? dimension,
        level: demandLevelName(dimension, level),
      })),
      requirements: task.requirements.map((code) => optionName(requirementOptions, code)),
    })),
  })
}

const commonSchema = z.object({
  timesOfDay: timesOfDayField,
  days: daysField,
  separable: separableField,
  currentRole: currentRoleField,
})

type Submitted = { selected: string[]; hours: Record<string, string>; timesOfDay: string[]; days: string[]; separable: string; currentRole: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const selected = formData.getAll('valgt').map(String)
  const submitted: Submitted = {
    selected,
    hours: Object.fromEntries(selected.map((code) => [code, String(formData.get(`timer-${code}`) ?? '')])),
    timesOfDay: formData.getAll('timesOfDay').map(String),
    days: formData.getAll('days').map(String),
    separable: String(formData.get('separable') ?? ''),
    currentRole: String(formData.get('currentRole') ?? ''),
  }
  const hoursErrors: Record<string, string> = {}
  const hours: Record<string, number> = {}
  for (const code of selected) {
    const parsed = hoursPerWeekField.safeParse(submitted.hours[code] || undefined)
    if (parsed.success) hours[code] = parsed.data
    else hoursErrors[code] = parsed.error.issues[0]?.message ?? 'Ugyldig antall timer.'
  }
  const common = commonSchema.safeParse({ ...submitted, currentRole: submitted.currentRole.trim() })
  const selectionError = selected.length === 0 ? 'Velg minst én oppgave.' : undefined
  if (selectionError || Object.keys(hoursErrors).length > 0 || !common.success) {
    return json(
      {
        submitted,
        selectionError,
        hoursErrors,
        commonErrors: common.success ? {} : Object.fromEntries(common.error.issues.map((issue) => [String(issue.path[0]), issue.message])),
      },
      { status: 400 },
    )
  }
  await addCatalogueTasks(
    user,
    workplace.id,
    selected.map((code) => ({
      code,
      hoursPerWeek: hours[code] ?? 0,
      timesOfDay: common.data.timesOfDay,
      days: common.data.days,
      separable: common.data.separable === 'ja',
      currentRole: common.data.currentRole,
    })),
  )
  return redirect(`/arbeidsgiver/arbeidssteder/${workplace.id}?melding=oppgaver-lagt-til&antall=${selected.length}`)
}

export default function TaskCataloguePage() {
  const { workplace, query, group, tasks } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitted = actionData?.submitted
  const problems = actionData
    ? [actionData.selectionError, ...Object.values(actionData.hoursErrors), ...Object.values(actionData.commonErrors)].filter(Boolean)
    : []
  return (
    <VStack gap="space-24">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          Velg oppgaver fra katalogen
        </Heading>
        <BodyShort>
          Arbeidssted: <Link as={RemixLink} to={`/arbeidsgiver/arbeidssteder/${workplace.id}`}>{workplace.name}</Link>. Kryss av
          oppgavene som gjøres hos dere, og skriv omtrent hvor mange timer hver tar i uka. Kravene fra katalogen fylles ut for deg,
          og du kan endre dem etterpå. Finner du ikke oppgaven?{' '}
          <Link as={RemixLink} to={`/arbeidsgiver/arbeidssteder/${workplace.id}/oppgaver/ny`}>
            Beskriv den selv
          </Link>
          .
        </BodyShort>
      </VStack>
      <Form method="get" role="search" aria-label="Søk i oppgavekatalogen">
        <HStack gap="space-16" align="end">
          <Search label="Søk etter oppgave" name="q" defaultValue={query} variant="simple" htmlSize={28} hideLabel={false} />
          <Select label="Område" name="gruppe" defaultValue={group}>
            <option value="">Alle områder</option>
            {taskGroupOptions.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary">
            Søk
          </Button>
        </HStack>
      </Form>
      {problems.length > 0 ? (
        <Alert variant="error" role="alert">
          {problems.join(' ')}
        </Alert>
      ) : null}
      <Form method="post">
        <AuthenticityTokenInput />
        <VStack gap="space-32">
          {tasks.length === 0 ? (
            <BodyShort>Ingen oppgaver i katalogen passer søket. Prøv et annet ord, eller beskriv oppgaven selv.</BodyShort>
          ) : (
            <Table size="small">
              <caption className="sr-only">Oppgaver i katalogen</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Oppgave</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Timer per uke</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Typiske krav</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {tasks.map((task) => {
                  const hoursError = actionData?.hoursErrors[task.code]
                  return (
                    <Table.Row key={task.code}>
                      <Table.DataCell>
                        <Checkbox name="valgt" value={task.code} defaultChecked={submitted?.selected.includes(task.code)} description={task.groupName}>
                          {task.name}
                        </Checkbox>
                      </Table.DataCell>
                      <Table.DataCell>
                        <TextField
                          label={`Timer per uke for ${task.name}`}
                          hideLabel
                          name={`timer-${task.code}`}
                          inputMode="decimal"
                          htmlSize={5}
                          size="small"
                          defaultValue={submitted?.hours[task.code] ?? ''}
                          error={hoursError}
                        />
                      </Table.DataCell>
                      <Table.DataCell>
                        <BodyShort size="small">
                          {task.demands.map((demand) => `${demand.name}: ${demand.level}`).join(', ')}
                          {task.requirements.length > 0 ? `. Krever: ${task.requirements.join(', ')}` : ''}
                        </BodyShort>
                      </Table.DataCell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
          )}
          <Fieldset legend="Gjelder alle oppgavene du velger" description="Du kan endre hver oppgave etterpå.">
            <VStack gap="space-16">
              <HStack gap="space-32" align="start">
                <CheckboxGroup legend="Tid på døgnet" defaultValue={submitted?.timesOfDay ?? ['DAG']} error={actionData?.commonErrors.timesOfDay}>
                  {timeOfDayOptions.map((option) => (
                    <Checkbox key={option.code} name="timesOfDay" value={option.code}>
                      {option.name}
                    </Checkbox>
                  ))}
                </CheckboxGroup>
                <CheckboxGroup legend="Dager" defaultValue={submitted?.days ?? ['UKEDAGER']} error={actionData?.commonErrors.days}>
                  {dayOptions.map((option) => (
                    <Checkbox key={option.code} name="days" value={option.code}>
                      {option.name}
                    </Checkbox>
                  ))}
                </CheckboxGroup>
              </HStack>
              <RadioGroup
                legend="Kan oppgavene skilles ut fra dagens stillinger?"
                name="separable"
                defaultValue={submitted?.separable || 'ja'}
                error={actionData?.commonErrors.separable}
              >
                <Radio value="ja">Ja</Radio>
                <Radio value="nei">Nei</Radio>
              </RadioGroup>
              <TextField
                label="Hvem gjør dem nå? (valgfritt)"
                description="En rolle, ikke et navn, for eksempel «Butikkmedarbeider»."
                name="currentRole"
                defaultValue={submitted?.currentRole ?? ''}
                error={actionData?.commonErrors.currentRole}
              />
            </VStack>
          </Fieldset>
          <FormActions submitLabel="Legg til valgte oppgaver" cancelTo={`/arbeidsgiver/arbeidssteder/${workplace.id}`} />
        </VStack>
      </Form>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
