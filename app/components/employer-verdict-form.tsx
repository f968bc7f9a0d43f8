import { Alert, BodyLong, BodyShort, Button, Heading, Link, Radio, RadioGroup, Textarea, VStack } from '@navikt/ds-react'
import { Form, Link as RemixLink } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import {
  actionLabel,
  employerVerdictLabels,
  employerVerdicts,
  noVerdictLabel,
  VERDICT_REASON_MAX,
  type CaseAction,
  type CaseOrigin,
  type EmployerVerdict,
} from '~/modules/case-flow'
import { AnonymisedCandidateView } from './anonymised-candidate'
import type { AnonymisedCandidate } from '../../search-index/candidate-document'

export type VerdictFormFailure = { intent: string; verdict?: string; reason: string; error: string; field?: 'reason' | 'form' }

const verdictHelp: Record<EmployerVerdict, string> = {
  to_consider: 'Dere trenger litt tid før dere bestemmer dere.',
  relevant: 'Jobbspesialisten spør kandidaten om hen vil møte dere.',
  not_relevant: 'Skriv hvorfor, så vet jobbspesialisten hva som passer bedre neste gang.',
  got_the_job: 'Jobbspesialisten avtaler det videre med dere og kandidaten.',
}

/**
 * The employer's verdict on a candidate NAV proposed: the four answers, and a reason that «Ikke aktuell» requires.
 * It carries the version the page showed, so a stale page is refused by the server instead of overwriting a newer
 * answer. Works without JavaScript; a refused verdict comes back with what was chosen and typed.
 */
export function EmployerVerdictForm({
  version,
  current,
  failed,
}: {
  version: number
  current: { verdict: EmployerVerdict | null; reason: string }
  failed: VerdictFormFailure | undefined
}) {
  const mine = failed?.intent === 'verdict' ? failed : undefined
  const reasonError = mine?.field === 'reason' ? mine.error : undefined
  return (
    <VStack gap="space-16" as="section" aria-labelledby="employer-verdict">
      <Heading level="2" size="small" id="employer-verdict">
        Deres vurdering av kandidaten
      </Heading>
      <BodyShort>Nå: {current.verdict ? employerVerdictLabels[current.verdict] : noVerdictLabel}</BodyShort>
      <Form method="post" className="form-narrow">
        <AuthenticityTokenInput />
        <input type="hidden" name="intent" value="verdict" />
        <input type="hidden" name="version" value={version} />
        <VStack gap="space-16">
          {mine && !reasonError ? (
            <Alert variant="error" size="small" role="alert">
              {mine.error}
            </Alert>
          ) : null}
          <RadioGroup legend="Hva tenker dere om kandidaten?" name="verdict" defaultValue={mine?.verdict || current.verdict || undefined}>
            {employerVerdicts.map((verdict) => (
              <Radio key={verdict} value={verdict} description={verdictHelp[verdict]}>
                {employerVerdictLabels[verdict]}
              </Radio>
            ))}
          </RadioGroup>
          <Textarea
            label="Begrunnelse"
            description="Må fylles ut når kandidaten ikke er aktuell. Skriv om jobben og behovene deres, ikke om personen."
            name="reason"
            maxLength={VERDICT_REASON_MAX}
            minRows={2}
            defaultValue={mine ? mine.reason : current.reason}
            error={reasonError}
          />
          <div>
            <Button type="submit">Lagre vurderingen</Button>
          </div>
        </VStack>
      </Form>
    </VStack>
  )
}

/** The employer's verdict as NAV sees it on the staff case page, with the step it points to. */
export function VerdictNote({ verdict, reason, suggestedStep }: { verdict: EmployerVerdict | null; reason: string; suggestedStep: CaseAction | null }) {
  return (
    <Alert variant={verdict === 'not_relevant' ? 'warning' : verdict ? 'success' : 'info'} size="small">
      <VStack gap="space-4">
        <BodyShort size="small" weight="semibold">
          Arbeidsgiverens vurdering: {verdict ? employerVerdictLabels[verdict] : noVerdictLabel}
        </BodyShort>
        {reason ? <BodyLong size="small" className="preserve-lines">Begrunnelse: {reason}</BodyLong> : null}
        {suggestedStep ? (
          <BodyShort size="small">
            {suggestedStep === 'withdraw'
              ? `Er forslaget ikke aktuelt lenger, avslutt saken med «${actionLabel(suggestedStep)}» under.`
              : `Registrer ansettelsen med «${actionLabel(suggestedStep)}» under.`}
          </BodyShort>
        ) : null}
      </VStack>
    </Alert>
  )
}

/** What the employer sees of a proposed candidate: the anonymised profile, or why it is not shown. */
export function ProposedCandidate({
  view,
  termsHref,
}: {
  view: { status: 'shown'; candidate: AnonymisedCandidate } | { status: 'terms' } | { status: 'hidden' }
  termsHref: string
}) {
  if (view.status === 'shown') return <AnonymisedCandidateView candidate={view.candidate} />
  if (view.status === 'terms') {
    return (
      <Alert variant="info">
        Godta vilkårene for å se profilen til kandidaten NAV foreslår.{' '}
        <Link as={RemixLink} to={termsHref}>
          Les og godta vilkårene
        </Link>
      </Alert>
    )
  }
  return <Alert variant="info">Profilen til kandidaten vises ikke lenger. Jobbspesialisten kan fortelle mer.</Alert>
}

/** The lists' «Kom fra» cell: an interest, or a proposal and where the employer's verdict stands. */
export function caseOriginText(row: { origin: CaseOrigin; verdict: EmployerVerdict | null }, side: 'employer' | 'staff'): string {
  if (row.origin === 'employer_interest') return side === 'employer' ? 'Dere sa at dere er interessert' : 'Arbeidsgiverens interesse'
  return `${side === 'employer' ? 'Foreslått av NAV' : 'Forslag'} · ${row.verdict ? employerVerdictLabels[row.verdict] : noVerdictLabel}`
}
