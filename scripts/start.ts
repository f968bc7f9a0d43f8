// `npm start`: build when needed, then migrate, seed demo data on the first run and serve.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from '../app/utils/env.server'
import { buildIfNeeded } from './build-if-needed'

process.env.NODE_ENV ??= 'production'
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

let env
try {
  env = parseEnv()
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
buildIfNeeded(projectRoot)
const { startPortal } = await import('../server')
const portal = await startPortal(env)
console.log(`Jobbsnekker is ready at ${portal.url}`)
const shutdown = async () => {
  await portal.close()
  process.exit(0)
}
process.once('SIGINT', shutdown)
process.once('SIGTERM', shutdown)
