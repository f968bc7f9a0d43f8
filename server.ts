import { statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { createMailTransport } from './emails/mailer'
import { startEmailWorker } from './emails/outbox-worker'
import { prepareRuntime, withSessionSecret } from './app/modules/runtime.server'
import { startScheduledJobs } from './app/modules/scheduled-jobs.server'
import { type Env } from './app/utils/env.server'
import { projectRoot } from './app/utils/project-root.server'
import { assignCspNonce, cspNonceOf, limitRequestBodies, refuseCrossSiteMutations, securityHeaders } from './app/utils/http-security.server'
import { getSearchBackend, searchBackendKind } from './search-index/backends'
import { reindexIfEmpty, stopBackgroundReindex } from './search-index/reindex'
import { startSearchWorker } from './search-index/sync'


const buildFile = path.join(projectRoot, 'build', 'index.js')

async function importBuild(version = ''): Promise<ServerBuild> {
  return (await import(`${pathToFileURL(buildFile).href}${version}`)) as ServerBuild
}

/** In development `remix watch` rewrites the build; each request picks up the newest one. */
function reloadingBuild(): () => Promise<ServerBuild> {
  let loaded: { mtime: number; build: Promise<ServerBuild> } | undefined
  return () => {
    const mtime = statSync(buildFile).mtimeMs
    if (!loaded || loaded.mtime !== mtime) loaded = { mtime, build: importBuild(`?v=${mtime}`) }
    return loaded.build
  }
}

export type RunningPortal = { url: string; close: () => Promise<void> }

function describeMailDelivery(env: Env): string {
  if (env.SMTP_URL) return 'E-mail: sent through SMTP_URL'
  if (env.DEVELOPMENT_MAILBOX) return `E-mail: stored in ${env.MAIL_DIR}, shown at ${env.PUBLIC_URL}/utvikling/epost`
  return `E-mail: stored in ${env.MAIL_DIR} only (no SMTP_URL; DEVELOPMENT_MAILBOX is off)`
}

/** Starts the whole portal: database, migrations, demo data on first run, and the web server. */
export async function startPortal(env: Env, options: { seed?: boolean; log?: (line: string) => void } = {}): Promise<RunningPortal> {
  const log = options.log ?? ((line: string) => console.log(line))
  const fullEnv = withSessionSecret(env)
  const runtime = await prepareRuntime(fullEnv, { seed: options.seed ?? fullEnv.SEED_DEMO_DATA })
  log(`Database: ${runtime.database.kind === 'embedded' ? `embedded PGlite in ${fullEnv.PGLITE_DATA_DIR}` : 'PostgreSQL server'}`)
  if (runtime.migrated.length > 0) log(`Applied migrations: ${runtime.migrated.join(', ')}`)
  if (runtime.seeded) log('Loaded demo data (first start)')
  log(describeMailDelivery(fullEnv))

  // The outbox worker keeps the search index in step with the database; a new, empty index is built once in the
  // background while the portal already serves.
  const sql = runtime.database.sql
  log(`Search: ${searchBackendKind() === 'meilisearch' ? 'Meilisearch at MEILISEARCH_URL' : 'PostgreSQL (the portal database)'}`)
  const emptyIndexCheck = reindexIfEmpty(sql, getSearchBackend(), log)
    .then((started) => {
      if (started) log('Search index is empty: rebuilding it in the background')
    })
    .catch((error: unknown) => log(`Search index: could not check whether it is empty (${error instanceof Error ? error.message : String(error)})`))
  const searchWorker = startSearchWorker({ sql, backend: getSearchBackend, log, startAfter: emptyIndexCheck })
  // Notices reach people through the e-mail outbox; reminders, escalations and digests are set off by time.
  const emailWorker = startEmailWorker({ sql, transport: createMailTransport({ smtpUrl: fullEnv.SMTP_URL, from: fullEnv.MAIL_FROM, mailDir: fullEnv.MAIL_DIR }), log })
  const scheduledJobs = startScheduledJobs({ sql, log })

  const build = fullEnv.NODE_ENV === 'development' ? reloadingBuild() : await importBuild()
  const app = express()
  app.disable('x-powered-by')
  app.use(assignCspNonce, securityHeaders({ publicUrl: fullEnv.PUBLIC_URL, development: fullEnv.NODE_ENV === 'development' }))
  app.use(compression())
  app.use('/build', express.static(path.join(projectRoot, 'public', 'build'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(path.join(projectRoot, 'public'), { maxAge: '1h' }))
  app.use(refuseCrossSiteMutations(fullEnv.PUBLIC_URL), limitRequestBodies())
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: fullEnv.NODE_ENV,
      getLoadContext: (req, res) => ({
        clientAddress: req.socket.remoteAddress ?? 'unknown',
        cspNonce: cspNonceOf(res),
        failure: { databaseUnavailable: false },
      }),
    }),
  )

  const server: Server = await new Promise((resolve, reject) => {
    const onListening = () => resolve(listening)
    const listening = fullEnv.HOST ? app.listen(fullEnv.PORT, fullEnv.HOST, onListening) : app.listen(fullEnv.PORT, onListening)
    listening.on('error', reject)
  })
  const { port } = server.address() as AddressInfo
  const url = `http://localhost:${port}`
  return {
    url,
    close: async () => {
      await searchWorker.stop()
      await scheduledJobs.stop()
      await emailWorker.stop()
      await emptyIndexCheck
      await stopBackgroundReindex()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await runtime.database.close()
    },
  }
}
