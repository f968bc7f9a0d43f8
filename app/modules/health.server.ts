/**
 * What /healthz reports: each dependency on its own, so an operator (or a load balancer) can tell a portal that cannot
 * serve at all (the database is down: 503) from one that serves but has a dependency down (search or SMTP: 200,
 * "degraded"; pages say so and the outboxes keep the work until it comes back).
 */
import { connect } from 'node:net'
import type { Sql } from '../../prisma-free-sql/db'
import { emailOutboxCounts } from '../../prisma-free-sql/queries/email-outbox'
import { getSearchBackend, searchBackendKind } from '../../search-index/backends'
import { outboxStats } from '../../search-index/sync'
import { getDatabase } from '../utils/db.server'
import { getEnv } from '../utils/env.server'

export const HEALTH_TIMEOUT_MS = 2_000

export type DependencyStatus = 'ok' | 'unavailable'
type Check = { status: DependencyStatus; latencyMs: number; detail?: string }

export type PortalHealth = {
  status: 'ok' | 'degraded' | 'unavailable'
  database: Check & { kind: 'embedded' | 'server' }
  search: Check & { backend: 'postgres' | 'meilisearch' }
  searchSync: { status: DependencyStatus; pending?: number; failing?: number; oldestPendingSeconds?: number | null }
  email: Check & { transport: 'smtp' | 'mailbox' }
  emailOutbox: { status: DependencyStatus; pending?: number; retrying?: number; dead?: number; oldestPendingSeconds?: number | null }
}

async function timed(run: () => Promise<unknown>): Promise<Check> {
  const started = performance.now()
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS)
      }),
    ])
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) }
  } catch (error) {
    return { status: 'unavailable', latencyMs: Math.round(performance.now() - started), detail: error instanceof Error ? error.message : String(error) }
  } finally {
    clearTimeout(timer)
  }
}

/** Whether the SMTP server accepts a connection; sending is the outbox worker's job, and it retries. */
function smtpAccepts(smtpUrl: string): Promise<void> {
  const url = new URL(smtpUrl)
  const port = Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587)
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve()
    })
    socket.once('error', (error) => {
      socket.destroy()
      reject(error)
    })
  })
}

const secondsSince = (date: Date | null, now: number) => (date ? Math.round((now - date.getTime()) / 1000) : null)

export async function portalHealth(): Promise<PortalHealth> {
  const env = getEnv()
  const database = getDatabase()
  const sql: Sql = database.sql
  const now = Date.now()
  const backendHealth = async () => {
    const answer = await getSearchBackend().health()
    if (!answer.ok) throw new Error(answer.detail)
  }
  const [databaseCheck, searchCheck, emailCheck] = await Promise.all([
    timed(() => sql`select 1`),
    timed(backendHealth),
    env.SMTP_URL ? timed(() => smtpAccepts(env.SMTP_URL!)) : Promise.resolve<Check>({ status: 'ok', latencyMs: 0 }),
  ])
  const databaseUp = databaseCheck.status === 'ok'
  const [sync, mail] = databaseUp ? await Promise.all([outboxStats(sql).catch(() => null), emailOutboxCounts(sql).catch(() => null)]) : [null, null]
  const health: PortalHealth = {
    status: 'ok',
    database: { ...databaseCheck, kind: database.kind },
    search: { ...searchCheck, backend: searchBackendKind() },
    searchSync: sync
      ? { status: 'ok', pending: sync.pending, failing: sync.failing, oldestPendingSeconds: secondsSince(sync.oldestPendingAt, now) }
      : { status: 'unavailable' },
    email: { ...emailCheck, transport: env.SMTP_URL ? 'smtp' : 'mailbox' },
    emailOutbox: mail
      ? { status: 'ok', pending: mail.pending, retrying: mail.retrying, dead: mail.dead, oldestPendingSeconds: secondsSince(mail.oldestPendingAt, now) }
      : { status: 'unavailable' },
  }
  if (!databaseUp) health.status = 'unavailable'
  else if ([health.search, health.searchSync, health.email, health.emailOutbox].some((check) => check.status !== 'ok')) health.status = 'degraded'
  return health
}
