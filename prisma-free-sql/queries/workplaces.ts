import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRow, parseRows } from '../rows'
import { organisationsOfMember } from './organisations'

const level = z.coerce.number().int().min(0).max(2)
const hours = z.coerce.number()

const workplaceDetailSchema = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  name: z.string(),
  address: z.string(),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  countyName: z.string(),
  noiseLevel: level,
  paceLevel: level,
  socialContactLevel: level,
  accessibility: z.array(z.string()),
  accessibilityNotes: z.string(),
  languages: z.array(z.string()),
})
export type WorkplaceDetail = z.infer<typeof workplaceDetailSchema>

const workplaceSelect = (sql: Queryable) => sql`
  select w.id, w.organisation_id as "organisationId", o.name as "organisationName", w.name, w.address,
         w.municipality_number as "municipalityNumber", m.name as "municipalityName", c.name as "countyName",
         w.noise_level as "noiseLevel", w.pace_level as "paceLevel", w.social_contact_level as "socialContactLevel",
         w.accessibility, w.accessibility_notes as "accessibilityNotes", w.languages
  from workplaces w
  join organisations o on o.id = w.organisation_id
  join municipalities m on m.number = w.municipality_number
  join counties c on c.number = m.county_number
`

/** The workplace if it belongs to one of the user's organisations; undefined otherwise (404). */
export async function findWorkplaceForMember(sql: Queryable, workplaceId: string, userId: string): Promise<WorkplaceDetail | undefined> {
  return parseRow(
    workplaceDetailSchema,
    await sql`${workplaceSelect(sql)} where w.id = ${workplaceId} and w.organisation_id in (${organisationsOfMember(sql, userId)})`,
  )
}

export async function listWorkplacesOfOrganisation(sql: Queryable, organisationId: string): Promise<WorkplaceDetail[]> {
  return parseRows(workplaceDetailSchema, await sql`${workplaceSelect(sql)} where w.organisation_id = ${organisationId} order by w.name`)
}

export type WorkplaceInput = {
  name: string
  address: string
  municipalityNumber: string
  noiseLevel: number
  paceLevel: number
  socialContactLevel: number
  accessibility: string[]
  accessibilityNotes: string
  languages: string[]
}

/** Inserts the workplace; undefined when the organisation already has a workplace of that name. */
export async function insertWorkplace(sql: Queryable, organisationId: string, input: WorkplaceInput): Promise<string | undefined> {
  const [row] = await sql`
    insert into workplaces (organisation_id, name, address, municipality_number, noise_level, pace_level,
                            social_contact_level, accessibility, accessibility_notes, languages)
    values (${organisationId}, ${input.name}, ${input.address}, ${input.municipalityNumber}, ${input.noiseLevel},
            ${input.paceLevel}, ${input.socialContactLevel}, ${input.accessibility}::text[], ${input.accessibilityNotes},
            ${input.languages}::text[])
    on conflict (organisation_id, name) do nothing
    returning id`
  return row ? z.string().uuid().parse(row.id) : undefined
}

/** Updates the workplace; false when another workplace of the organisation has that name. */
export async function updateWorkplace(sql: Queryable, workplaceId: string, input: WorkplaceInput): Promise<boolean> {
  const [clash] = await sql`
    select 1 from workplaces
    where name = ${input.name} and id <> ${workplaceId}
      and organisation_id = (select organisation_id from workplaces where id = ${workplaceId})`
  if (clash) return false
  await sql`
    update workplaces
    set name = ${input.name}, address = ${input.address}, municipality_number = ${input.municipalityNumber},
        noise_level = ${input.noiseLevel}, pace_level = ${input.paceLevel}, social_contact_level = ${input.socialContactLevel},
        accessibility = ${input.accessibility}::text[], accessibility_notes = ${input.accessibilityNotes},
        languages = ${input.languages}::text[], updated_at = now()
    where id = ${workplaceId}`
  return true
}

const taskSchema = z.object({
  id: z.string().uuid(),
  workplaceId: z.string().uuid(),
  catalogueCode: z.string().nullable(),
  name: z.string(),
  styrk08: z.string().nullable(),
  hoursPerWeek: hours,
  timesOfDay: z.array(z.enum(['DAG', 'KVELD', 'NATT'])),
  days: z.array(z.enum(['UKEDAGER', 'LORDAG', 'SONDAG'])),
  demands: z.record(level),
  requirements: z.array(z.string()),
  separable: z.boolean(),
  currentRole: z.string(),
  /** Carved jobs that use the task. */
  carvedJobIds: z.array(z.string().uuid()),
  /** Published or paused openings built on a carved job that uses the task. */
  liveOpenings: z.array(z.object({ id: z.string().uuid(), title: z.string() })),
})
export type WorkplaceTask = z.infer<typeof taskSchema>

const taskSelect = (sql: Queryable) => sql`
  select t.id, t.workplace_id as "workplaceId", t.catalogue_code as "catalogueCode", t.name, t.styrk08,
         t.hours_per_week as "hoursPerWeek", t.times_of_day as "timesOfDay", t.days, t.demands, t.requirements,
         t.separable, t.done_by_role as "currentRole",
         coalesce((select array_agg(cjt.carved_job_id order by cjt.carved_job_id)
                   from carved_job_tasks cjt where cjt.task_id = t.id), '{}') as "carvedJobIds",
         coalesce((select json_agg(json_build_object('id', op.id, 'title', op.title) order by op.title)
                   from carved_job_tasks cjt join openings op on op.carved_job_id = cjt.carved_job_id
                   where cjt.task_id = t.id and op.status in ('published', 'paused')), '[]') as "liveOpenings"
  from workplace_tasks t
`

export async function listTasks(sql: Queryable, workplaceId: string): Promise<WorkplaceTask[]> {
  return parseRows(taskSchema, await sql`${taskSelect(sql)} where t.workplace_id = ${workplaceId} order by t.name, t.id`)
}

export async function findTask(sql: Queryable, workplaceId: string, taskId: string): Promise<WorkplaceTask | undefined> {
  return parseRow(taskSchema, await sql`${taskSelect(sql)} where t.id = ${taskId} and t.workplace_id = ${workplaceId}`)
}

export type TaskInput = {
  catalogueCode: string | null
  name: string
  styrk08: string | null
  hoursPerWeek: number
  timesOfDay: string[]
  days: string[]
  demands: Record<string, number>
  requirements: string[]
  separable: boolean
  currentRole: string
}

export async function insertTask(sql: Queryable, workplaceId: string, task: TaskInput): Promise<string> {
  const [row] = await sql`
    insert into workplace_tasks (workplace_id, catalogue_code, name, styrk08, hours_per_week, times_of_day, days,
                                 demands, requirements, separable, done_by_role)
    values (${workplaceId}, ${task.catalogueCode}, ${task.name}, ${task.styrk08}, ${task.hoursPerWeek},
            ${task.timesOfDay}::text[], ${task.days}::text[], ${sql.json(task.demands)}, ${task.requirements}::text[],
            ${task.separable}, ${task.currentRole})
    returning id`
  return z.string().uuid().parse(row?.id)
}

export async function updateTask(sql: Queryable, taskId: string, task: Omit<TaskInput, 'catalogueCode'>): Promise<void> {
  await sql`
    update workplace_tasks
    set name = ${task.name}, styrk08 = ${task.styrk08}, hours_per_week = ${task.hoursPerWeek},
        times_of_day = ${task.timesOfDay}::text[], days = ${task.days}::text[], demands = ${sql.json(task.demands)},
        requirements = ${task.requirements}::text[], separable = ${task.separable}, done_by_role = ${task.currentRole},
        updated_at = now()
    where id = ${taskId}`
}

export async function deleteTask(sql: Queryable, taskId: string): Promise<void> {
  await sql`delete from workplace_tasks where id = ${taskId}`
}
