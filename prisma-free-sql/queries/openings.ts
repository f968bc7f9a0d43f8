import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRow, parseRows } from '../rows'
import { organisationsOfMember } from './organisations'

export const openingTypes = ['JOBBSMAK', 'ARBEIDSTRENING', 'LONNSTILSKUDD', 'ORDINAER', 'LAERLING'] as const
export const hireProspects = ['JA', 'KANSKJE', 'NEI'] as const
export const openingStatuses = ['draft', 'published', 'paused', 'filled', 'closed'] as const
export type OpeningStatus = (typeof openingStatuses)[number]
export const openingEvents = ['created', 'edited', 'published', 'paused', 'filled', 'closed', 'task_changed'] as const
export type OpeningEvent = (typeof openingEvents)[number]

const openingSchema = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  workplaceId: z.string().uuid(),
  workplaceName: z.string(),
  carvedJobId: z.string().uuid().nullable(),
  title: z.string(),
  description: z.string(),
  openingType: z.enum(openingTypes),
  hoursMin: z.coerce.number(),
  hoursMax: z.coerce.number(),
  timesOfDay: z.array(z.string()),
  days: z.array(z.string()),
  flexibility: z.string(),
  accommodations: z.array(z.string()),
  mentorAvailable: z.boolean(),
  measures: z.array(z.string()),
  startDate: z.string(),
  durationWeeks: z.number().int().nullable(),
  places: z.number().int(),
  hireProspect: z.enum(hireProspects),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  status: z.enum(openingStatuses),
  closeReason: z.string().nullable(),
  publishedAt: z.date().nullable(),
  updatedAt: z.date(),
})
export type Opening = z.infer<typeof openingSchema>

const openingSelect = (sql: Queryable) => sql`
  select op.id, w.organisation_id as "organisationId", op.workplace_id as "workplaceId", w.name as "workplaceName",
         op.carved_job_id as "carvedJobId", op.title, op.description, op.opening_type as "openingType",
         op.hours_min as "hoursMin", op.hours_max as "hoursMax", op.times_of_day as "timesOfDay", op.days,
         op.flexibility, op.accommodations, op.mentor_available as "mentorAvailable", op.measures,
         to_char(op.start_date, 'YYYY-MM-DD') as "startDate", op.duration_weeks as "durationWeeks", op.places,
         op.hire_prospect as "hireProspect", op.contact_name as "contactName", op.contact_phone as "contactPhone",
         op.contact_email as "contactEmail", op.status, op.close_reason as "closeReason",
         op.published_at as "publishedAt", op.updated_at as "updatedAt"
  from openings op join workplaces w on w.id = op.workplace_id
`

export async function findOpeningForMember(sql: Queryable, openingId: string, userId: string): Promise<Opening | undefined> {
  return parseRow(
    openingSchema,
    await sql`${openingSelect(sql)} where op.id = ${openingId} and w.organisation_id in (${organisationsOfMember(sql, userId)})`,
  )
}

export async function listOpeningsOfWorkplace(sql: Queryable, workplaceId: string): Promise<Opening[]> {
  return parseRows(openingSchema, await sql`${openingSelect(sql)} where op.workplace_id = ${workplaceId} order by op.created_at desc, op.id`)
}

export async function listOpeningsOfOrganisation(sql: Queryable, organisationId: string): Promise<Opening[]> {
  return parseRows(
    openingSchema,
    await sql`${openingSelect(sql)} where w.organisation_id = ${organisationId} order by w.name, op.created_at desc, op.id`,
  )
}

export type OpeningInput = {
  title: string
  description: string
  openingType: (typeof openingTypes)[number]
  hoursMin: number
  hoursMax: number
  timesOfDay: string[]
  days: string[]
  flexibility: string
  accommodations: string[]
  mentorAvailable: boolean
  measures: string[]
  startDate: string
  durationWeeks: number | null
  places: number
  hireProspect: (typeof hireProspects)[number]
  contactName: string
  contactPhone: string
  contactEmail: string
}

export async function insertOpening(
  sql: Queryable,
  opening: OpeningInput & { workplaceId: string; carvedJobId: string | null; createdBy: string | null },
): Promise<string> {
  const [row] = await sql`
    insert into openings (workplace_id, carved_job_id, title, description, opening_type, hours_min, hours_max,
                          times_of_day, days, flexibility, accommodations, mentor_available, measures, start_date,
                          duration_weeks, places, hire_prospect, contact_name, contact_phone, contact_email, created_by)
    values (${opening.workplaceId}, ${opening.carvedJobId}, ${opening.title}, ${opening.description}, ${opening.openingType},
            ${opening.hoursMin}, ${opening.hoursMax}, ${opening.timesOfDay}::text[], ${opening.days}::text[],
            ${opening.flexibility}, ${opening.accommodations}::text[], ${opening.mentorAvailable},
            ${opening.measures}::text[], ${opening.startDate}::date, ${opening.durationWeeks}, ${opening.places},
            ${opening.hireProspect}, ${opening.contactName}, ${opening.contactPhone}, ${opening.contactEmail},
            ${opening.createdBy})
    returning id`
  return z.string().uuid().parse(row?.id)
}

export async function updateOpening(sql: Queryable, openingId: string, opening: OpeningInput): Promise<void> {
  await sql`
    update openings
    set title = ${opening.title}, description = ${opening.description}, opening_type = ${opening.openingType},
        hours_min = ${opening.hoursMin}, hours_max = ${opening.hoursMax}, times_of_day = ${opening.timesOfDay}::text[],
        days = ${opening.days}::text[], flexibility = ${opening.flexibility},
        accommodations = ${opening.accommodations}::text[], mentor_available = ${opening.mentorAvailable},
        measures = ${opening.measures}::text[], start_date = ${opening.startDate}::date,
        duration_weeks = ${opening.durationWeeks}, places = ${opening.places}, hire_prospect = ${opening.hireProspect},
        contact_name = ${opening.contactName}, contact_phone = ${opening.contactPhone},
        contact_email = ${opening.contactEmail}, updated_at = now()
    where id = ${openingId}`
}

/** Moves the opening from one of `from` to `to`; false when its status was not one of `from` (a stale form). */
export async function changeOpeningStatus(
  sql: Queryable,
  change: { openingId: string; from: readonly OpeningStatus[]; to: OpeningStatus; closeReason?: string },
): Promise<boolean> {
  const result = await sql`
    update openings
    set status = ${change.to}, close_reason = ${change.closeReason ?? null}, updated_at = now(),
        published_at = case when ${change.to} = 'published' then coalesce(published_at, now()) else published_at end
    where id = ${change.openingId} and status = any(${change.from as OpeningStatus[]}::text[])`
  return result.count === 1
}

/** Widens the hours of live openings on the carved job so they still cover what its tasks add up to. */
export async function fitOpeningHoursToCarvedJob(sql: Queryable, carvedJobId: string, totalHours: number): Promise<string[]> {
  const rows = await sql`
    update openings
    set hours_min = least(hours_min, ${totalHours}), hours_max = greatest(hours_max, ${totalHours}), updated_at = now()
    where carved_job_id = ${carvedJobId} and status in ('draft', 'published', 'paused')
      and (${totalHours} < hours_min or ${totalHours} > hours_max)
    returning id`
  return rows.map((row) => z.string().uuid().parse(row.id))
}

export async function appendOpeningEvent(
  sql: Queryable,
  event: { openingId: string; actorUserId: string | null; event: OpeningEvent; note?: string },
): Promise<void> {
  await sql`
    insert into opening_events (opening_id, actor_user_id, event, note)
    values (${event.openingId}, ${event.actorUserId}, ${event.event}, ${event.note ?? ''})`
}

const openingEventSchema = z.object({
  id: z.coerce.number(),
  occurredAt: z.date(),
  actorName: z.string().nullable(),
  event: z.enum(openingEvents),
  note: z.string(),
})
export type OpeningHistoryEntry = z.infer<typeof openingEventSchema>

export async function listOpeningEvents(sql: Queryable, openingId: string): Promise<OpeningHistoryEntry[]> {
  return parseRows(
    openingEventSchema,
    await sql`
      select e.id, e.occurred_at as "occurredAt", u.name as "actorName", e.event, e.note
      from opening_events e left join users u on u.id = e.actor_user_id
      where e.opening_id = ${openingId} order by e.occurred_at desc, e.id desc`,
  )
}

/** Openings of carved jobs that use the task and are live (published or paused). */
export async function liveOpeningsUsingTask(sql: Queryable, taskId: string): Promise<{ id: string; carvedJobId: string }[]> {
  const rows = await sql`
    select op.id, op.carved_job_id as "carvedJobId" from openings op
    join carved_job_tasks cjt on cjt.carved_job_id = op.carved_job_id
    where cjt.task_id = ${taskId} and op.status in ('draft', 'published', 'paused')`
  return rows.map((row) => z.object({ id: z.string().uuid(), carvedJobId: z.string().uuid() }).parse(row))
}

const publishedOpeningRowSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  organisationName: z.string(),
  workplaceName: z.string(),
  municipalityName: z.string(),
  countyNumber: z.string(),
  countyName: z.string(),
  openingType: z.enum(openingTypes),
  hoursMin: z.coerce.number(),
  hoursMax: z.coerce.number(),
  startDate: z.string(),
  publishedAt: z.date().nullable(),
})
export type PublishedOpeningRow = z.infer<typeof publishedOpeningRowSchema>

/** Published openings in some counties, newest first: the region a specialist's office works in. */
export async function listPublishedOpeningsInCounties(sql: Queryable, countyNumbers: readonly string[]): Promise<PublishedOpeningRow[]> {
  return parseRows(
    publishedOpeningRowSchema,
    await sql`
      select op.id, op.title, org.name as "organisationName", w.name as "workplaceName", m.name as "municipalityName",
             m.county_number as "countyNumber", c.name as "countyName", op.opening_type as "openingType",
             op.hours_min as "hoursMin", op.hours_max as "hoursMax", to_char(op.start_date, 'YYYY-MM-DD') as "startDate",
             op.published_at as "publishedAt"
      from openings op
      join workplaces w on w.id = op.workplace_id
      join organisations org on org.id = w.organisation_id
      join municipalities m on m.number = w.municipality_number
      join counties c on c.number = m.county_number
      where op.status = 'published' and m.county_number = any(${sql.array([...countyNumbers])})
      order by op.published_at desc nulls last, op.id`,
  )
}

/** An opening's status and county, for staff pages (which show openings of any organisation in their region). */
export async function findOpeningRegion(sql: Queryable, openingId: string): Promise<{ id: string; status: OpeningStatus; countyNumber: string; title: string } | undefined> {
  return parseRow(
    z.object({ id: z.string().uuid(), status: z.enum(openingStatuses), countyNumber: z.string(), title: z.string() }),
    await sql`
      select op.id, op.status, m.county_number as "countyNumber", op.title
      from openings op join workplaces w on w.id = op.workplace_id join municipalities m on m.number = w.municipality_number
      where op.id = ${openingId}`,
  )
}
