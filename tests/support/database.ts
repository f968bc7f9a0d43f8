import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, beforeAll } from 'vitest'
import { parseEnv, setEnv } from '../../app/utils/env.server'
import { connect, installDatabase, type Database, type DatabaseKind, type Sql } from '../../prisma-free-sql/db'
import { migrate } from '../../prisma-free-sql/migrate'
import { loadGeography } from '../../prisma-free-sql/queries/geography'

/**
 * Integration tests run against embedded PGlite unless TEST_DATABASE_URL names a PostgreSQL
 * server; then every test file gets a database of its own there, so files can run in parallel.
 */
export const serverUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined

export type ScratchDatabase = {
  database: Database
  /** The database's URL on the server kind; undefined for PGlite. */
  url: string | undefined
  /** A second, independent connection pool to the same database (server kind only). */
  connectAgain: () => Promise<Database>
  dispose: () => Promise<void>
}

/** An empty database: a fresh in-memory PGlite, or a new database on the test server. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  if (!serverUrl) {
    const database = await connect({ dataDir: 'memory://' })
    return {
      database,
      url: undefined,
      connectAgain: () => Promise.reject(new Error('PGlite serves a single connection; there is no second one')),
      dispose: () => database.close(),
    }
  }
  const name = `jt_${process.pid}_${randomBytes(5).toString('hex')}`
  await withAdminConnection((admin) => admin`create database ${admin(name)}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const opened: Database[] = []
  const open = async () => {
    const database = await connect({ databaseUrl: url.toString(), maxConnections: 4 })
    opened.push(database)
    return database
  }
  const dispose = async () => {
    await Promise.all(opened.map((db) => db.close()))
    // `with (force)` ends connections a failed test may have left open.
    await withAdminConnection((admin) => admin`drop database if exists ${admin(name)} with (force)`)
  }
  try {
    const database = await open()
    await database.sql`select 1`
    return { database, url: url.toString(), connectAgain: open, dispose }
  } catch (error) {
    await dispose()
    throw error
  }
}

async function withAdminConnection(run: (admin: Sql) => Promise<unknown>): Promise<void> {
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} })
  try {
    await run(admin)
  } finally {
    await admin.end({ timeout: 5 })
  }
}

export type TestDatabase = {
  readonly sql: Sql
  readonly kind: DatabaseKind
  /** The development mailbox the app writes to (a temporary folder of this file's own). */
  readonly mailDir: string
  readonly scratch: ScratchDatabase
}

export type TestDatabaseOptions = {
  /** Migrate and load geography (default); false leaves the database empty for migration tests. */
  schema?: boolean
}

/**
 * Gives the test file its own database for all of its tests and installs it, with a test
 * environment, as the app's database so domain modules work through getSql()/getEnv().
 */
export function useTestDatabase(options: TestDatabaseOptions = {}): TestDatabase {
  let scratch: ScratchDatabase | undefined
  let mailDir: string | undefined

  beforeAll(async () => {
    mailDir = await mkdtemp(path.join(tmpdir(), 'jobbsnekker-test-mail-'))
    scratch = await createScratchDatabase()
    if (options.schema ?? true) {
      await migrate(scratch.database.sql)
      await loadGeography(scratch.database.sql)
    }
    installDatabase(scratch.database)
    setEnv(
      parseEnv({
        NODE_ENV: 'test',
        SESSION_SECRET: 'x'.repeat(40),
        MAIL_DIR: mailDir,
        PGLITE_DATA_DIR: 'memory://',
        DATABASE_URL: scratch.url,
      }),
    )
  })

  afterAll(async () => {
    await scratch?.dispose()
    if (mailDir) await rm(mailDir, { recursive: true, force: true })
  })

  const ready = () => {
    if (!scratch || !mailDir) throw new Error('The test database is only available inside tests and hooks')
    return { scratch, mailDir }
  }
  return {
    get sql() {
      return ready().scratch.database.sql
    },
    get kind() {
      return ready().scratch.database.kind
    },
    get mailDir() {
      return ready().mailDir
    },
    get scratch() {
      return ready().scratch
    },
  }
}
