import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requireValidCsrf } from '~/utils/csrf.server'
import { endSession } from '~/utils/session.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  await requireValidCsrf(await request.formData(), request)
  return endSession(request, '/logg-inn?melding=utlogget')
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
