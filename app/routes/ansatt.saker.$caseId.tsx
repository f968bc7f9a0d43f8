import { z } from 'zod'
import { Alert, BodyLong, BodyShort, Button, Link, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData, useOutlet, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { Facts } from '~/components/admin/facts'
import { StaffDisclosurePanel } from '~/components/case-disclosure-panel'
import { CaseActions, CaseHistory, CasePageHeader } from '~/components/case-panel'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { TrialSection } from '~/components/trial-agreement-form'
import { VerdictNote } from '~/components/employer-verdict-form'
import { formatOsloDateTime, formatOsloDeadline } from '~/components/labels'
import { disclosureSummaryForStaff } from '~/modules/case-disclosure.server'
import { availableActions } from '~/modules/case-flow'
import { proposalSummaryOf } from '~/modules/case-proposals.server'
import { trialSummaryOf } from '~/modules/trial-agreements.server'
import { applyPostedMove, caseHistoryOf, requireCaseForStaff, takeCase } from '~/modules/cases.server'
import { markCaseNoticesRead } from '~/modules/notifications.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { getSql } from '~/utils/db.server'
import { findOpeningRegion } from '../../prisma-free-sql/queries/openings'
import { candidateLabel } from '../../search-index/candidate-document'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Sak om ${data?.candidateLabel ?? 'en kandidat'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const found = await requireCaseForStaff(user, params.caseId)
  const opening = await findOpeningRegion(getSql(), found.openingId)
  const history = await caseHistoryOf(found.id)
  await markCaseNoticesRead(user.id, found.id)
  const mayAct = found.ownerUserId === user.id || user.roles.includes('team_lead')
  return json({
    id: found.id,
    candidateId: found.candidateId,
    candidateLabel: candidateLabel(found.candidateId),
    openingId: found.openingId,
    openingTitle: opening?.title ?? 'Stillingen',
    status: found.status,
    version: found.version,
    origin: found.origin,
    ownerName: found.ownerName,
    inQueue: found.ownerUserId === null,
    acknowledgeBy: found.acknowledgeBy.toISOString(),
    acknowledgedAt: found.acknowledgedAt?.toISOString() ?? null,
    employerMessage: found.employerMessage,
    proposal: proposalSummaryOf(found),
    createdAt: found.createdAt.toISOString(),
    actions: mayAct ? availableActions(found.status, 'staff') : [],
    history: history.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
    // What is shared with the employer and until when (no values: the sharing page, ./deling, shows and audits those).
    disclosure: await disclosureSummaryForStaff(user, found),
    // Whether the trial page (./utproving) has an agreement to show, or one can be written now.
    trial: await trialSummaryOf(found),
  })
}

/** The case version the page was rendered with; anything else is a stale or tampered form. */
const caseVersionSchema = z.coerce.number().int().min(0).max(2_147_483_647)

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const found = await requireCaseForStaff(user, params.caseId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const intent = String(formData.get('intent') ?? '')
  const reason = String(formData.get('reason') ?? '')
  if (intent === 'take') {
    const version = caseVersionSchema.safeParse(formData.get('version'))
    if (!version.success) return json({ intent, reason, error: 'Saken kunne ikke tas. Last siden på nytt og prøv igjen.' }, { status: 400 })
    const taken = await takeCase(user, found, version.data)
    if (!taken.ok) return json({ intent, reason, error: taken.message }, { status: 409 })
    return redirect(`/ansatt/saker/${found.id}?melding=tatt`)
  }
  if (found.ownerUserId !== user.id && !user.roles.includes('team_lead')) {
    return json({ intent, reason, error: 'Bare den som har saken, eller teamlederen, kan flytte den. Ta saken fra køen først.' }, { status: 403 })
  }
  const applied = await applyPostedMove(user, 'staff', found, formData)
  if (!applied.ok) return json(applied.failure, { status: applied.status })
  return redirect(`/ansatt/saker/${found.id}?melding=flyttet`)
}

export default function StaffCasePage() {
  const data = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const outlet = useOutlet()
  return (
    <VStack gap="space-24">
      <CasePageHeader
        back={{ to: '/ansatt/saker', label: 'Saker' }}
        title={`${data.candidateLabel} – ${data.openingTitle}`}
        status={data.status}
        notice={
          searchParams.get('melding') === 'flyttet'
            ? 'Saken er oppdatert. Arbeidsgiveren ser den nye statusen.'
            : searchParams.get('melding') === 'tatt'
              ? 'Du har tatt saken. Arbeidsgiveren ser nå at det er du som svarer.'
              : undefined
        }
      />
      <Facts
        items={[
          ['Kandidat', <Link as={RemixLink} to={`/ansatt/kandidater/${data.candidateId}`} key="candidate">{data.candidateLabel}</Link>],
          ['Stilling', <Link as={RemixLink} to={`/ansatt/stillinger/${data.openingId}`} key="opening">{data.openingTitle}</Link>],
          ['Kom fra', data.origin === 'employer_interest' ? 'Arbeidsgiveren sa at de er interessert' : 'Foreslått av jobbspesialist'],
          ['Opprettet', formatOsloDateTime(data.createdAt)],
          ['Hos', data.ownerName ?? 'Kontorets kø'],
          ['Svarfrist', data.acknowledgedAt ? `Mottatt ${formatOsloDateTime(data.acknowledgedAt)}` : formatOsloDeadline(data.acknowledgeBy)],
        ]}
      />
      {data.employerMessage ? (
        <VStack gap="space-4">
          <BodyShort weight="semibold">{data.proposal.proposal ? 'Melding til arbeidsgiveren' : 'Melding fra arbeidsgiveren'}</BodyShort>
          <BodyLong className="preserve-lines">{data.employerMessage}</BodyLong>
        </VStack>
      ) : null}
      {data.inQueue ? (
        <Form method="post">
          <AuthenticityTokenInput />
          <input type="hidden" name="intent" value="take" />
          <input type="hidden" name="version" value={data.version} />
          <VStack gap="space-8">
            {failed?.intent === 'take' ? (
              <Alert variant="error" size="small" role="alert">
                {failed.error}
              </Alert>
            ) : null}
            <div>
              <Button type="submit">Ta saken</Button>
            </div>
          </VStack>
        </Form>
      ) : null}
      {failed && failed.intent !== 'take' && !data.actions.some((action) => action === failed.intent) ? (
        <Alert variant="error" role="alert">
          {failed.error}
        </Alert>
      ) : null}
      {data.proposal.proposal ? (
        <VerdictNote
          verdict={data.proposal.verdict}
          reason={data.proposal.verdictReason}
          // Pointed to only when this reader can take the step below.
          suggestedStep={data.actions.find((action) => action === data.proposal.suggestedStep) ?? null}
        />
      ) : null}
      <CaseActions actions={data.actions} version={data.version} failed={failed} />
      <StaffDisclosurePanel summary={data.disclosure} outlet={outlet} />
      <TrialSection href={`/ansatt/saker/${data.id}/utproving`} trial={data.trial} />
      <CaseHistory history={data.history} />
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
