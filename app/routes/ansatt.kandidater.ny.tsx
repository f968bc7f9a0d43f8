import { getFormProps, getSelectProps } from '@conform-to/react'
import { BodyShort, Fieldset, Select, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { CandidateIdentityFields } from '~/components/candidate-identity-fields'
import { MunicipalitySelect } from '~/components/choice-fields'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormActions } from '~/components/form-actions'
import { FormErrors } from '~/components/form-errors'
import { PageHeader } from '~/components/page-header'
import { assertCaseworker, createCandidate, officeSpecialists } from '~/modules/candidates.server'
import { requireStaff } from '~/utils/auth.server'
import { identityInputFrom, newCandidateSchema } from '~/utils/candidate-form'
import { requireValidCsrf } from '~/utils/csrf.server'
import { getSql } from '~/utils/db.server'
import { useSchemaForm } from '~/utils/use-schema-form'
import { listCounties, listMunicipalities } from '../../prisma-free-sql/queries/geography'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Ny kandidat – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  assertCaseworker(user)
  const sql = getSql()
  const [counties, municipalities, colleagues] = await Promise.all([listCounties(sql), listMunicipalities(sql), officeSpecialists(user.officeId)])
  return json({ counties, municipalities, colleagues, userId: user.id, officeName: user.officeName })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  assertCaseworker(user)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: newCandidateSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const { homeMunicipalityNumber, responsibleUserId } = submission.value
  const result = await createCandidate(user, { identity: identityInputFrom(submission.value), homeMunicipalityNumber, responsibleUserId })
  if (result.outcome === 'duplicate-national-id') {
    return json(
      submission.reply({ fieldErrors: { nationalId: ['Det finnes allerede en kandidat med dette fødselsnummeret. Søk den opp i kandidatlisten, eller spør en kollega.'] } }),
      { status: 409 },
    )
  }
  return redirect(`/ansatt/kandidater/${result.candidateId}/profil?melding=opprettet`)
}

export default function NewCandidatePage() {
  const { counties, municipalities, colleagues, userId, officeName } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(newCandidateSchema, { id: 'ny-kandidat', lastResult, defaultValue: { responsibleUserId: userId } })
  return (
    <VStack gap="space-24" className="form-narrow">
      <PageHeader back={{ to: '/ansatt/kandidater', label: 'Kandidater' }} title="Ny kandidat">
        <BodyShort>
          Personopplysningene lagres for seg, og bare ansatte ved {officeName} kan se dem, med en grunn som blir logget. Arbeidsgivere ser aldri
          navn, fødselsnummer eller kontaktopplysninger. Neste steg er profilen dere skriver sammen.
        </BodyShort>
      </PageHeader>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <VStack gap="space-24">
          <FormErrors errors={form.errors} id={form.errorId} />
          <Fieldset legend="Personopplysninger">
            <CandidateIdentityFields fields={fields} />
          </Fieldset>
          <MunicipalitySelect
            field={fields.homeMunicipalityNumber}
            counties={counties}
            municipalities={municipalities}
            label="Bostedskommune"
            description="Kommunen kandidaten bor i. Arbeidsgivere ser bare fylket når få kandidater bor i samme kommune."
          />
          <Select {...getSelectProps(fields.responsibleUserId)} key={fields.responsibleUserId.key} label="Ansvarlig jobbspesialist" error={fields.responsibleUserId.errors?.[0]}>
            {colleagues.map((colleague) => (
              <option key={colleague.id} value={colleague.id}>
                {colleague.name}
                {colleague.away ? ' (borte)' : ''}
              </option>
            ))}
          </Select>
          <FormActions submitLabel="Opprett kandidat" cancelTo="/ansatt/kandidater" />
        </VStack>
      </Form>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
