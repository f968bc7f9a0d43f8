import { getFormProps } from '@conform-to/react'
import { BodyShort, Heading, Link, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { FormActions } from '~/components/form-actions'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/form-errors'
import { WorkplaceFormFields } from '~/components/workplace-form'
import { requireWorkplaceOf } from '~/modules/employer-access.server'
import { editWorkplace, municipalityChoices, workplaceProblems } from '~/modules/workplaces.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { useSchemaForm } from '~/utils/use-schema-form'
import { workplaceFormDefaults, workplaceInputFrom, workplaceSchema } from '~/utils/workplace-form'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Endre ${data?.workplace.name ?? 'arbeidssted'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  return json({ workplace, ...(await municipalityChoices()) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: workplaceSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const problems = await workplaceProblems(submission.value.municipalityNumber)
  if (problems) return json(submission.reply({ fieldErrors: problems }), { status: 400 })
  if ((await editWorkplace(user, workplace.id, workplaceInputFrom(submission.value))) === 'name-taken') {
    return json(submission.reply({ fieldErrors: { name: [`${workplace.organisationName} har allerede et arbeidssted med dette navnet.`] } }), { status: 400 })
  }
  return redirect(`/arbeidsgiver/arbeidssteder/${workplace.id}?melding=lagret`)
}

export default function EditWorkplacePage() {
  const { workplace, counties, municipalities } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(workplaceSchema, {
    id: `arbeidssted-${workplace.id}`,
    lastResult,
    defaultValue: workplaceFormDefaults(workplace),
  })
  const back = `/arbeidsgiver/arbeidssteder/${workplace.id}`
  return (
    <VStack gap="space-24" className="form-wide">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          Endre arbeidsstedet
        </Heading>
        <BodyShort>
          <Link as={RemixLink} to={back}>
            {workplace.name}
          </Link>
          , {workplace.organisationName}.
        </BodyShort>
      </VStack>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <VStack gap="space-32">
          <FormErrors errors={form.errors} id={form.errorId} />
          <WorkplaceFormFields fields={fields} counties={counties} municipalities={municipalities} />
          <FormActions submitLabel="Lagre endringene" cancelTo={back} />
        </VStack>
      </Form>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
