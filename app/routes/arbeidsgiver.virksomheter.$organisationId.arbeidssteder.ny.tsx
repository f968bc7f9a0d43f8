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
import { requireOrganisationOf } from '~/modules/employer-access.server'
import { createWorkplace, municipalityChoices, workplaceProblems } from '~/modules/workplaces.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { useSchemaForm } from '~/utils/use-schema-form'
import { workplaceInputFrom, workplaceSchema } from '~/utils/workplace-form'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Nytt arbeidssted – Jobbsnekker' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const organisation = await requireOrganisationOf(user, params.organisationId)
  return json({ organisation: { id: organisation.id, name: organisation.name, municipalityNumber: organisation.municipalityNumber }, ...(await municipalityChoices()) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const organisation = await requireOrganisationOf(user, params.organisationId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: workplaceSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const problems = await workplaceProblems(submission.value.municipalityNumber)
  if (problems) return json(submission.reply({ fieldErrors: problems }), { status: 400 })
  const result = await createWorkplace(user, organisation.id, workplaceInputFrom(submission.value))
  if (result.outcome === 'name-taken') {
    return json(submission.reply({ fieldErrors: { name: [`${organisation.name} har allerede et arbeidssted med dette navnet.`] } }), { status: 400 })
  }
  return redirect(`/arbeidsgiver/arbeidssteder/${result.workplaceId}?melding=opprettet`)
}

export default function NewWorkplacePage() {
  const { organisation, counties, municipalities } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(workplaceSchema, {
    id: 'nytt-arbeidssted',
    lastResult,
    defaultValue: { municipalityNumber: organisation.municipalityNumber ?? '', languages: ['norsk'] },
  })
  return (
    <VStack gap="space-24" className="form-wide">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          Nytt arbeidssted
        </Heading>
        <BodyShort>
          For <Link as={RemixLink} to={`/arbeidsgiver/virksomheter/${organisation.id}`}>{organisation.name}</Link>. Et arbeidssted er
          der jobben gjøres: en butikk, et lager, en barnehage. Etterpå legger du inn oppgavene som gjøres der.
        </BodyShort>
      </VStack>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <VStack gap="space-32">
          <FormErrors errors={form.errors} id={form.errorId} />
          <WorkplaceFormFields fields={fields} counties={counties} municipalities={municipalities} />
          <FormActions submitLabel="Lagre arbeidsstedet" cancelTo="/arbeidsgiver" />
        </VStack>
      </Form>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
