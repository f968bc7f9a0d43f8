import { getFormProps } from '@conform-to/react'
import { Alert, BodyShort, Button, Radio, RadioGroup, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { CandidateIdentityFields } from '~/components/candidate-identity-fields'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { FormActions } from '~/components/form-actions'
import { FormErrors } from '~/components/form-errors'
import { changeIdentity, requireCandidateForStaff, viewIdentity } from '~/modules/candidates.server'
import { requireStaff } from '~/utils/auth.server'
import { identityInputFrom, identityReadReasons, identitySchema, readIdentityReason } from '~/utils/candidate-form'
import { requireValidCsrf } from '~/utils/csrf.server'
import { useSchemaForm } from '~/utils/use-schema-form'
import { candidateLabel } from '../../search-index/candidate-document'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Personopplysninger – Jobbsnekker' }]

/** Without a reason the page only asks for one; with it, the read is written to the audit log before anything is shown. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const url = new URL(request.url)
  const reason = readIdentityReason(url.searchParams.get('grunn'))
  const reasonProblem = url.searchParams.has('grunn') && !reason ? 'Velg en grunn fra listen.' : undefined
  const identity = reason ? await viewIdentity(user, candidate, reason) : undefined
  if (reason && !identity) throw new Response('Personopplysningene finnes ikke.', { status: 404 })
  return json({ candidateId: candidate.id, label: candidateLabel(candidate.id), reason: reason ?? null, reasonProblem, identity: identity ?? null })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const reason = readIdentityReason(formData.get('grunn')) ?? 'retting'
  const submission = parseForm(formData, { schema: identitySchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await changeIdentity(user, candidate, identityInputFrom(submission.value))
  if (outcome === 'duplicate-national-id') {
    return json(submission.reply({ fieldErrors: { nationalId: ['En annen kandidat har allerede dette fødselsnummeret.'] } }), { status: 409 })
  }
  return redirect(`/ansatt/kandidater/${candidate.id}/personalia?grunn=${reason}&melding=lagret`)
}

export default function IdentityPage() {
  const { candidateId, label, reason, reasonProblem, identity } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const back = `/ansatt/kandidater/${candidateId}`
  return (
    <VStack gap="space-24" className="form-narrow">
      <PageHeader back={{ to: back, label }} title="Personopplysninger">
        <BodyShort>Hver gang noen ser personopplysningene, logges hvem, når og hvorfor.</BodyShort>
      </PageHeader>
      {identity && reason ? (
        <IdentityForm candidateId={candidateId} reason={reason} identity={identity} saved={searchParams.get('melding') === 'lagret'} />
      ) : (
        <Form method="get">
          <VStack gap="space-16">
            <RadioGroup legend="Hvorfor trenger du personopplysningene?" name="grunn" error={reasonProblem}>
              {Object.entries(identityReadReasons).map(([code, name]) => (
                <Radio key={code} value={code}>
                  {name}
                </Radio>
              ))}
            </RadioGroup>
            <div>
              <Button type="submit">Vis personopplysningene</Button>
            </div>
          </VStack>
        </Form>
      )}
    </VStack>
  )
}

function IdentityForm({
  candidateId,
  reason,
  identity,
  saved,
}: {
  candidateId: string
  reason: string
  identity: { firstName: string; lastName: string; nationalId: string; phone: string; email: string }
  saved: boolean
}) {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(identitySchema, {
    id: `personalia-${candidateId}`,
    lastResult,
    defaultValue: { firstName: identity.firstName, lastName: identity.lastName, nationalId: identity.nationalId, phone: identity.phone, email: identity.email },
  })
  return (
    <VStack gap="space-16">
      {saved ? (
        <Alert variant="success" role="status">
          Personopplysningene er lagret.
        </Alert>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <input type="hidden" name="grunn" value={reason} />
        <VStack gap="space-16">
          <FormErrors errors={form.errors} id={form.errorId} />
          <CandidateIdentityFields fields={fields} />
          <FormActions submitLabel="Lagre endringene" cancelTo={`/ansatt/kandidater/${candidateId}`} />
        </VStack>
      </Form>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
