import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRow, parseRows } from '../rows'

export const sizeBands = ['1-4', '5-19', '20-99', '100-499', '500+'] as const
export type SizeBand = (typeof sizeBands)[number]
export const sectors = ['public', 'private'] as const
export type Sector = (typeof sectors)[number]
export type MembershipStatus = 'active' | 'requested' | 'rejected'

const organisationSchema = z.object({
  id: z.string().uuid(),
  orgNumber: z.string(),
  name: z.string(),
  naceSection: z.string(),
  sector: z.enum(sectors),
  sizeBand: z.enum(sizeBands),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  countyNumber: z.string(),
  countyName: z.string(),
})
export type Organisation = z.infer<typeof organisationSchema>

const organisationSelect = (sql: Queryable) => sql`
  select o.id, o.org_number as "orgNumber", o.name, o.nace_section as "naceSection", o.sector,
         o.size_band as "sizeBand", o.municipality_number as "municipalityNumber",
         m.name as "municipalityName", m.county_number as "countyNumber", c.name as "countyName"
  from organisations o
  join municipalities m on m.number = o.municipality_number
  join counties c on c.number = m.county_number
`

export type NewOrganisation = {
  orgNumber: string
  name: string
  naceSection: string
  sector: Sector
  sizeBand: SizeBand
  municipalityNumber: string
}

/** Inserts the organisation, or returns undefined when the organisation number is already registered. */
export async function insertOrganisation(sql: Queryable, org: NewOrganisation): Promise<string | undefined> {
  const [row] = await sql`
    insert into organisations (org_number, name, nace_section, sector, size_band, municipality_number)
    values (${org.orgNumber}, ${org.name}, ${org.naceSection}, ${org.sector}, ${org.sizeBand}, ${org.municipalityNumber})
    on conflict (org_number) do nothing
    returning id`
  return row ? z.string().uuid().parse(row.id) : undefined
}

export async function findOrganisationByOrgNumber(sql: Queryable, orgNumber: string): Promise<Organisation | undefined> {
  return parseRow(organisationSchema, await sql`${organisationSelect(sql)} where o.org_number = ${orgNumber}`)
}

export async function findOrganisationById(sql: Queryable, id: string): Promise<Organisation | undefined> {
  return parseRow(organisationSchema, await sql`${organisationSelect(sql)} where o.id = ${id}`)
}

export async function listOrganisationsInCounties(sql: Queryable, countyNumbers: string[]): Promise<Organisation[]> {
  if (countyNumbers.length === 0) return []
  return parseRows(
    organisationSchema,
    await sql`${organisationSelect(sql)} where m.county_number = any(${countyNumbers}) order by o.name`,
  )
}

const membershipSchema = organisationSchema.extend({
  status: z.enum(['active', 'requested', 'rejected']),
  requestedAt: z.date(),
})
export type OrganisationMembership = z.infer<typeof membershipSchema>

export async function listMembershipsOfUser(sql: Queryable, userId: string): Promise<OrganisationMembership[]> {
  return parseRows(
    membershipSchema,
    await sql`
      select x.*, om.status, om.requested_at as "requestedAt"
      from (${organisationSelect(sql)}) x
      join organisation_memberships om on om.organisation_id = x.id
      where om.user_id = ${userId}
      order by x.name`,
  )
}

export async function insertMembership(
  sql: Queryable,
  membership: { organisationId: string; userId: string; status: MembershipStatus },
): Promise<void> {
  await sql`
    insert into organisation_memberships (organisation_id, user_id, status, decided_at)
    values (${membership.organisationId}, ${membership.userId}, ${membership.status},
            ${membership.status === 'active' ? new Date() : null})`
}

export async function isActiveMember(sql: Queryable, organisationId: string, userId: string): Promise<boolean> {
  const rows = await sql`
    select 1 from organisation_memberships
    where organisation_id = ${organisationId} and user_id = ${userId} and status = 'active'`
  return rows.length > 0
}

const memberSchema = z.object({
  userId: z.string().uuid(),
  name: z.string(),
  email: z.string(),
  status: z.enum(['active', 'requested', 'rejected']),
  requestedAt: z.date(),
})
export type OrganisationMember = z.infer<typeof memberSchema>

export async function listMembers(sql: Queryable, organisationId: string): Promise<OrganisationMember[]> {
  return parseRows(
    memberSchema,
    await sql`
      select u.id as "userId", u.name, u.email, om.status, om.requested_at as "requestedAt"
      from organisation_memberships om join users u on u.id = om.user_id
      where om.organisation_id = ${organisationId} and om.status in ('active', 'requested')
      order by om.status, u.name`,
  )
}

export async function countActiveMembers(sql: Queryable, organisationId: string): Promise<number> {
  const [row] = await sql`
    select count(*) as n from organisation_memberships where organisation_id = ${organisationId} and status = 'active'`
  return z.coerce.number().parse(row?.n)
}

/** Decides a pending request; false when there was no pending request to decide. */
export async function decideMembershipRequest(
  sql: Queryable,
  decision: { organisationId: string; userId: string; approve: boolean; decidedBy: string },
): Promise<boolean> {
  const result = await sql`
    update organisation_memberships
    set status = ${decision.approve ? 'active' : 'rejected'}, decided_at = now(), decided_by = ${decision.decidedBy}
    where organisation_id = ${decision.organisationId} and user_id = ${decision.userId} and status = 'requested'`
  return result.count === 1
}

const workplaceSchema = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  name: z.string(),
  address: z.string(),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
})
export type Workplace = z.infer<typeof workplaceSchema>

export async function listWorkplaces(sql: Queryable, organisationId: string): Promise<Workplace[]> {
  return parseRows(
    workplaceSchema,
    await sql`
      select w.id, w.organisation_id as "organisationId", w.name, w.address,
             w.municipality_number as "municipalityNumber", m.name as "municipalityName"
      from workplaces w join municipalities m on m.number = w.municipality_number
      where w.organisation_id = ${organisationId} order by w.name`,
  )
}

export async function upsertWorkplace(
  sql: Queryable,
  workplace: { organisationId: string; name: string; address: string; municipalityNumber: string },
): Promise<void> {
  await sql`
    insert into workplaces (organisation_id, name, address, municipality_number)
    values (${workplace.organisationId}, ${workplace.name}, ${workplace.address}, ${workplace.municipalityNumber})
    on conflict (organisation_id, name) do update set address = excluded.address,
      municipality_number = excluded.municipality_number`
}

/** The organisations a user may act for: active memberships only. Every employer query is scoped by it. */
export const organisationsOfMember = (sql: Queryable, userId: string) => sql`
  select organisation_id from organisation_memberships where user_id = ${userId} and status = 'active'`

const organisationProfileSchema = organisationSchema.extend({
  iaAgreement: z.boolean(),
  description: z.string(),
})
export type OrganisationProfile = z.infer<typeof organisationProfileSchema>

/** The organisation if the user is an active member of it, otherwise undefined (shown as 404). */
export async function findOrganisationProfileForMember(
  sql: Queryable,
  organisationId: string,
  userId: string,
): Promise<OrganisationProfile | undefined> {
  return parseRow(
    organisationProfileSchema,
    await sql`
      select x.*, o.ia_agreement as "iaAgreement", o.description
      from (${organisationSelect(sql)}) x join organisations o on o.id = x.id
      where x.id = ${organisationId} and x.id in (${organisationsOfMember(sql, userId)})`,
  )
}

/** Name and organisation number are not part of it: they identify the organisation and are fixed at registration. */
export type OrganisationProfileChange = {
  naceSection: string
  sector: Sector
  sizeBand: SizeBand
  iaAgreement: boolean
  description: string
}

export async function updateOrganisationProfile(sql: Queryable, organisationId: string, change: OrganisationProfileChange): Promise<void> {
  await sql`
    update organisations
    set nace_section = ${change.naceSection}, sector = ${change.sector},
        size_band = ${change.sizeBand}, ia_agreement = ${change.iaAgreement}, description = ${change.description},
        updated_at = now()
    where id = ${organisationId}`
}

/** Ends an active membership; false when the user was not an active member. */
export async function removeActiveMembership(sql: Queryable, organisationId: string, userId: string): Promise<boolean> {
  const result = await sql`
    delete from organisation_memberships
    where organisation_id = ${organisationId} and user_id = ${userId} and status = 'active'`
  return result.count === 1
}

/** Makes the user an active member, whatever their earlier request said. */
export async function activateMembership(sql: Queryable, organisationId: string, userId: string, decidedBy: string): Promise<void> {
  await sql`
    insert into organisation_memberships (organisation_id, user_id, status, decided_at, decided_by)
    values (${organisationId}, ${userId}, 'active', now(), ${decidedBy})
    on conflict (organisation_id, user_id) do update set status = 'active', decided_at = now(), decided_by = ${decidedBy}`
}

/**
 * The active members of the organisation that owns the opening, with accounts that are not disabled: who on the
 * employer's side hears of its cases (not members who left, asked to join or were refused, nor anyone elsewhere).
 */
export async function activeMembersOfOpening(sql: Queryable, openingId: string): Promise<{ userId: string; name: string }[]> {
  return parseRows(
    z.object({ userId: z.string().uuid(), name: z.string() }),
    await sql`
      select u.id as "userId", u.name
      from openings o
      join workplaces w on w.id = o.workplace_id
      join organisation_memberships m on m.organisation_id = w.organisation_id and m.status = 'active'
      join users u on u.id = m.user_id and u.disabled_at is null
      where o.id = ${openingId}
      order by u.name, u.id`,
  )
}
