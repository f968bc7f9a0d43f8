import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { TrialAgreementPage } from '~/components/trial-agreement-form'
import { requireCaseForStaff } from '~/modules/cases.server'
import { applyPostedAgreement, recordFollowUpHeld, staffMayEdit, trialPageData, trialPageOf } from '~/modules/trial-agreements.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Utprøving for ${data?.candidateLabel ?? 'en kandidat'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const found = await requireCaseForStaff(user, params.caseId)
  const page = await trialPageOf(user, 'staff', found)
  return json({ ...trialPageData(found, page), mayEdit: staffMayEdit(user, found) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const found = await requireCaseForStaff(user, params.caseId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  if (formData.get('intent') === 'followUpHeld') {
    const held = await recordFollowUpHeld(user, found, String(formData.get('dueOn') ?? ''))
    if (!held.ok) return json({ followUpError: held.message, reply: null }, { status: 409 })
    return redirect(`/ansatt/saker/${found.id}/utproving?melding=oppfolging`)
  }
  const saved = await applyPostedAgreement(user, 'staff', found, formData)
  if (!saved.ok) return json({ followUpError: null, reply: saved.reply }, { status: saved.status })
  return redirect(`/ansatt/saker/${found.id}/utproving?melding=lagret`)
}

export default function StaffTrialPage() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const notice = searchParams.get('melding')
  return (
    <TrialAgreementPage
      data={data}
      side="staff"
      caseHref={`/ansatt/saker/${data.caseId}`}
      notice={
        notice === 'lagret'
          ? 'Avtalen er lagret. Arbeidsgiveren ser den nå.'
          : notice === 'oppfolging'
            ? 'Oppfølgingen er registrert som gjennomført.'
            : undefined
      }
      lastResult={result?.reply}
      canRecordFollowUps={data.mayEdit}
      error={result?.followUpError}
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
