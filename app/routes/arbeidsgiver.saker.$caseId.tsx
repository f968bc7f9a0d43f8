import { Alert, BodyLong, BodyShort, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData, useOutlet, useSearchParams } from '@remix-run/react'
import { Facts } from '~/components/admin/facts'
import { EmployerDisclosureBox } from '~/components/case-disclosure-panel'
import { handlerSentence } from '~/components/case-note'
import { CaseActions, CaseHistory, CasePageHeader } from '~/components/case-panel'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { employerCaseActions, TrialSection } from '~/components/trial-agreement-form'
import { EmployerVerdictForm, ProposedCandidate } from '~/components/employer-verdict-form'
import { formatOsloDateTime } from '~/components/labels'
import { disclosureNoticeForEmployer } from '~/modules/case-disclosure.server'
import { availableActions, verdictAllowed } from '~/modules/case-flow'
import { applyPostedVerdict, proposalSummaryOf, proposedCandidateFor } from '~/modules/case-proposals.server'
import { applyPostedMove, caseHistoryOf, requireCaseForEmployer } from '~/modules/cases.server'
import { markCaseNoticesRead } from '~/modules/notifications.server'
import { trialSummaryOf } from '~/modules/trial-agreements.server'
import { caseSummaryOf } from '~/modules/matching.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { candidateLabel } from '../../search-index/candidate-document'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Sak om ${data?.candidateLabel ?? 'en kandidat'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const found = await requireCaseForEmployer(user, params.caseId)
  const history = await caseHistoryOf(found.id)
  await markCaseNoticesRead(user.id, found.id)
  return json({
    ...caseSummaryOf(found),
    version: found.version,
    candidateLabel: candidateLabel(found.candidateId),
    openingId: found.openingId,
    openingTitle: found.openingTitle,
    employerMessage: found.employerMessage,
    // A proposal from NAV: the anonymised profile to judge, and the verdict form while the case is open.
    proposal: proposalSummaryOf(found),
    verdictOpen: verdictAllowed(found.origin, found.status),
    proposedCandidate: await proposedCandidateFor(user, found),
    createdAt: found.createdAt.toISOString(),
    actions: availableActions(found.status, 'employer'),
    // NAV's reasons (why a candidate said no, say) can be about the person; the employer sees the step, not the reason.
    history: history.map((entry) => ({ ...entry, reason: entry.actorAccountType === 'employer' ? entry.reason : '', at: entry.at.toISOString() })),
    // Only whether NAV shared contact details, which and until when: the details are on ./kontakt, where every view is logged.
    disclosure: await disclosureNoticeForEmployer(found),
    // The trial page (./utproving): the agreement, and the one-click «Avslutt utprøvingen» while it runs.
    trial: await trialSummaryOf(found),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const found = await requireCaseForEmployer(user, params.caseId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  if (formData.get('intent') === 'verdict') {
    const given = await applyPostedVerdict(user, found, formData)
    if (!given.ok) return json(given.failure, { status: given.status })
    return redirect(`/arbeidsgiver/saker/${found.id}?melding=vurdert`)
  }
  const applied = await applyPostedMove(user, 'employer', found, formData)
  if (!applied.ok) return json(applied.failure, { status: applied.status })
  return redirect(`/arbeidsgiver/saker/${found.id}?melding=oppdatert`)
}

export default function EmployerCasePage() {
  const data = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const outlet = useOutlet()
  return (
    <VStack gap="space-24">
      <CasePageHeader
        back={{ to: '/arbeidsgiver/saker', label: 'Saker' }}
        title={`${data.candidateLabel} – ${data.openingTitle}`}
        status={data.status}
        notice={
          searchParams.get('melding') === 'oppdatert'
            ? 'Saken er oppdatert, og jobbspesialisten ser endringen.'
            : searchParams.get('melding') === 'vurdert'
              ? 'Vurderingen er lagret, og jobbspesialisten har fått beskjed.'
              : undefined
        }
      />
      <Alert variant="info">{handlerSentence(data)}</Alert>
      <Facts
        items={[
          ['Kandidat', data.candidateLabel],
          ['Stilling', data.openingTitle],
          ['Opprettet', formatOsloDateTime(data.createdAt)],
        ]}
      />
      {data.employerMessage ? (
        <VStack gap="space-4">
          <BodyShort weight="semibold">{data.proposal.proposal ? 'Melding fra jobbspesialisten' : 'Din melding'}</BodyShort>
          <BodyLong className="preserve-lines">{data.employerMessage}</BodyLong>
        </VStack>
      ) : null}
      <EmployerDisclosureBox notice={data.disclosure} outlet={outlet} />
      {data.disclosure ? null : (
        <BodyShort className="form-narrow">
          Kandidaten er anonym til hen har sagt ja til å dele navnet med dere. Jobbspesialisten spør kandidaten og holder deg
          oppdatert her.
        </BodyShort>
      )}
      {data.proposedCandidate ? <ProposedCandidate view={data.proposedCandidate} termsHref={`/arbeidsgiver/vilkar?tilbake=${encodeURIComponent(`/arbeidsgiver/saker/${data.id}`)}`} /> : null}
      {data.verdictOpen ? (
        <EmployerVerdictForm version={data.version} current={{ verdict: data.proposal.verdict, reason: data.proposal.verdictReason }} failed={failed} />
      ) : null}
      {failed && (failed.intent === 'verdict' ? !data.verdictOpen : !data.actions.some((action) => action === failed.intent)) ? (
        <Alert variant="error" role="alert">
          {failed.error}
        </Alert>
      ) : null}
      <TrialSection href={`/arbeidsgiver/saker/${data.id}/utproving`} trial={data.trial} endTrial={{ version: data.version }} />
      <CaseActions actions={employerCaseActions(data.actions, data.trial.running)} version={data.version} failed={failed} />
      <CaseHistory history={data.history} />
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
