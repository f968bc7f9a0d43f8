/**
 * Accounts nobody uses (issue 8, part 4): warned, then disabled. The rules (how long, how much notice) are in
 * app/modules/candidate-rights.server.ts; these statements claim their rows, so two processes running the job at once
 * warn and disable each account once.
 */
import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRows } from '../rows'

/**
 * When the account was last used: the last log-in, or the last request in a session (a session can outlive the day it
 * began), or its creation for an account never used.
 */
const lastActivity = (sql: Queryable, alias: string) => sql`greatest(
  coalesce(${sql(alias)}.last_login_at, ${sql(alias)}.created_at),
  (select max(s.last_seen_at) from sessions s where s.user_id = ${sql(alias)}.id))`

/**
 * The last enabled admin who was active in the period is never warned or disabled, so someone can always run the
 * portal; an admin is otherwise treated like everyone else.
 */
const notTheLastActiveAdmin = (sql: Queryable, activeSince: Date) => sql`not (
  exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'admin')
  and not exists (
    select 1 from users o join user_roles r on r.user_id = o.id and r.role = 'admin'
    where o.id <> u.id and o.disabled_at is null and ${lastActivity(sql, 'o')} >= ${activeSince}))`

const warnedSchema = z.object({ id: z.string().uuid(), email: z.string(), accountType: z.enum(['employer', 'staff']), lastActivityAt: z.date() })
export type WarnedAccount = z.infer<typeof warnedSchema>

/**
 * Marks as warned, at `now`, the enabled accounts last used before `inactiveSince` that have not been warned since
 * they were last used, and returns them (for the caller to queue the e-mail in the same transaction).
 */
export async function claimAccountsToWarn(sql: Queryable, options: { inactiveSince: Date; activeSince: Date; now: Date }): Promise<WarnedAccount[]> {
  return parseRows(
    warnedSchema,
    await sql`
      with due as (
        select u.id, ${lastActivity(sql, 'u')} as last_activity_at
        from users u
        where u.disabled_at is null
          and ${lastActivity(sql, 'u')} < ${options.inactiveSince}
          and (u.inactivity_warned_at is null or u.inactivity_warned_at < ${lastActivity(sql, 'u')})
          and ${notTheLastActiveAdmin(sql, options.activeSince)}
        for update of u skip locked
      )
      update users u set inactivity_warned_at = ${options.now}
      from due where u.id = due.id
      returning u.id, u.email, u.account_type as "accountType", due.last_activity_at as "lastActivityAt"`,
  )
}

const disabledSchema = z.object({ id: z.string().uuid(), accountType: z.enum(['employer', 'staff']) })
export type DisabledAccount = z.infer<typeof disabledSchema>

/**
 * Disables the enabled accounts last used before `activeSince` that were warned after that use and no later than
 * `warnedBefore`; ends their sessions and writes one audit entry each (the fact only), in the same statement.
 */
export async function disableWarnedInactiveAccounts(sql: Queryable, options: { activeSince: Date; warnedBefore: Date; now: Date }): Promise<DisabledAccount[]> {
  const disabled = parseRows(
    disabledSchema,
    await sql`
      with due as (
        select u.id from users u
        where u.disabled_at is null
          and ${lastActivity(sql, 'u')} < ${options.activeSince}
          and u.inactivity_warned_at is not null
          and u.inactivity_warned_at <= ${options.warnedBefore}
          and u.inactivity_warned_at >= ${lastActivity(sql, 'u')}
          and ${notTheLastActiveAdmin(sql, options.activeSince)}
        for update of u skip locked
      ),
      disabled as (
        update users u set disabled_at = ${options.now} from due where u.id = due.id
        returning u.id, u.account_type
      ),
      audited as (
        insert into audit_log (actor_user_id, action, subject_type, subject_id)
        select null, 'user.disabled_for_inactivity', 'user', d.id::text from disabled d
      )
      select d.id, d.account_type as "accountType" from disabled d`,
  )
  if (disabled.length > 0) await sql`delete from sessions where user_id = any(${sql.array(disabled.map((row) => row.id))}::uuid[])`
  return disabled
}

/**
 * Whether the account was disabled by the inactivity job (warned, then disabled), not for another reason: such an
 * account comes back when its owner proves control of the mailbox with a reset link.
 */
export async function isDisabledForInactivity(sql: Queryable, userId: string): Promise<boolean> {
  const rows = await sql`
    select 1 from users
    where id = ${userId} and disabled_at is not null and inactivity_warned_at is not null and disabled_at >= inactivity_warned_at`
  return rows.length === 1
}

/** Enables an account the inactivity job disabled, starting a new period; false for any other account. */
export async function reactivateInactiveAccount(sql: Queryable, userId: string): Promise<boolean> {
  const rows = await sql`
    update users set disabled_at = null, inactivity_warned_at = null
    where id = ${userId} and disabled_at is not null and inactivity_warned_at is not null and disabled_at >= inactivity_warned_at
    returning id`
  return rows.length === 1
}
