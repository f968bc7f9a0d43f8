import { Alert, BodyShort, Button, Heading, HStack, Link, List, Select, Tag, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { ButtonLink } from '~/components/button-link'
import { candidateStatusLabels, candidateStatusVariants, consentSummary } from '~/components/candidate-labels'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatOsloDateTime } from '~/components/labels'
import {
  candidateConsents,
  candidateHistory,
  changeCandidateStatus,
  employerPreview,
  requireCandidateForStaff,
} from '~/modules/candidates.server'
import { todayInNorway } from '~/modules/openings.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { consentState, hiddenReasonTexts, joinNorwegian } from '../../matching/visibility'
import { candidateStatuses, type CandidateEvent } from '../../prisma-free-sql/queries/candidates'
import { candidateLabel } from '../../search-index/candidate-document'
import { plainText } from '~/utils/form-text'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.label ?? 'Kandidat'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const today = todayInNorway()
  const [consents, history, preview] = await Promise.all([candidateConsents(candidate), candidateHistory(candidate), employerPreview(candidate, today)])
  return json({
    candidate,
    label: candidateLabel(candidate.id),
    consent: consentState(consents[0] ?? null, today),
    hiddenBecause: preview.visibility.visible ? [] : hiddenReasonTexts(preview.visibility.reasons),
    history,
  })
}

const statusSchema = z.object({
  status: z.enum(candidateStatuses),
  note: plainText(z.string().trim().max(500, 'Høyst 500 tegn.')).default(''),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const parsed = statusSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    return json({ noteError: parsed.error.issues[0]?.message ?? 'Velg en status.', note: String(formData.get('note') ?? '') }, { status: 400 })
  }
  await changeCandidateStatus(user, candidate, parsed.data.status, parsed.data.note)
  return redirect(`/ansatt/kandidater/${candidate.id}?melding=status`)
}

const notices: Record<string, string> = {
  status: 'Statusen er endret.',
  overfort: 'Ansvaret er overført. Den nye jobbspesialisten har fått beskjed.',
  profil: 'Profilen er lagret.',
  samtykke: 'Samtykket er registrert.',
  trukket: 'Samtykket er trukket. Profilen er skjult for alle arbeidsgivere.',
}

const eventTexts: Record<CandidateEvent['kind'], (details: CandidateEvent['details']) => string> = {
  created: () => 'Kandidaten ble opprettet.',
  identity_updated: () => 'Personopplysningene ble endret.',
  profile_updated: () => 'Profilen ble endret.',
  consent_recorded: (details) => `Samtykke registrert, gjelder til ${String(details.expiresOn ?? '')}.`,
  consent_renewed: (details) => `Samtykket ble fornyet, gjelder til ${String(details.expiresOn ?? '')}.`,
  consent_withdrawn: (details) => `Samtykket ble trukket.${details.note ? ` ${String(details.note)}` : ''}`,
  status_changed: (details) =>
    `Status endret fra ${candidateStatusLabels[String(details.from)] ?? details.from} til ${candidateStatusLabels[String(details.to)] ?? details.to}.${details.note ? ` ${String(details.note)}` : ''}`,
  handed_over: (details) => `Ansvaret ble overført fra ${String(details.from)} til ${String(details.to)}.${details.note ? ` ${String(details.note)}` : ''}`,
}

export default function CandidatePage() {
  const { candidate, label, consent, hiddenBecause, history } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const notice = notices[searchParams.get('melding') ?? '']
  const base = `/ansatt/kandidater/${candidate.id}`
  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <BodyShort>
          <Link as={RemixLink} to="/ansatt/kandidater">
            Kandidater
          </Link>
        </BodyShort>
        <HStack gap="space-16" align="center">
          <Heading level="1" size="large">
            {label}
          </Heading>
          <Tag variant={candidateStatusVariants[candidate.status] ?? 'neutral'}>{candidateStatusLabels[candidate.status]}</Tag>
        </HStack>
        <BodyShort>
          Ansvarlig: <strong>{candidate.responsibleName}</strong>, {candidate.officeName}. Sist aktivitet {formatOsloDateTime(candidate.lastActivityAt)}.
        </BodyShort>
      </VStack>

      {notice ? (
        <Alert variant="success" role="status">
          {notice}
        </Alert>
      ) : null}

      <section aria-labelledby="synlighet">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="synlighet">
            Synlighet for arbeidsgivere
          </Heading>
          {hiddenBecause.length === 0 ? (
            <Alert variant="success" size="small">
              Profilen er synlig for arbeidsgivere {consent.kind === 'active' && consent.scope === 'counties' ? 'i fylkene kandidaten har valgt' : 'i hele landet'}.
            </Alert>
          ) : (
            <Alert variant="warning" size="small">
              Profilen er skjult for arbeidsgivere fordi {joinNorwegian(hiddenBecause)}.
            </Alert>
          )}
          <BodyShort>Samtykke: {consentSummary(consent)}</BodyShort>
          <HStack gap="space-16" wrap>
            <ButtonLink to={`${base}/profil`}>Rediger profilen</ButtonLink>
            <ButtonLink to={`${base}/samtykke`} variant="secondary">
              Samtykke
            </ButtonLink>
            <ButtonLink to={`${base}/forhandsvisning`} variant="secondary">
              Se som arbeidsgiver
            </ButtonLink>
            <ButtonLink to={`${base}/stillinger`} variant="secondary">
              Stillinger som passer
            </ButtonLink>
            <ButtonLink to={`${base}/personalia`} variant="tertiary">
              Personopplysninger
            </ButtonLink>
            <ButtonLink to={`${base}/overfor`} variant="tertiary">
              Overfør ansvar
            </ButtonLink>
            <ButtonLink to={`${base}/personvern`} variant="tertiary">
              Innsyn og sletting
            </ButtonLink>
          </HStack>
        </VStack>
      </section>

      <section aria-labelledby="status">
        <Form method="post" className="form-narrow">
          <AuthenticityTokenInput />
          <VStack gap="space-12">
            <Heading level="2" size="medium" id="status">
              Status
            </Heading>
            <BodyShort>Pause, i jobb og avsluttet skjuler profilen for arbeidsgivere med en gang.</BodyShort>
            <Select label="Ny status" name="status" defaultValue={candidate.status}>
              {candidateStatuses.map((status) => (
                <option key={status} value={status}>
                  {candidateStatusLabels[status]}
                </option>
              ))}
            </Select>
            <TextField label="Merknad (valgfritt)" name="note" maxLength={500} defaultValue={actionData?.note} error={actionData?.noteError} description="Ikke skriv noe om helse." />
            <div>
              <Button type="submit" variant="secondary">
                Endre status
              </Button>
            </div>
          </VStack>
        </Form>
      </section>

      <section aria-labelledby="historikk">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="historikk">
            Historikk
          </Heading>
          <List>
            {history.map((event) => (
              <List.Item key={event.id}>
                {formatOsloDateTime(event.occurredAt)}: {eventTexts[event.kind](event.details)}
                {event.actorName ? ` (${event.actorName})` : ''}
              </List.Item>
            ))}
          </List>
        </VStack>
      </section>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
