// The regional dashboard's figures (app/modules/market-dashboard.server.ts). Every query is scoped to counties: an
// opening, a case (through its opening) and an organisation by the municipality of its workplace or its own address;
// a candidate and a specialist by the county of their NAV office. Calendar days, months and weeks are Oslo's.
import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRow, parseRows } from '../rows'

const OSLO = 'Europe/Oslo'

const openingRowSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  organisationId: z.string().uuid(),
  employerName: z.string(),
  municipalityName: z.string(),
  publishedOn: z.string().nullable(),
})
export type PublishedOpeningRow = z.infer<typeof openingRowSchema>

/** Published openings at workplaces in the counties, longest published first. */
export async function publishedOpeningsInCounties(sql: Queryable, countyNumbers: readonly string[]): Promise<PublishedOpeningRow[]> {
  return parseRows(
    openingRowSchema,
    await sql`
      select op.id, op.title, o.id as "organisationId", o.name as "employerName", m.name as "municipalityName",
             to_char(op.published_at at time zone ${OSLO}, 'YYYY-MM-DD') as "publishedOn"
      from openings op
      join workplaces w on w.id = op.workplace_id
      join organisations o on o.id = w.organisation_id
      join municipalities m on m.number = w.municipality_number
      where op.status = 'published' and m.county_number = any(${[...countyNumbers]}::text[])
      order by op.published_at nulls last, op.title, op.id`,
  )
}

/** Cases on openings at workplaces in the counties. */
const casesInCounties = (sql: Queryable, countyNumbers: readonly string[]) => sql`
  cases c
  join openings op on op.id = c.opening_id
  join workplaces w on w.id = op.workplace_id
  join municipalities m on m.number = w.municipality_number and m.county_number = any(${[...countyNumbers]}::text[])`

const waitingCasesSchema = z.object({ waiting: z.number().int(), pastDeadline: z.number().int() })

/** Open cases nobody has acknowledged yet, and how many of them are past their acknowledgement deadline at `now`. */
export async function countWaitingCases(sql: Queryable, countyNumbers: readonly string[], now: Date): Promise<z.infer<typeof waitingCasesSchema>> {
  return parseRow(
    waitingCasesSchema,
    await sql`
      select count(*)::int as waiting, (count(*) filter (where c.acknowledge_by < ${now}))::int as "pastDeadline"
      from ${casesInCounties(sql, countyNumbers)}
      where c.acknowledged_at is null and c.status not in ('candidate_no', 'hired', 'not_hired', 'withdrawn')`,
  )!
}

/** Hours from creation to acknowledgement of the acknowledged cases created from `since`. */
export async function acknowledgementHours(sql: Queryable, countyNumbers: readonly string[], since: Date): Promise<number[]> {
  const rows = parseRows(
    z.object({ hours: z.number() }),
    await sql`
      select (extract(epoch from (c.acknowledged_at - c.created_at)) / 3600)::float8 as hours
      from ${casesInCounties(sql, countyNumbers)}
      where c.created_at >= ${since} and c.acknowledged_at is not null`,
  )
  return rows.map((row) => row.hours)
}

const monthCountSchema = z.object({ month: z.string(), trials: z.number().int(), hires: z.number().int() })

/**
 * Trials started and hires per Oslo month from `since`: the case events that moved a case into trial_running or hired.
 * An event that kept the status (a colleague taking the case) is not a new trial.
 */
export async function trialsAndHiresByMonth(sql: Queryable, countyNumbers: readonly string[], since: Date): Promise<z.infer<typeof monthCountSchema>[]> {
  return parseRows(
    monthCountSchema,
    await sql`
      select to_char(e.at at time zone ${OSLO}, 'YYYY-MM') as month,
             (count(*) filter (where e.to_status = 'trial_running'))::int as trials,
             (count(*) filter (where e.to_status = 'hired'))::int as hires
      from ${casesInCounties(sql, countyNumbers)}
      join case_events e on e.case_id = c.id
      where e.at >= ${since} and e.to_status in ('trial_running', 'hired') and e.from_status is distinct from e.to_status
      group by 1 order by 1`,
  )
}

const firstContactedSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  orgNumber: z.string(),
  municipalityName: z.string(),
  firstContactAt: z.date(),
  firstContactBy: z.string(),
})
export type FirstContactedOrganisation = z.infer<typeof firstContactedSchema>

/** Organisations in the counties whose first logged contact ever happened in [from, until), first contacted first. */
export async function organisationsFirstContactedBetween(
  sql: Queryable,
  countyNumbers: readonly string[],
  from: Date,
  until: Date,
): Promise<FirstContactedOrganisation[]> {
  return parseRows(
    firstContactedSchema,
    await sql`
      select o.id, o.name, o.org_number as "orgNumber", m.name as "municipalityName",
             first.contacted_at as "firstContactAt", u.name as "firstContactBy"
      from organisations o
      join municipalities m on m.number = o.municipality_number and m.county_number = any(${[...countyNumbers]}::text[])
      join lateral (
        select ec.contacted_at, ec.staff_user_id from employer_contacts ec
        where ec.organisation_id = o.id order by ec.contacted_at, ec.created_at, ec.id limit 1
      ) first on true
      join users u on u.id = first.staff_user_id
      where first.contacted_at >= ${from} and first.contacted_at < ${until}
      order by first.contacted_at, o.name`,
  )
}

const specialistSchema = z.object({ id: z.string().uuid(), name: z.string(), officeName: z.string() })

/** Job specialists (not disabled) placed at offices in the counties, by office and name. */
export async function specialistsInCounties(sql: Queryable, countyNumbers: readonly string[]): Promise<z.infer<typeof specialistSchema>[]> {
  return parseRows(
    specialistSchema,
    await sql`
      select u.id, u.name, o.name as "officeName"
      from users u
      join user_roles r on r.user_id = u.id and r.role = 'specialist'
      join staff_placements p on p.user_id = u.id
      join nav_offices o on o.id = p.office_id and o.county_number = any(${[...countyNumbers]}::text[])
      where u.disabled_at is null
      order by o.name, u.name, u.id`,
  )
}

const weeklyContactsSchema = z.object({ specialistId: z.string().uuid(), weekStart: z.string(), contacts: z.number().int() })

/** Candidate-specific employer contacts per specialist and Oslo ISO week (its Monday) in [from, until). */
export async function candidateContactsByWeek(
  sql: Queryable,
  specialistIds: readonly string[],
  from: Date,
  until: Date,
): Promise<z.infer<typeof weeklyContactsSchema>[]> {
  if (specialistIds.length === 0) return []
  return parseRows(
    weeklyContactsSchema,
    await sql`
      select ec.staff_user_id as "specialistId",
             to_char(date_trunc('week', ec.contacted_at at time zone ${OSLO}), 'YYYY-MM-DD') as "weekStart",
             count(*)::int as contacts
      from employer_contacts ec
      where ec.staff_user_id = any(${[...specialistIds]}::uuid[]) and ec.candidate_id is not null
        and ec.contacted_at >= ${from} and ec.contacted_at < ${until}
      group by 1, 2 order by 1, 2`,
  )
}

const candidateStartSchema = z.object({
  candidateId: z.string().uuid(),
  officeName: z.string(),
  startedOn: z.string(),
  firstContactOn: z.string().nullable(),
  stillLooking: z.boolean(),
})

/**
 * Candidates at offices in the counties registered from `since`, with the Oslo date of their first candidate-specific
 * employer contact (by anyone, with any employer), if any.
 */
export async function candidateStartsSince(sql: Queryable, countyNumbers: readonly string[], since: Date): Promise<z.infer<typeof candidateStartSchema>[]> {
  return parseRows(
    candidateStartSchema,
    await sql`
      select c.id as "candidateId", o.name as "officeName",
             to_char(c.created_at at time zone ${OSLO}, 'YYYY-MM-DD') as "startedOn",
             to_char((select min(ec.contacted_at) from employer_contacts ec where ec.candidate_id = c.id) at time zone ${OSLO}, 'YYYY-MM-DD')
               as "firstContactOn",
             c.status in ('active', 'paused') as "stillLooking"
      from candidates c
      join nav_offices o on o.id = c.office_id and o.county_number = any(${[...countyNumbers]}::text[])
      where c.created_at >= ${since}
      order by c.created_at, c.id`,
  )
}
