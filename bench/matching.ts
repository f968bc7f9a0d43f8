// The matching benchmark (issue 5, item 7): N candidate profiles and N/10 openings (bench/matching-data.ts),
// indexed with reindexAll, then for each backend available: p50/p95 of the top 50 candidates for an opening and of
// the top 50 openings for a candidate (a RETRIEVAL_POOL pool from the backend + ranking with matching/scoring.ts, as
// app/modules/matching.server.ts does, without HTTP), the time from a consent withdrawal until the candidate is out
// of the matches, the full reindex time and the peak resident memory, beside a brute-force in-memory scan of the same
// data. Every backend runs in a child process of its own (bench/matching-child.ts) so the memory peaks are separate.
//
//   node --import tsx bench/matching.ts [--size 100000] [--markdown]
//
// Backends: PostgreSQL server at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) when it
// answers, embedded PGlite (a new data directory on disk, reopened after the reindex as a restart would;
// BENCH_PGLITE_DIR to choose it), Meilisearch only when MEILISEARCH_URL is set.
import { fork } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'
import { startScriptNodeFlags } from '../scripts/start-command'
import { DEFAULT_SERVER_URL, type BackendKind, type ChildResult, type Timing } from './matching-child'

const here = path.dirname(fileURLToPath(import.meta.url))
const projectRoot = path.resolve(here, '..')
export const DEFAULT_MATCHING_SIZE = 100_000

export const TARGETS = {
  /** PostgreSQL server: p95 at most this many times the scan's p95. */
  serverTimesScan: 5,
  pgliteP95Ms: 100,
  visibleWithinMs: 2_000,
  reindexSeconds: 120,
  pglitePeakMb: 1024,
  serverPeakMb: 300,
}

export type BackendOutcome =
  | { kind: BackendKind; status: 'measured'; result: ChildResult }
  | { kind: BackendKind; status: 'not configured' | 'unreachable' | 'failed'; detail: string }

export type MatchingBenchmark = { size: number; outcomes: BackendOutcome[]; rows: [string, string][]; allTargetsMet: boolean }

/** The node flags the app runs with, so memory compares; the benchmark itself is TypeScript, run through tsx. */
function appNodeFlags(): string[] {
  return [...startScriptNodeFlags(projectRoot), '--import', 'tsx']
}

async function serverReachable(url: string): Promise<string | undefined> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} })
  try {
    await sql`select 1`
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {})
  }
}

function runChild(kind: BackendKind, size: number, log: (line: string) => void): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'matching-child.ts'), [kind, String(size)], {
      cwd: projectRoot,
      execArgv: appNodeFlags(),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    let settled = false
    child.on('message', (message: { log?: string; result?: ChildResult; error?: string }) => {
      if (message.log) log(`  ${message.log}`)
      if (message.result) {
        settled = true
        resolve(message.result)
      }
      if (message.error) {
        settled = true
        reject(new Error(message.error))
      }
    })
    child.on('exit', (code) => {
      if (!settled) reject(new Error(`the ${kind} benchmark process exited with ${code}`))
    })
  })
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1))
const pair = (t: Timing) => `${ms(t.p50)} / ${ms(t.p95)} ms`
const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET')

function rowsFor(outcome: BackendOutcome, size: number): { rows: [string, string][]; met: boolean } {
  const name = { postgres: 'PostgreSQL server', pglite: 'PGlite', meilisearch: 'Meilisearch' }[outcome.kind]
  if (outcome.status !== 'measured') return { rows: [[`Matching on ${name}`, `${outcome.status}${outcome.detail ? ` (${outcome.detail})` : ''}`]], met: outcome.status !== 'failed' }
  const r = outcome.result
  const checks: boolean[] = []
  const latency = (label: string, t: Timing, scan: Timing, pool: number) => {
    let target = ''
    if (r.backend === 'postgres') {
      const ok = t.p95 <= TARGETS.serverTimesScan * scan.p95
      checks.push(ok)
      target = `; p95 ${(t.p95 / scan.p95).toFixed(1)}× the scan, ${verdict(ok)} ≤ ${TARGETS.serverTimesScan}×`
    } else if (r.backend === 'pglite') {
      const ok = t.p95 <= TARGETS.pgliteP95Ms
      checks.push(ok)
      target = `; ${verdict(ok)} p95 ≤ ${TARGETS.pgliteP95Ms} ms`
    }
    return [`${name}: ${label}, ${t.n} samples, p50 / p95`, `${pair(t)} (pool ${pool.toFixed(0)} on average; scan ${pair(scan)}${target})`] as [string, string]
  }
  const visibleOk = r.visibilityMs.max <= TARGETS.visibleWithinMs
  const reindexOk = r.reindexSeconds <= TARGETS.reindexSeconds * (size / DEFAULT_MATCHING_SIZE)
  const peakTarget = r.backend === 'pglite' ? TARGETS.pglitePeakMb : r.backend === 'postgres' ? TARGETS.serverPeakMb : undefined
  const peakOk = peakTarget === undefined || r.peakMb.app < peakTarget
  checks.push(visibleOk, reindexOk, peakOk)
  const rows: [string, string][] = [
    [`${name}: data`, `${r.detail}; ${r.size} candidates (${r.indexed.candidates} visible and indexed), ${r.indexed.openings} published openings; written in ${r.generateSeconds.toFixed(1)} s`],
    latency('top 50 candidates for an opening', r.candidatesForOpening, r.scanCandidatesForOpening, r.meanPool.candidates),
    latency('top 50 openings for a candidate', r.openingsForCandidate, r.scanOpeningsForCandidate, r.meanPool.openings),
    [
      `${name}: consent withdrawn → out of the matches, ${r.visibilityMs.n} runs, p50 / max`,
      `${ms(r.visibilityMs.p50)} / ${ms(r.visibilityMs.max)} ms (${verdict(visibleOk)} ≤ ${TARGETS.visibleWithinMs / 1000} s)`,
    ],
    [`${name}: full reindex (reindexAll)`, `${r.reindexSeconds.toFixed(1)} s (${verdict(reindexOk)} ≤ ${TARGETS.reindexSeconds} s per 100,000)`],
    [
      `${name}: peak RSS of the process during reindex, queries and sync`,
      `${r.peakMb.app.toFixed(0)} MB${peakTarget ? ` (${verdict(peakOk)} < ${peakTarget} MB)` : ''}: reindex ${r.peakMb.reindex.toFixed(0)} MB, queries and sync ${r.peakMb.serve.toFixed(0)} MB; while writing the data ${r.peakMb.generate.toFixed(0)} MB, during the in-memory scan ${r.peakMb.scan.toFixed(0)} MB`,
    ],
  ]
  return { rows, met: checks.every(Boolean) }
}

export async function benchmarkMatching(options: { size?: number; log?: (line: string) => void } = {}): Promise<MatchingBenchmark> {
  const size = options.size ?? DEFAULT_MATCHING_SIZE
  const log = options.log ?? ((line: string) => console.log(line))
  const outcomes: BackendOutcome[] = []
  const measure = async (kind: BackendKind) => {
    try {
      outcomes.push({ kind, status: 'measured', result: await runChild(kind, size, log) })
    } catch (error) {
      const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error)
      log(`  ${kind} failed: ${detail}`)
      outcomes.push({ kind, status: 'failed', detail })
    }
  }
  const serverUrl = process.env.BENCH_DATABASE_URL || DEFAULT_SERVER_URL
  const unreachable = await serverReachable(serverUrl)
  if (unreachable) outcomes.push({ kind: 'postgres', status: 'unreachable', detail: `${new URL(serverUrl).host}: ${unreachable}` })
  else await measure('postgres')
  await measure('pglite')
  if (process.env.MEILISEARCH_URL) await measure('meilisearch')
  else outcomes.push({ kind: 'meilisearch', status: 'not configured', detail: 'MEILISEARCH_URL is not set' })

  const rows: [string, string][] = []
  let allTargetsMet = true
  for (const outcome of outcomes) {
    const part = rowsFor(outcome, size)
    rows.push(...part.rows)
    allTargetsMet &&= part.met
  }
  return { size, outcomes, rows, allTargetsMet }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizeArg = process.argv.indexOf('--size')
  const size = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : Number(process.env.BENCH_MATCHING_SIZE || DEFAULT_MATCHING_SIZE)
  if (!Number.isInteger(size) || size < 100) throw new Error(`--size must be a whole number ≥ 100, not ${process.argv[sizeArg + 1]}`)
  console.log(`Matching benchmark, ${size} candidates and ${Math.round(size / 10)} openings…`)
  const result = await benchmarkMatching({ size })
  const width = Math.max(...result.rows.map(([label]) => label.length))
  console.log('')
  for (const [label, value] of result.rows) console.log(`${label.padEnd(width)}  ${value}`)
  if (process.argv.includes('--markdown')) {
    console.log('\n| Measurement | Result |\n| --- | --- |')
    for (const [label, value] of result.rows) console.log(`| ${label} | ${value} |`)
  }
  process.exitCode = result.allTargetsMet ? 0 : 1
}
