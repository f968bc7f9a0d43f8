import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { EmployerSharedDetails } from '~/components/case-disclosure-panel'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { viewDisclosureAsEmployer } from '~/modules/case-disclosure.server'
import { requireCaseForEmployer } from '~/modules/cases.server'
import { requireAcceptedTerms } from '~/modules/organisations.server'
import { requireEmployer } from '~/utils/auth.server'

// The contact details NAV shared in this case, shown inside the employer's case page (arbeidsgiver.saker.$caseId.tsx
// renders it in its box «Kontaktopplysninger delt av NAV»). Every load that returns them is written to the audit log
// (`case.disclosure.viewed`); when they are not visible (withdrawn, older than 6 months, or the case ended without a
// hire) the loader returns nothing of them.

export const meta: MetaFunction = () => [{ title: 'Kontaktopplysninger delt av NAV – Jobbsnekker' }]

/** Personal details: not kept by the browser or anything between. */
export const headers: HeadersFunction = ({ loaderHeaders }) => ({ 'Cache-Control': loaderHeaders.get('Cache-Control') ?? 'private, no-store' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  // Another organisation's case is 404 before anything else, terms or not.
  const found = await requireCaseForEmployer(user, params.caseId)
  // The terms say how shared details may be used; whoever sees them has accepted them.
  await requireAcceptedTerms(user, request)
  const view = await viewDisclosureAsEmployer(user, found.id)
  return json(
    { caseId: found.id, view: view ? { details: view.details, expiresAt: view.expiresAt } : null },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}

export default function SharedContactDetails() {
  const { caseId, view } = useLoaderData<typeof loader>()
  return <EmployerSharedDetails view={view} caseId={caseId} />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
