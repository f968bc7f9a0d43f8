import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRows } from '../rows'

export type QueuedEmail = {
  idempotencyKey: string
  recipientUserId: string | null
  toAddress: string
  template: string
  params: Record<string, unknown>
  /** Held for the recipient's daily digest instead of sent by itself. */
  held?: boolean
}

/** Queues a message unless one with the same key exists (a repeated event); true when this call queued it. */
export async function enqueueEmail(sql: Queryable, email: QueuedEmail): Promise<boolean> {
  const inserted = await sql`
    insert into email_outbox (idempotency_key, recipient_user_id, to_address, template, params, status)
    values (${email.idempotencyKey}, ${email.recipientUserId}, ${email.toAddress}, ${email.template},
            ${sql.json(email.params as never)}, ${email.held ? 'held' : 'pending'})
    on conflict (idempotency_key) do nothing
    returning id`
  return inserted.length === 1
}

const claimedEmailSchema = z.object({
  id: z.coerce.number(),
  idempotencyKey: z.string(),
  toAddress: z.string(),
  template: z.string(),
  params: z.record(z.unknown()),
  attempts: z.number().int(),
  claimedUntil: z.date(),
})
export type ClaimedEmail = z.infer<typeof claimedEmailSchema>

/**
 * Takes up to `limit` due messages for `leaseMs`: the claim moves next_attempt_at forward, so a worker that dies
 * mid-batch leaves its messages to be claimed again, and several workers never take the same message at once.
 */
export async function claimDueEmails(sql: Queryable, limit: number, leaseMs: number): Promise<ClaimedEmail[]> {
  return parseRows(
    claimedEmailSchema,
    await sql`
      with due as (
        select id from email_outbox
        where status = 'pending' and next_attempt_at <= now()
        order by next_attempt_at, id
        limit ${limit}
        for update skip locked
      )
      update email_outbox e
      set next_attempt_at = date_trunc('milliseconds', now()) + ${leaseMs} * interval '1 millisecond'
      from due where e.id = due.id
      returning e.id, e.idempotency_key as "idempotencyKey", e.to_address as "toAddress", e.template, e.params,
                e.attempts, e.next_attempt_at as "claimedUntil"`,
  ).sort((a, b) => a.id - b.id)
}

/** Marks messages sent, but only those this worker still holds (a lease that ran out may have been taken over). */
export async function markEmailsSent(sql: Queryable, claimed: readonly ClaimedEmail[]): Promise<number> {
  if (claimed.length === 0) return 0
  const result = await sql`
    -- An account e-mail's parameters hold a one-time link; once it is sent, the outbox keeps only that it was.
    update email_outbox set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null,
           params = case when email_outbox.template like 'account\_%' then '{}'::jsonb else email_outbox.params end
    from unnest(${sql.array(claimed.map((row) => String(row.id)))}::bigint[],
                ${sql.array(claimed.map((row) => row.claimedUntil.toISOString()))}::timestamptz[]) as c(id, claimed_until)
    where email_outbox.id = c.id and email_outbox.status = 'pending' and email_outbox.next_attempt_at = c.claimed_until`
  return result.count
}

/** A failed attempt: tried again at `retryAt`, or given up on (`dead`) when the error is permanent or attempts ran out. */
export async function markEmailFailed(sql: Queryable, claimed: ClaimedEmail, outcome: { error: string; retryAt: Date } | { error: string; dead: true }): Promise<boolean> {
  const result =
    'dead' in outcome
      ? await sql`
          update email_outbox set status = 'dead', dead_at = now(), attempts = attempts + 1, last_error = ${outcome.error.slice(0, 1000)}
          where id = ${claimed.id} and status = 'pending' and next_attempt_at = ${claimed.claimedUntil}`
      : await sql`
          update email_outbox set attempts = attempts + 1, last_error = ${outcome.error.slice(0, 1000)}, next_attempt_at = ${outcome.retryAt}
          where id = ${claimed.id} and status = 'pending' and next_attempt_at = ${claimed.claimedUntil}`
  return result.count === 1
}

const outboxEmailSchema = z.object({
  id: z.coerce.number(),
  template: z.string(),
  toAddress: z.string(),
  status: z.enum(['pending', 'held', 'digested', 'sent', 'dead']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  nextAttemptAt: z.date(),
  deadAt: z.date().nullable(),
})
export type OutboxEmail = z.infer<typeof outboxEmailSchema>

const outboxEmailColumns = (sql: Queryable) => sql`
  id, template, to_address as "toAddress", status, attempts, last_error as "lastError", created_at as "createdAt",
  next_attempt_at as "nextAttemptAt", dead_at as "deadAt"`

/** The dead-letter list: messages the worker gave up on, newest first. */
export async function listDeadEmails(sql: Queryable, limit = 100): Promise<OutboxEmail[]> {
  return parseRows(outboxEmailSchema, await sql`select ${outboxEmailColumns(sql)} from email_outbox where status = 'dead' order by dead_at desc, id desc limit ${limit}`)
}

/** Messages that wait for a retry after at least one failed attempt, oldest first. */
export async function listRetryingEmails(sql: Queryable, limit = 100): Promise<OutboxEmail[]> {
  return parseRows(
    outboxEmailSchema,
    await sql`select ${outboxEmailColumns(sql)} from email_outbox where status = 'pending' and attempts > 0 order by id limit ${limit}`,
  )
}

/** An admin sends a dead message again: it starts over with its attempts. */
export async function retryDeadEmail(sql: Queryable, id: number): Promise<boolean> {
  const result = await sql`
    update email_outbox set status = 'pending', attempts = 0, next_attempt_at = now(), dead_at = null
    where id = ${id} and status = 'dead'`
  return result.count === 1
}

const outboxCountsSchema = z.object({
  pending: z.number().int(),
  retrying: z.number().int(),
  held: z.number().int(),
  dead: z.number().int(),
  sentLastDay: z.number().int(),
  oldestPendingAt: z.date().nullable(),
})
export type OutboxCounts = z.infer<typeof outboxCountsSchema>

export async function emailOutboxCounts(sql: Queryable): Promise<OutboxCounts> {
  const [row] = await sql`
    select count(*) filter (where status = 'pending')::int as pending,
           count(*) filter (where status = 'pending' and attempts > 0)::int as retrying,
           count(*) filter (where status = 'held')::int as held,
           count(*) filter (where status = 'dead')::int as dead,
           count(*) filter (where status = 'sent' and sent_at >= now() - interval '1 day')::int as "sentLastDay",
           min(created_at) filter (where status = 'pending') as "oldestPendingAt"
    from email_outbox`
  return outboxCountsSchema.parse(row)
}

const heldSchema = z.object({ recipientUserId: z.string().uuid(), toAddress: z.string(), ids: z.array(z.coerce.number()), templates: z.array(z.string()), params: z.array(z.record(z.unknown())) })
export type HeldForDigest = z.infer<typeof heldSchema>

/** Held messages created before `before`, one group per recipient, oldest first (locked until the caller commits). */
export async function heldEmailsByRecipient(sql: Queryable, before: Date): Promise<HeldForDigest[]> {
  return parseRows(
    heldSchema,
    await sql`
      select recipient_user_id as "recipientUserId", min(to_address) as "toAddress",
             array_agg(id order by id) as ids, array_agg(template order by id) as templates, array_agg(params order by id) as params
      from (select * from email_outbox where status = 'held' and created_at < ${before} and recipient_user_id is not null for update skip locked) held
      group by recipient_user_id`,
  )
}

/** The held messages went out in one digest message. */
export async function markDigested(sql: Queryable, ids: readonly number[], digestKey: string): Promise<void> {
  await sql`
    update email_outbox set status = 'digested', digest_id = (select id from email_outbox where idempotency_key = ${digestKey})
    where id = any(${sql.array(ids.map(String))}::bigint[]) and status = 'held'`
}

/** Sent messages are kept this long for the admin page, then deleted; dead ones stay until an admin acts. */
export async function deleteOldSentEmails(sql: Queryable, olderThanDays = 30): Promise<number> {
  const result = await sql`delete from email_outbox where status in ('sent', 'digested') and created_at < now() - ${olderThanDays} * interval '1 day'`
  return result.count
}
