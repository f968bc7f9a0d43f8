import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRows } from '../rows'

/** Records the employer's interest once per candidate and opening; returns false when it was already recorded. */
export async function insertInterest(
  sql: Queryable,
  interest: { openingId: string; candidateId: string; userId: string; message: string; score: number },
): Promise<boolean> {
  const rows = await sql`
    insert into match_interests (opening_id, candidate_id, marked_by_user_id, message, score)
    values (${interest.openingId}, ${interest.candidateId}, ${interest.userId}, ${interest.message}, ${interest.score})
    on conflict (opening_id, candidate_id) do nothing
    returning id`
  return rows.length === 1
}

export async function interestedCandidateIds(sql: Queryable, openingId: string): Promise<Set<string>> {
  const rows = await sql<{ candidateId: string }[]>`
    select candidate_id as "candidateId" from match_interests where opening_id = ${openingId}`
  return new Set(rows.map((row) => row.candidateId))
}

/** How many (opening, day) first pages each candidate has been on since `since`. */
export async function exposureCounts(sql: Queryable, candidateIds: readonly string[], since: string): Promise<Map<string, number>> {
  if (candidateIds.length === 0) return new Map()
  const rows = parseRows(
    z.object({ candidateId: z.string(), shown: z.coerce.number() }),
    await sql`
      select candidate_id as "candidateId", count(*) as shown from match_exposures
      where candidate_id = any(${sql.array([...candidateIds], 2950)}) and shown_on >= ${since}
      group by candidate_id`,
  )
  return new Map(rows.map((row) => [row.candidateId, row.shown]))
}

export async function recordExposures(sql: Queryable, openingId: string, candidateIds: readonly string[], day: string): Promise<void> {
  if (candidateIds.length === 0) return
  await sql`
    insert into match_exposures (candidate_id, opening_id, shown_on)
    select unnest(${sql.array([...candidateIds], 2950)}::uuid[]), ${openingId}, ${day}
    on conflict do nothing`
}

export async function addToShortlist(sql: Queryable, entry: { userId: string; candidateId: string; openingId: string }): Promise<void> {
  await sql`
    insert into specialist_shortlists (user_id, candidate_id, opening_id) values (${entry.userId}, ${entry.candidateId}, ${entry.openingId})
    on conflict do nothing`
}

export async function removeFromShortlist(sql: Queryable, entry: { userId: string; candidateId: string; openingId: string }): Promise<void> {
  await sql`
    delete from specialist_shortlists
    where user_id = ${entry.userId} and candidate_id = ${entry.candidateId} and opening_id = ${entry.openingId}`
}

/** The (candidate, opening) pairs on a specialist's shortlist, newest first. */
export async function listShortlist(sql: Queryable, userId: string): Promise<{ candidateId: string; openingId: string; addedAt: Date }[]> {
  return parseRows(
    z.object({ candidateId: z.string().uuid(), openingId: z.string().uuid(), addedAt: z.date() }),
    await sql`
      select candidate_id as "candidateId", opening_id as "openingId", added_at as "addedAt"
      from specialist_shortlists where user_id = ${userId} order by added_at desc`,
  )
}
