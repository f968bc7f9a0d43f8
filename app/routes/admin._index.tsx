import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requireRole } from '~/utils/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return redirect('/admin/kontorer')
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
