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

/**
 * Claims the cases that `claim` finds due and tells each one's `recipientsOf` in the same transaction, so a case is
 * marked only together with its notices. Returns how many cases were claimed.
 */
async function notifyDueCases(
  sql: Sql,
  claim: (tx: Queryable) => Promise<DueCase[]>,
  notice: { kind: 'case_reminder' | 'case_escalated'; event: string; recipientsOf: (tx: Queryable, due: DueCase) => Promise<string[]> },
): Promise<number> {
  return sql.begin(async (tx) => {
    const due = await claim(tx)
    for (const found of due) {
      await notify(tx, await notice.recipientsOf(tx, found), {
        kind: notice.kind,
        path: `/ansatt/saker/${found.id}`,
        eventKey: `case:${found.id}:${notice.event}`,
        caseId: found.id,
        dueAt: found.acknowledgeBy,
      })
    }
    return due.length
  })
}

export function sendCaseReminders(sql: Sql, now: Date): Promise<number> {
  return notifyDueCases(sql, (tx) => claimDueReminders(tx, now), { kind: 'case_reminder', event: 'reminder', recipientsOf: holdersOf })
}

export function escalateOverdueCases(sql: Sql, now: Date): Promise<number> {
  return notifyDueCases(sql, (tx) => claimDueEscalations(tx, now), {
    kind: 'case_escalated',
    event: 'escalated',
    recipientsOf: (tx, found) => staffWithRoleFor(tx, found, 'team_lead'),
  })
}
