import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import postgres from 'postgres'

export type Sql = postgres.Sql
export type TransactionSql = postgres.TransactionSql
/** Anything that can run a tagged query: the pool or an open transaction. */
export type Queryable = Sql | TransactionSql

export type DatabaseKind = 'embedded' | 'server'

export type Database = {
  sql: Sql
  kind: DatabaseKind
  close: () => Promise<void>
}

export type ConnectOptions = {
  /** A PostgreSQL server URL; when absent an embedded PGlite database is started. */
  databaseUrl?: string
  /** Where PGlite keeps its files, or `memory://` for a throw-away database. */
  dataDir?: string
  /** Pool size for a real server (embedded is always 1). */
  maxConnections?: number
}

const silentNotices = () => {}

/**
 * PGlite lives inside the portal's own process, and its shared buffers are resident from the start, so they count in
 * full against the portal's memory (16 MB vs 128 MB: 228 vs 344 MB RSS right after opening). A match search reads the
 * whole search projection of the opening's region, so with buffers much smaller than the data every search reads it
 * again through the WebAssembly file system (100,000 candidates: top-50 p95 106 ms with 64 MB, 75 ms with 128 MB).
 * So the buffers follow the data: a quarter of the data directory's size when the database opens, from 16 MB (the
 * demo data is about 40 MB) to 128 MB (PostgreSQL's default). work_mem and maintenance_work_mem stay small: they are
 * allocated per query and never returned. Measured in docs/benchmarks.md.
 */
export function embeddedSharedBuffersMb(dataDirBytes: number): number {
  const quarter = Math.round(dataDirBytes / 4 / 1024 / 1024)
  return Math.min(128, Math.max(16, Number.isFinite(quarter) ? quarter : 16))
}

function embeddedMemorySettings(dataDirBytes: number): string[] {
  return ['-c', `shared_buffers=${embeddedSharedBuffersMb(dataDirBytes)}MB`, '-c', 'work_mem=2MB', '-c', 'maintenance_work_mem=16MB']
}

function directoryBytes(directory: string): number {
  let total = 0
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const entryPath = path.join(directory, entry.name)
    if (entry.isDirectory()) total += directoryBytes(entryPath)
    else if (entry.isFile()) total += statSync(entryPath).size
  }
  return total
}

/**
 * Opens the database: the PostgreSQL server at `databaseUrl`, or an embedded PGlite
 * served on a free loopback port so that postgres.js talks to both the same way.
 */
export async function connect(options: ConnectOptions): Promise<Database> {
  if (options.databaseUrl) {
    const sql = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: silentNotices,
      connection: { application_name: 'jobbsnekker' },
    })
    return { sql, kind: 'server', close: () => sql.end({ timeout: 5 }) }
  }
  return connectEmbedded(options.dataDir ?? './var/pgdata')
}

async function connectEmbedded(dataDir: string): Promise<Database> {
  const [{ PGlite }, { pg_trgm }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite-socket'),
  ])
  const inMemory = dataDir.startsWith('memory://')
  const releaseLock = inMemory ? () => {} : lockDataDir(path.resolve(dataDir))
  if (!inMemory && !existsSync(path.join(path.resolve(dataDir), 'PG_VERSION'))) {
    await createClusterInChildProcess(path.resolve(dataDir)).catch((error: unknown) => {
      releaseLock()
      throw error
    })
  }
  const pglite = await PGlite.create({
    dataDir: inMemory ? dataDir : path.resolve(dataDir),
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...embeddedMemorySettings(inMemory ? 0 : directoryBytes(path.resolve(dataDir)))],
  })
  const socketServer = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0 })
  await socketServer.start()
  const [host, port] = socketServer.getServerConn().split(':')
  const sql = postgres({
    host,
    port: Number(port),
    database: 'postgres',
    username: 'postgres',
    // PGlite is a single backend: one connection, queries queue in postgres.js.
    max: 1,
    onnotice: silentNotices,
  })
  return {
    sql,
    kind: 'embedded',
    close: async () => {
      await sql.end({ timeout: 5 })
      await socketServer.stop()
      await pglite.close()
      releaseLock()
    },
  }
}

/**
 * initdb runs in its own WebAssembly instance whose memory stays with the process after it
 * finishes (about 60 MB); running it in a short-lived child leaves the portal without it.
 */
function createClusterInChildProcess(dataDir: string): Promise<void> {
  const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite')
  const script = `require(process.argv[1]).PGlite.create({ dataDir: process.argv[2] })
    .then((db) => db.close())
    .catch((error) => { console.error(error); process.exit(1) })`
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script, pgliteEntry, dataDir], (error, _stdout, stderr) => {
      if (error) reject(new Error(`Could not create the embedded database in ${dataDir}: ${stderr || error.message}`))
      else resolve()
    })
  })
}

/**
 * PGlite's files must only ever be open in one process; a second one (say `npm run db:seed`
 * while the portal runs) would corrupt them. A pid file next to the data turns that into a clear error.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const lockFile = `${dataDir}.lock`
  if (existsSync(lockFile)) {
    const holder = Number(readFileSync(lockFile, 'utf8'))
    if (holder !== process.pid && processIsAlive(holder)) {
      throw new Error(`The embedded database in ${dataDir} is in use by process ${holder}. Stop the portal first, or set DATABASE_URL.`)
    }
  }
  writeFileSync(lockFile, String(process.pid))
  const release = () => rmSync(lockFile, { force: true })
  process.once('exit', release)
  return release
}

function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

// The server entry and the Remix build are separate module graphs; globalThis gives them one database.
const globalKey = Symbol.for('jobbsnekker.database')
type DatabaseHolder = { [globalKey]?: Database }

export function installDatabase(database: Database): void {
  ;(globalThis as DatabaseHolder)[globalKey] = database
}

export function getDatabase(): Database {
  const database = (globalThis as DatabaseHolder)[globalKey]
  if (!database) throw new Error('The database is not connected; start the portal through server.ts')
  return database
}

export function getSql(): Sql {
  return getDatabase().sql
}

// Connection failures as postgres.js reports them (its own codes and the socket's), and the server's answers while it
// shuts down, restarts or has lost the connection (SQLSTATE classes 08 and 57P).
const UNAVAILABLE_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
])

/** True when `error` says the database cannot be reached right now (as opposed to a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true
    const nested = (current as { errors?: unknown }).errors
    if (Array.isArray(nested) && nested.some((inner) => isDatabaseUnavailable(inner))) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
