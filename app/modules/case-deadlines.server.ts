/**
 * Deadlines of unacknowledged cases (DOMAIN.md §5: an employer's interest is answered the same working day): a
 * reminder to whoever holds the case before the deadline, and an escalation to the team lead after it. Run every
 * minute by the scheduled jobs; each case is reminded and escalated once, however many workers run.
 */
import type { Queryable, Sql } from '../../prisma-free-sql/db'
import { claimDueEscalations, claimDueReminders, queueHoldersFor, staffWithRoleFor, type DueCase } from '../../prisma-free-sql/queries/case-deadlines'
import { notify } from './notifications.server'

/** Who holds a case: its owner, or everyone who can take it from the queue. */
async function holdersOf(tx: Queryable, due: DueCase): Promise<string[]> {
  return due.ownerUserId ? [due.ownerUserId] : queueHoldersFor(tx, due)
}

export async function sendCaseReminders(sql: Sql, now: Date): Promise<number> {
  return sql.begin(async (tx) => {
    const due = await claimDueReminders(tx, now)
    for (const found of due) {
      await notify(tx, await holdersOf(tx, found), {
        kind: 'case_reminder',
        path: `/ansatt/saker/${found.id}`,
        eventKey: `case:${found.id}:reminder`,
        caseId: found.id,
        dueAt: found.acknowledgeBy,
      })
    }
    return due.length
  })
}

export async function escalateOverdueCases(sql: Sql, now: Date): Promise<number> {
  return sql.begin(async (tx) => {
    const due = await claimDueEscalations(tx, now)
    for (const found of due) {
      await notify(tx, await staffWithRoleFor(tx, found, 'team_lead'), {
        kind: 'case_escalated',
        path: `/ansatt/saker/${found.id}`,
        eventKey: `case:${found.id}:escalated`,
        caseId: found.id,
        dueAt: found.acknowledgeBy,
      })
    }
    return due.length
  })
}
