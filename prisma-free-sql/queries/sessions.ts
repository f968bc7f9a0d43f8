import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRow } from '../rows'

const sessionSchema = z.object({ userId: z.string().uuid(), expiresAt: z.date() })
export type SessionRow = z.infer<typeof sessionSchema>

export async function insertSession(sql: Queryable, idHash: string, userId: string, expiresAt: Date): Promise<void> {
  await sql`insert into sessions (id_hash, user_id, expires_at) values (${idHash}, ${userId}, ${expiresAt})`
}

/** The live session for a token hash; expired sessions count as absent. */
export async function findLiveSession(sql: Queryable, idHash: string): Promise<SessionRow | undefined> {
  return parseRow(
    sessionSchema,
    await sql`
      select user_id as "userId", expires_at as "expiresAt" from sessions
      where id_hash = ${idHash} and expires_at > now()`,
  )
}

export async function extendSession(sql: Queryable, idHash: string, expiresAt: Date): Promise<void> {
  await sql`update sessions set last_seen_at = now(), expires_at = ${expiresAt} where id_hash = ${idHash}`
}

export async function deleteSession(sql: Queryable, idHash: string): Promise<void> {
  await sql`delete from sessions where id_hash = ${idHash}`
}

export async function deleteSessionsOfUser(sql: Queryable, userId: string): Promise<void> {
  await sql`delete from sessions where user_id = ${userId}`
}

export async function deleteExpiredSessions(sql: Queryable): Promise<number> {
  const result = await sql`delete from sessions where expires_at <= now()`
  return result.count
}
