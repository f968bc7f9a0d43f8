import type { PendingQuery, Row } from 'postgres'
import { z } from 'zod'
import { caseStatuses, employerVerdicts, type CaseStatus } from '../../app/modules/case-flow'
import type { Routing } from '../../app/modules/case-routing'
import type { Queryable } from '../db'
import { parseRows } from '../rows'

const caseSchema = z.object({
  id: z.string().uuid(),
  openingId: z.string().uuid(),
  candidateId: z.string().uuid(),
  origin: z.enum(['employer_interest', 'specialist_proposal']),
  status: z.enum(caseStatuses),
  ownerUserId: z.string().uuid().nullable(),
  ownerName: z.string().nullable(),
  routedAs: z.enum(['responsible', 'stand_in', 'team_queue']),
  officeId: z.string().uuid(),
  teamId: z.string().uuid().nullable(),
  acknowledgeBy: z.date(),
  remindAt: z.date(),
  remindedAt: z.date().nullable(),
  escalatedAt: z.date().nullable(),
  acknowledgedAt: z.date().nullable(),
  employerMessage: z.string(),
  employerVerdict: z.enum(employerVerdicts).nullable(),
  employerVerdictReason: z.string(),
  createdByUserId: z.string().uuid(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
})
export type Case = z.infer<typeof caseSchema>

const caseColumns = (sql: Queryable) => sql`
  c.id, c.opening_id as "openingId", c.candidate_id as "candidateId", c.origin, c.status,
  c.owner_user_id as "ownerUserId", owner.name as "ownerName", c.routed_as as "routedAs", c.office_id as "officeId",
  c.team_id as "teamId", c.acknowledge_by as "acknowledgeBy", c.remind_at as "remindAt", c.reminded_at as "remindedAt",
  c.escalated_at as "escalatedAt", c.acknowledged_at as "acknowledgedAt", c.employer_message as "employerMessage",
  c.employer_verdict as "employerVerdict", c.employer_verdict_reason as "employerVerdictReason",
  c.created_by_user_id as "createdByUserId", c.created_at as "createdAt", c.updated_at as "updatedAt", c.version`

/** Cases matching `condition`, with their owner's name; one query shape for every read of a case. */
async function selectCases(sql: Queryable, condition: PendingQuery<Row[]>): Promise<Case[]> {
  return parseRows(caseSchema, await sql`select ${caseColumns(sql)} from cases c left join users owner on owner.id = c.owner_user_id where ${condition}`)
}

export type NewCase = {
  openingId: string
  candidateId: string
  origin: Case['origin']
  routing: Routing
  officeId: string
  teamId: string | undefined
  acknowledgeBy: Date
  remindAt: Date
  employerMessage: string
  createdByUserId: string
}

/**
 * Opens the case, or finds the one already open for this candidate and opening (a double click, a second colleague,
 * or an interest after a proposal): never two. `created` tells which, so the caller notifies only once.
 */
export async function openCase(sql: Queryable, input: NewCase): Promise<{ case: Case; created: boolean }> {
  const ownerUserId = input.routing.kind === 'team_queue' ? null : input.routing.userId
  const inserted = await sql`
    insert into cases (opening_id, candidate_id, origin, owner_user_id, routed_as, office_id, team_id, acknowledge_by,
      remind_at, employer_message, created_by_user_id)
    values (${input.openingId}, ${input.candidateId}, ${input.origin}, ${ownerUserId}, ${input.routing.kind}, ${input.officeId},
      ${input.teamId ?? null}, ${input.acknowledgeBy}, ${input.remindAt}, ${input.employerMessage}, ${input.createdByUserId})
    on conflict (opening_id, candidate_id) do nothing
    returning id`
  const created = inserted.length === 1
  if (created) {
    await appendCaseEvent(sql, { caseId: String(inserted[0]!.id), action: 'open', fromStatus: null, toStatus: 'new', actorUserId: input.createdByUserId })
  }
  const found = await findCaseFor(sql, input.openingId, input.candidateId)
  if (!found) throw new Error(`The case for opening ${input.openingId} and candidate ${input.candidateId} was neither created nor found`)
  return { case: found, created }
}

export async function findCase(sql: Queryable, caseId: string): Promise<Case | undefined> {
  return (await selectCases(sql, sql`c.id = ${caseId}`))[0]
}

export async function findCaseFor(sql: Queryable, openingId: string, candidateId: string): Promise<Case | undefined> {
  return (await selectCases(sql, sql`c.opening_id = ${openingId} and c.candidate_id = ${candidateId}`))[0]
}

/** The cases of an opening, by candidate (the employer's match list shows each one's status). */
export async function casesForOpening(sql: Queryable, openingId: string): Promise<Map<string, Case>> {
  return new Map((await selectCases(sql, sql`c.opening_id = ${openingId}`)).map((row) => [row.candidateId, row]))
}

export async function appendCaseEvent(
  sql: Queryable,
  event: { caseId: string; action: string; fromStatus: CaseStatus | null; toStatus: CaseStatus; actorUserId: string | null; reason?: string },
): Promise<void> {
  await sql`
    insert into case_events (case_id, action, from_status, to_status, actor_user_id, reason)
    values (${event.caseId}, ${event.action}, ${event.fromStatus}, ${event.toStatus}, ${event.actorUserId}, ${event.reason ?? ''})`
}

/**
 * Moves the case from `from` to `to` only if it is still at `version` (and `from`); false when someone (or a repeated
 * submit) got there first. The event is written in the same transaction by the caller's `sql`.
 */
export async function moveCase(
  sql: Queryable,
  move: { caseId: string; version: number; action: string; from: CaseStatus; to: CaseStatus; actorUserId: string; reason: string },
): Promise<boolean> {
  const updated = await sql`
    update cases set status = ${move.to}, version = version + 1, updated_at = now(),
      acknowledged_at = coalesce(acknowledged_at, case when ${move.from} = 'new' then now() end)
    where id = ${move.caseId} and version = ${move.version} and status = ${move.from}
    returning id`
  if (updated.length === 0) return false
  await appendCaseEvent(sql, { caseId: move.caseId, action: move.action, fromStatus: move.from, toStatus: move.to, actorUserId: move.actorUserId, reason: move.reason })
  return true
}

const caseEventSchema = z.object({
  action: z.string(),
  fromStatus: z.enum(caseStatuses).nullable(),
  toStatus: z.enum(caseStatuses),
  actorName: z.string().nullable(),
  /** employer or staff; null for the system. Employers see only their own side's reasons. */
  actorAccountType: z.enum(['employer', 'staff']).nullable(),
  reason: z.string(),
  at: z.date(),
})
export type CaseEvent = z.infer<typeof caseEventSchema>

export async function caseHistory(sql: Queryable, caseId: string): Promise<CaseEvent[]> {
  return parseRows(
    caseEventSchema,
    await sql`
      select e.action, e.from_status as "fromStatus", e.to_status as "toStatus", u.name as "actorName",
             u.account_type as "actorAccountType", e.reason, e.at
      from case_events e left join users u on u.id = e.actor_user_id
      where e.case_id = ${caseId} order by e.id`,
  )
}

const listedCaseSchema = caseSchema.extend({ openingTitle: z.string() })
export type ListedCase = z.infer<typeof listedCaseSchema>

/** Cases with their opening's title, open ones first and the most urgent deadline first among them. */
async function listCases(sql: Queryable, condition: PendingQuery<Row[]>): Promise<ListedCase[]> {
  return parseRows(
    listedCaseSchema,
    await sql`
      select ${caseColumns(sql)}, o.title as "openingTitle"
      from cases c
      join openings o on o.id = c.opening_id
      left join users owner on owner.id = c.owner_user_id
      where ${condition}
      order by (c.status in ('candidate_no', 'hired', 'not_hired', 'withdrawn')), c.acknowledged_at is not null, c.acknowledge_by,
        c.created_at desc
      limit 500`,
  )
}

/** Every case on the openings of the organisations the employer is an active member of. */
export function listCasesForEmployer(sql: Queryable, userId: string): Promise<ListedCase[]> {
  return listCases(
    sql,
    sql`o.workplace_id in (
      select w.id from workplaces w
      join organisation_memberships m on m.organisation_id = w.organisation_id and m.user_id = ${userId} and m.status = 'active')`,
  )
}

/** A staff member's inbox: their own cases, and the cases in their office's queue (their team's, or nobody's team). */
export function listCasesForStaff(
  sql: Queryable,
  staff: { userId: string; officeId: string; teamId: string | null; wholeTeam: boolean },
): Promise<ListedCase[]> {
  const teamCondition = staff.teamId ? sql`(c.team_id = ${staff.teamId} or c.team_id is null)` : sql`true`
  return listCases(
    sql,
    sql`c.office_id = ${staff.officeId}
      and (c.owner_user_id = ${staff.userId}
        or (c.owner_user_id is null and ${teamCondition})
        ${staff.wholeTeam ? sql`or ${teamCondition}` : sql``})`,
  )
}

/** Takes a case from the queue; false when someone else took it first. */
export async function takeCaseFromQueue(sql: Queryable, caseId: string, userId: string, version: number): Promise<boolean> {
  const taken = await sql`
    update cases set owner_user_id = ${userId}, routed_as = 'responsible', version = version + 1, updated_at = now()
    where id = ${caseId} and owner_user_id is null and version = ${version}
    returning id`
  return taken.length === 1
}
