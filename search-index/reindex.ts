/**
 * Rebuilds the whole search index from the database through backend.replaceAll: the backend builds a new index
 * while searches keep using the old one, then swaps it in, so a rebuild can run while the portal serves. Changes
 * made while the rebuild reads are not lost: after the swap, every entity that had an outbox row during the
 * rebuild is synced once more (hides first), whatever the backend did about them itself.
 */
import { z } from 'zod'
import type { Sql } from '../prisma-free-sql/db'
import type { SearchBackend } from './backend'
import { allIndexedCandidates, allIndexedOpenings, anyIndexableCandidate, countIndexableOpenings, rebuildTotals, todayInOslo } from './load-documents'
import { wakeSearchWorkersSoon } from './sync'

/** Outbox rows enqueued this long before the rebuild started are replayed too (a transaction may commit late). */
const REPLAY_MARGIN = '5 minutes'

export type RebuildProgress = {
  kind: 'candidates' | 'openings'
  /** Rows of the database gone through (every candidate; published openings). */
  scanned: number
  total: number
  /** Items handed to the backend (visible candidates; published openings). */
  indexed: number
}

export type RebuildResult = { candidates: number; openings: number; replayed: number; seconds: number }

export type RebuildOptions = {
  batchSize?: number
  onProgress?: (progress: RebuildProgress) => void
  /** Stops reading; the backend then abandons the new index and keeps the old one. */
  signal?: AbortSignal
  today?: string
}

export async function reindexAll(sql: Sql, backend: SearchBackend, options: RebuildOptions = {}): Promise<RebuildResult> {
  const batchSize = options.batchSize ?? 500
  const today = options.today ?? todayInOslo()
  const started = Date.now()
  const [now] = await sql`select now() as "startedAt"`
  const startedAt = z.date().parse(now?.startedAt)
  const totals = await rebuildTotals(sql)
  const progress = {
    candidates: { kind: 'candidates' as const, scanned: 0, total: totals.candidates, indexed: 0 },
    openings: { kind: 'openings' as const, scanned: 0, total: totals.openings, indexed: 0 },
  }
  const report = (entry: RebuildProgress) => options.onProgress?.({ ...entry, total: Math.max(entry.total, entry.scanned) })
  report(progress.candidates)
  report(progress.openings)

  async function* counted<T>(source: AsyncGenerator<T[]>, entry: RebuildProgress): AsyncGenerator<T[]> {
    for await (const batch of source) {
      options.signal?.throwIfAborted()
      entry.indexed += batch.length
      report(entry)
      yield batch
    }
    options.signal?.throwIfAborted()
    report(entry)
  }

  const candidates = counted(
    allIndexedCandidates(sql, batchSize, {
      today,
      onScanned: (scanned) => {
        progress.candidates.scanned += scanned
        report(progress.candidates)
      },
    }),
    progress.candidates,
  )
  const openings = counted(
    allIndexedOpenings(sql, batchSize, {
      onScanned: (scanned) => {
        progress.openings.scanned += scanned
        report(progress.openings)
      },
    }),
    progress.openings,
  )
  await backend.replaceAll(candidates, openings, undefined, { openings: totals.openings })
  const replayed = await replayChangesSince(sql, startedAt)
  return { candidates: progress.candidates.indexed, openings: progress.openings.indexed, replayed, seconds: (Date.now() - started) / 1000 }
}

/** Enqueues once more every entity that had an outbox row since (shortly before) the rebuild started. */
async function replayChangesSince(sql: Sql, startedAt: Date): Promise<number> {
  const result = await sql`
    insert into search_outbox (entity, entity_id, priority)
    select entity, entity_id, min(priority)
    from search_outbox
    where enqueued_at >= ${startedAt}::timestamptz - ${REPLAY_MARGIN}::interval
    group by entity, entity_id`
  if (result.count > 0) wakeSearchWorkersSoon()
  return result.count
}

// ---------------------------------------------------------------------------------------------
// A rebuild in the background of the portal (the admin page's button, or a new empty index at start)

export type ReindexStatus = {
  running: boolean
  startedAt: string | null
  /** Why it started ("admin", "empty index at start"). */
  reason: string | null
  progress: { candidates: RebuildProgress | null; openings: RebuildProgress | null }
  last: { finishedAt: string; ok: boolean; detail: string } | null
}

type ReindexState = ReindexStatus & { promise: Promise<void> | null; abort: AbortController | null }

// One state per process, shared by server.ts and the Remix build (separate module graphs).
const stateKey = Symbol.for('jobbsnekker.searchReindex')
function state(): ReindexState {
  const holder = globalThis as { [stateKey]?: ReindexState }
  holder[stateKey] ??= {
    running: false,
    startedAt: null,
    reason: null,
    progress: { candidates: null, openings: null },
    last: null,
    promise: null,
    abort: null,
  }
  return holder[stateKey]
}

export function reindexStatus(): ReindexStatus {
  const { running, startedAt, reason, progress, last } = state()
  return { running, startedAt, reason, progress: { ...progress }, last }
}

/**
 * Starts a rebuild in the background unless one is running in this process; false when one was. (A rebuild in
 * another process is refused by the backend, and the failure is shown as the last result.)
 */
export function startBackgroundReindex(sql: Sql, backend: SearchBackend, options: { reason: string; log?: (line: string) => void }): boolean {
  const current = state()
  if (current.running) return false
  const log = options.log ?? ((line: string) => console.log(line))
  const abort = new AbortController()
  Object.assign(current, {
    running: true,
    startedAt: new Date().toISOString(),
    reason: options.reason,
    progress: { candidates: null, openings: null },
    abort,
  })
  current.promise = reindexAll(sql, backend, {
    signal: abort.signal,
    onProgress: (progress) => {
      current.progress = { ...current.progress, [progress.kind]: progress }
    },
  })
    .then((result) => {
      const detail = `${result.candidates} kandidater og ${result.openings} stillinger på ${result.seconds.toFixed(1)} s`
      current.last = { finishedAt: new Date().toISOString(), ok: true, detail }
      log(`Search index rebuilt (${options.reason}): ${result.candidates} candidates, ${result.openings} openings in ${result.seconds.toFixed(1)} s`)
    })
    .catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error)
      current.last = { finishedAt: new Date().toISOString(), ok: false, detail }
      log(`Search index rebuild failed (${options.reason}): ${detail}`)
    })
    .finally(() => {
      Object.assign(current, { running: false, promise: null, abort: null })
    })
  return true
}

/** Stops a background rebuild (at shutdown) and waits until it has let go; the old index stays. */
export async function stopBackgroundReindex(): Promise<void> {
  const current = state()
  current.abort?.abort(new Error('The portal is shutting down'))
  await current.promise
}

/**
 * At start: a new, empty index while the database has something to index (a first start, a new Meilisearch, a
 * backend switched) gets one full rebuild in the background: no candidates in the index while some are visible, or
 * no openings while some are published. Returns whether one was started.
 */
export async function reindexIfEmpty(sql: Sql, backend: SearchBackend, log?: (line: string) => void): Promise<boolean> {
  const counts = await backend.count()
  const missingCandidates = counts.candidates === 0 && (await anyIndexableCandidate(sql))
  const missingOpenings = counts.openings === 0 && (await countIndexableOpenings(sql)) > 0
  if (!missingCandidates && !missingOpenings) return false
  return startBackgroundReindex(sql, backend, { reason: 'empty index at start', log })
}
