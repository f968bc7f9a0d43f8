import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { homePathFor } from '~/utils/auth.server'
import { getSessionUser } from '~/utils/session.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  return redirect(user ? homePathFor(user) : '/logg-inn')
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
