// `npm run load`: 50 people using the portal at once for a minute, against the compiled portal (as `npm start` runs
// it) on a fresh database on the PostgreSQL server, with the demo data. Employers, specialists and market contacts
// each log in with a session of their own and repeat a round of their main pages and actions; every request is
// checked (a page must answer 200, an action its redirect) and timed by kind. Target: p95 ≤ 150 ms and no errors.
//
// A user pauses between clicks, as people do (LOAD_THINK_TIME, default 1–3 s, several times the pace of real work;
// ADR 017). LOAD_THINK_TIME=0 is the capacity run instead: autocannon keeps every user's next request waiting on
// the last answer only, the most the portal can take.
//
// LOAD_DATABASE_URL (default postgres://postgres@127.0.0.1:5432) names the server; a database is created on it and
// dropped afterwards. LOAD_CONNECTIONS (50) and LOAD_DURATION (60 s) shorten a run.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import postgres from 'postgres'
import { projectRoot } from '../app/utils/project-root.server'
import { buildIfNeeded } from '../scripts/build'
import { freePort } from '../scripts/free-port'
import { startScriptNodeArguments } from '../scripts/start-command'
import { headerOf, setCookiesOf } from './load-http'
import { newestProfileIn, summariseCpuProfile } from './load-profile'
import {
  cloneEmail,
  createUser,
  employerSources,
  marketAccounts,
  roleMix,
  rounds,
  specialistAccounts,
  type Step,
  type VirtualUser,
} from './load-users'

const serverUrl = process.env.LOAD_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432'
const connections = positiveInteger('LOAD_CONNECTIONS', 50)
const duration = positiveInteger('LOAD_DURATION', 60)
const thinkTime = thinkTimeRange(process.env.LOAD_THINK_TIME)
// A directory: the portal runs with `node --cpu-prof` and a summary of where its CPU time went is printed at the end.
const cpuProfileDir = process.env.LOAD_CPU_PROFILE ? path.resolve(process.env.LOAD_CPU_PROFILE) : undefined
// Extra node flags for the portal, after the start script's own (the later flag wins), for trying e.g. a larger young
// generation: LOAD_NODE_FLAGS=--max-semi-space-size=16. Unset: exactly what `npm start` runs.
const extraNodeFlags = (process.env.LOAD_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean)
const P95_TARGET_MS = 150

/** Seconds a user pauses between two requests, drawn evenly from the range: "1-3" (the default), "2" or "0". */
function thinkTimeRange(raw: string | undefined): { min: number; max: number } {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?))?\s*$/.exec(raw ?? '1-3')
  const min = Number(match?.[1])
  const max = match?.[2] === undefined ? min : Number(match[2])
  if (!match || max < min) {
    console.error(`LOAD_THINK_TIME must be seconds or a range of seconds like 1-3, not "${raw}"`)
    process.exit(2)
  }
  return { min, max }
}

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} must be a positive whole number, not "${raw}"`)
    process.exit(2)
  }
  return value
}

/** CPU seconds a process has used so far (Linux /proc; undefined elsewhere). */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function withAdmin<T>(run: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  try {
    return await run(admin)
  } finally {
    await admin.end({ timeout: 5 })
  }
}

type Portal = { url: string; process: ChildProcess; output: string[] }

/** The portal as `npm start` runs it, ready once it serves and the search index has been built from the database. */
async function startPortal(database: string, workDir: string): Promise<Portal> {
  const port = await freePort()
  const output: string[] = []
  const nodeArguments = startScriptNodeArguments(projectRoot)
  const script = nodeArguments.findIndex((arg) => !arg.startsWith('-'))
  nodeArguments.splice(script, 0, ...extraNodeFlags, ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []))
  const child = spawn(process.execPath, nodeArguments, {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://localhost:${port}`,
      DATABASE_URL: database,
      SEED_DEMO_DATA: 'true',
      PGLITE_DATA_DIR: path.join(workDir, 'pgdata'),
      MAIL_DIR: path.join(workDir, 'mail'),
      SESSION_SECRET: randomBytes(48).toString('base64url'),
      SMTP_URL: '',
      MEILISEARCH_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  await new Promise<void>((resolve, reject) => {
    const started = Date.now()
    const check = setInterval(() => {
      const text = output.join('')
      if (/Jobbsnekker is ready at/.test(text) && /Search index rebuilt/.test(text)) {
        clearInterval(check)
        resolve()
      } else if (child.exitCode !== null || /Search index rebuild failed/.test(text) || Date.now() - started > 180_000) {
        clearInterval(check)
        reject(new Error(`The portal did not get ready:\n${text}`))
      }
    }, 100)
  })
  return { url: `http://localhost:${port}`, process: child, output }
}

async function stopPortal(portal: Portal | undefined): Promise<void> {
  if (!portal || portal.process.exitCode !== null) return
  const exited = new Promise((resolve) => portal.process.once('exit', resolve))
  portal.process.kill('SIGTERM')
  await exited
}

/** Every employer user gets an account of their own, a copy of a demo employer's with the same organisations. */
async function cloneEmployerAccounts(database: string, count: number): Promise<string[]> {
  const sql = postgres(database, { max: 1, onnotice: () => {} })
  try {
    const emails: string[] = []
    for (let i = 0; i < count; i++) {
      const source = employerSources[i % employerSources.length]!
      const email = cloneEmail(i + 1)
      const [created] = await sql<{ id: string }[]>`
        insert into users (email, name, account_type, password_hash)
        select ${email}, name || ' (last ' || ${String(i + 1)} || ')', account_type, password_hash from users
        where lower(email) = lower(${source})
        returning id`
      if (!created) throw new Error(`The demo data has no employer ${source}`)
      await sql`
        insert into organisation_memberships (organisation_id, user_id, status, decided_at)
        select m.organisation_id, ${created.id}, 'active', now() from organisation_memberships m
        join users u on u.id = m.user_id
        where lower(u.email) = lower(${source}) and m.status = 'active'`
      emails.push(email)
    }
    return emails
  } finally {
    await sql.end({ timeout: 5 })
  }
}

async function inBatches<T, R>(items: T[], size: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map((item, offset) => run(item, start + offset)))))
  }
  return results
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!
}

type KindFigures = { latencies: number[]; unexpected: Map<string, number>; sample?: string }

function figuresOf(figures: Map<string, KindFigures>, kind: string): KindFigures {
  let found = figures.get(kind)
  if (!found) figures.set(kind, (found = { latencies: [], unexpected: new Map() }))
  return found
}

/** Where both drivers report: how long a request took, and what it answered (checked, then read by its step). */
type Outcome = {
  latency: (kind: string, milliseconds: number) => void
  answer: (user: VirtualUser, step: Step, status: number, body: string, location: string | undefined) => void
}

type RunResult = { seconds: number; connectionErrors: number; timeouts: number; statuses: Map<number, number> }

/** The request a user's step sends now, with its kind and the answers that count as success noted on the user. */
function nextRequest(user: VirtualUser, step: Step, index: number) {
  if (index === 0) user.round++
  const built = step.build(user)
  user.inFlight = { kind: built.kind ?? step.kind, expect: built.expect ?? step.expect }
  return built
}

/** Every user repeats its round as fast as the answers come: autocannon, one connection per user (closed loop). */
async function usersWithoutPause(portalUrl: string, users: VirtualUser[], outcome: Outcome): Promise<RunResult> {
  let nextUser = 0
  const result = await autocannon({
    url: portalUrl,
    connections: users.length,
    duration,
    timeout: 10,
    // Placeholder; each connection gets its own user's round in setupClient.
    requests: [{ method: 'GET', path: '/healthz' }],
    setupClient: (client) => {
      const user = users[nextUser++ % users.length]!
      const steps = rounds[user.role]
      client.setRequests(
        steps.map((step, index) => ({
          method: 'GET',
          path: '/',
          setupRequest: (request: autocannon.Request) => {
            const built = nextRequest(user, step, index)
            const headers: Record<string, string> = { cookie: user.browser.jar.header(), accept: 'text/html' }
            if (built.method === 'POST') {
              headers['content-type'] = 'application/x-www-form-urlencoded'
              headers.origin = portalUrl
            }
            return { ...request, method: built.method, path: built.path, headers, body: built.body }
          },
          onResponse: (status: number, body: string, _context: unknown, responseHeaders: Record<string, string | string[]>) => {
            user.browser.jar.store(setCookiesOf(responseHeaders))
            outcome.answer(user, step, status, body, headerOf(responseHeaders, 'location'))
          },
        })) as autocannon.Request[],
      )
      client.on('response', (_status: number, _bytes: number, responseTime: number) => outcome.latency(user.inFlight.kind, responseTime))
    },
  })
  const statuses = new Map(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [Number(code), count ?? 0]))
  return { seconds: result.duration, connectionErrors: result.errors, timeouts: result.timeouts, statuses }
}

const pause = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000))
const thinkSeconds = () => thinkTime.min + Math.random() * (thinkTime.max - thinkTime.min)

/**
 * Every user clicks, reads the answer, pauses for a think time and clicks again, so requests arrive spread out as
 * from people (autocannon has no think time: mcollina/autocannon#174; its per-second rates fire in bursts). Each user
 * has its own keep-alive connection through Node's fetch, like a browser tab.
 */
async function pausingUsers(users: VirtualUser[], outcome: Outcome): Promise<RunResult> {
  const statuses = new Map<number, number>()
  let connectionErrors = 0
  let timeouts = 0
  const started = performance.now()
  const stopAt = started + duration * 1000
  await Promise.all(
    users.map(async (user) => {
      const steps = rounds[user.role]
      // Spread the first clicks over one think time, as people do not all start at the same instant.
      await pause(Math.random() * thinkTime.max)
      for (let index = 0; performance.now() < stopAt; index = (index + 1) % steps.length) {
        const step = steps[index]!
        const built = nextRequest(user, step, index)
        const sent = performance.now()
        try {
          const timeout = AbortSignal.timeout(10_000)
          const response = built.method === 'POST' ? await user.browser.post(built.path, built.body ?? '', timeout) : await user.browser.get(built.path, timeout)
          outcome.latency(user.inFlight.kind, performance.now() - sent)
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
          outcome.answer(user, step, response.status, response.body, response.location)
        } catch (error) {
          if (error instanceof DOMException && error.name === 'TimeoutError') timeouts++
          else connectionErrors++
          step.read?.(user, '')
        }
        await pause(thinkSeconds())
      }
    }),
  )
  return { seconds: (performance.now() - started) / 1000, connectionErrors, timeouts, statuses }
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–')

async function main(): Promise<number> {
  const pace = thinkTime.max > 0 ? `pausing ${thinkTime.min}–${thinkTime.max} s between clicks` : 'without pause (capacity run)'
  console.log(`Load test: ${connections} users ${pace} for ${duration} s${extraNodeFlags.length > 0 ? ` (portal flags added: ${extraNodeFlags.join(' ')})` : ''} against the compiled portal on ${new URL(serverUrl).host}`)
  await buildIfNeeded(projectRoot, { log: (line) => console.log(line) })
  const name = `jobbsnekker_load_${randomBytes(4).toString('hex')}`
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'jobbsnekker-load-'))
  await withAdmin((admin) => admin`create database ${admin(name)}`)
  let portal: Portal | undefined
  const cleanUp = async () => {
    await stopPortal(portal)
    await withAdmin((admin) => admin`drop database if exists ${admin(name)} with (force)`)
    await rm(workDir, { recursive: true, force: true })
  }
  const interrupted = () => {
    void cleanUp().finally(() => process.exit(130))
  }
  process.once('SIGINT', interrupted)
  try {
    const setupStarted = Date.now()
    portal = await startPortal(databaseUrl(name), workDir)
    const mix = roleMix(connections)
    const employerEmails = await cloneEmployerAccounts(databaseUrl(name), mix.filter((role) => role === 'employer').length)
    let specialists = 0
    let markets = 0
    let employers = 0
    const accounts = mix.map((role) =>
      role === 'employer'
        ? employerEmails[employers++]!
        : role === 'specialist'
          ? specialistAccounts[specialists++ % specialistAccounts.length]!
          : marketAccounts[markets++ % marketAccounts.length]!,
    )
    // Log-ins hash passwords (argon2); a few at a time keeps setup from looking like the load being measured.
    const users = await inBatches(mix, 4, (role, index) => createUser(portal!.url, index, role, accounts[index]!))
    for (const user of users) {
      console.log(`  ${user.role} ${user.email}: ${Object.entries(user.paths).map(([kind, found]) => `${found.length} ${kind}`).join(', ')}`)
    }
    console.log(
      `Ready in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s: ${mix.filter((r) => r === 'employer').length} employers (own accounts), ` +
        `${specialists} specialists (${specialistAccounts.length} accounts), ${markets} market contacts (${marketAccounts.length} accounts), each with its own session`,
    )

    const figures = new Map<string, KindFigures>()
    const all: number[] = []
    const outcome: Outcome = {
      latency(kind, milliseconds) {
        figuresOf(figures, kind).latencies.push(milliseconds)
        all.push(milliseconds)
      },
      answer(user, step, status, body, location) {
        const { kind, expect } = user.inFlight
        if (!expect.includes(status)) {
          const entry = figuresOf(figures, kind)
          entry.unexpected.set(String(status), (entry.unexpected.get(String(status)) ?? 0) + 1)
          entry.sample ??= `${status} for ${user.email}${location ? ` → ${location}` : ''}: ${body.replace(/\s+/g, ' ').slice(0, 300)}`
        }
        if (step.read && kind === step.kind) step.read(user, status === 200 ? body : '')
      },
    }
    const loadBefore = os.loadavg()[0]!
    const driverCpuBefore = process.cpuUsage()
    const portalCpuBefore = cpuSecondsOf(portal.process.pid)
    // The database's share: the server processes serving the portal's connections (same machine only).
    const backendPids = await withAdmin((admin) => admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${name}`)
    const databaseCpuBefore = backendPids.map(({ pid }) => cpuSecondsOf(pid) ?? 0).reduce((a, b) => a + b, 0)

    const result = thinkTime.max > 0 ? await pausingUsers(users, outcome) : await usersWithoutPause(portal.url, users, outcome)

    const driverCpu = process.cpuUsage(driverCpuBefore)
    const portalCpuAfter = cpuSecondsOf(portal.process.pid)
    const databaseCpuAfter = backendPids.map(({ pid }) => cpuSecondsOf(pid) ?? 0).reduce((a, b) => a + b, 0)
    all.sort((a, b) => a - b)
    const unexpectedTotal = [...figures.values()].reduce((sum, entry) => sum + [...entry.unexpected.values()].reduce((a, b) => a + b, 0), 0)
    const statusCounts = [...result.statuses].map(([code, count]) => `${code}: ${count}`).join(', ')
    const failedStatuses = [...result.statuses].filter(([code]) => code >= 400).reduce((sum, [, count]) => sum + count, 0)
    const errors = result.connectionErrors + result.timeouts + unexpectedTotal
    const p95 = percentile(all, 0.95)
    const lines = [
      '',
      `Requests: ${all.length} in ${result.seconds.toFixed(1)} s, ${(all.length / result.seconds).toFixed(1)} requests/s (statuses ${statusCounts})`,
      `Latency overall: p50 ${ms(percentile(all, 0.5))} ms, p95 ${ms(p95)} ms, p99 ${ms(percentile(all, 0.99))} ms, max ${ms(all.at(-1) ?? NaN)} ms`,
      `Errors: ${errors} (connection errors ${result.connectionErrors}, timeouts ${result.timeouts}, unexpected statuses ${unexpectedTotal}; ` +
        `4xx/5xx responses ${failedStatuses})`,
      '',
      '| Request kind | Requests | p50 ms | p95 ms | p99 ms | Max ms | Unexpected |',
      '|---|---:|---:|---:|---:|---:|---|',
    ]
    for (const [kind, entry] of [...figures].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = [...entry.latencies].sort((a, b) => a - b)
      const unexpected = [...entry.unexpected].map(([status, count]) => `${count}× ${status}`).join(', ') || '0'
      lines.push(
        `| ${kind} | ${sorted.length} | ${ms(percentile(sorted, 0.5))} | ${ms(percentile(sorted, 0.95))} | ${ms(percentile(sorted, 0.99))} | ${ms(sorted.at(-1) ?? NaN)} | ${unexpected} |`,
      )
    }
    const interests = users.reduce((sum, user) => sum + user.interestTimes.length, 0)
    const repeated = users.reduce((sum, user) => sum + user.repeatedInterest, 0)
    lines.push('', `Interest expressed ${interests} times, ${repeated} of them again for a candidate that already had a case`)
    if (portalCpuBefore !== undefined && portalCpuAfter !== undefined) {
      const used = portalCpuAfter - portalCpuBefore
      lines.push(`Portal process CPU: ${used.toFixed(1)} s in ${result.seconds.toFixed(1)} s (${((used / result.seconds) * 100).toFixed(0)} % of one core), ${((used / all.length) * 1000).toFixed(1)} ms per request`)
    }
    if (databaseCpuAfter > 0) {
      lines.push(`PostgreSQL CPU (${backendPids.length} server processes of the portal's connections): ${(databaseCpuAfter - databaseCpuBefore).toFixed(1)} s`)
    }
    // The driver shares the machine: its own CPU (HTTP, reading forms from the pages) is taken from the portal's.
    lines.push(`Load driver CPU: ${((driverCpu.user + driverCpu.system) / 1e6).toFixed(1)} s`)
    lines.push(`Load average (1 min) before ${loadBefore.toFixed(2)}, after ${os.loadavg()[0]!.toFixed(2)}; ${os.cpus().length} CPUs, Node ${process.version}`)
    console.log(lines.join('\n'))
    for (const [kind, entry] of figures) if (entry.sample) console.log(`First unexpected answer for ${kind}: ${entry.sample}`)
    const portalErrors = portal.output.join('').split('\n').filter((line) => /error|exception/i.test(line))
    if (portalErrors.length > 0) console.log(`\nThe portal logged ${portalErrors.length} error lines, the first ones:\n${portalErrors.slice(0, 10).join('\n')}`)
    if (cpuProfileDir) {
      await stopPortal(portal)
      const profile = newestProfileIn(cpuProfileDir)
      console.log(profile ? `\n${summariseCpuProfile(profile)}\n(profile: ${profile})` : `\nNo CPU profile was written to ${cpuProfileDir}`)
    }
    console.log(`\np95 ${ms(p95)} ms ${p95 <= P95_TARGET_MS ? 'meets' : 'MISSES'} the target of ${P95_TARGET_MS} ms; ${errors === 0 ? 'no errors' : `${errors} errors`}`)
    return errors > 0 ? 1 : 0
  } finally {
    process.off('SIGINT', interrupted)
    await cleanUp()
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  return 1
})
