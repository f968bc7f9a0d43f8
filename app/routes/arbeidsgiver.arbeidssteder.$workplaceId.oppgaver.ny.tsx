import { getFormProps } from '@conform-to/react'
import { BodyShort, Heading, Link, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { FormActions } from '~/components/form-actions'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/form-errors'
import { TaskFormFields } from '~/components/task-form'
import { requireWorkplaceOf } from '~/modules/employer-access.server'
import { addOwnTask } from '~/modules/workplaces.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { useSchemaForm } from '~/utils/use-schema-form'
import { taskInputFrom, taskSchema } from '~/utils/task-form'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Ny arbeidsoppgave – Jobbsnekker' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  return json({ workplace: { id: workplace.id, name: workplace.name } })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: taskSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  await addOwnTask(user, workplace.id, taskInputFrom(submission.value))
  return redirect(`/arbeidsgiver/arbeidssteder/${workplace.id}?melding=oppgave-lagt-til`)
}

export default function NewTaskPage() {
  const { workplace } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(taskSchema, {
    id: 'ny-oppgave',
    lastResult,
    defaultValue: { separable: 'ja', timesOfDay: ['DAG'], days: ['UKEDAGER'] },
  })
  return (
    <VStack gap="space-24" className="form-wide">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          Ny arbeidsoppgave
        </Heading>
        <BodyShort>
          Arbeidssted: <Link as={RemixLink} to={`/arbeidsgiver/arbeidssteder/${workplace.id}`}>{workplace.name}</Link>. Finner du
          oppgaven i katalogen, er det raskere å{' '}
          <Link as={RemixLink} to={`/arbeidsgiver/arbeidssteder/${workplace.id}/oppgaver/katalog`}>
            velge den derfra
          </Link>
          .
        </BodyShort>
      </VStack>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <VStack gap="space-32">
          <FormErrors errors={form.errors} id={form.errorId} />
          <TaskFormFields fields={fields} />
          <FormActions submitLabel="Lagre oppgaven" cancelTo={`/arbeidsgiver/arbeidssteder/${workplace.id}`} />
        </VStack>
      </Form>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
