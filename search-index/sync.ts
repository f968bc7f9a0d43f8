/**
 * Keeps the search index in step with the database through a transactional outbox (`search_outbox`).
 *
 * Every change to a candidate's profile, consent or status and to an opening writes a row in the same
 * transaction as the change (enqueueSearchSync), so a change is never committed without its row and a
 * rolled-back change leaves none. The worker claims rows with FOR UPDATE SKIP LOCKED (safe with several app
 * instances), hides first (priority 0), loads what may be indexed now (search-index/load-documents.ts) and
 * applies removals before upserts. A row is marked processed only after the backend accepted the change;
 * when the backend is unreachable the rows stay, with attempts, the last error and exponential back-off, until
 * it is back: nothing is lost.
 *
 * Claiming takes a lease instead of holding a transaction open while the backend works: the claim pushes
 * next_attempt_at forward, and a worker that dies mid-batch leaves its rows to be claimed again when the lease
 * ends. (Holding the lock would also dead-lock embedded PGlite, which has a single connection.)
 */
import { z } from 'zod'
import { startPollingWorker, wakeWorkers } from '../app/utils/polling-worker.server'
import { MIN_CANDIDATES_SHARING_MUNICIPALITY } from '../matching/visibility'
import type { Queryable, Sql } from '../prisma-free-sql/db'
import { parseRows } from '../prisma-free-sql/rows'
import type { IndexedCandidate, IndexedOpening, SearchBackend } from './backend'
import { loadCandidateDecisions, loadIndexedOpenings, todayInOslo, visibleCandidateIdsIn } from './load-documents'

export type SearchEntity = 'candidate' | 'opening'

/** A claimed row goes back to the pool when its worker has not finished within this time. */
export const OUTBOX_LEASE_MS = 60_000
export const RETRY_BASE_MS = 1_000
export const RETRY_CAP_MS = 5 * 60_000
/** An unprocessed row is shown to admins as stuck after this many failed attempts, or this long. */
export const STUCK_AFTER_ATTEMPTS = 3
export const STUCK_AFTER_MS = 5 * 60_000
/** Processed rows are kept this long (for the admin page and for the reindex replay), then deleted. */
export const KEEP_PROCESSED_MS = 24 * 60 * 60_000

// ---------------------------------------------------------------------------------------------
// Enqueueing, inside the caller's transaction

export type EnqueueOptions = {
  /** The change hides (withdrawal, pause, closing): applied before any other change. */
  hide?: boolean
  /**
   * The candidate's home before this change, when it changed: the neighbours left behind may now be too few to
   * show their municipality, so they are refreshed too (first, since that hides a detail).
   */
  movedFrom?: string | null
}

/** Writes an outbox row in the caller's transaction; the in-process worker is woken once it has had time to commit. */
export async function enqueueSearchSync(tx: Queryable, entity: SearchEntity, id: string, options: EnqueueOptions = {}): Promise<void> {
  await tx`
    insert into search_outbox (entity, entity_id, priority)
    values (${entity}, ${id}::uuid, ${options.hide ? 0 : 1}::smallint)`
  if (entity === 'candidate' && options.movedFrom) await enqueueLocationNeighbours(tx, options.movedFrom)
  wakeSearchWorkersSoon()
}

/** Several entities at once (e.g. every opening of an edited workplace). */
export async function enqueueSearchSyncMany(tx: Queryable, entity: SearchEntity, ids: readonly string[], options: { hide?: boolean } = {}): Promise<void> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return
  await tx`
    insert into search_outbox (entity, entity_id, priority)
    select ${entity}::text, id, ${options.hide ? 0 : 1}::smallint from unnest(${tx.array(unique)}::uuid[]) as id`
  wakeSearchWorkersSoon()
}

/**
 * Every published opening built on a workplace, a task (through the carved jobs that use it) or a carved job: what
 * they are indexed with (environment, languages, place, tasks, hours) comes from there. Others are not indexed.
 */
export async function enqueueOpeningsUsing(
  tx: Queryable,
  source: { workplaceId: string } | { taskId: string } | { carvedJobId: string },
): Promise<void> {
  const where =
    'workplaceId' in source
      ? tx`op.workplace_id = ${source.workplaceId}::uuid`
      : 'taskId' in source
        ? tx`op.carved_job_id in (select carved_job_id from carved_job_tasks where task_id = ${source.taskId}::uuid)`
        : tx`op.carved_job_id = ${source.carvedJobId}::uuid`
  const result = await tx`
    insert into search_outbox (entity, entity_id, priority)
    select 'opening', op.id, 1::smallint from openings op where op.status = 'published' and ${where}`
  if (result.count > 0) wakeSearchWorkersSoon()
}

/** The visible candidates of a municipality that may have dropped below the number needed to show it. */
async function enqueueLocationNeighbours(tx: Queryable, municipalityNumber: string): Promise<void> {
  // Only whether they are fewer than the threshold matters; no need to list a large municipality's candidates.
  const visible = await visibleCandidateIdsIn(tx, municipalityNumber, { atLeast: MIN_CANDIDATES_SHARING_MUNICIPALITY })
  if (visible.length > 0 && visible.length < MIN_CANDIDATES_SHARING_MUNICIPALITY) {
    await enqueueSearchSyncMany(tx, 'candidate', visible, { hide: true })
  }
}

/** Wakes this process's workers; they run a pass shortly, once the enqueueing transaction has committed. */
export function wakeSearchWorkersSoon(): void {
  wakeWorkers(SEARCH_WORKER)
}

const SEARCH_WORKER = 'search-sync'

// ---------------------------------------------------------------------------------------------
// Processing

const claimedSchema = z.object({
  id: z.coerce.number(),
  entity: z.enum(['candidate', 'opening']),
  entityId: z.string().uuid(),
  priority: z.number().int(),
  attempts: z.number().int(),
  claimedUntil: z.date(),
})
type Claimed = z.infer<typeof claimedSchema>

export type OutboxPassResult = {
  /** Rows claimed in this pass. */
  claimed: number
  /** Rows marked processed. */
  processed: number
  /** Rows that failed and wait for a retry. */
  failed: number
  upserted: { candidates: number; openings: number }
  deleted: { candidates: number; openings: number }
  errors: string[]
}

export type ProcessOptions = {
  batchSize?: number
  /** The Norwegian date visibility is decided for; today by default. */
  today?: string
  leaseMs?: number
}

/**
 * One pass: claims up to `batchSize` due rows (hides first), applies them and marks them processed, or records
 * the failure with back-off. Throws only when the outbox itself cannot be reached (the database is down).
 */
export async function processSearchOutbox(sql: Sql, backend: SearchBackend, options: ProcessOptions = {}): Promise<OutboxPassResult> {
  const batchSize = options.batchSize ?? 200
  const leaseMs = options.leaseMs ?? OUTBOX_LEASE_MS
  const claimed = parseRows(
    claimedSchema,
    await sql`
      with due as (
        select id from search_outbox
        where processed_at is null and next_attempt_at <= now()
        order by priority, id
        limit ${batchSize}
        for update skip locked
      )
      update search_outbox s
      set next_attempt_at = date_trunc('milliseconds', now()) + ${leaseMs} * interval '1 millisecond'
      from due where s.id = due.id
      returning s.id, s.entity, s.entity_id as "entityId", s.priority, s.attempts, s.next_attempt_at as "claimedUntil"`,
  ).sort((a, b) => a.priority - b.priority || a.id - b.id)
  const result: OutboxPassResult = {
    claimed: claimed.length,
    processed: 0,
    failed: 0,
    upserted: { candidates: 0, openings: 0 },
    deleted: { candidates: 0, openings: 0 },
    errors: [],
  }
  if (claimed.length === 0) return result

  // Several rows for one entity are one change: the current state is loaded once.
  const groups = groupBy(claimed, (row) => `${row.entity}:${row.entityId}`)
  const outcomes = await applyGroups(sql, backend, [...groups.values()], options.today ?? todayInOslo(), result)
  const succeeded = outcomes.filter((outcome) => outcome.error === undefined).map((outcome) => outcome.rows)
  const failed = outcomes.filter((outcome): outcome is Required<Outcome> => outcome.error !== undefined)
  if (succeeded.length > 0) result.processed = await markProcessed(sql, succeeded)
  for (const [error, rows] of groupBy(failed, (outcome) => outcome.error)) {
    result.failed += await markFailed(sql, rows.flatMap((outcome) => outcome.rows), error)
    result.errors.push(error)
  }
  return result
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}

type Outcome = { rows: Claimed[]; error?: string }

async function applyGroups(sql: Sql, backend: SearchBackend, groups: Claimed[][], today: string, result: OutboxPassResult): Promise<Outcome[]> {
  try {
    await applyChanges(sql, backend, groups, today, result)
    return groups.map((rows) => ({ rows }))
  } catch (error) {
    const message = errorMessage(error)
    // One bad entity must not hold the others back: while the backend is up, try them one by one.
    if (groups.length > 1 && (await backendIsUp(backend))) {
      const outcomes: Outcome[] = []
      for (const group of groups) {
        try {
          await applyChanges(sql, backend, [group], today, result)
          outcomes.push({ rows: group })
        } catch (single) {
          outcomes.push({ rows: group, error: errorMessage(single) })
        }
      }
      return outcomes
    }
    return groups.map((rows) => ({ rows, error: message }))
  }
}

async function backendIsUp(backend: SearchBackend): Promise<boolean> {
  try {
    return (await backend.health()).ok
  } catch {
    return false
  }
}

/** Loads the current state of the entities and applies it: every removal first, then the upserts. */
async function applyChanges(sql: Sql, backend: SearchBackend, groups: Claimed[][], today: string, result: OutboxPassResult): Promise<void> {
  const idsOf = (entity: SearchEntity) => groups.filter((rows) => rows[0]!.entity === entity).map((rows) => rows[0]!.entityId)
  const candidateIds = idsOf('candidate')
  const openingIds = idsOf('opening')
  const candidates = candidateIds.length > 0 ? await loadCandidateDecisions(sql, candidateIds, { today, locationNeighbours: true }) : undefined
  const openings = openingIds.length > 0 ? await loadIndexedOpenings(sql, openingIds) : new Map<string, IndexedOpening>()
  const removeOpenings = openingIds.filter((id) => !openings.has(id))
  if (candidates && candidates.remove.length > 0) await backend.deleteCandidates(candidates.remove)
  if (removeOpenings.length > 0) await backend.deleteOpenings(removeOpenings)
  // Neighbours whose location now has to be the county are upserted before anything else is added.
  const upsertCandidates: IndexedCandidate[] = candidates ? [...candidates.items.values()] : []
  if (upsertCandidates.length > 0) await backend.upsertCandidates(upsertCandidates)
  if (openings.size > 0) await backend.upsertOpenings([...openings.values()])
  result.deleted.candidates += candidates?.remove.length ?? 0
  result.deleted.openings += removeOpenings.length
  result.upserted.candidates += upsertCandidates.length
  result.upserted.openings += openings.size
}

/**
 * Marks rows processed, but only those this worker still holds (a lease that ran out may have been taken over).
 * When a newer row for the same entity was processed (or is being processed) by another worker meanwhile, that
 * worker may have written a newer state before this one wrote an older one; a fresh row makes the newest state win.
 */
async function markProcessed(sql: Sql, groups: Claimed[][]): Promise<number> {
  const claimedUntil = groups[0]![0]!.claimedUntil
  return sql.begin(async (tx) => {
    const done = await tx`
      update search_outbox set processed_at = now(), last_error = null
      where id = any(${tx.array(groups.flat().map((row) => String(row.id)))}::bigint[]) and processed_at is null and next_attempt_at = ${claimedUntil}
      returning id`
    const doneIds = new Set(done.map((row) => Number(row.id)))
    const held = groups.filter((rows) => rows.some((row) => doneIds.has(row.id)))
    if (held.length > 0) {
      const newest = held.map((rows) => Math.max(...rows.map((row) => row.id)))
      // The constant lower bound lets the primary key narrow the search to the rows after this batch.
      const after = String(Math.min(...newest))
      await tx`
        insert into search_outbox (entity, entity_id, priority)
        select c.entity, c.entity_id, 0::smallint
        from unnest(${tx.array(held.map((rows) => rows[0]!.entity))}::text[],
                    ${tx.array(held.map((rows) => rows[0]!.entityId))}::uuid[],
                    ${tx.array(newest.map(String))}::bigint[]) as c(entity, entity_id, newest_id)
        where exists (
            select 1 from search_outbox n
            where n.id > ${after}::bigint and n.id > c.newest_id and n.entity = c.entity and n.entity_id = c.entity_id
              and (n.processed_at is not null or n.next_attempt_at > now()))
          and not exists (
            select 1 from search_outbox n
            where n.id > ${after}::bigint and n.id > c.newest_id and n.entity = c.entity and n.entity_id = c.entity_id
              and n.processed_at is null and n.next_attempt_at <= now())`
    }
    return doneIds.size
  })
}

async function markFailed(sql: Sql, rows: Claimed[], error: string): Promise<number> {
  const claimedUntil = rows[0]!.claimedUntil
  const result = await sql`
    update search_outbox
    set attempts = attempts + 1, last_error = ${error.slice(0, 1000)},
        next_attempt_at = now() + least(${RETRY_CAP_MS}::float8, ${RETRY_BASE_MS}::float8 * power(2, least(attempts, 20))) * interval '1 millisecond'
    where id = any(${sql.array(rows.map((row) => String(row.id)))}::bigint[]) and processed_at is null and next_attempt_at = ${claimedUntil}`
  return result.count
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  return String(error)
}

// ---------------------------------------------------------------------------------------------
// Housekeeping

/** Deletes processed rows older than a day. */
export async function deleteOldProcessedRows(sql: Queryable): Promise<number> {
  const result = await sql`delete from search_outbox where processed_at < now() - ${KEEP_PROCESSED_MS} * interval '1 millisecond'`
  return result.count
}

/**
 * Consent starts and ends on calendar days without any change in the database; the worker enqueues the candidates
 * whose consent ended, or started after being recorded ahead of time, since the last sweep (at least the last week;
 * once a day per worker, and at start), so an expired consent leaves the index and a consent that starts later enters
 * it, even after the portal was stopped for weeks. Harmless twice.
 */
export async function enqueueConsentDateChanges(sql: Queryable, today = todayInOslo()): Promise<number> {
  const [watermark] = await sql<{ since: string }[]>`
    select to_char(least(coalesce(max(swept_through), ${today}::date - 7), ${today}::date - 7), 'YYYY-MM-DD') as since
    from search_consent_sweeps`
  const since = watermark!.since
  const result = await sql`
    insert into search_outbox (entity, entity_id, priority)
    select 'candidate', k.candidate_id, 0
    from candidate_consents k
    where k.superseded_at is null and k.withdrawn_at is null
      and (k.expires_on between ${since}::date and ${today}::date
           or (k.given_on between ${since}::date and ${today}::date and k.given_on > (k.recorded_at at time zone 'Europe/Oslo')::date))
      and not exists (
        select 1 from search_outbox o
        where o.entity = 'candidate' and o.entity_id = k.candidate_id and o.processed_at is null)`
  await sql`
    insert into search_consent_sweeps (swept_through) values (${today}::date)
    on conflict (singleton) do update set swept_through = greatest(search_consent_sweeps.swept_through, excluded.swept_through)`
  return result.count
}

const outboxItemSchema = z.object({
  id: z.coerce.number(),
  entity: z.enum(['candidate', 'opening']),
  entityId: z.string().uuid(),
  priority: z.number().int(),
  enqueuedAt: z.date(),
  attempts: z.number().int(),
  nextAttemptAt: z.date(),
  lastError: z.string().nullable(),
})
export type OutboxItem = z.infer<typeof outboxItemSchema>

/** Unprocessed rows that failed at least three times or have waited more than five minutes; oldest first. */
export async function stuckOutboxItems(sql: Queryable, limit = 50): Promise<OutboxItem[]> {
  return parseRows(
    outboxItemSchema,
    await sql`
      select id, entity, entity_id as "entityId", priority, enqueued_at as "enqueuedAt", attempts,
             next_attempt_at as "nextAttemptAt", last_error as "lastError"
      from search_outbox
      where processed_at is null
        and (attempts >= ${STUCK_AFTER_ATTEMPTS} or enqueued_at < now() - ${STUCK_AFTER_MS} * interval '1 millisecond')
      order by priority, id
      limit ${limit}`,
  )
}

/** The next unprocessed rows, hides first (what the worker will take next). */
export async function pendingOutboxItems(sql: Queryable, limit = 20): Promise<OutboxItem[]> {
  return parseRows(
    outboxItemSchema,
    await sql`
      select id, entity, entity_id as "entityId", priority, enqueued_at as "enqueuedAt", attempts,
             next_attempt_at as "nextAttemptAt", last_error as "lastError"
      from search_outbox where processed_at is null order by priority, id limit ${limit}`,
  )
}

const statsSchema = z.object({
  pending: z.number().int(),
  pendingHides: z.number().int(),
  failing: z.number().int(),
  stuck: z.number().int(),
  processedLastHour: z.number().int(),
  oldestPendingAt: z.date().nullable(),
  lastProcessedAt: z.date().nullable(),
})
export type OutboxStats = z.infer<typeof statsSchema>

export async function outboxStats(sql: Queryable): Promise<OutboxStats> {
  const [row] = await sql`
    select count(*) filter (where processed_at is null)::int as pending,
           count(*) filter (where processed_at is null and priority = 0)::int as "pendingHides",
           count(*) filter (where processed_at is null and attempts > 0)::int as failing,
           count(*) filter (where processed_at is null and (attempts >= ${STUCK_AFTER_ATTEMPTS}
                                   or enqueued_at < now() - ${STUCK_AFTER_MS} * interval '1 millisecond'))::int as stuck,
           count(*) filter (where processed_at >= now() - interval '1 hour')::int as "processedLastHour",
           min(enqueued_at) filter (where processed_at is null) as "oldestPendingAt",
           max(processed_at) as "lastProcessedAt"
    from search_outbox`
  return statsSchema.parse(row)
}

// ---------------------------------------------------------------------------------------------
// The worker

export type SearchWorkerOptions = {
  sql: Sql
  /** The backend, or a function giving it (looked up on each pass). */
  backend: SearchBackend | (() => SearchBackend)
  batchSize?: number
  /** How often to look for work when not woken; 250 ms by default. */
  pollMs?: number
  /** Delay after a wake-up, so the enqueueing transaction has committed. */
  wakeDelayMs?: number
  /** How often to delete old processed rows. */
  cleanupEveryMs?: number
  /** The first pass waits for this (server.ts: the check whether the index is new and empty must see it untouched). */
  startAfter?: Promise<unknown>
  log?: (line: string) => void
}

/** What a running worker tells the admin page (which cannot import the backend module into a route). */
export type RunningSearchWorker = {
  sql: Sql
  backend: () => SearchBackend
  startedAt: Date
  lastPassAt: Date | null
  lastProblem: { at: Date; message: string } | null
}

const runningKey = Symbol.for('jobbsnekker.searchWorker')
type RunningHolder = { [runningKey]?: RunningSearchWorker }

/** The worker started in this process (by server.ts), if any. */
export function runningSearchWorker(): RunningSearchWorker | undefined {
  return (globalThis as RunningHolder)[runningKey]
}

export type SearchWorker = {
  /** Run a pass soon (an enqueue in this process does it by itself). */
  wake: () => void
  /** Runs passes until nothing is due; for tests and scripts. */
  drain: () => Promise<void>
  /** Stops polling and waits for the pass under way. */
  stop: () => Promise<void>
}

/** Polls the outbox and applies it; several workers (in one or many processes) share the rows safely. */
export function startSearchWorker(options: SearchWorkerOptions): SearchWorker {
  const batchSize = options.batchSize ?? 200
  const pollMs = options.pollMs ?? 250
  const cleanupEveryMs = options.cleanupEveryMs ?? 60_000
  const log = options.log ?? ((line: string) => console.warn(line))
  const backendOf = () => (typeof options.backend === 'function' ? options.backend() : options.backend)
  let lastCleanup = 0
  let sweptFor = ''
  let lastLogged = { message: '', at: 0 }
  let stopped = false

  const shared: RunningSearchWorker = { sql: options.sql, backend: backendOf, startedAt: new Date(), lastPassAt: null, lastProblem: null }
  ;(globalThis as RunningHolder)[runningKey] = shared
  // The same failure every 250 ms would flood the log: say it once a minute.
  const report = (message: string) => {
    shared.lastProblem = { at: new Date(), message }
    const now = Date.now()
    if (message === lastLogged.message && now - lastLogged.at < 60_000) return
    lastLogged = { message, at: now }
    log(`Search sync: ${message}`)
  }

  const housekeeping = async () => {
    const now = Date.now()
    if (now - lastCleanup >= cleanupEveryMs) {
      lastCleanup = now
      await deleteOldProcessedRows(options.sql)
    }
    const today = todayInOslo()
    if (sweptFor !== today) {
      await enqueueConsentDateChanges(options.sql, today)
      sweptFor = today
    }
  }

  const pass = async () => {
    try {
      await housekeeping()
      for (;;) {
        if (stopped) return
        const result = await processSearchOutbox(options.sql, backendOf(), { batchSize })
        shared.lastPassAt = new Date()
        if (result.failed > 0) report(`${result.failed} change(s) wait for a retry: ${result.errors[0] ?? 'unknown error'}`)
        if (result.claimed < batchSize) return
      }
    } catch (error) {
      report(`the outbox could not be read: ${errorMessage(error)}`)
    }
  }

  const worker = startPollingWorker({ name: SEARCH_WORKER, pass, pollMs, wakeDelayMs: options.wakeDelayMs, startAfter: options.startAfter })

  return {
    wake: worker.wake,
    drain: async () => {
      await worker.idle()
      for (;;) {
        const result = await processSearchOutbox(options.sql, backendOf(), { batchSize })
        if (result.claimed === 0) return
      }
    },
    stop: async () => {
      stopped = true
      const holder = globalThis as RunningHolder
      if (holder[runningKey] === shared) delete holder[runningKey]
      await worker.stop()
    },
  }
}
