// `npm run db:backup -- <file>`: backs up the portal's database (docs/backup.md). With DATABASE_URL: pg_dump of the
// PostgreSQL server; without: PGlite's dump of the embedded data directory (PGLITE_DATA_DIR), with the portal stopped.
import { parseEnv } from '../app/utils/env.server'
import { BackupError, backupDatabase, parseBackupArguments } from '../prisma-free-sql/backup'

try {
  const { file } = parseBackupArguments(process.argv.slice(2), { allowForce: false })
  const env = parseEnv()
  if (!env.DATABASE_URL) console.log(`No DATABASE_URL: backing up the embedded database in ${env.PGLITE_DATA_DIR}. The portal must be stopped.`)
  await backupDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR }, file, (line) => console.log(line))
} catch (error) {
  console.error(error instanceof BackupError || (error as Error).name === 'EnvError' ? (error as Error).message : error)
  process.exitCode = 1
}
