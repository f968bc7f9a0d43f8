import type { PendingQuery, Row } from 'postgres'
import { z } from 'zod'
import { candidateStatuses } from './candidates'
import { openingStatuses } from './openings'
import { staffRoles } from './users'
import type { Queryable } from '../db'
import { parseRows } from '../rows'

export const meetingStatuses = ['planned', 'held'] as const
export type MeetingStatus = (typeof meetingStatuses)[number]

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const clockTime = z.string().regex(/^\d{2}:\d{2}$/)

// ---------------------------------------------------------------------------------------------
// Meetings

const meetingSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  meetsOn: isoDate,
  startsAt: clockTime,
  countyNumber: z.string(),
  countyName: z.string(),
  officeId: z.string().uuid().nullable(),
  officeName: z.string().nullable(),
  status: z.enum(meetingStatuses),
  heldAt: z.date().nullable(),
  heldByName: z.string().nullable(),
  createdByUserId: z.string().uuid(),
  createdByName: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  participantIds: z.array(z.string().uuid()),
  candidateCount: z.number().int(),
  openingCount: z.number().int(),
  minuteCount: z.number().int(),
})
export type Meeting = z.infer<typeof meetingSchema>

/** Meetings matching `condition`, with the names and counts a list or a page shows; one shape for every read. */
async function selectMeetings(sql: Queryable, condition: PendingQuery<Row[]>, order: PendingQuery<Row[]>): Promise<Meeting[]> {
  return parseRows(
    meetingSchema,
    await sql`
      select m.id, m.title, to_char(m.meets_on, 'YYYY-MM-DD') as "meetsOn", to_char(m.starts_at, 'HH24:MI') as "startsAt",
             m.county_number as "countyNumber", c.name as "countyName", m.office_id as "officeId", o.name as "officeName",
             m.status, m.held_at as "heldAt", holder.name as "heldByName", m.created_by_user_id as "createdByUserId",
             creator.name as "createdByName", m.created_at as "createdAt", m.updated_at as "updatedAt",
             coalesce((select array_agg(p.user_id order by p.user_id) from matching_meeting_participants p where p.meeting_id = m.id), '{}') as "participantIds",
             (select count(*)::int from matching_meeting_candidates mc where mc.meeting_id = m.id) as "candidateCount",
             (select count(*)::int from matching_meeting_openings mo where mo.meeting_id = m.id) as "openingCount",
             (select count(*)::int from matching_meeting_minutes mm where mm.meeting_id = m.id) as "minuteCount"
      from matching_meetings m
      join counties c on c.number = m.county_number
      join users creator on creator.id = m.created_by_user_id
      left join users holder on holder.id = m.held_by_user_id
      left join nav_offices o on o.id = m.office_id
      where ${condition}
      order by ${order}`,
  )
}

export type NewMeeting = {
  title: string
  meetsOn: string
  startsAt: string
  countyNumber: string
  officeId: string | null
  createdByUserId: string
  participantIds: readonly string[]
}

export async function insertMeeting(sql: Queryable, meeting: NewMeeting): Promise<string> {
  const [row] = await sql`
    insert into matching_meetings (title, meets_on, starts_at, county_number, office_id, created_by_user_id)
    values (${meeting.title}, ${meeting.meetsOn}, ${meeting.startsAt}, ${meeting.countyNumber}, ${meeting.officeId}, ${meeting.createdByUserId})
    returning id`
  const id = z.string().uuid().parse(row?.id)
  if (meeting.participantIds.length > 0) {
    await sql`
      insert into matching_meeting_participants (meeting_id, user_id)
      select ${id}, unnest(${sql.array([...new Set(meeting.participantIds)])}::uuid[])
      on conflict do nothing`
  }
  return id
}

export async function findMeeting(sql: Queryable, meetingId: string): Promise<Meeting | undefined> {
  return (await selectMeetings(sql, sql`m.id = ${meetingId}`, sql`m.id`))[0]
}

/** Meetings in some counties (a staff member's region), the latest date first. */
export async function listMeetingsInCounties(sql: Queryable, countyNumbers: readonly string[]): Promise<Meeting[]> {
  return selectMeetings(sql, sql`m.county_number = any(${sql.array([...countyNumbers])})`, sql`m.meets_on desc, m.starts_at desc, m.id`)
}

/** Marks a planned meeting held; false when it already was (a second click, or a colleague first). */
export async function markMeetingHeld(sql: Queryable, meetingId: string, userId: string, at?: Date): Promise<boolean> {
  const updated = await sql`
    update matching_meetings set status = 'held', held_at = coalesce(${at ?? null}::timestamptz, now()), held_by_user_id = ${userId}, updated_at = now()
    where id = ${meetingId} and status = 'planned'
    returning id`
  return updated.length === 1
}

/** The meeting a person set up under this title in this county, if any: the demo data's natural key. */
export async function findMeetingByTitle(sql: Queryable, key: { title: string; countyNumber: string; createdByUserId: string }): Promise<string | undefined> {
  const [row] = await sql`
    select id from matching_meetings
    where title = ${key.title} and county_number = ${key.countyNumber} and created_by_user_id = ${key.createdByUserId}
    order by created_at, id limit 1`
  return row ? z.string().uuid().parse(row.id) : undefined
}

// ---------------------------------------------------------------------------------------------
// Participants and the staff who can be one

const participantSchema = z.object({ userId: z.string().uuid(), name: z.string(), officeName: z.string().nullable(), roles: z.array(z.enum(staffRoles)) })
export type Participant = z.infer<typeof participantSchema>

const rolesOf = (sql: Queryable, userColumn: PendingQuery<Row[]>) =>
  sql`coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = ${userColumn}), '{}')`

export async function listParticipants(sql: Queryable, meetingId: string): Promise<Participant[]> {
  return parseRows(
    participantSchema,
    await sql`
      select u.id as "userId", u.name, o.name as "officeName", ${rolesOf(sql, sql`u.id`)} as roles
      from matching_meeting_participants mp
      join users u on u.id = mp.user_id
      left join staff_placements sp on sp.user_id = u.id
      left join nav_offices o on o.id = sp.office_id
      where mp.meeting_id = ${meetingId}
      order by u.name, u.id`,
  )
}

const regionStaffSchema = participantSchema.extend({
  officeCountyNumber: z.string().nullable(),
  countyNumbers: z.array(z.string()),
})
export type RegionStaffMember = z.infer<typeof regionStaffSchema>

/**
 * Active staff who work with some county in `countyNumbers`: placed at an office there, or covering it as market
 * contacts. Each comes with their own counties, so a meeting's county can be checked against them one by one.
 */
export async function listStaffInCounties(sql: Queryable, countyNumbers: readonly string[]): Promise<RegionStaffMember[]> {
  const counties = sql.array([...countyNumbers])
  return parseRows(
    regionStaffSchema,
    await sql`
      select u.id as "userId", u.name, o.name as "officeName", o.county_number as "officeCountyNumber", ${rolesOf(sql, sql`u.id`)} as roles,
             coalesce((select array_agg(mc.county_number order by mc.county_number) from market_contact_counties mc where mc.user_id = u.id), '{}') as "countyNumbers"
      from users u
      left join staff_placements sp on sp.user_id = u.id
      left join nav_offices o on o.id = sp.office_id
      where u.account_type = 'staff' and u.disabled_at is null
        and (o.county_number = any(${counties})
             or exists (select 1 from market_contact_counties mc where mc.user_id = u.id and mc.county_number = any(${counties})))
      order by o.name nulls last, u.name, u.id`,
  )
}

// ---------------------------------------------------------------------------------------------
// Candidates and openings on the meeting's list

const meetingCandidateSchema = z.object({
  candidateId: z.string().uuid(),
  officeId: z.string().uuid(),
  officeName: z.string(),
  responsibleUserId: z.string().uuid(),
  responsibleName: z.string(),
  status: z.enum(candidateStatuses),
  addedByName: z.string(),
  addedAt: z.date(),
})
export type MeetingCandidate = z.infer<typeof meetingCandidateSchema>

/** The meeting's candidates in the order they were added; the operational record only, never the identity. */
export async function listMeetingCandidates(sql: Queryable, meetingId: string): Promise<MeetingCandidate[]> {
  return parseRows(
    meetingCandidateSchema,
    await sql`
      select mc.candidate_id as "candidateId", c.office_id as "officeId", o.name as "officeName",
             c.responsible_user_id as "responsibleUserId", ru.name as "responsibleName", c.status,
             adder.name as "addedByName", mc.added_at as "addedAt"
      from matching_meeting_candidates mc
      join candidates c on c.id = mc.candidate_id
      join nav_offices o on o.id = c.office_id
      join users ru on ru.id = c.responsible_user_id
      join users adder on adder.id = mc.added_by_user_id
      where mc.meeting_id = ${meetingId}
      order by mc.added_at, mc.candidate_id`,
  )
}

/** Adds the candidate; false when they were on the list already. */
export async function insertMeetingCandidate(sql: Queryable, entry: { meetingId: string; candidateId: string; addedByUserId: string }): Promise<boolean> {
  const inserted = await sql`
    insert into matching_meeting_candidates (meeting_id, candidate_id, added_by_user_id)
    values (${entry.meetingId}, ${entry.candidateId}, ${entry.addedByUserId})
    on conflict do nothing
    returning candidate_id`
  return inserted.length === 1
}

const meetingOpeningSchema = z.object({
  openingId: z.string().uuid(),
  title: z.string(),
  status: z.enum(openingStatuses),
  organisationName: z.string(),
  workplaceName: z.string(),
  municipalityName: z.string(),
  countyNumber: z.string(),
  addedByName: z.string(),
  addedAt: z.date(),
})
export type MeetingOpening = z.infer<typeof meetingOpeningSchema>

export async function listMeetingOpenings(sql: Queryable, meetingId: string): Promise<MeetingOpening[]> {
  return parseRows(
    meetingOpeningSchema,
    await sql`
      select mo.opening_id as "openingId", op.title, op.status, org.name as "organisationName", w.name as "workplaceName",
             mu.name as "municipalityName", mu.county_number as "countyNumber", adder.name as "addedByName", mo.added_at as "addedAt"
      from matching_meeting_openings mo
      join openings op on op.id = mo.opening_id
      join workplaces w on w.id = op.workplace_id
      join organisations org on org.id = w.organisation_id
      join municipalities mu on mu.number = w.municipality_number
      join users adder on adder.id = mo.added_by_user_id
      where mo.meeting_id = ${meetingId}
      order by mo.added_at, mo.opening_id`,
  )
}

/** Adds the opening; false when it was on the list already. */
export async function insertMeetingOpening(sql: Queryable, entry: { meetingId: string; openingId: string; addedByUserId: string }): Promise<boolean> {
  const inserted = await sql`
    insert into matching_meeting_openings (meeting_id, opening_id, added_by_user_id)
    values (${entry.meetingId}, ${entry.openingId}, ${entry.addedByUserId})
    on conflict do nothing
    returning opening_id`
  return inserted.length === 1
}

const officeCandidateSchema = z.object({ id: z.string().uuid(), responsibleUserId: z.string().uuid(), responsibleName: z.string() })
export type OfficeCandidate = z.infer<typeof officeCandidateSchema>

/** An office's active candidates, by responsible specialist: who can be brought to a meeting from there. */
export async function listActiveOfficeCandidates(sql: Queryable, officeId: string): Promise<OfficeCandidate[]> {
  return parseRows(
    officeCandidateSchema,
    await sql`
      select c.id, c.responsible_user_id as "responsibleUserId", u.name as "responsibleName"
      from candidates c join users u on u.id = c.responsible_user_id
      where c.office_id = ${officeId} and c.status = 'active'
      order by u.name, c.responsible_user_id, c.id`,
  )
}

// ---------------------------------------------------------------------------------------------
// Minutes

const minuteSchema = z.object({
  id: z.coerce.number().int(),
  candidateId: z.string().uuid().nullable(),
  openingId: z.string().uuid().nullable(),
  decision: z.string(),
  nextStep: z.string(),
  responsibleUserId: z.string().uuid().nullable(),
  responsibleName: z.string().nullable(),
  dueOn: isoDate.nullable(),
  correctsMinuteId: z.coerce.number().int().nullable(),
  recordedByName: z.string(),
  recordedAt: z.date(),
})
export type Minute = z.infer<typeof minuteSchema>

export type NewMinute = {
  meetingId: string
  candidateId: string | null
  openingId: string | null
  decision: string
  nextStep: string
  responsibleUserId: string | null
  dueOn: string | null
  correctsMinuteId: number | null
  recordedByUserId: string
  /** Now, unless the demo data writes a meeting that was held earlier. */
  recordedAt?: Date
}

export async function insertMinute(sql: Queryable, minute: NewMinute): Promise<number> {
  const [row] = await sql`
    insert into matching_meeting_minutes (meeting_id, candidate_id, opening_id, decision, next_step, responsible_user_id, due_on,
      corrects_minute_id, recorded_by_user_id, recorded_at)
    values (${minute.meetingId}, ${minute.candidateId}, ${minute.openingId}, ${minute.decision}, ${minute.nextStep},
      ${minute.responsibleUserId}, ${minute.dueOn}, ${minute.correctsMinuteId}, ${minute.recordedByUserId},
      coalesce(${minute.recordedAt ?? null}::timestamptz, now()))
    returning id`
  return z.coerce.number().int().parse(row?.id)
}

async function selectMinutes(sql: Queryable, condition: PendingQuery<Row[]>): Promise<Minute[]> {
  return parseRows(
    minuteSchema,
    await sql`
      select mm.id, mm.candidate_id as "candidateId", mm.opening_id as "openingId", mm.decision, mm.next_step as "nextStep",
             mm.responsible_user_id as "responsibleUserId", responsible.name as "responsibleName",
             to_char(mm.due_on, 'YYYY-MM-DD') as "dueOn", mm.corrects_minute_id as "correctsMinuteId",
             recorder.name as "recordedByName", mm.recorded_at as "recordedAt"
      from matching_meeting_minutes mm
      join users recorder on recorder.id = mm.recorded_by_user_id
      left join users responsible on responsible.id = mm.responsible_user_id
      where ${condition}
      order by mm.id`,
  )
}

/** The minutes in the order they were written. */
export async function listMinutes(sql: Queryable, meetingId: string): Promise<Minute[]> {
  return selectMinutes(sql, sql`mm.meeting_id = ${meetingId}`)
}

export async function findMinute(sql: Queryable, meetingId: string, minuteId: number): Promise<Minute | undefined> {
  return (await selectMinutes(sql, sql`mm.meeting_id = ${meetingId} and mm.id = ${minuteId}`))[0]
}
