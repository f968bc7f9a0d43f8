import { z } from 'zod'
import { noticeKinds, type NoticeKind } from '../../emails/notices'
import type { Queryable } from '../db'
import { parseRow, parseRows } from '../rows'

const recipientSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  accountType: z.enum(['employer', 'staff']),
  emailFrequency: z.enum(['immediate', 'daily_digest']),
  disabled: z.boolean(),
})
export type NoticeRecipient = z.infer<typeof recipientSchema>
export type EmailFrequency = NoticeRecipient['emailFrequency']

export async function findNoticeRecipients(sql: Queryable, userIds: readonly string[]): Promise<NoticeRecipient[]> {
  if (userIds.length === 0) return []
  return parseRows(
    recipientSchema,
    await sql`
      select id, email, account_type as "accountType", email_frequency as "emailFrequency", disabled_at is not null as disabled
      from users where id = any(${sql.array([...userIds])}::uuid[])`,
  )
}

export async function findEmailFrequency(sql: Queryable, userId: string): Promise<EmailFrequency | undefined> {
  return parseRow(recipientSchema.pick({ emailFrequency: true }), await sql`select email_frequency as "emailFrequency" from users where id = ${userId}`)
    ?.emailFrequency
}

export async function setEmailFrequency(sql: Queryable, userId: string, frequency: EmailFrequency): Promise<void> {
  await sql`update users set email_frequency = ${frequency} where id = ${userId}`
}

/** Adds the notice unless one with the same key exists; true when this call added it. */
export async function insertNotification(
  sql: Queryable,
  notice: { userId: string; kind: NoticeKind; caseId: string | null; link: string; idempotencyKey: string },
): Promise<boolean> {
  const inserted = await sql`
    insert into notifications (user_id, kind, case_id, link, idempotency_key)
    values (${notice.userId}, ${notice.kind}, ${notice.caseId}, ${notice.link}, ${notice.idempotencyKey})
    on conflict (idempotency_key) do nothing
    returning id`
  return inserted.length === 1
}

const notificationSchema = z.object({
  id: z.coerce.number(),
  kind: z.enum(noticeKinds),
  caseId: z.string().uuid().nullable(),
  link: z.string(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
})
export type Notification = z.infer<typeof notificationSchema>

/** The user's newest notices, unread first. */
export async function listNotifications(sql: Queryable, userId: string, limit = 100): Promise<Notification[]> {
  return parseRows(
    notificationSchema,
    await sql`
      select id, kind, case_id as "caseId", link, created_at as "createdAt", read_at as "readAt"
      from notifications where user_id = ${userId}
      order by read_at is not null, id desc
      limit ${limit}`,
  )
}

export async function countUnreadNotifications(sql: Queryable, userId: string): Promise<number> {
  const [row] = await sql`select count(*)::int as unread from notifications where user_id = ${userId} and read_at is null`
  return z.number().int().parse(row?.unread)
}

/** Marks one notice read (only the owner's), or all of them. */
export async function markNotificationsRead(sql: Queryable, userId: string, notificationId?: number): Promise<number> {
  const result = notificationId === undefined
    ? await sql`update notifications set read_at = now() where user_id = ${userId} and read_at is null`
    : await sql`update notifications set read_at = now() where user_id = ${userId} and id = ${notificationId} and read_at is null`
  return result.count
}

/** Opening a case page reads every notice about it. */
export async function markCaseNotificationsRead(sql: Queryable, userId: string, caseId: string): Promise<void> {
  await sql`update notifications set read_at = now() where user_id = ${userId} and case_id = ${caseId} and read_at is null`
}
