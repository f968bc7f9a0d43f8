// `npm run db:restore -- <file> [--force]`: restores a backup made by `npm run db:backup` (docs/backup.md). With
// DATABASE_URL: pg_restore into that database, which must be empty unless --force. Without: loads the embedded backup
// into PGLITE_DATA_DIR, which must be empty unless --force (then the old directory is moved aside), portal stopped.
import { parseEnv } from '../app/utils/env.server'
import { BackupError, parseBackupArguments, restoreDatabase } from '../prisma-free-sql/backup'

try {
  const { file, force } = parseBackupArguments(process.argv.slice(2), { allowForce: true })
  const env = parseEnv()
  if (!env.DATABASE_URL) console.log(`No DATABASE_URL: restoring into the embedded database in ${env.PGLITE_DATA_DIR}. The portal must be stopped.`)
  await restoreDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR }, file, { force, log: (line) => console.log(line) })
} catch (error) {
  console.error(error instanceof BackupError || (error as Error).name === 'EnvError' ? (error as Error).message : error)
  process.exitCode = 1
}
