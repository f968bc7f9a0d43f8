import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EndTrialForm, TrialAgreementPage } from '~/components/trial-agreement-form'
import { applyPostedMove, requireCaseForEmployer } from '~/modules/cases.server'
import { applyPostedAgreement, trialPageData, trialPageOf } from '~/modules/trial-agreements.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Utprøving for ${data?.candidateLabel ?? 'en kandidat'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const found = await requireCaseForEmployer(user, params.caseId)
  const page = await trialPageOf(user, 'employer', found)
  return json({ ...trialPageData(found, page), caseVersion: found.version, trialRunning: found.status === 'trial_running' })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const found = await requireCaseForEmployer(user, params.caseId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  if (formData.get('intent') === 'endTrial') {
    // The case flow's «end without hire», from the trial only: the button never ends a case that is somewhere else.
    if (found.status !== 'trial_running') {
      return json({ endTrial: { reason: String(formData.get('reason') ?? ''), error: 'Utprøvingen er allerede avsluttet, eller ikke startet.' }, reply: null }, { status: 409 })
    }
    const move = new FormData()
    move.set('intent', 'endWithoutHire')
    move.set('version', String(formData.get('version') ?? ''))
    move.set('reason', String(formData.get('reason') ?? ''))
    const applied = await applyPostedMove(user, 'employer', found, move)
    if (!applied.ok) return json({ endTrial: { reason: applied.failure.reason, error: applied.failure.error }, reply: null }, { status: applied.status })
    return redirect(`/arbeidsgiver/saker/${found.id}?melding=oppdatert`)
  }
  const saved = await applyPostedAgreement(user, 'employer', found, formData)
  if (!saved.ok) return json({ endTrial: null, reply: saved.reply }, { status: saved.status })
  return redirect(`/arbeidsgiver/saker/${found.id}/utproving?melding=lagret`)
}

export default function EmployerTrialPage() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  return (
    <TrialAgreementPage
      data={data}
      side="employer"
      caseHref={`/arbeidsgiver/saker/${data.caseId}`}
      notice={searchParams.get('melding') === 'lagret' ? 'Avtalen er lagret, og jobbspesialisten ser den nå.' : undefined}
      lastResult={result?.reply}
      canRecordFollowUps={false}
    >
      {data.trialRunning ? <EndTrialForm version={data.caseVersion} failed={result?.endTrial ?? undefined} /> : null}
    </TrialAgreementPage>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
