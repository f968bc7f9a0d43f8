import { describe, expect, it } from 'vitest'
import type { Sql } from '../../prisma-free-sql/db'
import { migrate, readMigrations, type Migration } from '../../prisma-free-sql/migrate'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { createScratchDatabase, useTestDatabase } from '../support/database'

const db = useTestDatabase({ schema: false })

const allMigrations = readMigrations().map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`)

async function appliedVersions(sql: Sql): Promise<number[]> {
  const rows = await sql`select version from schema_migrations order by version`
  return rows.map((row) => Number(row.version))
}

async function tableExists(sql: Sql, name: string): Promise<boolean> {
  const [row] = await sql`select to_regclass(${name}) is not null as present`
  return Boolean(row?.present)
}

describe('migrate', () => {
  it('applies every migration on an empty database and nothing on the second run', async () => {
    expect(await migrate(db.sql)).toEqual(allMigrations)
    expect(await migrate(db.sql)).toEqual([])
    expect(await appliedVersions(db.sql)).toEqual(readMigrations().map((m) => m.version))
    expect(await tableExists(db.sql, 'organisations')).toBe(true)
  })

  it('applies each migration once when several processes migrate at the same time', async () => {
    const scratch = await createScratchDatabase()
    try {
      // The server kind gets one pool per "process"; PGlite has one connection, so the runs interleave on it.
      const pools = scratch.url
        ? [scratch.database.sql, ...(await Promise.all([scratch.connectAgain(), scratch.connectAgain()])).map((d) => d.sql)]
        : [scratch.database.sql, scratch.database.sql, scratch.database.sql]
      // Open every connection first so the runs reach the server together, as racing processes would.
      await Promise.all(pools.map((sql) => sql`select 1`))
      const results = await Promise.all(pools.map((sql) => migrate(sql)))
      expect(results.flat().sort()).toEqual(allMigrations)
      expect(await appliedVersions(scratch.database.sql)).toEqual(readMigrations().map((m) => m.version))
    } finally {
      await scratch.dispose()
    }
  })

  it('leaves no trace of a migration that fails half-way', async () => {
    await migrate(db.sql)
    const broken: Migration = {
      version: readMigrations().length + 1,
      name: 'broken',
      sql: `create table doomed (id integer primary key);
            insert into doomed values (1);
            select 1 / 0;`,
    }
    await expect(migrate(db.sql, [...readMigrations(), broken])).rejects.toThrow(/division by zero/)
    expect(await tableExists(db.sql, 'doomed')).toBe(false)
    expect(await appliedVersions(db.sql)).not.toContain(broken.version)
    // The failure left the connection usable and the next run still finds nothing to do.
    expect(await migrate(db.sql)).toEqual([])
  })

  it('applies a later migration after the ones already applied', async () => {
    await migrate(db.sql)
    const next: Migration = {
      version: readMigrations().length + 1,
      name: 'later',
      sql: 'create table later_table (id integer primary key);',
    }
    const migrations = [...readMigrations(), next]
    expect(await migrate(db.sql, migrations)).toEqual([`${String(next.version).padStart(4, '0')}_later`])
    expect(await migrate(db.sql, migrations)).toEqual([])
    await db.sql`drop table later_table`
    await db.sql`delete from schema_migrations where version = ${next.version}`
  })
})

describe('the audit log', () => {
  it('accepts inserts and refuses UPDATE, DELETE and TRUNCATE', async () => {
    await migrate(db.sql)
    await appendAudit(db.sql, { actorUserId: null, action: 'test.happened', subjectType: 'test', subjectId: '1' })
    await expect(db.sql`update audit_log set action = 'test.rewritten'`).rejects.toThrow(/append-only/)
    await expect(db.sql`delete from audit_log`).rejects.toThrow(/append-only/)
    await expect(db.sql`truncate audit_log`).rejects.toThrow(/append-only/)
    const rows = await db.sql`select action from audit_log where subject_type = 'test'`
    expect(rows.map((row) => row.action)).toEqual(['test.happened'])
  })
})
