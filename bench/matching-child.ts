// One backend of the matching benchmark, in a process of its own so its peak memory is its own. Started by
// bench/matching.ts (`node --import tsx bench/matching-child.ts <pglite|postgres|meilisearch> <size>`); sends one
// result object over IPC (or prints it as JSON when run by hand).
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { connect, type Database, type Sql } from '../prisma-free-sql/db'
import { migrate } from '../prisma-free-sql/migrate'
import { loadGeography } from '../prisma-free-sql/queries/geography'
import { touchCandidate, withdrawCurrentConsent } from '../prisma-free-sql/queries/candidates'
import { rankCandidatesForOpening, rankOpeningsForCandidate } from '../matching/scoring'
import { occupationName } from '../prisma-free-sql/reference-data/styrk08'
import { findCatalogueTask } from '../prisma-free-sql/reference-data/vocabulary'
import { START_WINDOW_DAYS, POLICE_CERTIFICATE, type IndexedCandidate, type IndexedOpening, type SearchBackend } from '../search-index/backend'
import type { CandidateForMatching, OpeningForMatching } from '../matching/match-types'
import { createMeilisearchBackend } from '../search-index/meilisearch-backend'
import { createPostgresBackend } from '../search-index/postgres-backend'
import { openingSearchText } from '../search-index/opening-document'
import { loadIndexedCandidates, loadIndexedOpenings, todayInOslo } from '../search-index/load-documents'
import { reindexAll } from '../search-index/reindex'
import { enqueueSearchSync, processSearchOutbox } from '../search-index/sync'
import { RETRIEVAL_POOL } from '../app/modules/matching.server'
import { generateMatchingData, seededRandom } from './matching-data'

export type BackendKind = 'pglite' | 'postgres' | 'meilisearch'
export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/test'
const SAMPLES = 200
const WARM_UP = 20
const TOP = 50
const VISIBILITY_RUNS = 10

export type Timing = { p50: number; p95: number; max: number; n: number }
export type ChildResult = {
  backend: BackendKind
  detail: string
  size: number
  openings: number
  indexed: { candidates: number; openings: number }
  generateSeconds: number
  reindexSeconds: number
  candidatesForOpening: Timing
  openingsForCandidate: Timing
  /** Mean size of the pool the backend returned (≤ RETRIEVAL_POOL). */
  meanPool: { candidates: number; openings: number }
  visibilityMs: Timing
  scanCandidatesForOpening: Timing
  scanOpeningsForCandidate: Timing
  /** Peak RSS in MB: while generating data, during the app's work (reindex, queries, sync), during the scan. */
  peakMb: { generate: number; app: number; reindex: number; serve: number; scan: number; vmHwm: number }
}

const percentile = (sorted: readonly number[], share: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? NaN
function timing(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b)
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1] ?? NaN, n: sorted.length }
}

// Resident memory, sampled every 100 ms, with a peak per phase.
let phasePeak = 0
const sampler = setInterval(() => {
  phasePeak = Math.max(phasePeak, process.memoryUsage().rss)
}, 100)
sampler.unref()
function endPhase(): number {
  const peak = Math.max(phasePeak, process.memoryUsage().rss)
  phasePeak = 0
  return peak / 1024 / 1024
}
function vmHwmMb(): number {
  const match = readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+)\s+kB/m)
  return match ? Number(match[1]) / 1024 : NaN
}

/** reopen: closes and opens the database again, as a restart of the portal would (embedded only). */
type Source = { database: Database; dispose: () => Promise<void>; detail: string; reopen?: () => Promise<Database> }

/**
 * PGlite in a new data directory on disk, as the portal keeps it (BENCH_PGLITE_DIR to choose it; memory:// keeps the
 * files inside the process), or a scratch database of its own on the server (dropped afterwards).
 */
async function openSource(kind: BackendKind): Promise<Source> {
  const serverUrl = process.env.BENCH_DATABASE_URL || DEFAULT_SERVER_URL
  if (kind === 'pglite') {
    const chosen = process.env.BENCH_PGLITE_DIR
    const dataDir = chosen || mkdtempSync(path.join(os.tmpdir(), 'jobbsnekker-bench-pglite-'))
    const removeOwnDir = () => (chosen ? undefined : rmSync(dataDir, { recursive: true, force: true }))
    let database = await connect({ dataDir })
    const source: Source = {
      database,
      detail: `PGlite (${chosen ?? 'a new data directory on disk'})`,
      dispose: async () => {
        await database.close()
        removeOwnDir()
      },
      reopen: dataDir.startsWith('memory://') ? undefined : async () => {
        await database.close()
        database = await connect({ dataDir })
        const [buffers] = await database.sql`select current_setting('shared_buffers') as value`
        source.detail = `PGlite (${chosen ?? 'a new data directory on disk'}; reopened after the reindex with shared_buffers ${String(buffers?.value)})`
        return database
      },
    }
    return source
  }
  if (kind === 'meilisearch' && process.env.BENCH_MEILISEARCH_SOURCE === 'pglite') return openSource('pglite')
  const name = `bench_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin`create database ${admin(name)}`
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const database = await connect({ databaseUrl: url.toString() })
  const [version] = await database.sql`select current_setting('server_version') as v`
  return {
    database,
    detail: `PostgreSQL ${String(version?.v)} server (${url.host})`,
    dispose: async () => {
      await database.close()
      await admin`drop database if exists ${admin(name)} with (force)`
      await admin.end({ timeout: 5 })
    },
  }
}

function backendFor(kind: BackendKind, sql: Sql): SearchBackend {
  if (kind !== 'meilisearch') return createPostgresBackend(sql)
  const host = process.env.MEILISEARCH_URL
  if (!host) throw new Error('MEILISEARCH_URL is not set')
  return createMeilisearchBackend({ host, apiKey: process.env.MEILISEARCH_API_KEY, indexPrefix: `bench_${process.pid}_` })
}

/** The text the specialist's page searches openings by (app/modules/matching.server.ts openingsForCandidate). */
function candidateSearchWords(item: IndexedCandidate): string {
  const matching = item.matching
  return [
    ...[...matching.wantedTasks, ...matching.possibleTasks].map((code) => findCatalogueTask(code)?.name ?? ''),
    ...matching.occupations.map((code) => occupationName(code) ?? ''),
    item.document.pitch ?? '',
  ].join(' ')
}

const dayNo = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000

/** The backends' hard filters (search-index/backend.ts), in JS, for the brute-force scan. */
function passesHardFilters(opening: OpeningForMatching, candidate: CandidateForMatching, openingStartDay: number, candidateStartDay: number): boolean {
  if (!candidate.area.municipalities.includes(opening.municipalityNumber) && !candidate.area.counties.includes(opening.countyNumber)) return false
  if (candidate.consent.scope !== 'all' && !candidate.consent.counties.includes(opening.countyNumber)) return false
  for (const code of opening.requirements) {
    if (code === POLICE_CERTIFICATE ? candidate.canObtainPoliceCertificate !== true : !candidate.certificates.includes(code)) return false
  }
  if (candidate.hoursMin > opening.hoursMax || candidate.hoursMax < opening.hoursMin) return false
  return candidateStartDay <= openingStartDay + START_WINDOW_DAYS
}

async function loadAllMatching<T>(sql: Sql, table: 'search_candidates' | 'search_openings'): Promise<T[]> {
  const all: T[] = []
  let after = '00000000-0000-0000-0000-000000000000'
  for (;;) {
    const rows = await sql`select id, matching from ${sql(table)} where id > ${after}::uuid order by id limit 5000`
    if (rows.length === 0) return all
    for (const row of rows) all.push(row.matching as T)
    after = String(rows[rows.length - 1]!.id)
  }
}

export async function runBackend(kind: BackendKind, size: number, log: (line: string) => void = () => {}): Promise<ChildResult> {
  const today = todayInOslo()
  const source = await openSource(kind)
  let { sql } = source.database
  try {
    await migrate(sql)
    await loadGeography(sql)
    log(`${kind}: generating ${size} candidates and ${Math.round(size / 10)} openings…`)
    const data = await generateMatchingData(sql, { candidates: size, today, log })
    const peakGenerate = endPhase()

    let backend = backendFor(kind, sql)
    log(`${kind}: data in ${data.seconds.toFixed(1)} s; full reindex…`)
    const rebuild = await reindexAll(sql, backend, { today })
    await processSearchOutbox(sql, backend) // the replay rows the rebuild leaves (none here)
    const counts = await backend.count()
    if (source.reopen) {
      // The portal sizes the embedded database's buffers when it opens it (prisma-free-sql/db.ts): measure it as it
      // runs after a restart with this much data, not as it ran while the data was being written.
      sql = (await source.reopen()).sql
      backend = backendFor(kind, sql)
    }
    const peakReindex = endPhase()
    log(`${kind}: reindex ${rebuild.seconds.toFixed(1)} s (${counts.candidates} candidates, ${counts.openings} openings); queries…`)

    // The sample: 200 openings and 200 visible candidates, drawn with a seeded generator (plus a warm-up set).
    const random = seededRandom(7)
    const openingIds = (await sql`select id from search_openings order by id`).map((row) => String(row.id))
    const candidateIds = (await sql`select id from search_candidates order by id`).map((row) => String(row.id))
    // Without replacement (a partial Fisher–Yates shuffle), so every sampled item is a different one.
    const draw = (ids: string[], n: number) => {
      const copy = [...ids]
      const count = Math.min(n, copy.length)
      for (let i = 0; i < count; i++) {
        const j = i + Math.floor(random() * (copy.length - i))
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy.slice(0, count)
    }
    const openings = await loadIndexedOpenings(sql, draw(openingIds, SAMPLES + WARM_UP))
    const candidates = await loadIndexedCandidates(sql, draw(candidateIds, SAMPLES + WARM_UP), { today })
    const openingSample = [...openings.values()]
    const candidateSample = [...candidates.values()]

    const candidatesForOpening = async (item: IndexedOpening) => {
      const hits = await backend.searchCandidates({ opening: item.matching, text: openingSearchText(item.document), limit: RETRIEVAL_POOL })
      const ranked = rankCandidatesForOpening(item.matching, hits.map((hit) => ({ ...hit, candidate: hit.candidate.matching })), { today })
      const top = ranked.slice(0, TOP)
      // As the pages do: the anonymised documents of the candidates shown.
      await backend.candidateDocuments(top.map((match) => match.item.candidate.id))
      return { pool: hits.length, top, hits }
    }
    const openingsForCandidate = async (item: IndexedCandidate) => {
      const hits = await backend.searchOpenings({ candidate: item.matching, text: candidateSearchWords(item), limit: RETRIEVAL_POOL })
      const ranked = rankOpeningsForCandidate(item.matching, hits.map((hit) => ({ ...hit, opening: hit.opening.matching, indexed: hit.opening })), { today })
      return { pool: hits.length, top: ranked.slice(0, TOP) }
    }
    for (const item of openingSample.slice(0, WARM_UP)) await candidatesForOpening(item)
    for (const item of candidateSample.slice(0, WARM_UP)) await openingsForCandidate(item)
    const forOpening: number[] = []
    const forCandidate: number[] = []
    let poolC = 0
    let poolO = 0
    for (const item of openingSample.slice(WARM_UP)) {
      const t = performance.now()
      const { pool } = await candidatesForOpening(item)
      forOpening.push(performance.now() - t)
      poolC += pool
    }
    for (const item of candidateSample.slice(WARM_UP)) {
      const t = performance.now()
      const { pool } = await openingsForCandidate(item)
      forCandidate.push(performance.now() - t)
      poolO += pool
    }

    // From a consent withdrawal (the app's transaction: withdraw + touch + outbox row) until the candidate is no
    // longer in the opening's pool, with processSearchOutbox run in a loop as the worker does.
    log(`${kind}: visibility after a consent withdrawal…`)
    const visibility: number[] = []
    for (const item of openingSample.slice(WARM_UP)) {
      if (visibility.length >= VISIBILITY_RUNS) break
      const search = () => backend.searchCandidates({ opening: item.matching, text: openingSearchText(item.document), limit: RETRIEVAL_POOL })
      const before = await search()
      const target = before[Math.floor(before.length / 2)]?.candidate
      if (!target) continue
      const withdrawnBy = data.specialistByOffice.get(target.officeId)!
      const started = performance.now()
      await sql.begin(async (tx) => {
        if (!(await withdrawCurrentConsent(tx, target.matching.id, withdrawnBy, 'benchmark'))) throw new Error('no consent to withdraw')
        await touchCandidate(tx, target.matching.id)
        await enqueueSearchSync(tx, 'candidate', target.matching.id, { hide: true })
      })
      for (;;) {
        await processSearchOutbox(sql, backend, { today })
        if (!(await search()).some((hit) => hit.candidate.matching.id === target.matching.id)) break
        if (performance.now() - started > 60_000) throw new Error('the withdrawn candidate was still found after 60 s')
      }
      visibility.push(performance.now() - started)
    }
    const peakServe = endPhase()

    // The lower bound: every indexed candidate (opening) in memory, hard filters in JS, scored with scoring.ts.
    log(`${kind}: brute-force scan…`)
    const allCandidates = await loadAllMatching<CandidateForMatching>(sql, 'search_candidates')
    const allOpenings = await loadAllMatching<OpeningForMatching>(sql, 'search_openings')
    const candidateStart = new Map(allCandidates.map((c) => [c.id, dayNo(c.earliestStart)]))
    const scanForOpening = (opening: OpeningForMatching) => {
      const startDay = dayNo(opening.startDate)
      const passing = allCandidates.filter((c) => passesHardFilters(opening, c, startDay, dayNo(c.earliestStart)))
      return rankCandidatesForOpening(opening, passing.map((candidate) => ({ candidate, textRelevance: 0 })), { today }).slice(0, TOP)
    }
    const scanForCandidate = (candidate: CandidateForMatching) => {
      const startDay = candidateStart.get(candidate.id) ?? dayNo(candidate.earliestStart)
      const passing = allOpenings.filter((o) => passesHardFilters(o, candidate, dayNo(o.startDate), startDay))
      return rankOpeningsForCandidate(candidate, passing.map((opening) => ({ opening, textRelevance: 0 })), { today }).slice(0, TOP)
    }
    for (const item of openingSample.slice(0, WARM_UP)) scanForOpening(item.matching)
    for (const item of candidateSample.slice(0, WARM_UP)) scanForCandidate(item.matching)
    const scanOpening: number[] = []
    const scanCandidate: number[] = []
    for (const item of openingSample.slice(WARM_UP)) {
      const t = performance.now()
      scanForOpening(item.matching)
      scanOpening.push(performance.now() - t)
    }
    for (const item of candidateSample.slice(WARM_UP)) {
      const t = performance.now()
      scanForCandidate(item.matching)
      scanCandidate.push(performance.now() - t)
    }
    const peakScan = endPhase()

    return {
      backend: kind,
      detail: kind === 'meilisearch' ? `Meilisearch (${process.env.MEILISEARCH_URL}), source ${source.detail}` : source.detail,
      size,
      openings: data.openings,
      indexed: counts,
      generateSeconds: data.seconds,
      reindexSeconds: rebuild.seconds,
      candidatesForOpening: timing(forOpening),
      openingsForCandidate: timing(forCandidate),
      meanPool: { candidates: poolC / Math.max(1, forOpening.length), openings: poolO / Math.max(1, forCandidate.length) },
      visibilityMs: timing(visibility),
      scanCandidatesForOpening: timing(scanOpening),
      scanOpeningsForCandidate: timing(scanCandidate),
      peakMb: { generate: peakGenerate, app: Math.max(peakReindex, peakServe), reindex: peakReindex, serve: peakServe, scan: peakScan, vmHwm: vmHwmMb() },
    }
  } finally {
    await source.dispose()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kind = process.argv[2] as BackendKind
  const size = Number(process.argv[3] ?? 100_000)
  const log = (line: string) => (process.send ? process.send({ log: line }) : console.error(line))
  runBackend(kind, size, log)
    .then((result) => {
      if (process.send) process.send({ result }, () => process.exit(0))
      else {
        console.log(JSON.stringify(result, null, 2))
        process.exit(0)
      }
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.stack ?? error.message : String(error)
      if (process.send) process.send({ error: message }, () => process.exit(1))
      else {
        console.error(message)
        process.exit(1)
      }
    })
}
