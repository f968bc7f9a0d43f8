import { afterAll, describe, expect, it } from 'vitest'
import { startScratchPortal, type ScratchPortal } from '../support/portal-process'

// What `npm start` runs after building: the server bundle (server-build/start.js) with the start script's own node
// flags, on a database that holds nothing yet. The bundle no longer has the sources' folder layout, so this is where
// a path to the migrations, the reference data, the Remix build or the script that prepares a new embedded database
// would break. Embedded: a new data directory (prepared in the child process). Server: a new database on it.
describe('the compiled portal, as npm start runs it', () => {
  let started: ScratchPortal | undefined

  afterAll(async () => {
    await started?.dispose()
  }, 30_000)

  it('starts on a new database with the demo data and serves the log-in page', async () => {
    started = await startScratchPortal('compiled-start')
    const { portal } = started
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
