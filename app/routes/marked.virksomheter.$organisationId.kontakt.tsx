import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { BodyShort, HGrid, Select, Textarea, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { RecentContactAlert } from '~/components/employer-market'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormActions } from '~/components/form-actions'
import { FormErrors } from '~/components/form-errors'
import { contactKindLabels } from '~/components/market-labels'
import { PageHeader } from '~/components/page-header'
import { logContact, ownCandidateChoices, recentContactWarning, requireOrganisationForStaff } from '~/modules/employer-relationships.server'
import { todayInNorway } from '~/modules/openings.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { contactLogSchema } from '~/utils/employer-market-forms'
import { norwegianDate } from '~/utils/opening-form'
import { useSchemaForm } from '~/utils/use-schema-form'
import { contactKinds } from '../../prisma-free-sql/queries/employer-relationships'
import { organisationPath } from '~/utils/market-paths'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Logg kontakt med ${data?.organisation.name ?? 'virksomheten'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const relationship = await requireOrganisationForStaff(user, params.organisationId)
  const [warning, candidates] = await Promise.all([recentContactWarning(user, relationship.id), ownCandidateChoices(user)])
  return json({
    organisation: { id: relationship.id, name: relationship.name },
    today: todayInNorway(),
    warning: warning ? { ...warning, contactedAt: warning.contactedAt.toISOString() } : null,
    candidates,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const relationship = await requireOrganisationForStaff(user, params.organisationId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: contactLogSchema(todayInNorway()) })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await logContact(user, relationship, submission.value)
  if (!outcome.ok) return json(submission.reply({ fieldErrors: { [outcome.field ?? 'summary']: [outcome.message] } }), { status: outcome.status })
  return redirect(`${organisationPath(relationship.id)}?melding=kontakt-logget`)
}

export default function LogContactPage() {
  const { organisation, today, warning, candidates } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(contactLogSchema(today), {
    id: 'logg-kontakt',
    lastResult,
    defaultValue: { contactedOn: norwegianDate(today) },
  })
  const back = organisationPath(organisation.id)
  return (
    <VStack gap="space-24" className="form-wide">
      <PageHeader back={{ to: back, label: `Tilbake til ${organisation.name}` }} title={`Logg kontakt med ${organisation.name}`}>
        <BodyShort>Alle med tilgang til virksomheten ser loggen. Skriv det kollegene trenger å vite før de tar kontakt.</BodyShort>
      </PageHeader>
      <RecentContactAlert warning={warning} />
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <VStack gap="space-24">
          <FormErrors errors={form.errors} id={form.errorId} />
          <Select {...getSelectProps(fields.kind)} key={fields.kind.key} label="Hva slags kontakt" error={fields.kind.errors?.[0]}>
            <option value="">Velg</option>
            {contactKinds.map((kind) => (
              <option key={kind} value={kind}>
                {contactKindLabels[kind]}
              </option>
            ))}
          </Select>
          <HGrid gap="space-16" columns={{ xs: 1, sm: 2 }}>
            <TextField
              {...getInputProps(fields.contactedOn, { type: 'text' })}
              key={fields.contactedOn.key}
              label="Dato"
              description="dd.mm.åååå"
              htmlSize={12}
              error={fields.contactedOn.errors?.[0]}
            />
            <TextField
              {...getInputProps(fields.contactedTime, { type: 'text' })}
              key={fields.contactedTime.key}
              label="Klokkeslett (valgfritt)"
              description="tt:mm"
              htmlSize={8}
              error={fields.contactedTime.errors?.[0]}
            />
          </HGrid>
          <Textarea
            {...getTextareaProps(fields.summary)}
            key={fields.summary.key}
            label="Hva dere snakket om"
            description="Kort og saklig. Ikke skriv helseopplysninger eller personopplysninger om kandidater."
            maxLength={2000}
            error={fields.summary.errors?.[0]}
          />
          <HGrid gap="space-16" columns={{ xs: 1, sm: 2 }}>
            <TextField
              {...getInputProps(fields.nextStep, { type: 'text' })}
              key={fields.nextStep.key}
              label="Neste steg (valgfritt)"
              maxLength={500}
              error={fields.nextStep.errors?.[0]}
            />
            <TextField
              {...getInputProps(fields.nextStepDue, { type: 'text' })}
              key={fields.nextStepDue.key}
              label="Frist for neste steg (valgfritt)"
              description="dd.mm.åååå"
              htmlSize={12}
              error={fields.nextStepDue.errors?.[0]}
            />
          </HGrid>
          <Select
            {...getSelectProps(fields.candidateId)}
            key={fields.candidateId.key}
            label="Gjaldt kontakten en av dine kandidater? (valgfritt)"
            description="Kandidatrettede kontakter teller i IPS-målingen: minst seks i uka per jobbspesialist."
            error={fields.candidateId.errors?.[0]}
          >
            <option value="">Nei, ingen bestemt kandidat</option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label}
              </option>
            ))}
          </Select>
          <FormActions submitLabel="Logg kontakten" cancelTo={back} />
        </VStack>
      </Form>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
