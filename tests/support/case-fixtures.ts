import { moveCaseAs } from '~/modules/cases.server'
import type { CaseAction } from '~/modules/case-flow'
import { markEmployerInterest } from '~/modules/matching.server'
import type { Sql } from '../../prisma-free-sql/db'
import { findCase, type Case } from '../../prisma-free-sql/queries/cases'
import type { Opening } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { getSearchBackend } from '../../search-index/backends'
import { processSearchOutbox } from '../../search-index/sync'
import { createVisibleCandidate, today } from './matching-fixtures'

/** Runs the search sync until the outbox is empty, so new candidates can be matched. */
export async function syncSearchIndex(sql: Sql): Promise<void> {
  for (let pass = 0; pass < 10; pass += 1) {
    if ((await processSearchOutbox(sql, getSearchBackend(), { today })).claimed === 0) return
  }
}

const employerActions: readonly CaseAction[] = ['agreeMeeting', 'startTrial']

/**
 * A new candidate of `specialist`, the employer's interest in them for `opening`, and the case moved through
 * `actions` by the side each belongs to (steps that need a reason get one).
 */
export async function caseThrough(
  sql: Sql,
  parties: { specialist: User; employer: User; opening: Opening },
  actions: readonly CaseAction[],
): Promise<Case> {
  const candidateId = await createVisibleCandidate(sql, parties.specialist)
  await syncSearchIndex(sql)
  const outcome = await markEmployerInterest(parties.employer, parties.opening, candidateId, '')
  if (outcome.status === 'not-visible') throw new Error('The new candidate is not visible')
  return moveCaseThrough((await findCase(sql, outcome.case.id))!, parties, actions)
}

/** Moves the case through `actions`, each by the side it belongs to, with a reason where a step asks for one. */
export async function moveCaseThrough(found: Case, parties: { specialist: User; employer: User }, actions: readonly CaseAction[]): Promise<Case> {
  for (const action of actions) {
    const employerMoves = employerActions.includes(action)
    const moved = await moveCaseAs(employerMoves ? parties.employer : parties.specialist, employerMoves ? 'employer' : 'staff', {
      caseId: found.id,
      version: found.version,
      action,
      reason: 'Avtalt med alle parter.',
    })
    if (!moved.ok) throw new Error(`${action}: ${moved.message}`)
    found = moved.case
  }
  return found
}

export const throughToTrial: readonly CaseAction[] = ['acknowledge', 'askCandidate', 'candidateSaidYes', 'agreeMeeting', 'startTrial']
