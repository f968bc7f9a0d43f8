// `npm run bench`: the job-carving assistant's response time for a large workplace (bench/carving.ts), matching
// at 100,000 candidates on every search backend available (bench/matching.ts; BENCH_MATCHING_SIZE for fewer),
// 10,000 notices through the e-mail outbox to a local SMTP server (bench/email-outbox.ts), and
// what a newcomer's `npm start` costs. Starts the portal as a child process on a
// fresh embedded database (so migration and demo seeding are included), measures the time to the
// first 200 from /logg-inn and the resident memory idle and under the browser-test load, then starts
// it again on the same data directory. Prints a table and appends it to docs/benchmarks.md.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIfNeeded } from '../scripts/build'
import { benchmarkCarving, CARVING_P95_TARGET_MS, carvingTargetLabels } from './carving'
import { benchmarkEmailOutbox, DEFAULT_EMAIL_COUNT } from './email-outbox'
import { benchmarkMatching, DEFAULT_MATCHING_SIZE } from './matching'
import { startScriptNodeArguments } from '../scripts/start-command'
import { freePort } from '../scripts/free-port'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const resultsFile = path.join(projectRoot, 'docs', 'benchmarks.md')
const MEMORY_TARGET_MB = 400
const STARTUP_TIMEOUT_MS = 180_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Parent of every process, from /proc/<pid>/stat (the name in parentheses may contain spaces). */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      parents.set(Number(entry), Number(fields[1]))
    } catch {
      // The process ended while we looked.
    }
  }
  return parents
}

function vmRssKb(pid: number): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m)
    return match ? Number(match[1]) : 0
  } catch {
    return 0
  }
}

/** VmRSS of the process and all its descendants (tsx's esbuild service among them), in MB. */
function treeRssMb(rootPid: number): number {
  const parents = parentsByPid()
  const tree = new Set([rootPid])
  let grew = true
  while (grew) {
    grew = false
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid)
        grew = true
      }
    }
  }
  let kb = 0
  for (const pid of tree) kb += vmRssKb(pid)
  return kb / 1024
}

type RunningServer = { child: ChildProcess; url: string; readyMs: number; output: string[] }

/** Spawns what `npm start` runs and polls /logg-inn until the first 200. */
async function startServer(dataDir: string, mailDir: string, port: number): Promise<RunningServer> {
  const output: string[] = []
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, startScriptNodeArguments(projectRoot), {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      PGLITE_DATA_DIR: dataDir,
      MAIL_DIR: mailDir,
      // Given explicitly so the benchmark leaves the shared ./var alone.
      SESSION_SECRET: randomBytes(48).toString('base64url'),
      DATABASE_URL: '',
      SMTP_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const url = `http://localhost:${port}`
  while (performance.now() - spawnedAt < STARTUP_TIMEOUT_MS) {
    if (child.exitCode !== null) throw new Error(`The portal exited with ${child.exitCode}:\n${output.join('')}`)
    try {
      const response = await fetch(`${url}/logg-inn`)
      await response.arrayBuffer()
      if (response.status === 200) return { child, url, readyMs: performance.now() - spawnedAt, output }
    } catch {
      // Not listening yet.
    }
    await sleep(25)
  }
  child.kill('SIGKILL')
  throw new Error(`No 200 from /logg-inn within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output.join('')}`)
}

async function stopServer(server: RunningServer): Promise<void> {
  if (server.child.exitCode !== null) return
  const exited = new Promise((resolve) => server.child.once('exit', resolve))
  server.child.kill('SIGTERM')
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}

/** Resident memory once the start-up garbage has had a moment to settle. */
async function idleRssMb(pid: number): Promise<number> {
  await sleep(3_000)
  return treeRssMb(pid)
}

type LoadResult = { ms: number; passed: number; failed: number; peakMb: number; afterMb: number }

/** Runs the browser-test suite against the running portal while sampling its memory. */
async function driveLoad(server: RunningServer, mailDir: string): Promise<LoadResult> {
  const reportFile = path.join(mailDir, '..', 'playwright-report.json')
  let peakKb = 0
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, treeRssMb(server.child.pid!) * 1024)
  }, 200)
  const started = performance.now()
  const code = await new Promise<number>((resolve) => {
    const runner = spawn(path.join(projectRoot, 'node_modules', '.bin', 'playwright'), ['test', '--reporter=dot,json'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        E2E_BASE_URL: server.url,
        E2E_MAIL_DIR: mailDir,
        PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile,
        CI: 'true',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    runner.on('exit', (exitCode) => resolve(exitCode ?? 1))
  })
  const ms = performance.now() - started
  clearInterval(sampler)
  let passed = 0
  let failed = code === 0 ? 0 : 1
  if (existsSync(reportFile)) {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } }
    passed = report.stats.expected + report.stats.flaky
    failed = report.stats.unexpected
  }
  const afterMb = await idleRssMb(server.child.pid!)
  return { ms, passed, failed, peakMb: peakKb / 1024, afterMb }
}

function machine(): string {
  const memTotalKb = Number(readFileSync('/proc/meminfo', 'utf8').match(/^MemTotal:\s+(\d+)/m)?.[1] ?? 0)
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU'
  return `${os.availableParallelism()} CPUs (${cpu}), ${(memTotalKb / 1024 / 1024).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`
}

function commit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: projectRoot, encoding: 'utf8' }).trim() !== ''
    return dirty ? `${hash} + uncommitted changes` : hash
  } catch {
    return 'unknown'
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const megabytes = (mb: number) => `${mb.toFixed(0)} MB`

await buildIfNeeded(projectRoot)

const workDir = mkdtempSync(path.join(os.tmpdir(), 'jobbsnekker-bench-'))
const dataDir = path.join(workDir, 'pgdata')
const mailDir = path.join(workDir, 'mail')

let exitCode = 0
try {
  console.log('Job carving for a workplace with 200 tasks…')
  const carving = benchmarkCarving()
  console.log(`  p95 ${carving.p95Ms.toFixed(1)} ms over ${carving.runs} runs (${carvingTargetLabels.join('; ')})`)

  // BENCH_MATCHING_SIZE overrides the 100,000 candidates for a quick run; each backend runs in a child process.
  const matchingSize = Number(process.env.BENCH_MATCHING_SIZE || DEFAULT_MATCHING_SIZE)
  console.log(`Matching, ${matchingSize} candidates and ${Math.round(matchingSize / 10)} openings, for each backend available…`)
  const matching = await benchmarkMatching({ size: matchingSize })

  console.log(`E-mail outbox, ${DEFAULT_EMAIL_COUNT} notices to a local SMTP server, for each database available…`)
  const email = await benchmarkEmailOutbox()

  console.log('First start on an empty data directory (migrate + demo data)…')
  const first = await startServer(dataDir, mailDir, await freePort())
  const firstIdle = await idleRssMb(first.child.pid!)
  console.log(`  ready after ${seconds(first.readyMs)}, idle ${megabytes(firstIdle)}; running the browser tests against it…`)
  const load = await driveLoad(first, mailDir)
  await stopServer(first)

  console.log('Second start on the same data directory…')
  const second = await startServer(dataDir, mailDir, await freePort())
  const secondIdle = await idleRssMb(second.child.pid!)
  await stopServer(second)

  const peak = Math.max(firstIdle, load.peakMb, load.afterMb, secondIdle)
  const withinTarget = peak < MEMORY_TARGET_MB
  const rows: [string, string][] = [
    [
      `Job carving, ${carving.taskCount} tasks, ${carving.runs} runs: p50 / p95 / max`,
      `${carving.p50Ms.toFixed(1)} / ${carving.p95Ms.toFixed(1)} / ${carving.maxMs.toFixed(1)} ms (p95 ${carving.withinTarget ? 'within' : 'OVER'} target < ${CARVING_P95_TARGET_MS} ms)`,
    ],
    ...matching.rows,
    ...email.rows,
    ['First start: spawn → 200 /logg-inn (incl. migrate + seed)', seconds(first.readyMs)],
    ['First start: RSS idle', megabytes(firstIdle)],
    [`Browser suite against it (${load.passed} passed, ${load.failed} failed)`, seconds(load.ms)],
    ['RSS peak during the browser suite', megabytes(load.peakMb)],
    ['RSS idle after the browser suite', megabytes(load.afterMb)],
    ['Second start: spawn → 200 /logg-inn (existing data)', seconds(second.readyMs)],
    ['Second start: RSS idle', megabytes(secondIdle)],
    [`Highest RSS vs. target < ${MEMORY_TARGET_MB} MB`, `${megabytes(peak)} (${withinTarget ? 'within target' : 'OVER TARGET'})`],
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  console.log('')
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`)

  const date = new Date().toISOString().replace('T', ' ').slice(0, 16)
  const markdown = [
    '',
    `## ${date} UTC`,
    '',
    `Machine: ${machine()}. Commit: ${commit()}.`,
    '',
    '| Measurement | Result |',
    '| --- | --- |',
    ...rows.map(([label, value]) => `| ${label} | ${value} |`),
    '',
  ].join('\n')
  if (!existsSync(resultsFile)) writeFileSync(resultsFile, '# Benchmarks\n')
  appendFileSync(resultsFile, markdown)
  console.log(`\nAppended to ${path.relative(projectRoot, resultsFile)}`)
  if (!withinTarget || !carving.withinTarget || !matching.allTargetsMet || !email.allTargetsMet || load.failed > 0) exitCode = 1
} catch (error) {
  console.error((error as Error).message)
  exitCode = 1
} finally {
  rmSync(workDir, { recursive: true, force: true })
}
process.exit(exitCode)
