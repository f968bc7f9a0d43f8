import { json } from '@remix-run/node'
import { portalHealth } from '~/modules/health.server'

/** Each dependency's state; 503 only when the portal cannot serve at all (no database). Nothing here is personal. */
export async function loader() {
  const health = await portalHealth()
  return json(health, { status: health.status === 'unavailable' ? 503 : 200, headers: { 'Cache-Control': 'no-store' } })
}
