// `npm start` runs this compiled (server-build/start.js, made by scripts/build.ts): migrate, seed demo data on the
// first run, and serve.
import { parseEnv } from '../app/utils/env.server'

process.env.NODE_ENV ??= 'production'

let env
try {
  env = parseEnv()
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
// Imported after NODE_ENV is settled: modules may read it when they load.
const { startPortal } = await import('../server')
const portal = await startPortal(env)
console.log(`Jobbsnekker is ready at ${portal.url}`)
const shutdown = async () => {
  await portal.close()
  process.exit(0)
}
process.once('SIGINT', shutdown)
process.once('SIGTERM', shutdown)
