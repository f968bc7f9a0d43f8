import { getFormProps } from '@conform-to/react'
import { Alert, BodyShort, Heading, Link, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { openingStatusLabels } from '~/components/employer-labels'
import { FormActions } from '~/components/form-actions'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/form-errors'
import { OpeningFormFields } from '~/components/opening-form'
import { requireOpeningOf } from '~/modules/employer-access.server'
import { carvedJobForOpening, editableStatuses, editOpening, hoursProblems, todayInNorway } from '~/modules/openings.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { useSchemaForm } from '~/utils/use-schema-form'
import { openingFormDefaults, openingInputFrom, openingSchema } from '~/utils/opening-form'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Rediger ${data?.opening.title ?? 'stilling'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const opening = await requireOpeningOf(user, params.openingId)
  const carvedJob = await carvedJobForOpening(opening.workplaceId, opening.carvedJobId)
  return json({
    opening,
    carvedJobHours: carvedJob?.summary.totalHours,
    today: todayInNorway(),
    editable: editableStatuses.includes(opening.status),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const opening = await requireOpeningOf(user, params.openingId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: openingSchema(todayInNorway(), opening.startDate) })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const carvedJob = await carvedJobForOpening(opening.workplaceId, opening.carvedJobId)
  const problems = hoursProblems(submission.value, carvedJob?.summary.totalHours)
  if (Object.keys(problems).length > 0) return json(submission.reply({ fieldErrors: problems }), { status: 400 })
  if ((await editOpening(user, opening, openingInputFrom(submission.value))) === 'not-editable') {
    return json(submission.reply({ formErrors: [`Stillingen er ${openingStatusLabels[opening.status]?.toLocaleLowerCase('nb')} og kan ikke endres.`] }), { status: 409 })
  }
  return redirect(`/arbeidsgiver/stillinger/${opening.id}?melding=lagret`)
}

export default function EditOpeningPage() {
  const { opening, carvedJobHours, today, editable } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const schema = openingSchema(today, opening.startDate)
  const [form, fields] = useSchemaForm(schema, {
    id: `stilling-${opening.id}`,
    lastResult,
    defaultValue: openingFormDefaults(opening),
  })
  const back = `/arbeidsgiver/stillinger/${opening.id}`
  return (
    <VStack gap="space-24" className="form-wide">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          Rediger stillingen
        </Heading>
        <BodyShort>
          <Link as={RemixLink} to={back}>
            {opening.title}
          </Link>
          , {opening.workplaceName}.
        </BodyShort>
      </VStack>
      {editable ? (
        <Form method="post" {...getFormProps(form)}>
          <AuthenticityTokenInput />
          <VStack gap="space-32">
            <FormErrors errors={form.errors} id={form.errorId} />
            <OpeningFormFields fields={fields} carvedJobHours={carvedJobHours} />
            <FormActions submitLabel="Lagre endringene" cancelTo={back} />
          </VStack>
        </Form>
      ) : (
        <Alert variant="info">
          Stillingen er {openingStatusLabels[opening.status]?.toLocaleLowerCase('nb')} og kan ikke endres lenger. Historikken ligger på{' '}
          <Link as={RemixLink} to={back}>
            stillingens side
          </Link>
          .
        </Alert>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
