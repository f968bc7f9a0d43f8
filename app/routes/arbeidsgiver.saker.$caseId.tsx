import { Alert, BodyLong, BodyShort, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { Facts } from '~/components/admin/facts'
import { handlerSentence } from '~/components/case-note'
import { CaseActions, CaseHistory, CasePageHeader } from '~/components/case-panel'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatOsloDateTime } from '~/components/labels'
import { availableActions } from '~/modules/case-flow'
import { applyPostedMove, caseHistoryOf, requireCaseForEmployer } from '~/modules/cases.server'
import { caseSummaryOf } from '~/modules/matching.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { candidateLabel } from '../../search-index/candidate-document'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Sak om ${data?.candidateLabel ?? 'en kandidat'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const found = await requireCaseForEmployer(user, params.caseId)
  const history = await caseHistoryOf(found.id)
  return json({
    ...caseSummaryOf(found),
    version: found.version,
    candidateLabel: candidateLabel(found.candidateId),
    openingId: found.openingId,
    openingTitle: found.openingTitle,
    employerMessage: found.employerMessage,
    createdAt: found.createdAt.toISOString(),
    actions: availableActions(found.status, 'employer'),
    // NAV's reasons (why a candidate said no, say) can be about the person; the employer sees the step, not the reason.
    history: history.map((entry) => ({ ...entry, reason: entry.actorAccountType === 'employer' ? entry.reason : '', at: entry.at.toISOString() })),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const found = await requireCaseForEmployer(user, params.caseId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const applied = await applyPostedMove(user, 'employer', found, formData)
  if (!applied.ok) return json(applied.failure, { status: applied.status })
  return redirect(`/arbeidsgiver/saker/${found.id}?melding=oppdatert`)
}

export default function EmployerCasePage() {
  const data = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  return (
    <VStack gap="space-24">
      <CasePageHeader
        back={{ to: '/arbeidsgiver/saker', label: 'Saker' }}
        title={`${data.candidateLabel} – ${data.openingTitle}`}
        status={data.status}
        notice={searchParams.get('melding') === 'oppdatert' ? 'Saken er oppdatert, og jobbspesialisten ser endringen.' : undefined}
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
          <BodyShort weight="semibold">Din melding</BodyShort>
          <BodyLong className="preserve-lines">{data.employerMessage}</BodyLong>
        </VStack>
      ) : null}
      <BodyShort className="form-narrow">
        Kandidaten er anonym til hen har sagt ja til å dele navnet med dere. Jobbspesialisten spør kandidaten og holder deg
        oppdatert her.
      </BodyShort>
      {failed && !data.actions.some((action) => action === failed.intent) ? (
        <Alert variant="error" role="alert">
          {failed.error}
        </Alert>
      ) : null}
      <CaseActions actions={data.actions} version={data.version} failed={failed} />
      <CaseHistory history={data.history} />
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
