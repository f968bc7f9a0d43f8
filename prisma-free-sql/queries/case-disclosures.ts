/**
 * What was shared of a candidate's identity with the employer in a case (migration 0009). The values are read only
 * through app/modules/case-disclosure.server.ts, which decides visibility and writes the audit entry; every other
 * read here returns the facts (fields, who, when, until when) without the values.
 */
import { z } from 'zod'
import { caseStatuses } from '../../app/modules/case-flow'
import { disclosureFields, purgeReasons, type DisclosureField, type PurgeReason } from '../../app/modules/case-disclosure'
import type { Queryable } from '../db'
import { parseRow, parseRows } from '../rows'

const disclosureSchema = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  fields: z.array(z.enum(disclosureFields)),
  sharedByUserId: z.string().uuid(),
  sharedByName: z.string(),
  sharedAt: z.date(),
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
  revokedByName: z.string().nullable(),
  endedAt: z.date().nullable(),
  purgedAt: z.date().nullable(),
  purgeReason: z.enum(purgeReasons).nullable(),
})
/** A sharing without its values. */
export type Disclosure = z.infer<typeof disclosureSchema>

const disclosureSelect = (sql: Queryable) => sql`
  select d.id, d.case_id as "caseId", d.fields, d.shared_by_user_id as "sharedByUserId", sb.name as "sharedByName",
         d.shared_at as "sharedAt", d.expires_at as "expiresAt", d.revoked_at as "revokedAt", rb.name as "revokedByName",
         d.ended_at as "endedAt", d.purged_at as "purgedAt", d.purge_reason as "purgeReason"
  from case_disclosures d
  join users sb on sb.id = d.shared_by_user_id
  left join users rb on rb.id = d.revoked_by_user_id
`

/** Every sharing in the case, newest first. */
export async function listDisclosuresOfCase(sql: Queryable, caseId: string): Promise<Disclosure[]> {
  return parseRows(disclosureSchema, await sql`${disclosureSelect(sql)} where d.case_id = ${caseId} order by d.shared_at desc, d.id`)
}

/** The sharing in force (neither withdrawn nor purged); there is at most one per case. */
export async function findCurrentDisclosure(sql: Queryable, caseId: string): Promise<Disclosure | undefined> {
  return parseRow(disclosureSchema, await sql`${disclosureSelect(sql)} where d.case_id = ${caseId} and d.revoked_at is null and d.purged_at is null`)
}

const sharedValuesSchema = z.object({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
})
export type SharedValues = z.infer<typeof sharedValuesSchema>

/** The snapshot of a sharing that is not purged; undefined once it is. */
export async function readDisclosureValues(sql: Queryable, disclosureId: string): Promise<SharedValues | undefined> {
  return parseRow(
    sharedValuesSchema,
    await sql`
      select first_name as "firstName", last_name as "lastName", phone, email
      from case_disclosures where id = ${disclosureId} and purged_at is null`,
  )
}

export type NewDisclosure = {
  caseId: string
  fields: readonly DisclosureField[]
  /** Only the chosen fields; the others are stored as null (the table refuses anything else). */
  values: { firstName: string; lastName: string; phone: string; email: string }
  sharedByUserId: string
  sharedAt: Date
  expiresAt: Date
}

/** Stores a sharing; undefined when one is already in force for the case (a double submit that got there second). */
export async function insertDisclosure(sql: Queryable, input: NewDisclosure): Promise<string | undefined> {
  const has = (field: DisclosureField) => input.fields.includes(field)
  const rows = await sql<{ id: string }[]>`
    insert into case_disclosures (case_id, fields, first_name, last_name, phone, email, shared_by_user_id, shared_at, expires_at)
    values (${input.caseId}, ${sql.array([...input.fields])}::text[],
      ${has('name') ? input.values.firstName : null}, ${has('name') ? input.values.lastName : null},
      ${has('phone') ? input.values.phone : null}, ${has('email') ? input.values.email : null},
      ${input.sharedByUserId}, ${input.sharedAt}, ${input.expiresAt})
    on conflict (case_id) where revoked_at is null and purged_at is null do nothing
    returning id`
  return rows[0]?.id
}

/** Withdraws a sharing in force and deletes its values at once; false when it was already withdrawn or purged. */
export async function revokeDisclosure(sql: Queryable, disclosureId: string, userId: string, at: Date): Promise<boolean> {
  const rows = await sql`
    update case_disclosures
    set revoked_at = ${at}, revoked_by_user_id = ${userId}, first_name = null, last_name = null, phone = null, email = null,
        purged_at = ${at}, purge_reason = 'revoked'
    where id = ${disclosureId} and revoked_at is null and purged_at is null
    returning id`
  return rows.length === 1
}

/** Serialises sharing and withdrawing in one case: the second of two concurrent submits waits, then sees the first. */
export async function lockCaseForDisclosure(sql: Queryable, caseId: string): Promise<boolean> {
  return (await sql`select id from cases where id = ${caseId} for update`).length === 1
}

const unpurgedSchema = z.object({
  id: z.string().uuid(),
  caseStatus: z.enum(caseStatuses),
  sharedAt: z.date(),
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
  purgedAt: z.date().nullable(),
})
export type UnpurgedDisclosure = z.infer<typeof unpurgedSchema>

/** The sharings whose values are still stored, with their case's status (for the purge to decide on). */
export async function listUnpurgedDisclosures(sql: Queryable, caseId?: string): Promise<UnpurgedDisclosure[]> {
  return parseRows(
    unpurgedSchema,
    await sql`
      select d.id, c.status as "caseStatus", d.shared_at as "sharedAt", d.expires_at as "expiresAt",
             d.revoked_at as "revokedAt", d.purged_at as "purgedAt"
      from case_disclosures d join cases c on c.id = d.case_id
      where d.purged_at is null ${caseId === undefined ? sql`` : sql`and d.case_id = ${caseId}`}
      order by d.expires_at`,
  )
}

/**
 * Deletes the values of these sharings, keeping the fact that they were made, and writes one audit entry for each in
 * the same statement. A sharing hidden because its case ended gets the time of that end from the case history.
 * Returns how many were purged now (one that another run purged first is not counted twice).
 */
export async function purgeDisclosures(sql: Queryable, items: readonly { id: string; reason: PurgeReason }[], at: Date): Promise<number> {
  if (items.length === 0) return 0
  const ids = items.map((item) => item.id)
  const reasons = items.map((item) => item.reason)
  const rows = await sql`
    with chosen as (
      select * from unnest(${sql.array(ids)}::uuid[], ${sql.array(reasons)}::text[]) as t (id, reason)
    ),
    purged as (
      update case_disclosures d
      set first_name = null, last_name = null, phone = null, email = null, purged_at = ${at}, purge_reason = chosen.reason,
          ended_at = case when chosen.reason = 'case_ended' then coalesce(d.ended_at, (
            select max(e.at) from case_events e
            where e.case_id = d.case_id and e.to_status in ('candidate_no', 'not_hired', 'withdrawn')), ${at}) else d.ended_at end
      from chosen
      where d.id = chosen.id and d.purged_at is null
      returning d.id, d.case_id, chosen.reason
    )
    insert into audit_log (actor_user_id, action, subject_type, subject_id, details)
    select null, 'case.disclosure.purged', 'case', purged.case_id::text, jsonb_build_object('disclosureId', purged.id, 'reason', purged.reason)
    from purged
    returning id`
  return rows.length
}
