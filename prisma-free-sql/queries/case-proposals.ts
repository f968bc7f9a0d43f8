import { z } from 'zod'
import { caseStatuses, employerVerdicts, endStatuses, type EmployerVerdict } from '../../app/modules/case-flow'
import type { Queryable } from '../db'
import { parseRows } from '../rows'
import { appendCaseEvent } from './cases'

/**
 * A freshly opened proposal is received by the one who made it, in the transaction that opened it: the specialist is
 * already acting, so the case starts acknowledged and no reminder or escalation (which look at `acknowledged_at is
 * null`) ever nags them about their own proposal. Only a case still at its first version moves, so a proposal that
 * found an employer's existing case leaves that case alone.
 */
export async function receiveOwnProposal(sql: Queryable, caseId: string, proposerUserId: string): Promise<boolean> {
  const updated = await sql`
    update cases set status = 'received', acknowledged_at = now(), version = version + 1, updated_at = now()
    where id = ${caseId} and origin = 'specialist_proposal' and status = 'new' and version = 1
    returning id`
  if (updated.length === 0) return false
  await appendCaseEvent(sql, { caseId, action: 'propose', fromStatus: 'new', toStatus: 'received', actorUserId: proposerUserId })
  return true
}

/**
 * Stores the employer's verdict only if the case is still at `version`, still a proposal and still open; the new
 * version when it did, undefined when someone (or a repeated submit) got there first. The status is not touched: the
 * verdict is the employer's view, the flow in case-flow.ts stays the only way the status moves. The event keeps
 * what was said in the trail, since the case row holds only the latest verdict.
 */
export async function storeEmployerVerdict(
  sql: Queryable,
  input: { caseId: string; version: number; verdict: EmployerVerdict; reason: string; eventReason: string; actorUserId: string },
): Promise<number | undefined> {
  const updated = parseRows(
    z.object({ version: z.number().int(), status: z.enum(caseStatuses) }),
    await sql`
      update cases set employer_verdict = ${input.verdict}, employer_verdict_reason = ${input.reason}, version = version + 1,
        updated_at = now()
      where id = ${input.caseId} and version = ${input.version} and origin = 'specialist_proposal'
        and status <> all(${sql.array([...endStatuses])}::text[])
      returning version, status`,
  )
  const row = updated[0]
  if (!row) return undefined
  await appendCaseEvent(sql, {
    caseId: input.caseId,
    action: 'verdict',
    fromStatus: row.status,
    toStatus: row.status,
    actorUserId: input.actorUserId,
    reason: input.eventReason,
  })
  return row.version
}

const candidateCaseSchema = z.object({
  id: z.string().uuid(),
  openingId: z.string().uuid(),
  origin: z.enum(['employer_interest', 'specialist_proposal']),
  status: z.enum(caseStatuses),
  employerVerdict: z.enum(employerVerdicts).nullable(),
})
export type CandidateCase = z.infer<typeof candidateCaseSchema>

/** A candidate's cases by opening (the specialist's list of openings shows which already have one). */
export async function casesOfCandidate(sql: Queryable, candidateId: string): Promise<Map<string, CandidateCase>> {
  const rows = parseRows(
    candidateCaseSchema,
    await sql`
      select id, opening_id as "openingId", origin, status, employer_verdict as "employerVerdict"
      from cases where candidate_id = ${candidateId}`,
  )
  return new Map(rows.map((row) => [row.openingId, row]))
}
