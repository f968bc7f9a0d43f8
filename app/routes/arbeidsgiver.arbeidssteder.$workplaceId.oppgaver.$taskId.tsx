import { getFormProps } from '@conform-to/react'
import { Alert, BodyShort, Button, Checkbox, Heading, Link, List, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { FormActions } from '~/components/form-actions'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/form-errors'
import { TaskFormFields } from '~/components/task-form'
import { requireWorkplaceOf } from '~/modules/employer-access.server'
import { editTask, removeTask, requireTaskOf } from '~/modules/workplaces.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { useSchemaForm } from '~/utils/use-schema-form'
import { taskInputFrom, taskSchema } from '~/utils/task-form'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.task.name ?? 'Arbeidsoppgave'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  const task = await requireTaskOf(workplace.id, params.taskId)
  return json({ workplace: { id: workplace.id, name: workplace.name }, task })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  const task = await requireTaskOf(workplace.id, params.taskId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const back = `/arbeidsgiver/arbeidssteder/${workplace.id}`

  if (formData.get('intent') === 'delete') {
    const result = await removeTask(user, workplace.id, task)
    if (result.outcome === 'deleted') return redirect(`${back}?melding=oppgave-slettet`)
    return json({ deleteBlockedBy: result.carvedJobNames, lastResult: null, liveOpenings: null })
  }

  const submission = parseForm(formData, { schema: taskSchema })
  if (submission.status !== 'success') return json({ lastResult: submission.reply(), liveOpenings: null, deleteBlockedBy: null }, { status: 400 })
  const result = await editTask(user, workplace.id, task, taskInputFrom(submission.value), submission.value.confirmLiveOpenings)
  if (result.outcome === 'needs-confirmation') {
    return json({ lastResult: submission.reply(), liveOpenings: result.openings, deleteBlockedBy: null }, { status: 409 })
  }
  return redirect(`${back}?melding=${result.adjustedOpenings > 0 ? 'oppgave-endret-stilling-justert' : 'oppgave-endret'}`)
}

export default function EditTaskPage() {
  const { workplace, task } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(taskSchema, {
    id: `oppgave-${task.id}`,
    lastResult: actionData?.lastResult,
    defaultValue: {
      name: task.name,
      styrk08: task.styrk08 ?? '',
      hoursPerWeek: String(task.hoursPerWeek).replace('.', ','),
      timesOfDay: task.timesOfDay,
      days: task.days,
      demands: Object.fromEntries(Object.entries(task.demands).map(([code, level]) => [code, String(level)])),
      requirements: task.requirements,
      separable: task.separable ? 'ja' : 'nei',
      currentRole: task.currentRole,
    },
  })
  const liveOpenings = actionData?.liveOpenings ?? null
  return (
    <VStack gap="space-24" className="form-wide">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          Endre arbeidsoppgave
        </Heading>
        <BodyShort>
          Arbeidssted: <Link as={RemixLink} to={`/arbeidsgiver/arbeidssteder/${workplace.id}`}>{workplace.name}</Link>
        </BodyShort>
      </VStack>
      {task.liveOpenings.length > 0 && !liveOpenings ? (
        <Alert variant="info">
          Oppgaven inngår i {task.liveOpenings.length === 1 ? 'en stilling' : 'stillinger'} som er publisert eller på pause:{' '}
          {task.liveOpenings.map((opening) => `«${opening.title}»`).join(', ')}. Vi ber deg bekrefte før endringen lagres.
        </Alert>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <VStack gap="space-32">
          <FormErrors errors={form.errors} id={form.errorId} />
          <TaskFormFields fields={fields} nameReadOnly={false} />
          {liveOpenings ? (
            <Alert variant="warning" role="alert">
              <VStack gap="space-12">
                <BodyShort weight="semibold">Endringen gjelder også disse stillingene:</BodyShort>
                <List size="small">
                  {liveOpenings.map((opening) => (
                    <List.Item key={opening.id}>
                      <Link as={RemixLink} to={`/arbeidsgiver/stillinger/${opening.id}`}>
                        {opening.title}
                      </Link>
                    </List.Item>
                  ))}
                </List>
                <BodyShort>
                  Stillingene viser oppgavene slik de er beskrevet her. Blir timene for den tilpassede jobben flere eller færre
                  enn stillingen oppgir, justerer vi timene i stillingen, og endringen står i historikken.
                </BodyShort>
                <Checkbox name={fields.confirmLiveOpenings.name} value="on">
                  Jeg forstår at endringen også gjelder stillingene over
                </Checkbox>
              </VStack>
            </Alert>
          ) : null}
          <FormActions submitLabel="Lagre endringene" cancelTo={`/arbeidsgiver/arbeidssteder/${workplace.id}`} />
        </VStack>
      </Form>
      <VStack gap="space-12" as="section" aria-labelledby="slett-oppgave">
        <Heading level="2" size="small" id="slett-oppgave">
          Slett oppgaven
        </Heading>
        {actionData?.deleteBlockedBy ? (
          <Alert variant="error" role="alert">
            Oppgaven inngår i den tilpassede jobben {actionData.deleteBlockedBy.map((name) => `«${name}»`).join(', ')} og kan ikke
            slettes. Slett den tilpassede jobben først (det går når ingen stilling bruker den), eller marker at oppgaven ikke kan
            skilles ut.
          </Alert>
        ) : null}
        <Form method="post">
          <AuthenticityTokenInput />
          <input type="hidden" name="intent" value="delete" />
          <Button type="submit" variant="danger" size="small">
            Slett oppgaven
          </Button>
        </Form>
      </VStack>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
