import { z } from 'zod'
import type { Queryable } from '../db'
import { ownerAndFollowersOf } from './employer-relationships'
import { parseRows } from '../rows'
import { activeMembersOfOpening } from './organisations'

const dueCaseSchema = z.object({
  id: z.string().uuid(),
  ownerUserId: z.string().uuid().nullable(),
  officeId: z.string().uuid(),
  teamId: z.string().uuid().nullable(),
  acknowledgeBy: z.date(),
})
export type DueCase = z.infer<typeof dueCaseSchema>

/**
 * The two deadlines of an unacknowledged case: when it falls due, and the mark that it has been dealt with. Column
 * names, never input, so they can go into the query as identifiers.
 */
const deadlineColumns = {
  reminder: { dueAt: 'remind_at', markedAt: 'reminded_at' },
  escalation: { dueAt: 'acknowledge_by', markedAt: 'escalated_at' },
} as const

/**
 * Marks unacknowledged cases whose `deadline` has come and returns them: each is taken once, even by several workers
 * at once (skip locked, and the mark is the claim).
 */
async function claimDue(sql: Queryable, deadline: keyof typeof deadlineColumns, now: Date, limit: number): Promise<DueCase[]> {
  const dueAt = sql(deadlineColumns[deadline].dueAt)
  const markedAt = sql(deadlineColumns[deadline].markedAt)
  return parseRows(
    dueCaseSchema,
    await sql`
      update cases c set ${markedAt} = ${now}
      from (
        select id from cases
        where acknowledged_at is null and status = 'new' and ${markedAt} is null and ${dueAt} <= ${now}
        order by ${dueAt} limit ${limit}
        for update skip locked
      ) due
      where c.id = due.id
      returning c.id, c.owner_user_id as "ownerUserId", c.office_id as "officeId", c.team_id as "teamId", c.acknowledge_by as "acknowledgeBy"`,
  )
}

/** Cases whose reminder time has come, marked reminded. */
export function claimDueReminders(sql: Queryable, now: Date, limit = 200): Promise<DueCase[]> {
  return claimDue(sql, 'reminder', now, limit)
}

/** Cases past their acknowledgement deadline, marked escalated, with an event in their history. */
export async function claimDueEscalations(sql: Queryable, now: Date, limit = 200): Promise<DueCase[]> {
  const due = await claimDue(sql, 'escalation', now, limit)
  if (due.length > 0) {
    await sql`
      insert into case_events (case_id, action, from_status, to_status, actor_user_id, at)
      select id, 'escalate', 'new', 'new', null, ${now} from unnest(${sql.array(due.map((row) => row.id))}::uuid[]) as id`
  }
  return due
}

/**
 * Active staff with `role` who are not away, in the team, or at the office when the case has no team (or nobody of the
 * team is there).
 */
export async function staffWithRoleFor(sql: Queryable, place: { officeId: string; teamId: string | null }, role: 'specialist' | 'team_lead'): Promise<string[]> {
  const rows = await sql`
    select u.id, p.team_id is not distinct from ${place.teamId}::uuid as "inTeam"
    from users u
    join staff_placements p on p.user_id = u.id
    join user_roles r on r.user_id = u.id and r.role = ${role}
    where p.office_id = ${place.officeId} and u.disabled_at is null
      and not exists (
        select 1 from staff_absences a
        where a.user_id = u.id and (a.until_date is null or a.until_date >= (now() at time zone 'Europe/Oslo')::date))`
  const all = parseRows(z.object({ id: z.string().uuid(), inTeam: z.boolean() }), rows)
  const inTeam = all.filter((row) => row.inTeam)
  return (place.teamId && inTeam.length > 0 ? inTeam : all).map((row) => row.id)
}

/** Who can take a case nobody holds: the present specialists of its queue, or its team leads when none is there. */
export async function queueHoldersFor(sql: Queryable, place: { officeId: string; teamId: string | null }): Promise<string[]> {
  const specialists = await staffWithRoleFor(sql, place, 'specialist')
  return specialists.length > 0 ? specialists : staffWithRoleFor(sql, place, 'team_lead')
}

/**
 * Who in the market team hears of a case on an opening, and about which organisation: the employer's owner and
 * followers, so one person keeps the whole relationship; while nobody owns or follows the employer, every market
 * contact covering the workplace's county.
 */
export async function marketContactsForOpening(sql: Queryable, openingId: string): Promise<{ organisationId: string; recipients: string[] } | undefined> {
  const [opening] = parseRows(
    z.object({ organisationId: z.string().uuid(), countyNumber: z.string() }),
    await sql`
      select w.organisation_id as "organisationId", m.county_number as "countyNumber"
      from openings op join workplaces w on w.id = op.workplace_id join municipalities m on m.number = w.municipality_number
      where op.id = ${openingId}`,
  )
  if (!opening) return undefined
  const watchers = await ownerAndFollowersOf(sql, opening.organisationId)
  if (watchers.length > 0) return { organisationId: opening.organisationId, recipients: watchers }
  const rows = await sql`
    select distinct u.id
    from market_contact_counties mc
    join users u on u.id = mc.user_id and u.disabled_at is null
    join user_roles r on r.user_id = u.id and r.role = 'market_contact'
    where mc.county_number = ${opening.countyNumber}`
  return { organisationId: opening.organisationId, recipients: parseRows(z.object({ id: z.string().uuid() }), rows).map((row) => row.id) }
}

/** Who on the employer's side hears of a case: the person who opened it, or else the organisation's active members. */
export async function employerRecipientsForCase(sql: Queryable, caseId: string): Promise<string[]> {
  const [found] = parseRows(
    z.object({ openingId: z.string().uuid(), createdByUserId: z.string().uuid() }),
    await sql`select opening_id as "openingId", created_by_user_id as "createdByUserId" from cases where id = ${caseId}`,
  )
  if (!found) return []
  const members = (await activeMembersOfOpening(sql, found.openingId)).map((member) => member.userId)
  return members.includes(found.createdByUserId) ? [found.createdByUserId] : members
}
