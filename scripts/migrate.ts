// `npm run db:migrate`: applies pending migrations and reference data to the configured database.
import { connect } from '../prisma-free-sql/db'
import { migrate } from '../prisma-free-sql/migrate'
import { loadGeography } from '../prisma-free-sql/queries/geography'
import { parseEnv } from '../app/utils/env.server'

const env = parseEnv()
const database = await connect({ databaseUrl: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR })
try {
  const applied = await migrate(database.sql)
  await loadGeography(database.sql)
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
} finally {
  await database.close()
}
