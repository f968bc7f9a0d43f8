// The first start's heavy work on an embedded database (migrations, reference data, demo data, search index),
// in a short-lived process of its own. PGlite's WebAssembly memory grows with the work and never
// shrinks, so done in the portal it would stay with the portal for good (docs/benchmarks.md).
// Usage: node --import tsx scripts/prepare-embedded-database.ts <data directory>
import { connect } from '../prisma-free-sql/db'
import { migrate } from '../prisma-free-sql/migrate'
import { loadGeography } from '../prisma-free-sql/queries/geography'
import { createPostgresBackend } from '../search-index/postgres-backend'
import { reindexAll } from '../search-index/reindex'
import { seedDemoData } from './demo-data'

const dataDir = process.argv[2]
if (!dataDir || dataDir.startsWith('memory://')) {
  console.error('Give the data directory of the embedded database.')
  process.exit(2)
}
const database = await connect({ dataDir })
try {
  await migrate(database.sql)
  await loadGeography(database.sql)
  await seedDemoData(database.sql, { onlyIfEmpty: true })
  // The first search index too: building it grows PGlite's memory the same way.
  await reindexAll(database.sql, createPostgresBackend(database.sql))
} finally {
  await database.close()
}
