import { getFormProps, getInputProps, getSelectProps } from '@conform-to/react'
import { Alert, BodyShort, Button, Heading, HGrid, Select, Table, Textarea, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { consentSummary } from '~/components/candidate-labels'
import { CheckboxesField, RadioField } from '~/components/choice-fields'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { FormErrors } from '~/components/form-errors'
import { formatOsloDateTime } from '~/components/labels'
import { candidateConsents, officeSpecialists, recordConsent, requireCandidateForStaff, withdrawConsent } from '~/modules/candidates.server'
import { todayInNorway } from '~/modules/openings.server'
import { requireStaff } from '~/utils/auth.server'
import { consentSchema, withdrawalSchema } from '~/utils/candidate-form'
import { requireValidCsrf } from '~/utils/csrf.server'
import { getSql } from '~/utils/db.server'
import { norwegianDate } from '~/utils/opening-form'
import { useSchemaForm } from '~/utils/use-schema-form'
import { consentState, defaultConsentExpiry } from '../../matching/visibility'
import { listCounties } from '../../prisma-free-sql/queries/geography'
import { candidateLabel } from '../../search-index/candidate-document'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Samtykke for ${data?.label ?? 'kandidat'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const today = todayInNorway()
  const [consents, colleagues, counties] = await Promise.all([candidateConsents(candidate), officeSpecialists(candidate.officeId), listCounties(getSql())])
  return json({
    candidateId: candidate.id,
    label: candidateLabel(candidate.id),
    consents,
    state: consentState(consents[0] ?? null, today),
    colleagues,
    counties,
    today,
    defaultExpiry: defaultConsentExpiry(today),
    userId: user.id,
    officeCountyNumber: candidate.officeCountyNumber,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const base = `/ansatt/kandidater/${candidate.id}`
  if (formData.get('intent') === 'withdraw') {
    const parsed = withdrawalSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return json({ intent: 'withdraw' as const, withdrawError: parsed.error.issues[0]?.message, note: String(formData.get('note') ?? '') }, { status: 400 })
    await withdrawConsent(user, candidate, parsed.data.note)
    return redirect(`${base}?melding=trukket`)
  }
  const today = todayInNorway()
  const submission = parseForm(formData, { schema: consentSchema(today) })
  if (submission.status !== 'success') return json({ intent: 'record' as const, result: submission.reply() }, { status: 400 })
  const value = submission.value
  const colleagues = await officeSpecialists(candidate.officeId)
  if (!colleagues.some((colleague) => colleague.id === value.givenToUserId)) {
    return json({ intent: 'record' as const, result: submission.reply({ fieldErrors: { givenToUserId: ['Velg en ansatt ved kontoret.'] } }) }, { status: 400 })
  }
  await recordConsent(user, candidate, {
    givenToUserId: value.givenToUserId,
    method: value.method,
    scope: value.scope,
    scopeCounties: value.scope === 'counties' ? value.scopeCounties : [],
    givenOn: value.givenOn,
    expiresOn: value.expiresOn ?? defaultConsentExpiry(value.givenOn),
  })
  return redirect(`${base}?melding=samtykke`)
}

const methodOptions = [
  { code: 'meeting', name: 'Muntlig, i et møte' },
  { code: 'written', name: 'Skriftlig' },
]
const scopeOptions = [
  { code: 'all', name: 'Alle arbeidsgivere i Jobbsnekker' },
  { code: 'counties', name: 'Bare arbeidsgivere i fylkene under' },
]

export default function ConsentPage() {
  const { candidateId, label, consents, state, colleagues, counties, today, defaultExpiry, userId, officeCountyNumber } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(consentSchema(today), {
    id: `samtykke-${candidateId}`,
    lastResult: actionData?.intent === 'record' ? actionData.result : undefined,
    defaultValue: { givenToUserId: userId, givenOn: norwegianDate(today), scope: 'all', scopeCounties: [officeCountyNumber] },
  })
  const current = state.kind === 'active' || state.kind === 'not-yet-valid'
  const back = `/ansatt/kandidater/${candidateId}`
  return (
    <VStack gap="space-32">
      <PageHeader back={{ to: back, label }} title="Samtykke">
        <BodyShort className="form-narrow">
          Profilen vises for arbeidsgivere bare når kandidaten har samtykket. Kandidaten bestemmer hvem som kan se den, og kan trekke samtykket når
          som helst. Samtykket gjelder i seks måneder og kan fornyes. Navn og kontaktopplysninger deles aldri uten et eget ja for hver arbeidsgiver.
        </BodyShort>
        <BodyShort>
          <strong>Nå:</strong> {consentSummary(state)}
        </BodyShort>
      </PageHeader>

      {current ? (
        <Form method="post" className="form-narrow">
          <AuthenticityTokenInput />
          <input type="hidden" name="intent" value="withdraw" />
          <VStack gap="space-12">
            <Heading level="2" size="medium">
              Trekk samtykket
            </Heading>
            <BodyShort>Profilen skjules for alle arbeidsgivere med en gang.</BodyShort>
            <Textarea
              label="Merknad (valgfritt)"
              name="note"
              maxLength={500}
              description="Ikke skriv noe om helse."
              defaultValue={actionData?.intent === 'withdraw' ? actionData.note : ''}
              error={actionData?.intent === 'withdraw' ? actionData.withdrawError : undefined}
            />
            <div>
              <Button type="submit" variant="danger">
                Trekk samtykket
              </Button>
            </div>
          </VStack>
        </Form>
      ) : null}

      <Form method="post" className="form-narrow" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <input type="hidden" name="intent" value="record" />
        <VStack gap="space-16">
          <Heading level="2" size="medium">
            {current ? 'Forny samtykket' : 'Registrer samtykke'}
          </Heading>
          <FormErrors errors={form.errors} id={form.errorId} />
          <Select {...getSelectProps(fields.givenToUserId)} key={fields.givenToUserId.key} label="Gitt til" error={fields.givenToUserId.errors?.[0]}>
            {colleagues.map((colleague) => (
              <option key={colleague.id} value={colleague.id}>
                {colleague.name}
              </option>
            ))}
          </Select>
          <RadioField field={fields.method} legend="Hvordan ble samtykket gitt?" options={methodOptions} />
          <RadioField field={fields.scope} legend="Hvem kan se profilen?" options={scopeOptions} />
          <CheckboxesField
            field={fields.scopeCounties}
            legend="Fylker"
            description="Gjelder bare når kandidaten har valgt bestemte fylker."
            options={counties.map((county) => ({ code: county.number, name: county.name }))}
          />
          <HGrid gap="space-16" columns={{ xs: 1, sm: 2 }}>
            <TextField {...getInputProps(fields.givenOn, { type: 'text' })} key={fields.givenOn.key} label="Dato gitt" description="dd.mm.åååå" error={fields.givenOn.errors?.[0]} />
            <TextField
              {...getInputProps(fields.expiresOn, { type: 'text' })}
              key={fields.expiresOn.key}
              label="Utløper (valgfritt)"
              description={`Tomt betyr seks måneder, for eksempel ${norwegianDate(defaultExpiry)}.`}
              error={fields.expiresOn.errors?.[0]}
            />
          </HGrid>
          <div>
            <Button type="submit">{current ? 'Forny samtykket' : 'Registrer samtykket'}</Button>
          </div>
        </VStack>
      </Form>

      <VStack gap="space-12" as="section" aria-labelledby="samtykkehistorikk">
        <Heading level="2" size="medium" id="samtykkehistorikk">
          Historikk
        </Heading>
        {consents.length === 0 ? (
          <BodyShort>Ingen samtykker er registrert.</BodyShort>
        ) : (
          <Table size="small">
            <caption className="navds-sr-only">Alle samtykker, nyeste først</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Gitt</Table.HeaderCell>
                <Table.HeaderCell scope="col">Til</Table.HeaderCell>
                <Table.HeaderCell scope="col">Hvordan</Table.HeaderCell>
                <Table.HeaderCell scope="col">Omfang</Table.HeaderCell>
                <Table.HeaderCell scope="col">Utløper</Table.HeaderCell>
                <Table.HeaderCell scope="col">Status</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {consents.map((consent) => (
                <Table.Row key={consent.id}>
                  <Table.DataCell>{norwegianDate(consent.givenOn)}</Table.DataCell>
                  <Table.DataCell>{consent.givenToName}</Table.DataCell>
                  <Table.DataCell>{consent.method === 'meeting' ? 'Muntlig' : 'Skriftlig'}</Table.DataCell>
                  <Table.DataCell>
                    {consent.scope === 'all'
                      ? 'Alle'
                      : consent.scopeCounties.map((number) => counties.find((county) => county.number === number)?.name ?? number).join(', ')}
                  </Table.DataCell>
                  <Table.DataCell>{norwegianDate(consent.expiresOn)}</Table.DataCell>
                  <Table.DataCell>
                    {consent.withdrawnAt
                      ? `Trukket ${formatOsloDateTime(consent.withdrawnAt)}${consent.withdrawnByName ? ` av ${consent.withdrawnByName}` : ''}`
                      : consent.supersededAt
                        ? 'Erstattet av et nyere'
                        : consent.expiresOn <= today
                          ? 'Utløpt'
                          : 'Gjeldende'}
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </VStack>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
