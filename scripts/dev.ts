// `npm run dev`: rebuilds on every change (`remix watch`) and serves the newest build on the next request.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from '../app/utils/env.server'
import { buildIfNeeded } from './build'

process.env.NODE_ENV ??= 'development'
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

let env
try {
  env = parseEnv()
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
await buildIfNeeded(projectRoot, { server: false })
const watcher = spawn('npx', ['remix', 'watch'], { cwd: projectRoot, stdio: 'inherit', env: process.env })
const { startPortal } = await import('../server')
const portal = await startPortal(env)
console.log(`Jobbsnekker (development) is ready at ${portal.url}`)
const shutdown = async () => {
  watcher.kill()
  await portal.close()
  process.exit(0)
}
process.once('SIGINT', shutdown)
process.once('SIGTERM', shutdown)
