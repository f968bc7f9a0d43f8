// `npm run search:reindex`: rebuilds the whole search index (candidates and openings) from the database, with a
// progress bar. Safe while the portal serves: the backend builds a new index and swaps it in, and changes made
// meanwhile are synced again afterwards (search-index/reindex.ts). On the embedded database only one process can
// open the data, so while the portal runs there, use the button at /admin/sokeindeks instead.
import cliProgress from 'cli-progress'
import { parseEnv, setEnv } from '../app/utils/env.server'
import { connect, installDatabase, type Database } from '../prisma-free-sql/db'
import { migrate } from '../prisma-free-sql/migrate'
import { loadGeography } from '../prisma-free-sql/queries/geography'
import { getSearchBackend, searchBackendKind } from '../search-index/backends'
import { reindexAll, type RebuildProgress } from '../search-index/reindex'

const env = parseEnv()
setEnv(env)

let database: Database
try {
  database = await connect({ databaseUrl: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR })
} catch (error) {
  console.error((error as Error).message)
  if (!env.DATABASE_URL) console.error('While the portal runs on the embedded database, rebuild the index from /admin/sokeindeks.')
  process.exit(1)
}
installDatabase(database)

const bars = new cliProgress.MultiBar(
  {
    format: ' {label} |{bar}| {value}/{total} checked, {indexed} indexed',
    hideCursor: true,
    clearOnComplete: false,
    etaBuffer: 50,
  },
  cliProgress.Presets.shades_classic,
)
const labels = { candidates: 'Candidates', openings: 'Openings  ' } as const
const shown = new Map<RebuildProgress['kind'], cliProgress.SingleBar>()

function show(progress: RebuildProgress): void {
  let bar = shown.get(progress.kind)
  if (!bar) {
    bar = bars.create(progress.total, 0, { label: labels[progress.kind], indexed: 0 })
    shown.set(progress.kind, bar)
  }
  bar.setTotal(progress.total)
  bar.update(progress.scanned, { label: labels[progress.kind], indexed: progress.indexed })
}

let failed = false
try {
  await migrate(database.sql)
  await loadGeography(database.sql)
  console.log(`Rebuilding the ${searchBackendKind() === 'meilisearch' ? 'Meilisearch' : 'PostgreSQL'} search index …`)
  const result = await reindexAll(database.sql, getSearchBackend(), { onProgress: show })
  bars.stop()
  console.log(
    `Done in ${result.seconds.toFixed(1)} s: ${result.candidates} visible candidates and ${result.openings} published openings indexed` +
      (result.replayed > 0 ? `; ${result.replayed} change(s) made meanwhile are queued for the sync worker.` : '.'),
  )
} catch (error) {
  bars.stop()
  console.error(`The rebuild failed; the old index is still in use. ${(error as Error).message}`)
  failed = true
} finally {
  await database.close()
}
process.exit(failed ? 1 : 0)
