// The portal as the browser tests see it: the production build, a database with nothing but
// the demo data, and a private mailbox folder the tests read password-reset mail from.
// Playwright starts this through `webServer`; the build must exist (`npm run build`).
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'
import { parseEnv } from '../app/utils/env.server'

process.env.NODE_ENV ??= 'production'
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

if (!existsSync(path.join(projectRoot, 'build', 'index.js'))) {
  console.error('No build found. Run `npm run build` before the browser tests.')
  process.exit(1)
}

const mailDir = process.env.E2E_MAIL_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'jobbsnekker-e2e-mail-'))
mkdirSync(mailDir, { recursive: true })

/**
 * Creates an empty database next to the one in `serverUrl`, so every run starts from the
 * demo data alone however often it runs against the same PostgreSQL server.
 */
async function createFreshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `jobbsnekker_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`create database ${name}`)
  } finally {
    await admin.end({ timeout: 5 })
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const cleaner = postgres(serverUrl, { max: 1, onnotice: () => {} })
      try {
        await cleaner.unsafe(`drop database if exists ${name} with (force)`)
      } finally {
        await cleaner.end({ timeout: 5 })
      }
    },
  }
}

const serverUrl = process.env.DATABASE_URL?.trim() || undefined
const fresh = serverUrl ? await createFreshDatabase(serverUrl) : undefined

let env
try {
  env = parseEnv({
    ...process.env,
    PORT: process.env.PORT ?? '3190',
    DATABASE_URL: fresh?.url,
    PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR ?? 'memory://',
    MAIL_DIR: mailDir,
    // Never fall back to a real SMTP server or to the shared ./var session secret.
    SMTP_URL: '',
    // The browser tests follow reset links through the mailbox page, also on the server database.
    DEVELOPMENT_MAILBOX: 'true',
    SESSION_SECRET: process.env.SESSION_SECRET ?? randomBytes(48).toString('base64url'),
    SEED_DEMO_DATA: 'true',
  })
} catch (error) {
  console.error((error as Error).message)
  await fresh?.drop()
  process.exit(1)
}

const { startPortal } = await import('../server')
const portal = await startPortal(env)
console.log(`E2E portal ready at ${portal.url} (${fresh ? 'PostgreSQL server' : 'embedded PGlite'}, mail in ${mailDir})`)

let stopping = false
const shutdown = async () => {
  if (stopping) return
  stopping = true
  await portal.close()
  await fresh?.drop()
  process.exit(0)
}
process.once('SIGINT', shutdown)
process.once('SIGTERM', shutdown)
