import { GeneralErrorBoundary } from '~/components/error-boundary'

export async function loader() {
  throw new Response('Siden finnes ikke, eller den er flyttet.', { status: 404, statusText: 'Not Found' })
}

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
