/**
 * Sends the e-mail outbox (table email_outbox, written by app/modules/notifications.server.ts in the same transaction
 * as the event). A pass claims due messages with a lease, renders each from its template, sends it with its
 * idempotency key as Message-ID, and marks it sent only after the server accepted it; a failure is retried with
 * exponential back-off. Nothing is lost while the SMTP server is unreachable: such failures are retried for as long as
 * it takes. A message is given up on (the dead-letter list at /admin/epost) only when the server refuses it outright
 * (a 5xx answer), when it cannot be rendered, or after many refusals with a temporary answer (4xx).
 */
import { createHash } from 'node:crypto'
import type { Sql } from '../prisma-free-sql/db'
import { claimDueEmails, markEmailFailed, markEmailsSent, type ClaimedEmail } from '../prisma-free-sql/queries/email-outbox'
import { startPollingWorker, wakeWorkers } from '../app/utils/polling-worker.server'
import type { MailTransport } from './mailer'
import { renderOutboxEmail, UnsendableEmailError } from './outbox-templates'

const EMAIL_WORKER = 'email-outbox'
export const EMAIL_LEASE_MS = 60_000
export const EMAIL_RETRY_BASE_MS = 2_000
export const EMAIL_RETRY_CAP_MS = 15 * 60_000
/** Temporary refusals (4xx) in a row before a message goes to the dead-letter list. */
export const EMAIL_MAX_REFUSALS = 10

/** Wakes this process's e-mail workers, shortly after the enqueueing transaction has committed. */
export function wakeEmailWorkersSoon(): void {
  wakeWorkers(EMAIL_WORKER)
}

/** The Message-ID of a message: the same for every attempt, so a receiver can tell a retry from a new message. */
export function messageIdFor(idempotencyKey: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@jobbsnekker.outbox>`
}

export function retryDelayMs(attemptsSoFar: number): number {
  return Math.min(EMAIL_RETRY_CAP_MS, EMAIL_RETRY_BASE_MS * 2 ** Math.min(attemptsSoFar, 20))
}

type Failure = { row: ClaimedEmail; error: string; kind: 'unreachable' | 'temporary' | 'permanent' }

/** How a failed send is handled: an outage waits, a temporary refusal counts, a permanent one ends it. */
function classify(error: unknown): Failure['kind'] {
  if (error instanceof UnsendableEmailError) return 'permanent'
  const responseCode = (error as { responseCode?: unknown } | null)?.responseCode
  if (typeof responseCode === 'number') return responseCode >= 500 ? 'permanent' : 'temporary'
  return 'unreachable'
}

const describe = (error: unknown) => (error instanceof Error ? error.message || error.name : String(error))

export type EmailPassResult = { claimed: number; sent: number; retrying: number; dead: number; errors: string[] }

/**
 * One pass over the due messages. Once the server proves unreachable the rest of the batch is not tried (each would
 * only wait for the same time-out); all of them wait for the retry.
 */
export async function processEmailOutbox(
  sql: Sql,
  transport: MailTransport,
  options: { batchSize?: number; concurrency?: number; leaseMs?: number } = {},
): Promise<EmailPassResult> {
  const claimed = await claimDueEmails(sql, options.batchSize ?? 100, options.leaseMs ?? EMAIL_LEASE_MS)
  const result: EmailPassResult = { claimed: claimed.length, sent: 0, retrying: 0, dead: 0, errors: [] }
  if (claimed.length === 0) return result
  const sent: ClaimedEmail[] = []
  const failures: Failure[] = []
  let unreachable: string | undefined
  const queue = [...claimed]
  const sendNext = async (): Promise<void> => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      if (unreachable) {
        failures.push({ row, error: unreachable, kind: 'unreachable' })
        continue
      }
      try {
        const message = await renderOutboxEmail(row.toAddress, row.template, row.params)
        await transport.send(message, { messageId: messageIdFor(row.idempotencyKey) })
        sent.push(row)
      } catch (error) {
        const kind = classify(error)
        if (kind === 'unreachable') unreachable = describe(error)
        failures.push({ row, error: describe(error), kind })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, claimed.length) }, sendNext))

  result.sent = await markEmailsSent(sql, sent)
  for (const failure of failures) {
    const refusals = failure.row.attempts + 1
    const dead = failure.kind === 'permanent' || (failure.kind === 'temporary' && refusals >= EMAIL_MAX_REFUSALS)
    const marked = dead
      ? await markEmailFailed(sql, failure.row, { error: failure.error, dead: true })
      : await markEmailFailed(sql, failure.row, { error: failure.error, retryAt: new Date(Date.now() + retryDelayMs(failure.row.attempts)) })
    if (marked && dead) result.dead += 1
    else if (marked) result.retrying += 1
  }
  result.errors = [...new Set(failures.map((failure) => failure.error))]
  return result
}

export type EmailWorker = {
  wake: () => void
  /** Runs passes until nothing is due now; for tests and scripts. */
  drain: () => Promise<void>
  stop: () => Promise<void>
}

export function startEmailWorker(options: { sql: Sql; transport: MailTransport; pollMs?: number; batchSize?: number; log?: (line: string) => void }): EmailWorker {
  const batchSize = options.batchSize ?? 100
  const log = options.log ?? ((line: string) => console.warn(line))
  let lastLogged = { message: '', at: 0 }
  let stopped = false
  // An outage fails every pass the same way: say it once a minute.
  const report = (message: string) => {
    const now = Date.now()
    if (message === lastLogged.message && now - lastLogged.at < 60_000) return
    lastLogged = { message, at: now }
    log(`E-mail: ${message}`)
  }
  const drainOnce = async () => {
    for (;;) {
      if (stopped) return
      const result = await processEmailOutbox(options.sql, options.transport, { batchSize })
      if (result.retrying + result.dead > 0) report(`${result.retrying} message(s) wait for a retry, ${result.dead} given up: ${result.errors[0] ?? ''}`)
      if (result.claimed < batchSize) return
    }
  }
  const worker = startPollingWorker({
    name: EMAIL_WORKER,
    pollMs: options.pollMs ?? 1_000,
    pass: async () => {
      try {
        await drainOnce()
      } catch (error) {
        report(`the outbox could not be read: ${describe(error)}`)
      }
    },
  })
  return {
    wake: worker.wake,
    drain: async () => {
      await worker.idle()
      await drainOnce()
    },
    stop: async () => {
      stopped = true
      await worker.stop()
      options.transport.close()
    },
  }
}
