/**
 * Tells NAV's case owner and the employer's contact when a follow-up of a running trial is due. The dates come from
 * the pure schedule (trial-follow-up.ts), stored when the agreement is saved; this claims the due ones. The lead's
 * scheduled-jobs runner calls sendDueFollowUps every minute: it starts no timers of its own.
 */
import type { Sql } from '../../prisma-free-sql/db'
import { claimDueFollowUps, markFollowUpsNotified, type DueFollowUp } from '../../prisma-free-sql/queries/trial-agreements'
import { notify } from './notifications.server'
import { osloInstant, osloWallClock } from './working-days'

const BATCH = 50
/**
 * The notice points at a date; a wall-clock time is needed for `dueAt`, and the start of an ordinary working day is
 * what "follow up on the 16th" means to both sides.
 */
const FOLLOW_UP_TIME = '09:00'

export const staffTrialPath = (caseId: string) => `/ansatt/saker/${caseId}/utproving`
export const employerTrialPath = (caseId: string) => `/arbeidsgiver/saker/${caseId}/utproving`

/**
 * Notifies every follow-up that is due by today's date in Oslo, of trials still running, and marks it notified, each
 * batch in one transaction with its notices. Rows are claimed with FOR UPDATE SKIP LOCKED, so concurrent runs share
 * the work, and notify() is idempotent per event and recipient, so a retried run sends nothing twice. When several
 * dates of one trial are due at once (an agreement written after its start), only the newest is notified and the
 * older ones are marked skipped: one reminder to follow up, not a pile. Returns how many follow-up dates were notified.
 */
export async function sendDueFollowUps(sql: Sql, now: Date): Promise<number> {
  const today = osloWallClock(now).date
  let notified = 0
  for (;;) {
    const batch = await sql.begin(async (tx) => {
      const due = await claimDueFollowUps(tx, today, BATCH)
      const byCase = new Map<string, DueFollowUp[]>()
      for (const row of due) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row])
      for (const [caseId, rows] of byCase) {
        const newest = rows.at(-1)!
        const notice = { kind: 'follow_up_due', eventKey: `case:${caseId}:follow-up:${newest.dueOn}`, caseId, dueAt: osloInstant(newest.dueOn, FOLLOW_UP_TIME) } as const
        if (newest.ownerUserId) await notify(tx, [newest.ownerUserId], { ...notice, path: staffTrialPath(caseId) })
        if (newest.employerContactUserId) await notify(tx, [newest.employerContactUserId], { ...notice, path: employerTrialPath(caseId) })
        await markFollowUpsNotified(tx, caseId, newest.dueOn, rows.slice(0, -1).map((row) => row.dueOn))
      }
      return { claimed: due.length, notified: byCase.size }
    })
    notified += batch.notified
    // A short batch means nothing more is due, or the rest is held by a concurrent run that will finish it.
    if (batch.claimed < BATCH) return notified
  }
}
