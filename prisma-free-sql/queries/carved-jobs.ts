import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRow, parseRows } from '../rows'

const carvedJobSchema = z.object({
  id: z.string().uuid(),
  workplaceId: z.string().uuid(),
  name: z.string(),
  targetHours: z.coerce.number(),
  taskIds: z.array(z.string().uuid()),
  createdAt: z.date(),
})
export type CarvedJob = z.infer<typeof carvedJobSchema>

const carvedJobSelect = (sql: Queryable) => sql`
  select cj.id, cj.workplace_id as "workplaceId", cj.name, cj.target_hours as "targetHours",
         coalesce((select array_agg(cjt.task_id order by cjt.task_id) from carved_job_tasks cjt
                   where cjt.carved_job_id = cj.id), '{}') as "taskIds",
         cj.created_at as "createdAt"
  from carved_jobs cj
`

export async function listCarvedJobs(sql: Queryable, workplaceId: string): Promise<CarvedJob[]> {
  return parseRows(carvedJobSchema, await sql`${carvedJobSelect(sql)} where cj.workplace_id = ${workplaceId} order by cj.created_at, cj.id`)
}

export async function findCarvedJob(sql: Queryable, workplaceId: string, carvedJobId: string): Promise<CarvedJob | undefined> {
  return parseRow(carvedJobSchema, await sql`${carvedJobSelect(sql)} where cj.id = ${carvedJobId} and cj.workplace_id = ${workplaceId}`)
}

export async function insertCarvedJob(
  sql: Queryable,
  carvedJob: { workplaceId: string; name: string; targetHours: number; taskIds: string[]; createdBy: string | null },
): Promise<string> {
  const [row] = await sql`
    insert into carved_jobs (workplace_id, name, target_hours, created_by)
    values (${carvedJob.workplaceId}, ${carvedJob.name}, ${carvedJob.targetHours}, ${carvedJob.createdBy})
    returning id`
  const id = z.string().uuid().parse(row?.id)
  await sql`
    insert into carved_job_tasks (carved_job_id, task_id)
    select ${id}, t.id from workplace_tasks t
    where t.id = any(${carvedJob.taskIds}::uuid[]) and t.workplace_id = ${carvedJob.workplaceId}`
  return id
}

/** Removes a carved job that no opening uses; false when an opening still refers to it. */
export async function deleteUnusedCarvedJob(sql: Queryable, carvedJobId: string): Promise<boolean> {
  const result = await sql`
    delete from carved_jobs cj where cj.id = ${carvedJobId}
      and not exists (select 1 from openings op where op.carved_job_id = cj.id)`
  return result.count === 1
}
