import { Alert, BodyShort, Button, Checkbox, Link, Textarea, VStack } from '@navikt/ds-react'
import { Form, Link as RemixLink } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { RedirectNotice } from './page-notices'
import { caseStatusLabels, employerVerdictLabels, noVerdictLabel, type CaseStatus, type EmployerVerdict } from '~/modules/case-flow'
import type { ProposalFailure } from '~/modules/case-proposals.server'

export type ExistingCase = { id: string; status: CaseStatus; origin: 'employer_interest' | 'specialist_proposal'; employerVerdict: EmployerVerdict | null }

/**
 * «Foreslå for arbeidsgiveren» beside the shortlist button on the specialist's match lists: an optional message to the
 * employer (checked on the server like profile text, as the employer must not learn who the candidate is), in a native
 * disclosure so a list of twenty stays short and it all works without JavaScript. Where a case already exists for the
 * pair, the case is linked instead, since there is never a second one.
 */
export function ProposeCandidateForm({
  candidateId,
  openingId,
  about,
  existing,
  failed,
}: {
  candidateId: string
  openingId: string
  /** Who or what the proposal is about, for the labels («K-1234 til Lagerhjelp»). */
  about: string
  existing: ExistingCase | null
  failed: ProposalFailure | undefined
}) {
  if (existing) {
    return (
      <BodyShort size="small">
        {existing.origin === 'specialist_proposal' ? 'Foreslått for arbeidsgiveren' : 'Arbeidsgiveren er interessert'} ·{' '}
        {caseStatusLabels[existing.status]}
        {existing.origin === 'specialist_proposal' ? ` · ${existing.employerVerdict ? employerVerdictLabels[existing.employerVerdict] : noVerdictLabel}` : ''} ·{' '}
        <Link as={RemixLink} to={`/ansatt/saker/${existing.id}`}>
          Se saken
        </Link>
      </BodyShort>
    )
  }
  const mine = failed?.candidateId === candidateId && failed.openingId === openingId ? failed : undefined
  return (
    <details className="propose-candidate" open={mine !== undefined}>
      <summary>Foreslå for arbeidsgiveren</summary>
      <Form method="post" className="form-narrow">
        <AuthenticityTokenInput />
        <input type="hidden" name="intent" value="propose" />
        <input type="hidden" name="candidateId" value={candidateId} />
        <input type="hidden" name="openingId" value={openingId} />
        <VStack gap="space-8">
          <BodyShort size="small">
            Arbeidsgiveren får beskjed og ser den anonyme profilen, ikke hvem kandidaten er. Skriv ikke navn, kontaktopplysninger eller
            diagnoser i meldingen.
          </BodyShort>
          <Textarea
            label={`Melding til arbeidsgiveren om ${about} (valgfritt)`}
            name="message"
            maxLength={1000}
            minRows={2}
            defaultValue={mine?.message ?? ''}
            error={mine && !mine.warned ? mine.error : undefined}
          />
          {mine?.warned ? (
            <>
              <Alert variant="warning" size="small" role="alert">
                {mine.error}
              </Alert>
              <Checkbox name="diagnosisWarningSeen" value="ja">
                Det står ingen diagnose eller behandling i meldingen
              </Checkbox>
            </>
          ) : null}
          <div>
            <Button type="submit" size="small" variant="secondary">
              Foreslå for arbeidsgiveren
            </Button>
          </div>
        </VStack>
      </Form>
    </details>
  )
}

/**
 * What a match list says after a proposal (the `melding` of respondToPostedProposal in case-proposals.server.ts).
 * `caseShownUnder` is where that list shows the case that was already there.
 */
export function ProposalNotice({ caseShownUnder }: { caseShownUnder: 'stillingen' | 'kandidaten' }) {
  return (
    <RedirectNotice
      notices={{
        foreslatt: { variant: 'success', text: 'Kandidaten er foreslått. Arbeidsgiveren har fått beskjed, og saken ligger under Saker hos deg.' },
        finnes: {
          variant: 'info',
          text: `Det finnes allerede en sak om kandidaten for denne stillingen, så det ble ikke laget en ny. Se saken under ${caseShownUnder}.`,
        },
      }}
    />
  )
}
