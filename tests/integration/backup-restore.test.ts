import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { markEmployerInterest } from '../../app/modules/matching.server'
import { parseEnv, setEnv } from '../../app/utils/env.server'
import { backupDatabase, backupEmbedded, BackupError, restoreDatabase, restoreEmbedded, restoreServer } from '../../prisma-free-sql/backup'
import { connect, installDatabase, type Database, type Sql } from '../../prisma-free-sql/db'
import { migrate } from '../../prisma-free-sql/migrate'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { loadGeography } from '../../prisma-free-sql/queries/geography'
import { insertOffice } from '../../prisma-free-sql/queries/offices'
import { syncSearchIndex } from '../support/case-fixtures'
import { createScratchDatabase, serverUrl, type ScratchDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { createStaffUser } from '../support/fixtures'
import { createPublishedOpening, createVisibleCandidate } from '../support/matching-fixtures'

// The scripts' own functions (what `npm run db:backup` / `db:restore` call) on real databases: a PostgreSQL server
// with pg_dump/pg_restore when TEST_DATABASE_URL is set, and an embedded PGlite data directory on disk always.

function useEnvironment(mailDir: string, database: { url?: string; dataDir?: string }) {
  setEnv(
    parseEnv({
      NODE_ENV: 'test',
      SESSION_SECRET: 'x'.repeat(40),
      MAIL_DIR: mailDir,
      PGLITE_DATA_DIR: database.dataDir ?? 'memory://',
      DATABASE_URL: database.url,
    }),
  )
}

/** An organisation with a published opening, a candidate with consent, the employer's interest (a case, a notice in
 * the e-mail outbox) and audit entries: what a backup must carry over. */
async function insertRepresentativeData(sql: Sql): Promise<void> {
  await migrate(sql)
  await loadGeography(sql)
  const officeId = (await insertOffice(sql, { name: 'NAV Sikkerhetskopi', countyNumber: '03' }))!
  const specialist = await createStaffUser(sql, { roles: ['specialist'], officeId, name: 'Sigrid Kopi' })
  const employer = await newEmployerWithOrganisation(sql)
  const opening = await createPublishedOpening(sql, employer)
  const candidateId = await createVisibleCandidate(sql, specialist)
  await syncSearchIndex(sql)
  const outcome = await markEmployerInterest(employer.user, opening, candidateId, 'Vi vil gjerne møte kandidaten – «æøå».')
  expect(outcome.status).toBe('recorded')
  await appendAudit(sql, { actorUserId: specialist.id, action: 'backup.test', subjectType: 'candidate', subjectId: candidateId, details: { note: 'før kopi' } })
  const [counts] = await sql<{ organisations: number; consents: number; outbox: number; audit: number; cases: number }[]>`
    select (select count(*)::int from organisations) as organisations, (select count(*)::int from candidate_consents) as consents,
           (select count(*)::int from email_outbox) as outbox, (select count(*)::int from audit_log) as audit,
           (select count(*)::int from cases) as cases`
  expect(counts).toMatchObject({ organisations: 1, consents: 1, cases: 1 })
  expect(counts!.outbox).toBeGreaterThan(0)
  expect(counts!.audit).toBeGreaterThan(1)
}

type Snapshot = Record<string, { rows: number; digest: string | null }>

/** Every table of the schema: its row count and a digest of all its rows, so "same contents" means every column. */
async function snapshot(sql: Sql): Promise<{ tables: Snapshot; sequences: Record<string, string> }> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
  const result: Snapshot = {}
  for (const { name } of tables) {
    const [row] = await sql<{ rows: number; digest: string | null }[]>`
      select count(*)::int as rows, md5(string_agg(t::text, E'\n' order by t::text)) as digest from ${sql(name)} t`
    result[name] = row!
  }
  const sequences: Record<string, string> = {}
  for (const { name } of await sql<{ name: string }[]>`select sequencename as name from pg_sequences where schemaname = 'public' order by 1`) {
    const [row] = await sql<{ last: string | null }[]>`select last_value::text as last from pg_sequences where schemaname = 'public' and sequencename = ${name}`
    sequences[name] = row!.last ?? 'unused'
  }
  return { tables: result, sequences }
}

function expectSameData(restored: Awaited<ReturnType<typeof snapshot>>, original: Awaited<ReturnType<typeof snapshot>>) {
  expect(Object.keys(restored.tables)).toEqual(Object.keys(original.tables))
  for (const table of ['organisations', 'users', 'candidates', 'candidate_identities', 'candidate_consents', 'email_outbox', 'audit_log', 'cases', 'schema_migrations']) {
    expect(restored.tables[table], table).toEqual(original.tables[table])
    expect(original.tables[table]!.rows, `${table} has rows`).toBeGreaterThan(0)
  }
  expect(restored.tables).toEqual(original.tables)
  // The id sequences continue where they were: the next outbox message or audit entry gets a new id.
  expect(restored.sequences).toEqual(original.sequences)
}

describe.runIf(serverUrl)('backup and restore on a PostgreSQL server (pg_dump / pg_restore)', () => {
  let workDir: string
  let source: ScratchDatabase
  let original: Awaited<ReturnType<typeof snapshot>>
  const targets: ScratchDatabase[] = []
  const logged: string[] = []

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'jobbsnekker-backup-server-'))
    source = await createScratchDatabase()
    installDatabase(source.database)
    useEnvironment(workDir, { url: source.url })
    await insertRepresentativeData(source.database.sql)
    original = await snapshot(source.database.sql)
  }, 120_000)

  afterAll(async () => {
    await Promise.all(targets.map((target) => target.dispose()))
    await source?.dispose()
    if (workDir) await rm(workDir, { recursive: true, force: true })
  }, 60_000)

  it('backs up with pg_dump and restores into a new database with every row, and the migrations need nothing', async () => {
    const file = path.join(workDir, 'jobbsnekker.dump')
    const backup = await backupDatabase({ databaseUrl: source.url, dataDir: 'unused' }, file, (line) => logged.push(line))
    expect(backup).toMatchObject({ kind: 'server', file })
    expect(backup.bytes).toBeGreaterThan(1000)
    expect(backup.migrations).toBe(original.tables.schema_migrations!.rows)
    expect(logged.at(-1)).toContain('Backed up the PostgreSQL database')

    const target = await createScratchDatabase()
    targets.push(target)
    const restored = await restoreDatabase({ databaseUrl: target.url, dataDir: 'unused' }, file, { log: (line) => logged.push(line) })
    expect(restored).toMatchObject({ kind: 'server', migrations: backup.migrations })
    expect(logged.at(-1)).toContain('Restored')

    expectSameData(await snapshot(target.database.sql), original)
    // What a restarted portal does first: nothing to apply.
    expect(await migrate(target.database.sql)).toEqual([])
    // The restored database takes new writes (the pg_trgm extension and sequences came along).
    await target.database.sql`insert into email_outbox (idempotency_key, to_address, template) values ('after-restore', 'a@b.example', 'test')`
    const [similar] = await target.database.sql<{ score: number }[]>`select similarity('Sikkerhetskopi', 'Sikkerhetskopi') as score`
    expect(similar!.score).toBe(1)
  }, 120_000)

  it('refuses to restore over a database that is not empty, and replaces it with --force', async () => {
    const file = path.join(workDir, 'again.dump')
    await backupDatabase({ databaseUrl: source.url, dataDir: 'unused' }, file)
    const target = await createScratchDatabase()
    targets.push(target)
    await target.database.sql`create table left_over (id int)`
    await target.database.sql`insert into left_over values (1)`

    const refused = restoreServer({ databaseUrl: target.url!, file })
    await expect(refused).rejects.toThrow(BackupError)
    await expect(refused).rejects.toThrow(/is not empty \(1 tables, indexes, sequences or other objects\).*--force/)
    const [kept] = await target.database.sql<{ n: number }[]>`select count(*)::int as n from left_over`
    expect(kept!.n).toBe(1)

    // --force restores the backup's objects over what is there (the stray table is not in the backup and stays).
    await restoreServer({ databaseUrl: target.url!, file, force: true })
    const restored = await snapshot(target.database.sql)
    const { left_over: _stray, ...restoredTables } = restored.tables
    expect(restoredTables).toEqual(original.tables)
  }, 120_000)

  it('says clearly when the file is not a server backup or does not exist, and changes nothing', async () => {
    const target = await createScratchDatabase()
    targets.push(target)
    const bogus = path.join(workDir, 'not-a-dump.txt')
    writeFileSync(bogus, 'hei')
    await expect(restoreServer({ databaseUrl: target.url!, file: bogus })).rejects.toThrow(/is not a backup made by npm run db:backup/)
    await expect(restoreServer({ databaseUrl: target.url!, file: path.join(workDir, 'missing.dump') })).rejects.toThrow(/does not exist/)
    const [objects] = await target.database.sql<{ n: number }[]>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`
    expect(objects!.n).toBe(0)
  }, 60_000)
})

describe('backup and restore of the embedded PGlite data directory (dumpDataDir / loadDataDir)', () => {
  let workDir: string
  let dataDir: string
  let original: Awaited<ReturnType<typeof snapshot>>
  const opened: Database[] = []

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'jobbsnekker-backup-embedded-'))
    dataDir = path.join(workDir, 'pgdata')
    const database = await connect({ dataDir })
    installDatabase(database)
    useEnvironment(workDir, { dataDir })
    try {
      await insertRepresentativeData(database.sql)
      original = await snapshot(database.sql)
    } finally {
      await database.close()
    }
  }, 180_000)

  afterAll(async () => {
    for (const database of opened) await database.close().catch(() => {})
    if (workDir) await rm(workDir, { recursive: true, force: true })
  }, 60_000)

  it('refuses to back up while the portal (any process) has the data directory open', async () => {
    const running = await connect({ dataDir })
    opened.push(running)
    try {
      const refused = backupEmbedded({ dataDir, file: path.join(workDir, 'while-running.tar.gz') })
      await expect(refused).rejects.toThrow(BackupError)
      await expect(refused).rejects.toThrow(`in use by process ${process.pid}`)
      await expect(refused).rejects.toThrow(/Stop the portal first/)
      expect(existsSync(path.join(workDir, 'while-running.tar.gz'))).toBe(false)
    } finally {
      await running.close()
    }
    // The portal's lock is back as the portal left it (gone), not replaced by the refused backup's.
    expect(existsSync(`${dataDir}.lock`)).toBe(false)
  }, 120_000)

  it('backs up with the portal stopped and restores into an empty directory with every row', async () => {
    const file = path.join(workDir, 'jobbsnekker.tar.gz')
    const logged: string[] = []
    const backup = await backupDatabase({ dataDir }, file, (line) => logged.push(line))
    expect(backup).toMatchObject({ kind: 'embedded', file, migrations: original.tables.schema_migrations!.rows })
    expect(logged.at(-1)).toContain(`Backed up the embedded database in ${dataDir}`)
    expect(existsSync(`${dataDir}.lock`), 'the backup lets go of the data directory').toBe(false)

    const restoredDir = path.join(workDir, 'restored')
    const restored = await restoreDatabase({ dataDir: restoredDir }, file, { log: (line) => logged.push(line) })
    expect(restored).toMatchObject({ kind: 'embedded', migrations: backup.migrations })
    expect(restored.movedAside).toBeUndefined()

    const database = await connect({ dataDir: restoredDir })
    opened.push(database)
    try {
      expectSameData(await snapshot(database.sql), original)
      expect(await migrate(database.sql)).toEqual([])
      const [similar] = await database.sql<{ score: number }[]>`select similarity('kopi', 'kopi') as score`
      expect(similar!.score).toBe(1)
    } finally {
      await database.close()
    }
  }, 180_000)

  it('refuses to restore into a directory that holds a database, and moves it aside with --force', async () => {
    const file = path.join(workDir, 'jobbsnekker.tar.gz')
    if (!existsSync(file)) await backupEmbedded({ dataDir, file })
    const refused = restoreEmbedded({ dataDir, file })
    await expect(refused).rejects.toThrow(/is not empty \(it holds a database\).*--force/)

    const result = await restoreEmbedded({ dataDir, file, force: true })
    expect(result.movedAside).toMatch(/pgdata\.before-restore-/)
    expect(existsSync(path.join(result.movedAside!, 'PG_VERSION')), 'the old database is kept, not deleted').toBe(true)
    const database = await connect({ dataDir })
    opened.push(database)
    try {
      expect((await snapshot(database.sql)).tables).toEqual(original.tables)
    } finally {
      await database.close()
    }
  }, 180_000)

  it('says clearly what is wrong with a file that is no embedded backup, and leaves the directory empty', async () => {
    const bogus = path.join(workDir, 'not-a-backup.tar.gz')
    writeFileSync(bogus, 'hei')
    const emptyDir = path.join(workDir, 'empty')
    await expect(restoreEmbedded({ dataDir: emptyDir, file: bogus })).rejects.toThrow(/is not a backup of the embedded database/)
    await expect(restoreEmbedded({ dataDir: emptyDir, file: path.join(workDir, 'missing.tar.gz') })).rejects.toThrow(/does not exist/)
    await expect(backupEmbedded({ dataDir: emptyDir, file: path.join(workDir, 'x.tar.gz') })).rejects.toThrow(/no embedded database/)
    expect(existsSync(emptyDir) ? readdirSync(emptyDir) : []).toEqual([])
    await expect(backupEmbedded({ dataDir: 'memory://', file: bogus })).rejects.toThrow(/in-memory database/)
  }, 60_000)
})
