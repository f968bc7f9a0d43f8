import type { PendingQuery, Row } from 'postgres'
import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRow, parseRows } from '../rows'
import { sectors, sizeBands } from './organisations'

export const pipelineStages = ['new', 'assessing', 'to_contact', 'mapping', 'assisting', 'done', 'not_relevant'] as const
export type PipelineStage = (typeof pipelineStages)[number]
export const contactKinds = ['visit', 'phone', 'email', 'meeting', 'cup_acquaint', 'cup_map_needs', 'cup_present', 'matching_meeting'] as const
export type ContactKind = (typeof contactKinds)[number]

// The figures behind the traffic light, per organisation, in one pass; "trial" is a case that reached trial_running.
const activityColumns = (sql: Queryable) => sql`
  (select max(ec.contacted_at) from employer_contacts ec where ec.organisation_id = o.id) as "lastContactAt",
  (select count(*) from employer_contacts ec where ec.organisation_id = o.id and ec.contacted_at >= now() - interval '30 days') as "contactsLast30Days",
  (select count(*) from openings op join workplaces w on w.id = op.workplace_id
    where w.organisation_id = o.id and op.status = 'published') as "publishedOpenings",
  (select count(*) from cases c join openings op on op.id = c.opening_id join workplaces w on w.id = op.workplace_id
    where w.organisation_id = o.id and c.status = 'trial_running') as "activeTrials",
  (select count(distinct e.case_id) from case_events e join cases c on c.id = e.case_id join openings op on op.id = c.opening_id
    join workplaces w on w.id = op.workplace_id
    where w.organisation_id = o.id and e.to_status = 'trial_running' and e.at >= now() - interval '12 months') as "trialsLast12Months",
  (select count(distinct e.case_id) from case_events e join cases c on c.id = e.case_id join openings op on op.id = c.opening_id
    join workplaces w on w.id = op.workplace_id
    where w.organisation_id = o.id and e.to_status = 'hired' and e.at >= now() - interval '12 months') as "hiresLast12Months",
  r.trainee_capacity as "traineeCapacity"`

const activitySchema = z.object({
  lastContactAt: z.date().nullable(),
  contactsLast30Days: z.coerce.number(),
  publishedOpenings: z.coerce.number(),
  activeTrials: z.coerce.number(),
  trialsLast12Months: z.coerce.number(),
  hiresLast12Months: z.coerce.number(),
  traineeCapacity: z.number().int().nullable(),
})

const relationshipSchema = z
  .object({
    id: z.string().uuid(),
    orgNumber: z.string(),
    name: z.string(),
    naceSection: z.string(),
    sector: z.enum(sectors),
    sizeBand: z.enum(sizeBands),
    iaAgreement: z.boolean(),
    municipalityNumber: z.string(),
    municipalityName: z.string(),
    countyNumber: z.string(),
    countyName: z.string(),
    activeMembers: z.coerce.number(),
    ownerUserId: z.string().uuid().nullable(),
    ownerName: z.string().nullable(),
    ownerSince: z.date().nullable(),
    stage: z.enum(pipelineStages),
    notRelevantReason: z.string(),
    stageChangedAt: z.date(),
    stageChangedByName: z.string().nullable(),
    stageVersion: z.number().int(),
    lastContactByName: z.string().nullable(),
  })
  .merge(activitySchema)
export type EmployerRelationship = z.infer<typeof relationshipSchema>

const relationshipSelect = (sql: Queryable) => sql`
  select o.id, o.org_number as "orgNumber", o.name, o.nace_section as "naceSection", o.sector, o.size_band as "sizeBand",
         o.ia_agreement as "iaAgreement", o.municipality_number as "municipalityNumber", m.name as "municipalityName",
         m.county_number as "countyNumber", co.name as "countyName",
         (select count(*) from organisation_memberships om where om.organisation_id = o.id and om.status = 'active') as "activeMembers",
         r.owner_user_id as "ownerUserId", owner.name as "ownerName", r.owner_since as "ownerSince", r.stage,
         r.not_relevant_reason as "notRelevantReason", r.stage_changed_at as "stageChangedAt",
         mover.name as "stageChangedByName", r.stage_version as "stageVersion",
         (select u.name from employer_contacts ec join users u on u.id = ec.staff_user_id
           where ec.organisation_id = o.id order by ec.contacted_at desc, ec.created_at desc limit 1) as "lastContactByName",
         ${activityColumns(sql)}
  from organisations o
  join employer_relationships r on r.organisation_id = o.id
  join municipalities m on m.number = o.municipality_number
  join counties co on co.number = m.county_number
  left join users owner on owner.id = r.owner_user_id
  left join users mover on mover.id = r.stage_changed_by`

export type RegisterFilter = {
  countyNumbers: string[]
  search?: string
  naceSection?: string
  municipalityNumber?: string
  sizeBand?: string
  sector?: string
  stage?: PipelineStage
  /** A staff member's id, or 'none' for organisations nobody owns yet. */
  owner?: string
}

export async function listRelationships(sql: Queryable, filter: RegisterFilter): Promise<EmployerRelationship[]> {
  if (filter.countyNumbers.length === 0) return []
  const conditions: PendingQuery<Row[]>[] = [sql`m.county_number = any(${filter.countyNumbers})`]
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
    conditions.push(sql`(o.name ilike ${pattern} or o.org_number like ${pattern})`)
  }
  if (filter.naceSection) conditions.push(sql`o.nace_section = ${filter.naceSection}`)
  if (filter.municipalityNumber) conditions.push(sql`o.municipality_number = ${filter.municipalityNumber}`)
  if (filter.sizeBand) conditions.push(sql`o.size_band = ${filter.sizeBand}`)
  if (filter.sector) conditions.push(sql`o.sector = ${filter.sector}`)
  if (filter.stage) conditions.push(sql`r.stage = ${filter.stage}`)
  if (filter.owner === 'none') conditions.push(sql`r.owner_user_id is null`)
  else if (filter.owner) conditions.push(sql`r.owner_user_id = ${filter.owner}`)
  const where = conditions.reduce((all, condition) => sql`${all} and ${condition}`)
  return parseRows(relationshipSchema, await sql`${relationshipSelect(sql)} where ${where} order by o.name, o.id`)
}

export async function findRelationship(sql: Queryable, organisationId: string): Promise<EmployerRelationship | undefined> {
  return parseRow(relationshipSchema, await sql`${relationshipSelect(sql)} where o.id = ${organisationId}`)
}

const contactSchema = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  staffUserId: z.string().uuid(),
  staffName: z.string(),
  kind: z.enum(contactKinds),
  contactedAt: z.date(),
  summary: z.string(),
  nextStep: z.string(),
  nextStepDue: z.string().nullable(),
  candidateId: z.string().uuid().nullable(),
  createdAt: z.date(),
})
export type EmployerContact = z.infer<typeof contactSchema>

const contactSelect = (sql: Queryable) => sql`
  select ec.id, ec.organisation_id as "organisationId", ec.staff_user_id as "staffUserId", u.name as "staffName", ec.kind,
         ec.contacted_at as "contactedAt", ec.summary, ec.next_step as "nextStep", to_char(ec.next_step_due, 'YYYY-MM-DD') as "nextStepDue",
         ec.candidate_id as "candidateId", ec.created_at as "createdAt"
  from employer_contacts ec join users u on u.id = ec.staff_user_id`

export async function listContacts(sql: Queryable, organisationId: string): Promise<EmployerContact[]> {
  return parseRows(contactSchema, await sql`${contactSelect(sql)} where ec.organisation_id = ${organisationId} order by ec.contacted_at desc, ec.created_at desc`)
}

/** Contacts by anyone but `userId` since `since`: what the 14-day warning is made of. */
export async function contactsByOthersSince(sql: Queryable, organisationId: string, userId: string, since: Date): Promise<EmployerContact[]> {
  return parseRows(
    contactSchema,
    await sql`${contactSelect(sql)}
      where ec.organisation_id = ${organisationId} and ec.staff_user_id <> ${userId} and ec.contacted_at >= ${since}
      order by ec.contacted_at desc, ec.created_at desc`,
  )
}

export type NewContact = {
  organisationId: string
  staffUserId: string
  kind: ContactKind
  contactedAt: Date
  summary: string
  nextStep: string
  nextStepDue: string | null
  candidateId: string | null
}

export async function insertContact(sql: Queryable, contact: NewContact): Promise<string> {
  const [row] = await sql`
    insert into employer_contacts (organisation_id, staff_user_id, kind, contacted_at, summary, next_step, next_step_due, candidate_id)
    values (${contact.organisationId}, ${contact.staffUserId}, ${contact.kind}, ${contact.contactedAt}, ${contact.summary},
            ${contact.nextStep}, ${contact.nextStepDue}, ${contact.candidateId})
    returning id`
  return z.string().uuid().parse(row?.id)
}

/** Sets the owner only if it is still `expectedOwner`, so two people taking the same employer cannot both win. */
export async function replaceOwner(
  sql: Queryable,
  organisationId: string,
  expectedOwner: string | null,
  newOwner: string | null,
): Promise<boolean> {
  const result = await sql`
    update employer_relationships
    set owner_user_id = ${newOwner}, owner_since = ${newOwner ? sql`now()` : null}
    where organisation_id = ${organisationId} and owner_user_id is not distinct from ${expectedOwner}`
  return result.count === 1
}

/** Moves the stage only from the version the mover saw; false when someone else moved it first. */
export async function moveStage(
  sql: Queryable,
  move: { organisationId: string; expectedVersion: number; stage: PipelineStage; reason: string; actorUserId: string },
): Promise<boolean> {
  const result = await sql`
    update employer_relationships
    set stage = ${move.stage}, not_relevant_reason = ${move.stage === 'not_relevant' ? move.reason : ''},
        stage_changed_at = now(), stage_changed_by = ${move.actorUserId}, stage_version = stage_version + 1
    where organisation_id = ${move.organisationId} and stage_version = ${move.expectedVersion}`
  return result.count === 1
}

export async function setTraineeCapacity(sql: Queryable, organisationId: string, capacity: number | null): Promise<void> {
  await sql`update employer_relationships set trainee_capacity = ${capacity} where organisation_id = ${organisationId}`
}

export type RelationshipEventKind = 'owner_taken' | 'owner_transferred' | 'owner_released' | 'stage_moved' | 'capacity_set' | 'added'

export async function appendRelationshipEvent(
  sql: Queryable,
  event: { organisationId: string; kind: RelationshipEventKind; fromValue: string | null; toValue: string | null; reason?: string; actorUserId: string },
): Promise<void> {
  await sql`
    insert into employer_relationship_events (organisation_id, kind, from_value, to_value, reason, actor_user_id)
    values (${event.organisationId}, ${event.kind}, ${event.fromValue}, ${event.toValue}, ${event.reason ?? ''}, ${event.actorUserId})`
}

const eventSchema = z.object({
  id: z.coerce.number(),
  kind: z.enum(['owner_taken', 'owner_transferred', 'owner_released', 'stage_moved', 'capacity_set', 'added']),
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  reason: z.string(),
  actorName: z.string().nullable(),
  at: z.date(),
})
export type RelationshipEvent = z.infer<typeof eventSchema>

/** Owner ids in from/to are resolved to names here, so the history reads the same after someone leaves. */
export async function listRelationshipEvents(sql: Queryable, organisationId: string): Promise<RelationshipEvent[]> {
  return parseRows(
    eventSchema,
    await sql`
      select e.id, e.kind,
             case when e.kind like 'owner_%' then (select name from users where id::text = e.from_value) else e.from_value end as "fromValue",
             case when e.kind like 'owner_%' then (select name from users where id::text = e.to_value) else e.to_value end as "toValue",
             e.reason, actor.name as "actorName", e.at
      from employer_relationship_events e left join users actor on actor.id = e.actor_user_id
      where e.organisation_id = ${organisationId}
      order by e.id desc`,
  )
}

/** The latest stage move, to tell someone whose move lost the race who moved the card and where. */
export async function lastStageMove(sql: Queryable, organisationId: string): Promise<RelationshipEvent | undefined> {
  return (await listRelationshipEvents(sql, organisationId)).find((event) => event.kind === 'stage_moved')
}

const personSchema = z.object({ id: z.string().uuid(), name: z.string() })
export type Person = z.infer<typeof personSchema>

export async function listFollowers(sql: Queryable, organisationId: string): Promise<Person[]> {
  return parseRows(
    personSchema,
    await sql`select u.id, u.name from employer_followers f join users u on u.id = f.user_id where f.organisation_id = ${organisationId} order by u.name`,
  )
}

export async function setFollowing(sql: Queryable, organisationId: string, userId: string, following: boolean): Promise<void> {
  if (following) await sql`insert into employer_followers (organisation_id, user_id) values (${organisationId}, ${userId}) on conflict do nothing`
  else await sql`delete from employer_followers where organisation_id = ${organisationId} and user_id = ${userId}`
}

/** Market contacts who may own an employer in these counties: the people an owner can hand over to. */
export async function listMarketContactsCovering(sql: Queryable, countyNumbers: string[]): Promise<Person[]> {
  return parseRows(
    personSchema,
    await sql`
      select distinct u.id, u.name
      from users u
      join user_roles r on r.user_id = u.id and r.role = 'market_contact'
      join market_contact_counties mc on mc.user_id = u.id
      where u.disabled_at is null and mc.county_number = any(${countyNumbers})
      order by u.name, u.id`,
  )
}

const namedContactSchema = z.object({ name: z.string(), email: z.string(), phone: z.string() })
export type NamedContact = z.infer<typeof namedContactSchema>

/** The named NAV contact the employer sees: the owner of the relationship, with their direct line. */
export async function namedContactOf(sql: Queryable, organisationId: string): Promise<NamedContact | undefined> {
  return parseRow(
    namedContactSchema,
    await sql`
      select u.name, u.email, u.work_phone as phone
      from employer_relationships r join users u on u.id = r.owner_user_id
      where r.organisation_id = ${organisationId} and u.disabled_at is null`,
  )
}

/** Who hears of market events for an organisation: its owner and followers, or nobody when it has neither. */
export async function ownerAndFollowersOf(sql: Queryable, organisationId: string): Promise<string[]> {
  const rows = await sql`
    select r.owner_user_id as id from employer_relationships r join users u on u.id = r.owner_user_id
      where r.organisation_id = ${organisationId} and u.disabled_at is null
    union
    select f.user_id as id from employer_followers f join users u on u.id = f.user_id
      where f.organisation_id = ${organisationId} and u.disabled_at is null`
  return parseRows(z.object({ id: z.string().uuid() }), rows).map((row) => row.id)
}

export async function markOrganisationAddedBy(sql: Queryable, organisationId: string, userId: string): Promise<void> {
  await sql`update organisations set added_by_user_id = ${userId} where id = ${organisationId}`
}

/** A staff member's own candidates who are still being followed up, oldest first, for naming in a contact. */
export async function listOwnCandidateIds(sql: Queryable, userId: string): Promise<string[]> {
  const rows = await sql`
    select id from candidates where responsible_user_id = ${userId} and status in ('active', 'paused') order by created_at, id`
  return parseRows(z.object({ id: z.string().uuid() }), rows).map((row) => row.id)
}
