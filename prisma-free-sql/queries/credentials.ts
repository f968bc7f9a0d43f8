import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRow } from '../rows'

export type TokenPurpose = 'reset' | 'invitation'

export async function insertPasswordToken(
  sql: Queryable,
  token: { tokenHash: string; userId: string; purpose: TokenPurpose; expiresAt: Date },
): Promise<void> {
  await sql`
    insert into password_reset_tokens (token_hash, user_id, purpose, expires_at)
    values (${token.tokenHash}, ${token.userId}, ${token.purpose}, ${token.expiresAt})`
}

const tokenSchema = z.object({
  userId: z.string().uuid(),
  purpose: z.enum(['reset', 'invitation']),
  expiresAt: z.date(),
  usedAt: z.date().nullable(),
})
export type PasswordTokenRow = z.infer<typeof tokenSchema>

export async function findPasswordToken(sql: Queryable, tokenHash: string): Promise<PasswordTokenRow | undefined> {
  return parseRow(
    tokenSchema,
    await sql`
      select user_id as "userId", purpose, expires_at as "expiresAt", used_at as "usedAt"
      from password_reset_tokens where token_hash = ${tokenHash}`,
  )
}

/** Marks the token used; false when it was already used (a second submit of the same link). */
export async function consumePasswordToken(sql: Queryable, tokenHash: string): Promise<boolean> {
  const result = await sql`
    update password_reset_tokens set used_at = now()
    where token_hash = ${tokenHash} and used_at is null and expires_at > now()`
  return result.count === 1
}

export async function recordLoginAttempt(
  sql: Queryable,
  attempt: { email: string; clientAddress: string; succeeded: boolean },
): Promise<void> {
  await sql`
    insert into login_attempts (email, client_address, succeeded)
    values (${attempt.email}, ${attempt.clientAddress}, ${attempt.succeeded})`
}

/** Failed attempts since the last success, within the window, by e-mail and by client address. */
export async function countRecentFailures(
  sql: Queryable,
  query: { email: string; clientAddress: string; windowMinutes: number },
): Promise<{ byEmail: number; byAddress: number }> {
  const since = new Date(Date.now() - query.windowMinutes * 60_000)
  const [row] = await sql`
    select
      (select count(*) from login_attempts a
        where lower(a.email) = lower(${query.email}) and a.attempted_at > ${since} and not a.succeeded
          and a.attempted_at > coalesce((select max(s.attempted_at) from login_attempts s
                                         where lower(s.email) = lower(${query.email}) and s.succeeded), '-infinity')
      ) as by_email,
      (select count(*) from login_attempts a
        where a.client_address = ${query.clientAddress} and a.attempted_at > ${since} and not a.succeeded
      ) as by_address`
  return parseRow(
    z.object({ by_email: z.coerce.number(), by_address: z.coerce.number() }).transform((r) => ({
      byEmail: r.by_email,
      byAddress: r.by_address,
    })),
    row ? [row] : [],
  ) ?? { byEmail: 0, byAddress: 0 }
}

/** Attempts older than any lock-out window are only noise; a month is kept for investigating abuse. */
export async function deleteOldLoginAttempts(sql: Queryable, keepDays = 30): Promise<number> {
  const result = await sql`delete from login_attempts where attempted_at < now() - make_interval(days => ${keepDays})`
  return result.count
}
