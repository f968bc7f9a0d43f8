import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
  const pglite = await PGlite.create({
    dataDir: inMemory ? dataDir : path.resolve(dataDir),
    extensions: { pg_trgm },
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
