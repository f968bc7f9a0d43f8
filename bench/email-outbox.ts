// The e-mail outbox benchmark (issue 6): 10,000 notices written through notify() (in-app notice and outbox row in
// one transaction each batch), then sent by the outbox worker's passes to a real SMTP server in this process
// (smtp-server, on 127.0.0.1). Reports the rate of writing and of sending, and counts by Message-ID how many of the
// expected messages arrived, how many never did (lost) and how many arrived more than once (duplicated); target 0
// and 0. A second, smaller run stops the SMTP server in the middle and starts it again: the outage may only delay.
//
//   node --import tsx bench/email-outbox.ts [--count 10000]
//
// Databases: embedded PGlite (in memory) always; the PostgreSQL server at BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/test) when it answers, in a database of its own that is dropped afterwards.
import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { notify } from '../app/modules/notifications.server'
import { parseEnv, setEnv } from '../app/utils/env.server'
import { createMailTransport } from '../emails/mailer'
import { messageIdFor, processEmailOutbox } from '../emails/outbox-worker'
import { connect, type Database } from '../prisma-free-sql/db'
import { migrate } from '../prisma-free-sql/migrate'
import { loadGeography } from '../prisma-free-sql/queries/geography'
import { startLocalSmtpServer } from '../tests/support/smtp'
import { DEFAULT_SERVER_URL } from './matching-child'

export const DEFAULT_EMAIL_COUNT = 10_000
const RECIPIENTS = 100
const NOTICES_PER_TRANSACTION = 100

type RunResult = { count: number; enqueueSeconds: number; sendSeconds: number; lost: number; duplicated: number; passes: number }

async function recipients(database: Database): Promise<string[]> {
  const rows = await database.sql`
    insert into users (email, name, account_type)
    select 'mottaker-' || n || '@bench.example', 'Mottaker ' || n, 'staff' from generate_series(1, ${RECIPIENTS}) as n
    returning id`
  return rows.map((row) => String(row.id))
}

/** Writes `count` notices (one e-mail each) and sends them; `outageAfter` stops the server once that many arrived. */
async function runOnce(database: Database, count: number, label: string, outageAfter?: number): Promise<RunResult> {
  const users = await recipients(database)
  const smtp = await startLocalSmtpServer({ parse: false })
  const transport = createMailTransport({ smtpUrl: smtp.url, from: 'Jobbsnekker <ikke-svar@jobbsnekker.invalid>', mailDir: '/nonexistent' })
  const expected = new Set<string>()
  try {
    const enqueueStarted = performance.now()
    for (let start = 0; start < count; start += NOTICES_PER_TRANSACTION) {
      await database.sql.begin(async (tx) => {
        for (let index = start; index < Math.min(count, start + NOTICES_PER_TRANSACTION); index += 1) {
          const recipient = users[index % users.length]!
          const eventKey = `bench:${label}:${index}`
          await notify(tx, [recipient], { kind: 'case_new', path: `/ansatt/saker/${index}`, eventKey, dueAt: new Date() })
          expected.add(messageIdFor(`case_new:${eventKey}:${recipient}`))
        }
      })
    }
    const enqueueSeconds = (performance.now() - enqueueStarted) / 1000

    const sendStarted = performance.now()
    let passes = 0
    let outage: Promise<void> | undefined
    for (;;) {
      passes += 1
      const result = await processEmailOutbox(database.sql, transport, { batchSize: 200, concurrency: 4 })
      if (outageAfter !== undefined && !outage && smtp.received.length >= outageAfter) {
        // The server goes away for two seconds; messages claimed meanwhile fail and wait for their back-off.
        outage = smtp.stop().then(() => new Promise<void>((resolve) => setTimeout(() => void smtp.start().then(resolve), 2_000)))
      }
      if (result.claimed === 0) {
        const [left] = await database.sql`select count(*)::int as n from email_outbox where status = 'pending'`
        if (Number(left?.n) === 0) break
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }
    await outage
    const sendSeconds = (performance.now() - sendStarted) / 1000
    const arrived = new Map<string, number>()
    for (const mail of smtp.received) arrived.set(mail.messageId, (arrived.get(mail.messageId) ?? 0) + 1)
    const lost = [...expected].filter((id) => !arrived.has(id)).length
    const duplicated = [...arrived.values()].reduce((sum, times) => sum + times - 1, 0) + [...arrived.keys()].filter((id) => !expected.has(id)).length
    return { count, enqueueSeconds, sendSeconds, lost, duplicated, passes }
  } finally {
    transport.close()
    await smtp.stop()
  }
}

/** Runs on a new, empty database set up as the portal's (migrated, with the geography), and closes it afterwards. */
async function runOnNewDatabase<T>(database: Database, run: (database: Database) => Promise<T>): Promise<T> {
  try {
    await migrate(database.sql)
    await loadGeography(database.sql)
    return await run(database)
  } finally {
    await database.close()
  }
}

async function withDatabase<T>(kind: 'pglite' | 'postgres', serverUrl: string, run: (database: Database) => Promise<T>): Promise<T> {
  if (kind === 'pglite') return runOnNewDatabase(await connect({ dataDir: 'memory://' }), run)
  const name = `bench_email_${randomBytes(4).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin`create database ${admin(name)}`
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const database = await connect({ databaseUrl: url.toString(), maxConnections: 4 })
  try {
    return await runOnNewDatabase(database, run)
  } finally {
    await admin`drop database if exists ${admin(name)} with (force)`
    await admin.end({ timeout: 5 })
  }
}

async function serverAnswers(serverUrl: string): Promise<boolean> {
  const probe = postgres(serverUrl, { max: 1, connect_timeout: 3, onnotice: () => {} })
  try {
    await probe`select 1`
    return true
  } catch {
    return false
  } finally {
    await probe.end({ timeout: 1 })
  }
}

export type EmailBenchmark = { rows: [string, string][]; allTargetsMet: boolean }

export async function benchmarkEmailOutbox(options: { count?: number; log?: (line: string) => void } = {}): Promise<EmailBenchmark> {
  const count = options.count ?? DEFAULT_EMAIL_COUNT
  const log = options.log ?? ((line: string) => console.log(line))
  // notify() builds links from PUBLIC_URL.
  setEnv(parseEnv({ NODE_ENV: 'test', SESSION_SECRET: 'b'.repeat(40), PGLITE_DATA_DIR: 'memory://', PUBLIC_URL: 'http://localhost:3000' }))
  const serverUrl = process.env.BENCH_DATABASE_URL || DEFAULT_SERVER_URL
  const kinds: ('pglite' | 'postgres')[] = (await serverAnswers(serverUrl)) ? ['postgres', 'pglite'] : ['pglite']
  const rows: [string, string][] = []
  let allTargetsMet = true
  for (const kind of kinds) {
    const name = kind === 'postgres' ? 'PostgreSQL server' : 'PGlite'
    log(`  ${name}: ${count} notices through the outbox…`)
    const clean = await withDatabase(kind, serverUrl, (database) => runOnce(database, count, 'clean'))
    const outageCount = Math.min(2_000, count)
    log(`  ${name}: ${outageCount} notices with the SMTP server stopped for 2 s midway…`)
    const withOutage = await withDatabase(kind, serverUrl, (database) => runOnce(database, outageCount, 'outage', Math.floor(outageCount / 2)))
    const met = clean.lost === 0 && clean.duplicated === 0 && withOutage.lost === 0 && withOutage.duplicated === 0
    allTargetsMet &&= met
    rows.push(
      [`${name}: ${count} notices written with notify() (${NOTICES_PER_TRANSACTION} per transaction)`, `${clean.enqueueSeconds.toFixed(1)} s (${Math.round(count / clean.enqueueSeconds)} per second)`],
      [`${name}: ${count} e-mails sent to a local SMTP server`, `${clean.sendSeconds.toFixed(1)} s (${Math.round(count / clean.sendSeconds)} per second, ${clean.passes} passes)`],
      [`${name}: lost / duplicated of ${count}`, `${clean.lost} / ${clean.duplicated} (${clean.lost === 0 && clean.duplicated === 0 ? 'within' : 'OVER'} target 0 / 0)`],
      [
        `${name}: ${outageCount} e-mails with a 2 s SMTP outage midway: lost / duplicated, time`,
        `${withOutage.lost} / ${withOutage.duplicated} (${withOutage.lost === 0 && withOutage.duplicated === 0 ? 'within' : 'OVER'} target 0 / 0), ${withOutage.sendSeconds.toFixed(1)} s`,
      ],
    )
  }
  return { rows, allTargetsMet }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const countArg = process.argv.indexOf('--count')
  const count = countArg > 0 ? Number(process.argv[countArg + 1]) : DEFAULT_EMAIL_COUNT
  const result = await benchmarkEmailOutbox({ count })
  for (const [label, value] of result.rows) console.log(`${label}: ${value}`)
  process.exitCode = result.allTargetsMet ? 0 : 1
}
