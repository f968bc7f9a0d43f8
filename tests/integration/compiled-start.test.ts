import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../app/utils/project-root.server'
import { buildIfNeeded } from '../../scripts/build'
import { createScratchDatabase, serverUrl, type ScratchDatabase } from '../support/database'
import { startPortalProcess, type PortalProcess } from '../support/portal-process'

// What `npm start` runs after building: the server bundle (server-build/start.js) with the start script's own node
// flags, on a database that holds nothing yet. The bundle no longer has the sources' folder layout, so this is where
// a path to the migrations, the reference data, the Remix build or the script that prepares a new embedded database
// would break. Embedded: a new data directory (prepared in the child process). Server: a new database on it.
describe('the compiled portal, as npm start runs it', () => {
  let workDir: string
  let scratch: ScratchDatabase | undefined
  let portal: PortalProcess | undefined

  beforeAll(async () => {
    await buildIfNeeded(projectRoot, { log: () => {} })
    workDir = await mkdtemp(path.join(os.tmpdir(), 'jobbsnekker-compiled-start-'))
    if (serverUrl) scratch = await createScratchDatabase()
  }, 180_000)

  afterAll(async () => {
    await portal?.stop()
    await scratch?.dispose()
    await rm(workDir, { recursive: true, force: true })
  }, 30_000)

  it('starts on a new database with the demo data and serves the log-in page', async () => {
    portal = await startPortalProcess({
      DATABASE_URL: scratch?.url ?? '',
      PGLITE_DATA_DIR: path.join(workDir, 'pgdata'),
      MAIL_DIR: path.join(workDir, 'mail'),
    })
    const { url } = portal

    expect(portal.output()).toContain('Loaded demo data (first start)')
    const login = await fetch(`${url}/logg-inn`)
    expect(login.status).toBe(200)
    expect(await login.text()).toContain('Logg inn')
    const stylesheet = /href="(\/build\/[^"]+\.css)"/.exec(await (await fetch(`${url}/logg-inn`)).text())?.[1]
    expect(stylesheet, 'the page links the built stylesheet').toBeDefined()
    expect((await fetch(`${url}${stylesheet}`)).status).toBe(200)
  }, 180_000)
})
