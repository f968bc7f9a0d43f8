// `npm run db:seed`: migrates, then loads the demo data; running it again adds nothing twice.
import { connect } from '../prisma-free-sql/db'
import { migrate } from '../prisma-free-sql/migrate'
import { loadGeography } from '../prisma-free-sql/queries/geography'
import { parseEnv } from '../app/utils/env.server'
import { demoLogins, seedDemoData } from './demo-data'

const env = parseEnv()
const database = await connect({ databaseUrl: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR })
try {
  await migrate(database.sql)
  await loadGeography(database.sql)
  await seedDemoData(database.sql, { onlyIfEmpty: false })
  console.log(`Demo data is loaded. Log in as ${Object.values(demoLogins).join(', ')}.`)
} finally {
  await database.close()
}
