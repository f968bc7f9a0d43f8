import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { projectRoot } from '../app/utils/project-root.server'
import type { Sql } from './db'

export const migrationsDir = path.join(projectRoot, 'prisma-free-sql', 'migrations')

// Any constant works; it only has to be the same for every process that migrates this database.
const MIGRATION_LOCK_KEY = 7_361_245_001

export type Migration = { version: number; name: string; sql: string }

export function readMigrations(dir = migrationsDir): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file)
      if (!match) throw new Error(`Migration file name must look like 0001_name.sql: ${file}`)
      return { version: Number(match[1]), name: match[2]!, sql: readFileSync(path.join(dir, file), 'utf8') }
    })
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migrations must be numbered 1, 2, 3 …; found ${migration.version} at ${index + 1}`)
  })
  return migrations
}

/**
 * Applies pending migrations, each in its own transaction under a transaction-scoped
 * advisory lock, so concurrent starts apply each migration once and a failing one
 * leaves nothing behind. Returns the names that were applied now.
 */
export async function migrate(sql: Sql, migrations: Migration[] = readMigrations()): Promise<string[]> {
  // Created under the same lock: concurrent `create table if not exists` can still collide on a server.
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`
    await tx`
      create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`
  })
  const applied: string[] = []
  for (const migration of migrations) {
    const didApply = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`
      const [existing] = await tx`select version from schema_migrations where version = ${migration.version}`
      if (existing) return false
      await tx.unsafe(migration.sql)
      await tx`insert into schema_migrations (version, name) values (${migration.version}, ${migration.name})`
      return true
    })
    if (didApply) applied.push(`${String(migration.version).padStart(4, '0')}_${migration.name}`)
  }
  return applied
}
