import { getFormProps, getInputProps } from '@conform-to/react'
import { BodyShort, Checkbox, Link, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { MunicipalitySelect } from '~/components/choice-fields'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormActions } from '~/components/form-actions'
import { FormErrors } from '~/components/form-errors'
import { OrganisationFields } from '~/components/organisation-fields'
import { PageHeader } from '~/components/page-header'
import { addEmployer } from '~/modules/employer-relationships.server'
import { requireRegion } from '~/modules/market-region.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { getSql } from '~/utils/db.server'
import { addEmployerSchema } from '~/utils/employer-market-forms'
import { useSchemaForm } from '~/utils/use-schema-form'
import { listMunicipalities } from '../../prisma-free-sql/queries/geography'
import { naceSections } from '../../prisma-free-sql/reference-data/vocabulary'
import { organisationPath } from '~/utils/market-paths'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Legg til arbeidsgiver – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const sql = getSql()
  const region = await requireRegion(sql, user)
  const municipalities = (await listMunicipalities(sql)).filter((municipality) => region.some((county) => county.number === municipality.countyNumber))
  return json({ counties: region, municipalities, naceSections: naceSections(), mayOwn: user.roles.includes('market_contact') })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  await requireRegion(getSql(), user)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: addEmployerSchema })
  if (submission.status !== 'success') return json({ result: submission.reply(), existingId: null }, { status: 400 })
  const outcome = await addEmployer(user, submission.value)
  if (!outcome.ok) {
    return json({ result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }), existingId: outcome.existingId ?? null }, { status: 400 })
  }
  return redirect(`${organisationPath(outcome.organisationId)}?melding=lagt-til`)
}

export default function AddEmployerPage() {
  const { counties, municipalities, naceSections, mayOwn } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(addEmployerSchema, { id: 'ny-arbeidsgiver', lastResult: answer?.result })
  return (
    <VStack gap="space-24" className="form-narrow">
      <PageHeader back={{ to: '/marked', label: 'Arbeidsgivere' }} title="Legg til arbeidsgiver">
        <BodyShort>
          For virksomheter som ikke bruker portalen ennå. Når noen der registrerer seg med organisasjonsnummeret, får de tilgang til
          virksomheten, med kontaktloggen og den faste kontakten dere har avtalt.
        </BodyShort>
      </PageHeader>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <VStack gap="space-16">
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextField
            {...getInputProps(fields.orgNumber, { type: 'text' })}
            key={fields.orgNumber.key}
            label="Organisasjonsnummer"
            description="Ni siffer, som i Enhetsregisteret."
            inputMode="numeric"
            autoComplete="off"
            htmlSize={14}
            error={fields.orgNumber.errors?.[0]}
          />
          {answer?.existingId ? (
            <BodyShort>
              <Link as={RemixLink} to={organisationPath(answer.existingId)}>
                Gå til virksomheten
              </Link>
            </BodyShort>
          ) : null}
          <OrganisationFields fields={fields} naceSections={naceSections} />
          <MunicipalitySelect
            field={fields.municipalityNumber}
            counties={counties}
            municipalities={municipalities}
            description="Kommunen der virksomheten har hovedkontor. Bare kommuner i fylkene du dekker."
          />
          {mayOwn ? (
            <Checkbox {...getInputProps(fields.takeOwnership, { type: 'checkbox' })} key={fields.takeOwnership.key}>
              Jeg tar ansvaret for virksomheten
            </Checkbox>
          ) : null}
          <FormActions submitLabel="Legg til" cancelTo="/marked" />
        </VStack>
      </Form>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
