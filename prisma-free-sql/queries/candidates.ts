import type { PendingQuery, Row } from 'postgres'
import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRow, parseRows } from '../rows'

export const candidateStatuses = ['active', 'paused', 'in_work', 'ended'] as const
export type CandidateStatus = (typeof candidateStatuses)[number]

// ---------------------------------------------------------------------------------------------
// The operational record (no identity)

const candidateSchema = z.object({
  id: z.string().uuid(),
  officeId: z.string().uuid(),
  officeName: z.string(),
  officeCountyNumber: z.string(),
  responsibleUserId: z.string().uuid(),
  responsibleName: z.string(),
  status: z.enum(candidateStatuses),
  createdAt: z.date(),
  lastActivityAt: z.date(),
  version: z.number().int(),
})
export type Candidate = z.infer<typeof candidateSchema>

const candidateSelect = (sql: Queryable) => sql`
  select c.id, c.office_id as "officeId", o.name as "officeName", o.county_number as "officeCountyNumber",
         c.responsible_user_id as "responsibleUserId", u.name as "responsibleName", c.status,
         c.created_at as "createdAt", c.last_activity_at as "lastActivityAt", c.version
  from candidates c join nav_offices o on o.id = c.office_id join users u on u.id = c.responsible_user_id
`

export async function findCandidate(sql: Queryable, candidateId: string): Promise<Candidate | undefined> {
  return parseRow(candidateSchema, await sql`${candidateSelect(sql)} where c.id = ${candidateId}`)
}

export async function insertCandidate(sql: Queryable, input: { officeId: string; responsibleUserId: string }): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into candidates (office_id, responsible_user_id) values (${input.officeId}, ${input.responsibleUserId}) returning id`
  return row!.id
}

/**
 * Records activity and moves the version on, but only from the version the form was made from;
 * returns false when someone else changed the candidate in between.
 */
export async function touchCandidate(sql: Queryable, candidateId: string, expectedVersion?: number): Promise<boolean> {
  const rows = await sql`
    update candidates set last_activity_at = now(), version = version + 1
    where id = ${candidateId} ${expectedVersion === undefined ? sql`` : sql`and version = ${expectedVersion}`}
    returning id`
  return rows.length === 1
}

export async function updateCandidateStatus(sql: Queryable, candidateId: string, status: CandidateStatus): Promise<void> {
  await sql`update candidates set status = ${status} where id = ${candidateId}`
}

export async function updateResponsible(sql: Queryable, candidateId: string, responsibleUserId: string, officeId: string): Promise<void> {
  await sql`update candidates set responsible_user_id = ${responsibleUserId}, office_id = ${officeId} where id = ${candidateId}`
}

// ---------------------------------------------------------------------------------------------
// Identity: read only through the domain module, which writes the audit entry.

const identitySchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  nationalId: z.string(),
  phone: z.string(),
  email: z.string(),
  updatedAt: z.date(),
})
export type CandidateIdentity = z.infer<typeof identitySchema>
export type CandidateIdentityInput = Omit<CandidateIdentity, 'updatedAt'>

export async function readIdentity(sql: Queryable, candidateId: string): Promise<CandidateIdentity | undefined> {
  return parseRow(
    identitySchema,
    await sql`
      select first_name as "firstName", last_name as "lastName", national_id as "nationalId", phone, email,
             updated_at as "updatedAt"
      from candidate_identities where candidate_id = ${candidateId}`,
  )
}

/** The candidate's names only, for the free-text guard (which must not leave them in the profile). */
export async function readNamesForTextGuard(sql: Queryable, candidateId: string): Promise<string[]> {
  const [row] = await sql<{ firstName: string; lastName: string }[]>`
    select first_name as "firstName", last_name as "lastName" from candidate_identities where candidate_id = ${candidateId}`
  return row ? `${row.firstName} ${row.lastName}`.split(/[\s-]+/).filter((name) => name.length > 1) : []
}

export async function insertIdentity(sql: Queryable, candidateId: string, identity: CandidateIdentityInput): Promise<void> {
  await sql`
    insert into candidate_identities (candidate_id, first_name, last_name, national_id, phone, email)
    values (${candidateId}, ${identity.firstName}, ${identity.lastName}, ${identity.nationalId}, ${identity.phone}, ${identity.email})`
}

export async function updateIdentity(sql: Queryable, candidateId: string, identity: CandidateIdentityInput): Promise<void> {
  await sql`
    update candidate_identities
    set first_name = ${identity.firstName}, last_name = ${identity.lastName}, national_id = ${identity.nationalId},
        phone = ${identity.phone}, email = ${identity.email}, updated_at = now()
    where candidate_id = ${candidateId}`
}

/** Which candidate, if any, already has this national ID number (the number itself is not returned). */
export async function candidateWithNationalId(sql: Queryable, nationalId: string): Promise<string | undefined> {
  const [row] = await sql<{ candidateId: string }[]>`
    select candidate_id as "candidateId" from candidate_identities where national_id = ${nationalId}`
  return row?.candidateId
}

// ---------------------------------------------------------------------------------------------
// The anonymised profile

const numeric = z.union([z.string(), z.number()]).transform(Number)

const profileSchema = z.object({
  homeMunicipalityNumber: z.string().nullable(),
  pitch: z.string(),
  wantedTasks: z.array(z.string()),
  possibleTasks: z.array(z.string()),
  occupations: z.array(z.string()),
  workExperience: z.string(),
  informalCompetence: z.string(),
  educationLevel: z.string().nullable(),
  certificates: z.array(z.string()),
  canObtainPoliceCertificate: z.boolean().nullable(),
  hoursMin: numeric.nullable(),
  hoursMax: numeric.nullable(),
  gradualIncrease: z.boolean(),
  timesOfDay: z.array(z.string()),
  days: z.array(z.string()),
  workMunicipalities: z.array(z.string()),
  workCounties: z.array(z.string()),
  earliestStart: z.string().nullable(),
  demandTolerances: z.record(z.number()),
  accommodationNeeds: z.array(z.string()),
  oralNorwegian: z.number().nullable(),
  writtenNorwegian: z.number().nullable(),
  measures: z.array(z.string()),
  updatedAt: z.date(),
})
export type StoredProfile = z.infer<typeof profileSchema>
export type ProfileInput = Omit<StoredProfile, 'updatedAt'>

const profileColumns = (sql: Queryable) => sql`
  p.home_municipality_number as "homeMunicipalityNumber", p.pitch, p.wanted_tasks as "wantedTasks",
  p.possible_tasks as "possibleTasks", p.occupations, p.work_experience as "workExperience",
  p.informal_competence as "informalCompetence", p.education_level as "educationLevel", p.certificates,
  p.can_obtain_police_certificate as "canObtainPoliceCertificate", p.hours_min as "hoursMin", p.hours_max as "hoursMax",
  p.gradual_increase as "gradualIncrease", p.times_of_day as "timesOfDay", p.days,
  p.work_municipalities as "workMunicipalities", p.work_counties as "workCounties",
  to_char(p.earliest_start, 'YYYY-MM-DD') as "earliestStart", p.demand_tolerances as "demandTolerances",
  p.accommodation_needs as "accommodationNeeds", p.oral_norwegian as "oralNorwegian",
  p.written_norwegian as "writtenNorwegian", p.measures, p.updated_at as "updatedAt"
`

export async function findProfile(sql: Queryable, candidateId: string): Promise<StoredProfile | undefined> {
  return parseRow(profileSchema, await sql`select ${profileColumns(sql)} from candidate_profiles p where p.candidate_id = ${candidateId}`)
}

export async function saveProfile(sql: Queryable, candidateId: string, profile: ProfileInput): Promise<void> {
  const row = {
    candidate_id: candidateId,
    home_municipality_number: profile.homeMunicipalityNumber,
    pitch: profile.pitch,
    wanted_tasks: profile.wantedTasks,
    possible_tasks: profile.possibleTasks,
    occupations: profile.occupations,
    work_experience: profile.workExperience,
    informal_competence: profile.informalCompetence,
    education_level: profile.educationLevel,
    certificates: profile.certificates,
    can_obtain_police_certificate: profile.canObtainPoliceCertificate,
    hours_min: profile.hoursMin,
    hours_max: profile.hoursMax,
    gradual_increase: profile.gradualIncrease,
    times_of_day: profile.timesOfDay,
    days: profile.days,
    work_municipalities: profile.workMunicipalities,
    work_counties: profile.workCounties,
    earliest_start: profile.earliestStart,
    demand_tolerances: sql.json(profile.demandTolerances),
    accommodation_needs: profile.accommodationNeeds,
    oral_norwegian: profile.oralNorwegian,
    written_norwegian: profile.writtenNorwegian,
    measures: profile.measures,
  }
  await sql`
    insert into candidate_profiles ${sql(row)}
    on conflict (candidate_id) do update set
      home_municipality_number = excluded.home_municipality_number, pitch = excluded.pitch,
      wanted_tasks = excluded.wanted_tasks, possible_tasks = excluded.possible_tasks, occupations = excluded.occupations,
      work_experience = excluded.work_experience, informal_competence = excluded.informal_competence,
      education_level = excluded.education_level, certificates = excluded.certificates,
      can_obtain_police_certificate = excluded.can_obtain_police_certificate, hours_min = excluded.hours_min,
      hours_max = excluded.hours_max, gradual_increase = excluded.gradual_increase, times_of_day = excluded.times_of_day,
      days = excluded.days, work_municipalities = excluded.work_municipalities, work_counties = excluded.work_counties,
      earliest_start = excluded.earliest_start, demand_tolerances = excluded.demand_tolerances,
      accommodation_needs = excluded.accommodation_needs, oral_norwegian = excluded.oral_norwegian,
      written_norwegian = excluded.written_norwegian, measures = excluded.measures, updated_at = now()`
}

// ---------------------------------------------------------------------------------------------
// Consent

const consentSchema = z.object({
  id: z.string().uuid(),
  givenToUserId: z.string().uuid(),
  givenToName: z.string(),
  recordedByName: z.string(),
  method: z.enum(['meeting', 'written']),
  scope: z.enum(['all', 'counties']),
  scopeCounties: z.array(z.string()),
  givenOn: z.string(),
  expiresOn: z.string(),
  recordedAt: z.date(),
  supersededAt: z.date().nullable(),
  withdrawnAt: z.date().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawalNote: z.string(),
})
export type Consent = z.infer<typeof consentSchema>
export type ConsentInput = Pick<Consent, 'givenToUserId' | 'method' | 'scope' | 'scopeCounties' | 'givenOn' | 'expiresOn'>

const consentSelect = (sql: Queryable) => sql`
  select k.id, k.given_to_user_id as "givenToUserId", gt.name as "givenToName", rb.name as "recordedByName", k.method,
         k.scope, k.scope_counties as "scopeCounties", to_char(k.given_on, 'YYYY-MM-DD') as "givenOn",
         to_char(k.expires_on, 'YYYY-MM-DD') as "expiresOn", k.recorded_at as "recordedAt",
         k.superseded_at as "supersededAt", k.withdrawn_at as "withdrawnAt", wb.name as "withdrawnByName",
         k.withdrawal_note as "withdrawalNote"
  from candidate_consents k
  join users gt on gt.id = k.given_to_user_id
  join users rb on rb.id = k.recorded_by_user_id
  left join users wb on wb.id = k.withdrawn_by_user_id
`

/** Newest first; the first is the one that decides visibility. */
export async function listConsents(sql: Queryable, candidateId: string): Promise<Consent[]> {
  return parseRows(consentSchema, await sql`${consentSelect(sql)} where k.candidate_id = ${candidateId} order by k.recorded_at desc, k.id`)
}

/** A new consent supersedes whatever was in force before, so only one record is ever current. */
export async function insertConsent(sql: Queryable, candidateId: string, recordedBy: string, consent: ConsentInput): Promise<void> {
  await sql`
    update candidate_consents set superseded_at = now()
    where candidate_id = ${candidateId} and superseded_at is null and withdrawn_at is null`
  await sql`
    insert into candidate_consents
      (candidate_id, given_to_user_id, recorded_by_user_id, method, scope, scope_counties, given_on, expires_on)
    values (${candidateId}, ${consent.givenToUserId}, ${recordedBy}, ${consent.method}, ${consent.scope},
            ${consent.scope === 'all' ? [] : consent.scopeCounties}, ${consent.givenOn}, ${consent.expiresOn})`
}

export async function withdrawCurrentConsent(sql: Queryable, candidateId: string, withdrawnBy: string, note: string): Promise<boolean> {
  const rows = await sql`
    update candidate_consents set withdrawn_at = now(), withdrawn_by_user_id = ${withdrawnBy}, withdrawal_note = ${note}
    where candidate_id = ${candidateId} and superseded_at is null and withdrawn_at is null
    returning id`
  return rows.length > 0
}

// ---------------------------------------------------------------------------------------------
// History

export const candidateEventKinds = [
  'created',
  'identity_updated',
  'profile_updated',
  'consent_recorded',
  'consent_renewed',
  'consent_withdrawn',
  'status_changed',
  'handed_over',
] as const
export type CandidateEventKind = (typeof candidateEventKinds)[number]

const eventSchema = z.object({
  id: z.coerce.number(),
  occurredAt: z.date(),
  actorName: z.string().nullable(),
  kind: z.enum(candidateEventKinds),
  details: z.record(z.union([z.string(), z.number(), z.boolean(), z.null()])),
})
export type CandidateEvent = z.infer<typeof eventSchema>

export async function appendCandidateEvent(
  sql: Queryable,
  event: { candidateId: string; actorUserId: string | null; kind: CandidateEventKind; details?: Record<string, string | number | boolean | null> },
): Promise<void> {
  await sql`
    insert into candidate_events (candidate_id, actor_user_id, kind, details)
    values (${event.candidateId}, ${event.actorUserId}, ${event.kind}, ${sql.json(event.details ?? {})})`
}

export async function listCandidateEvents(sql: Queryable, candidateId: string, limit = 100): Promise<CandidateEvent[]> {
  return parseRows(
    eventSchema,
    await sql`
      select e.id, e.occurred_at as "occurredAt", u.name as "actorName", e.kind, e.details
      from candidate_events e left join users u on u.id = e.actor_user_id
      where e.candidate_id = ${candidateId}
      order by e.occurred_at desc, e.id desc limit ${limit}`,
  )
}

// ---------------------------------------------------------------------------------------------
// Visibility inputs for many candidates at once (for the location rule and, later, the index)

const visibilityRowSchema = profileSchema.omit({ updatedAt: true }).extend({
  id: z.string().uuid(),
  status: z.enum(candidateStatuses),
  officeId: z.string().uuid(),
  responsibleUserId: z.string().uuid(),
  responsibleName: z.string(),
  lastActivityAt: z.date(),
  consentGivenOn: z.string().nullable(),
  consentExpiresOn: z.string().nullable(),
  consentScope: z.enum(['all', 'counties']).nullable(),
  consentScopeCounties: z.array(z.string()).nullable(),
  consentSupersededAt: z.date().nullable(),
  consentWithdrawnAt: z.date().nullable(),
  hasProfile: z.boolean(),
})
export type CandidateVisibilityRow = z.infer<typeof visibilityRowSchema>

/**
 * Status, latest consent and profile of candidates, never the identity: `condition` chooses which (and may end with
 * an order and a limit). Whether a candidate is visible is then decided in TypeScript, by one set of rules
 * (matching/visibility.ts).
 */
export async function selectVisibilityRows(sql: Queryable, condition: PendingQuery<Row[]>): Promise<CandidateVisibilityRow[]> {
  const rows = await sql`
    select c.id, c.status, c.office_id as "officeId", c.responsible_user_id as "responsibleUserId",
           ru.name as "responsibleName", c.last_activity_at as "lastActivityAt", (p.candidate_id is not null) as "hasProfile",
           p.home_municipality_number as "homeMunicipalityNumber",
           coalesce(p.pitch, '') as pitch, coalesce(p.wanted_tasks, '{}') as "wantedTasks",
           coalesce(p.possible_tasks, '{}') as "possibleTasks", coalesce(p.occupations, '{}') as occupations,
           coalesce(p.work_experience, '') as "workExperience", coalesce(p.informal_competence, '') as "informalCompetence",
           p.education_level as "educationLevel", coalesce(p.certificates, '{}') as certificates,
           p.can_obtain_police_certificate as "canObtainPoliceCertificate", p.hours_min as "hoursMin", p.hours_max as "hoursMax",
           coalesce(p.gradual_increase, false) as "gradualIncrease", coalesce(p.times_of_day, '{}') as "timesOfDay",
           coalesce(p.days, '{}') as days, coalesce(p.work_municipalities, '{}') as "workMunicipalities",
           coalesce(p.work_counties, '{}') as "workCounties", to_char(p.earliest_start, 'YYYY-MM-DD') as "earliestStart",
           coalesce(p.demand_tolerances, '{}'::jsonb) as "demandTolerances", coalesce(p.accommodation_needs, '{}') as "accommodationNeeds",
           p.oral_norwegian as "oralNorwegian", p.written_norwegian as "writtenNorwegian", coalesce(p.measures, '{}') as measures,
           to_char(k.given_on, 'YYYY-MM-DD') as "consentGivenOn", to_char(k.expires_on, 'YYYY-MM-DD') as "consentExpiresOn",
           k.scope as "consentScope", k.scope_counties as "consentScopeCounties", k.superseded_at as "consentSupersededAt",
           k.withdrawn_at as "consentWithdrawnAt"
    from candidates c
    join users ru on ru.id = c.responsible_user_id
    left join candidate_profiles p on p.candidate_id = c.id
    left join lateral (
      select * from candidate_consents k where k.candidate_id = c.id order by k.recorded_at desc, k.id limit 1
    ) k on true
    where ${condition}`
  return parseRows(visibilityRowSchema, rows)
}

/** Candidates living in one municipality, given ones, or those followed up by some specialists (newest activity first). */
export async function listVisibilityRows(
  sql: Queryable,
  filter: { homeMunicipalityNumber: string } | { candidateIds: readonly string[] } | { responsibleUserIds: readonly string[]; officeId?: string },
): Promise<CandidateVisibilityRow[]> {
  const where =
    'homeMunicipalityNumber' in filter
      ? sql`p.home_municipality_number = ${filter.homeMunicipalityNumber}`
      : 'candidateIds' in filter
        ? sql`c.id = any(${sql.array([...filter.candidateIds], 2950)})`
        : sql`c.responsible_user_id = any(${sql.array([...filter.responsibleUserIds], 2950)})
           ${filter.officeId ? sql`and c.office_id = ${filter.officeId}` : sql``}`
  return selectVisibilityRows(sql, sql`${where} order by c.last_activity_at desc, c.id`)
}

// ---------------------------------------------------------------------------------------------
// Staff absence and stand-ins

const absenceSchema = z.object({
  userId: z.string().uuid(),
  standInUserId: z.string().uuid(),
  standInName: z.string(),
  since: z.date(),
  untilDate: z.string().nullable(),
})
export type StaffAbsence = z.infer<typeof absenceSchema>

/** An absence with a last day ends by itself after that day (Norwegian calendar). */
const absenceInForce = (sql: Queryable) => sql`(a.until_date is null or a.until_date >= (now() at time zone 'Europe/Oslo')::date)`

export async function findAbsence(sql: Queryable, userId: string): Promise<StaffAbsence | undefined> {
  return parseRow(
    absenceSchema,
    await sql`
      select a.user_id as "userId", a.stand_in_user_id as "standInUserId", u.name as "standInName", a.since,
             to_char(a.until_date, 'YYYY-MM-DD') as "untilDate"
      from staff_absences a join users u on u.id = a.stand_in_user_id where a.user_id = ${userId} and ${absenceInForce(sql)}`,
  )
}

export async function setAbsence(sql: Queryable, userId: string, standInUserId: string, untilDate: string | null): Promise<void> {
  await sql`
    insert into staff_absences (user_id, stand_in_user_id, until_date) values (${userId}, ${standInUserId}, ${untilDate})
    on conflict (user_id) do update set stand_in_user_id = excluded.stand_in_user_id, until_date = excluded.until_date, since = now()`
}

export async function clearAbsence(sql: Queryable, userId: string): Promise<void> {
  await sql`delete from staff_absences where user_id = ${userId}`
}

/** Colleagues this user stands in for right now. */
export async function listStandInFor(sql: Queryable, standInUserId: string): Promise<{ userId: string; name: string; untilDate: string | null }[]> {
  return parseRows(
    z.object({ userId: z.string().uuid(), name: z.string(), untilDate: z.string().nullable() }),
    await sql`
      select a.user_id as "userId", u.name, to_char(a.until_date, 'YYYY-MM-DD') as "untilDate"
      from staff_absences a join users u on u.id = a.user_id
      where a.stand_in_user_id = ${standInUserId} and ${absenceInForce(sql)} order by u.name`,
  )
}

/** Specialists at an office who can take over a candidate, with whether they are away. */
export async function listOfficeSpecialists(sql: Queryable, officeId: string): Promise<{ id: string; name: string; away: boolean }[]> {
  return parseRows(
    z.object({ id: z.string().uuid(), name: z.string(), away: z.boolean() }),
    await sql`
      select u.id, u.name, exists (select 1 from staff_absences a where a.user_id = u.id and ${absenceInForce(sql)}) as away
      from users u join staff_placements p on p.user_id = u.id
      where p.office_id = ${officeId} and u.disabled_at is null
        and exists (select 1 from user_roles r where r.user_id = u.id and r.role in ('specialist', 'team_lead'))
      order by u.name`,
  )
}
