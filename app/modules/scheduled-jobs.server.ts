/**
 * Jobs that time, not a request, sets off: case reminders and escalations, trial follow-ups, the daily digest, and
 * clean-up (identity details shared with an employer after six months or an ended case, old sent e-mails, accounts
 * not used for 12 months: warned 30 days ahead, then disabled; docs/decisions/015-retention-and-candidate-rights.md).
 * Consent that runs out is not a job here: the search worker's daily sweep (search-index/sync.ts,
 * enqueueConsentDateChanges) takes the profile out of the index, and every other view decides visibility on read. Every job
 * is safe to run twice or in two processes at once (each claims its rows, and notices are idempotent), so a simple
 * timer per process is enough; no job scheduler or leader election is needed.
 */
import type { Sql } from '../../prisma-free-sql/db'
import { deleteOldSentEmails } from '../../prisma-free-sql/queries/email-outbox'
import { escalateOverdueCases, sendCaseReminders } from './case-deadlines.server'
import { purgeExpiredDisclosures } from './case-disclosure.server'
import { disableInactiveAccounts, warnInactiveAccounts } from './candidate-rights.server'
import { sendDailyDigests } from './notifications.server'
import { sendDueFollowUps } from './trial-follow-up.server'

export type ScheduledJob = { name: string; run: (sql: Sql, now: Date) => Promise<number> }

export const scheduledJobs: readonly ScheduledJob[] = [
  { name: 'case reminders', run: sendCaseReminders },
  { name: 'case escalations', run: escalateOverdueCases },
  { name: 'trial follow-ups', run: sendDueFollowUps },
  { name: 'daily digests', run: sendDailyDigests },
  { name: 'expired shared identity details', run: purgeExpiredDisclosures },
  { name: 'old sent e-mails', run: (sql) => deleteOldSentEmails(sql) },
  { name: 'inactive account warnings', run: warnInactiveAccounts },
  { name: 'inactive accounts', run: disableInactiveAccounts },
]

/** Runs every job once; one job's failure does not keep the others from running. */
export async function runScheduledJobs(sql: Sql, now = new Date(), jobs: readonly ScheduledJob[] = scheduledJobs): Promise<{ name: string; done?: number; error?: string }[]> {
  const outcomes = []
  for (const job of jobs) {
    try {
      outcomes.push({ name: job.name, done: await job.run(sql, now) })
    } catch (error) {
      outcomes.push({ name: job.name, error: error instanceof Error ? error.message : String(error) })
    }
  }
  return outcomes
}

/** Runs the jobs now and then every `everyMs` until stopped. */
export function startScheduledJobs(options: { sql: Sql; everyMs?: number; log?: (line: string) => void }): { stop: () => Promise<void> } {
  const log = options.log ?? ((line: string) => console.warn(line))
  let running: Promise<unknown> | undefined
  const tick = () => {
    if (running) return
    running = runScheduledJobs(options.sql)
      .then((outcomes) => {
        for (const outcome of outcomes) if (outcome.error) log(`Scheduled job «${outcome.name}» failed: ${outcome.error}`)
      })
      .finally(() => {
        running = undefined
      })
  }
  tick()
  const timer = setInterval(tick, options.everyMs ?? 60_000)
  timer.unref?.()
  return {
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}
