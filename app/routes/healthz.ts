import { json } from '@remix-run/node'
import { getDatabase } from '~/utils/db.server'

export async function loader() {
  const started = performance.now()
  try {
    const database = getDatabase()
    await database.sql`select 1`
    return json(
      { status: 'ok', database: { status: 'ok', kind: database.kind, latencyMs: Math.round(performance.now() - started) } },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  } catch {
    return json({ status: 'error', database: { status: 'unavailable' } }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
  }
}
