// Backup and restore of the portal's database (`npm run db:backup` / `npm run db:restore`, docs/backup.md).
// A PostgreSQL server is dumped with pg_dump in its custom format and restored with pg_restore into an empty database.
// The embedded PGlite data directory is dumped by PGlite itself (a gzipped tar of the data directory, taken by the
// database while it holds the files) and loaded into an empty directory; the portal must be stopped for both, since
// PGlite's files may only be open in one process.
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import postgres from 'postgres'

export class BackupError extends Error {
  override name = 'BackupError'
}

export type BackupLog = (line: string) => void

export type BackupResult = { kind: 'server' | 'embedded'; file: string; bytes: number; migrations: number }
export type RestoreResult = { kind: 'server' | 'embedded'; file: string; migrations: number; movedAside?: string }

const quiet = () => {}

/** The URL without its password, for messages and for the tools (which get the password through PGPASSWORD). */
function splitPassword(databaseUrl: string): { url: string; password: string | undefined; safe: string } {
  const url = new URL(databaseUrl)
  const password = url.password ? decodeURIComponent(url.password) : undefined
  url.password = ''
  return { url: url.toString(), password, safe: url.toString() }
}

function runTool(tool: string, args: string[], password: string | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      args,
      { env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stderr.trim())
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return reject(new BackupError(`${tool} was not found. Install the PostgreSQL client tools (the same major version as the server, or newer).`))
        }
        reject(new BackupError(`${tool} failed: ${(stderr || stdout || error.message).trim()}`))
      },
    )
  })
}

async function withServer<T>(databaseUrl: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: quiet, connect_timeout: 10 })
  try {
    return await run(sql)
  } catch (error) {
    if (error instanceof BackupError) throw error
    throw new BackupError(`Could not use the database at ${splitPassword(databaseUrl).safe}: ${(error as Error).message}`)
  } finally {
    await sql.end({ timeout: 5 })
  }
}

async function migrationCount(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ count: number | null }[]>`
    select case when to_regclass('public.schema_migrations') is null then null
                else (select count(*)::int from schema_migrations) end as count`
  return row?.count ?? 0
}

/** Tables, views, sequences and the like outside PostgreSQL's own schemas: anything means "not empty". */
async function userRelationCount(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'`
  return row?.count ?? 0
}

function fileSize(file: string): number {
  return statSync(file).size
}

/** pg_dump in the custom format (compressed, restorable table by table), without owners, so any role can restore it. */
export async function backupServer(options: { databaseUrl: string; file: string; log?: BackupLog }): Promise<BackupResult> {
  const log = options.log ?? quiet
  const file = path.resolve(options.file)
  const { url, password, safe } = splitPassword(options.databaseUrl)
  const migrations = await withServer(options.databaseUrl, migrationCount)
  if (migrations === 0) throw new BackupError(`The database at ${safe} has no Jobbsnekker schema (no applied migrations); nothing to back up.`)
  mkdirSync(path.dirname(file), { recursive: true })
  // Written beside the target and renamed, so a failed dump never leaves a half file under the backup's name.
  const partial = `${file}.partial`
  try {
    await runTool('pg_dump', ['--format=custom', '--no-owner', '--file', partial, '--dbname', url], password)
    renameSync(partial, file)
  } finally {
    rmSync(partial, { force: true })
  }
  const bytes = fileSize(file)
  log(`Backed up the PostgreSQL database ${safe} (${migrations} migrations applied) with pg_dump to ${file} (${formatBytes(bytes)})`)
  return { kind: 'server', file, bytes, migrations }
}

/**
 * pg_restore into the database at `databaseUrl`, which must be empty (a new `createdb`); with `force` the objects in
 * the backup replace those already there (--clean). One transaction: a failure leaves the database as it was.
 */
export async function restoreServer(options: { databaseUrl: string; file: string; force?: boolean; log?: BackupLog }): Promise<RestoreResult> {
  const log = options.log ?? quiet
  const file = path.resolve(options.file)
  if (!existsSync(file)) throw new BackupError(`The backup file ${file} does not exist.`)
  const { url, password, safe } = splitPassword(options.databaseUrl)
  // Reading the file's table of contents first refuses a file that is not a pg_dump archive before anything changes.
  await runTool('pg_restore', ['--list', file], password).catch((error: unknown) => {
    throw new BackupError(`${file} is not a backup made by npm run db:backup for a PostgreSQL server (${(error as Error).message})`)
  })
  const existing = await withServer(options.databaseUrl, userRelationCount)
  if (existing > 0 && !options.force) {
    throw new BackupError(
      `The database at ${safe} is not empty (${existing} tables, indexes, sequences or other objects). Restore into a new, empty database ` +
        `(createdb), or add --force to replace what is there with the backup.`,
    )
  }
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--dbname', url]
  if (existing > 0) args.push('--clean', '--if-exists')
  await runTool('pg_restore', [...args, file], password)
  const migrations = await withServer(options.databaseUrl, migrationCount)
  log(
    `Restored ${file} into the PostgreSQL database ${safe}${existing > 0 ? ' (replacing what was there, --force)' : ''}; ` +
      `${migrations} migrations recorded. Start the portal: it rebuilds the search index if it is empty.`,
  )
  return { kind: 'server', file, migrations }
}

/** The lock file the portal keeps next to the data directory while it runs (prisma-free-sql/db.ts). */
function lockFileOf(dataDir: string): string {
  return `${dataDir}.lock`
}

function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Refuses while a process (the portal, a seed or another backup) has the data directory open, then holds the same lock
 * so that nothing opens it until the backup or restore is done.
 */
function lockEmbedded(dataDir: string, doing: string): () => void {
  const lockFile = lockFileOf(dataDir)
  if (existsSync(lockFile)) {
    const holder = Number(readFileSync(lockFile, 'utf8'))
    if (processIsAlive(holder)) {
      throw new BackupError(
        `The embedded database in ${dataDir} is in use by process ${holder} (${lockFile}). Stop the portal first: ` +
          `PGlite's files may only be open in one process, so it cannot ${doing} while the portal runs.`,
      )
    }
  }
  mkdirSync(path.dirname(dataDir), { recursive: true })
  writeFileSync(lockFile, String(process.pid))
  return () => rmSync(lockFile, { force: true })
}

async function openPglite(dataDir: string, loadDataDir?: Blob) {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/pg_trgm')])
  return PGlite.create({ dataDir, extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) })
}

async function embeddedMigrationCount(db: Awaited<ReturnType<typeof openPglite>>): Promise<number> {
  const result = await db.query<{ count: number | null }>(
    `select case when to_regclass('public.schema_migrations') is null then null
                 else (select count(*)::int from schema_migrations) end as count`,
  )
  return result.rows[0]?.count ?? 0
}

function isEmbeddedDataDir(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'))
}

function resolveDataDir(dataDir: string): string {
  if (dataDir.startsWith('memory://')) throw new BackupError('PGLITE_DATA_DIR is memory://: an in-memory database has nothing on disk to back up or restore into.')
  return path.resolve(dataDir)
}

/** PGlite's own dump of the data directory (a .tar.gz), taken with the portal stopped. */
export async function backupEmbedded(options: { dataDir: string; file: string; log?: BackupLog }): Promise<BackupResult> {
  const log = options.log ?? quiet
  const dataDir = resolveDataDir(options.dataDir)
  const file = path.resolve(options.file)
  if (!isEmbeddedDataDir(dataDir)) throw new BackupError(`There is no embedded database in ${dataDir} (no PG_VERSION); nothing to back up.`)
  const release = lockEmbedded(dataDir, 'be backed up')
  try {
    const db = await openPglite(dataDir)
    let migrations: number
    let tarball: Blob
    try {
      migrations = await embeddedMigrationCount(db)
      tarball = await db.dumpDataDir('gzip')
    } finally {
      await db.close()
    }
    mkdirSync(path.dirname(file), { recursive: true })
    const partial = `${file}.partial`
    writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()))
    renameSync(partial, file)
    const bytes = fileSize(file)
    log(`Backed up the embedded database in ${dataDir} (${migrations} migrations applied) to ${file} (${formatBytes(bytes)})`)
    return { kind: 'embedded', file, bytes, migrations }
  } finally {
    release()
  }
}

/**
 * Loads a backup made by backupEmbedded into `dataDir`, which must not hold a database; with `force` an existing one
 * is moved aside (never deleted) to `<dataDir>.before-restore-<time>`.
 */
export async function restoreEmbedded(options: { dataDir: string; file: string; force?: boolean; log?: BackupLog }): Promise<RestoreResult> {
  const log = options.log ?? quiet
  const dataDir = resolveDataDir(options.dataDir)
  const file = path.resolve(options.file)
  if (!existsSync(file)) throw new BackupError(`The backup file ${file} does not exist.`)
  const contents = readFileSync(file)
  // gzip (PGlite's dump) or a plain tar ("ustar" at offset 257); anything else is not an embedded backup.
  const gzip = contents[0] === 0x1f && contents[1] === 0x8b
  const tar = contents.subarray(257, 262).toString('latin1') === 'ustar'
  if (!gzip && !tar) {
    throw new BackupError(`${file} is not a backup of the embedded database (a .tar.gz made by npm run db:backup without DATABASE_URL).`)
  }
  const release = lockEmbedded(dataDir, 'be restored')
  let movedAside: string | undefined
  try {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      if (!options.force) {
        throw new BackupError(
          `${dataDir} is not empty${isEmbeddedDataDir(dataDir) ? ' (it holds a database)' : ''}. Restore into an empty or new directory ` +
            `(set PGLITE_DATA_DIR), or add --force to move the existing one aside first.`,
        )
      }
      movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
      renameSync(dataDir, movedAside)
    }
    let migrations: number
    try {
      const db = await openPglite(dataDir, new Blob([contents]))
      try {
        migrations = await embeddedMigrationCount(db)
      } finally {
        await db.close()
      }
    } catch (error) {
      // A directory left half-written by a failed load would look like a database next time; the one moved aside is
      // put back.
      rmSync(dataDir, { recursive: true, force: true })
      if (movedAside) renameSync(movedAside, dataDir)
      movedAside = undefined
      throw new BackupError(`Could not load ${file} into ${dataDir}: ${(error as Error).message}`)
    }
    log(
      `Restored ${file} into the embedded database in ${dataDir}; ${migrations} migrations recorded.` +
        (movedAside ? ` The previous data directory was moved to ${movedAside}.` : '') +
        ' Start the portal: it rebuilds the search index if it is empty.',
    )
    return { kind: 'embedded', file, migrations, movedAside }
  } finally {
    release()
  }
}

export type BackupTarget = { databaseUrl?: string; dataDir: string }

/** The database the portal uses: DATABASE_URL when set, else the embedded data directory. */
export function backupDatabase(target: BackupTarget, file: string, log?: BackupLog): Promise<BackupResult> {
  return target.databaseUrl ? backupServer({ databaseUrl: target.databaseUrl, file, log }) : backupEmbedded({ dataDir: target.dataDir, file, log })
}

export function restoreDatabase(target: BackupTarget, file: string, options: { force?: boolean; log?: BackupLog } = {}): Promise<RestoreResult> {
  return target.databaseUrl
    ? restoreServer({ databaseUrl: target.databaseUrl, file, ...options })
    : restoreEmbedded({ dataDir: target.dataDir, file, ...options })
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The command line of both scripts: one file, and --force for restore. */
export function parseBackupArguments(argv: string[], options: { allowForce: boolean }): { file: string; force: boolean } {
  const force = argv.includes('--force')
  const rest = argv.filter((arg) => arg !== '--force')
  const unknown = rest.filter((arg) => arg.startsWith('-'))
  if (force && !options.allowForce) throw new BackupError('--force is only for db:restore.')
  if (unknown.length > 0) throw new BackupError(`Unknown option ${unknown.join(', ')}.`)
  if (rest.length !== 1) throw new BackupError(`Give exactly one backup file, e.g. npm run db:${options.allowForce ? 'restore' : 'backup'} -- backups/jobbsnekker.dump`)
  return { file: rest[0]!, force }
}
