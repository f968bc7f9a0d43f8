import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRows } from '../rows'

export type AuditEntry = {
  actorUserId: string | null
  action: string
  subjectType: string
  subjectId?: string | null
  details?: Record<string, string | number | boolean | null>
}

/** Appends to the audit log; the table itself refuses updates and deletes. */
export async function appendAudit(sql: Queryable, entry: AuditEntry): Promise<void> {
  await sql`
    insert into audit_log (actor_user_id, action, subject_type, subject_id, details)
    values (${entry.actorUserId}, ${entry.action}, ${entry.subjectType}, ${entry.subjectId ?? null},
            ${sql.json(entry.details ?? {})})`
}

const auditRowSchema = z.object({
  id: z.coerce.number(),
  occurredAt: z.date(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  /** The subject's current name when it is a user, organisation, office or team that still exists. */
  subjectName: z.string().nullable(),
  details: z.record(z.unknown()),
})
export type AuditRow = z.infer<typeof auditRowSchema>

export async function listRecentAudit(sql: Queryable, limit = 100): Promise<AuditRow[]> {
  return parseRows(
    auditRowSchema,
    await sql`
      select a.id, a.occurred_at as "occurredAt", a.actor_user_id as "actorUserId", u.name as "actorName",
             a.action, a.subject_type as "subjectType", a.subject_id as "subjectId",
             case a.subject_type
               when 'user' then (select s.name from users s where s.id::text = a.subject_id)
               when 'organisation' then (select s.name from organisations s where s.id::text = a.subject_id)
               when 'office' then (select s.name from nav_offices s where s.id::text = a.subject_id)
               when 'team' then (select s.name from teams s where s.id::text = a.subject_id)
             end as "subjectName",
             a.details
      from audit_log a left join users u on u.id = a.actor_user_id
      order by a.id desc limit ${limit}`,
  )
}
