import { Alert, BodyShort, Link, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link as RemixLink, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CasePageHeader } from '~/components/case-panel'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { AgreementLockedNote, FollowUpList, TrialAgreementForm, TrialAgreementView } from '~/components/trial-agreement-form'
import { requireCaseForStaff } from '~/modules/cases.server'
import { applyPostedAgreement, isAgreementEditable, recordFollowUpHeld, staffMayEdit, trialPageData, trialPageOf } from '~/modules/trial-agreements.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { candidateLabel } from '../../search-index/candidate-document'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Utprøving for ${data?.candidateLabel ?? 'en kandidat'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const found = await requireCaseForStaff(user, params.caseId)
  const page = await trialPageOf(user, 'staff', found)
  return json({
    caseId: found.id,
    candidateLabel: candidateLabel(found.candidateId),
    openingTitle: page.openingTitle,
    status: found.status,
    mayEdit: staffMayEdit(user, found),
    lockedReason: isAgreementEditable(found.status)
      ? 'Bare den som har saken, eller teamlederen, kan endre avtalen.'
      : 'Avtalen kan skrives og endres når møtet er avtalt og mens utprøvingen pågår.',
    ...trialPageData(page),
  })
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
    <VStack gap="space-24">
      <CasePageHeader
        back={{ to: `/ansatt/saker/${data.caseId}`, label: 'Saken' }}
        title={`Utprøving: ${data.candidateLabel} – ${data.openingTitle}`}
        status={data.status}
        notice={
          notice === 'lagret'
            ? 'Avtalen er lagret. Arbeidsgiveren ser den nå.'
            : notice === 'oppfolging'
              ? 'Oppfølgingen er registrert som gjennomført.'
              : undefined
        }
      />
      {result?.followUpError ? (
        <Alert variant="error" role="alert">
          {result.followUpError}
        </Alert>
      ) : null}
      {data.agreement ? <TrialAgreementView data={{ ...data, agreement: data.agreement }} side="staff" /> : null}
      {data.agreement ? <FollowUpList followUps={data.agreement.followUps} canRecord={data.mayEdit} /> : null}
      {data.editable ? (
        <TrialAgreementForm data={data} side="staff" lastResult={result?.reply} />
      ) : (
        <AgreementLockedNote
          hasAgreement={data.agreement !== null}
          reason={data.lockedReason}
        />
      )}
      <BodyShort>
        <Link as={RemixLink} to={`/ansatt/saker/${data.caseId}`}>
          Tilbake til saken
        </Link>
      </BodyShort>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
