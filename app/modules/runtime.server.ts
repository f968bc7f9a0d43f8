import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { connect, installDatabase, type Database } from '../../prisma-free-sql/db'
import { migrate } from '../../prisma-free-sql/migrate'
import { deleteOldLoginAttempts } from '../../prisma-free-sql/queries/credentials'
import { loadGeography } from '../../prisma-free-sql/queries/geography'
import { deleteExpiredSessions } from '../../prisma-free-sql/queries/sessions'
import { seedDemoData } from '../../scripts/demo-data'
import { setEnv, type Env } from '../utils/env.server'
import { projectRoot, runningFromServerBundle } from '../utils/project-root.server'

/**
 * Without SESSION_SECRET the embedded setup keeps a generated secret under ./var,
 * so sessions survive restarts without any configuration.
 */
export function withSessionSecret(env: Env, varDir = './var'): Env {
  if (env.SESSION_SECRET) return env
  const file = path.resolve(varDir, 'session-secret')
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 })
  }
  return { ...env, SESSION_SECRET: readFileSync(file, 'utf8').trim() }
}

export type PreparedRuntime = { database: Database; migrated: string[]; seeded: boolean }

/** `npm start` runs the compiled script (no TypeScript loader, see scripts/build.ts); tests and `npm run dev` the source. */
const prepareCommand = runningFromServerBundle
  ? [path.join(projectRoot, 'server-build', 'prepare-embedded-database.js')]
  : ['--import', 'tsx', path.join(projectRoot, 'scripts', 'prepare-embedded-database.ts')]

/** A data directory that does not hold a database yet: this start creates and fills it. */
function isNewEmbeddedDatabase(env: Env): boolean {
  return !env.DATABASE_URL && !env.PGLITE_DATA_DIR.startsWith('memory://') && !existsSync(path.join(path.resolve(env.PGLITE_DATA_DIR), 'PG_VERSION'))
}

/** See scripts/prepare-embedded-database.ts: the demo data is loaded in a child so its memory leaves with it. */
function prepareEmbeddedInChildProcess(dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...prepareCommand, path.resolve(dataDir)], (error, _stdout, stderr) => {
      if (error) reject(new Error(`Could not prepare the embedded database in ${dataDir}: ${stderr || error.message}`))
      else resolve()
    })
  })
}

/** Connects, migrates, loads reference data and (when asked) seeds demo data into an empty database. */
export async function prepareRuntime(env: Env, options: { seed: boolean }): Promise<PreparedRuntime> {
  setEnv(env)
  const seededInChild = options.seed && isNewEmbeddedDatabase(env)
  if (seededInChild) await prepareEmbeddedInChildProcess(env.PGLITE_DATA_DIR)
  const database = await connect({ databaseUrl: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR })
  installDatabase(database)
  const migrated = await migrate(database.sql)
  await loadGeography(database.sql)
  await deleteExpiredSessions(database.sql)
  await deleteOldLoginAttempts(database.sql)
  const seeded = seededInChild || (options.seed ? await seedDemoData(database.sql, { onlyIfEmpty: true }) : false)
  return { database, migrated, seeded }
}
