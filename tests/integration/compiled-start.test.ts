import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../app/utils/project-root.server'
import { buildIfNeeded } from '../../scripts/build'
import { startScriptNodeArguments } from '../../scripts/start-command'
import { createScratchDatabase, serverUrl, type ScratchDatabase } from '../support/database'

// What `npm start` runs after building: the server bundle (server-build/start.js) with the start script's own node
// flags, on a database that holds nothing yet. The bundle no longer has the sources' folder layout, so this is where
// a path to the migrations, the reference data, the Remix build or the script that prepares a new embedded database
// would break. Embedded: a new data directory (prepared in the child process). Server: a new database on it.
describe('the compiled portal, as npm start runs it', () => {
  let workDir: string
  let scratch: ScratchDatabase | undefined
  let portal: ChildProcess | undefined

  beforeAll(async () => {
    await buildIfNeeded(projectRoot, { log: () => {} })
    workDir = await mkdtemp(path.join(os.tmpdir(), 'jobbsnekker-compiled-start-'))
    if (serverUrl) scratch = await createScratchDatabase()
  }, 180_000)

  afterAll(async () => {
    if (portal && portal.exitCode === null) {
      const exited = new Promise((resolve) => portal!.once('exit', resolve))
      portal.kill('SIGTERM')
      await exited
    }
    await scratch?.dispose()
    await rm(workDir, { recursive: true, force: true })
  }, 30_000)

  it('starts on a new database with the demo data and serves the log-in page', async () => {
    const output: string[] = []
    portal = spawn(process.execPath, startScriptNodeArguments(projectRoot), {
      cwd: projectRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        DATABASE_URL: scratch?.url ?? '',
        PGLITE_DATA_DIR: path.join(workDir, 'pgdata'),
        MAIL_DIR: path.join(workDir, 'mail'),
        SESSION_SECRET: randomBytes(48).toString('base64url'),
        SMTP_URL: '',
        MEILISEARCH_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    portal.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    portal.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()))

    const url = await new Promise<string>((resolve, reject) => {
      const check = setInterval(() => {
        const ready = /Jobbsnekker is ready at (http:\/\/\S+)/.exec(output.join(''))
        if (ready) {
          clearInterval(check)
          resolve(ready[1]!)
        } else if (portal!.exitCode !== null) {
          clearInterval(check)
          reject(new Error(`The compiled portal exited with ${portal!.exitCode}:\n${output.join('')}`))
        }
      }, 50)
    })

    expect(output.join('')).toContain('Loaded demo data (first start)')
    const login = await fetch(`${url}/logg-inn`)
    expect(login.status).toBe(200)
    expect(await login.text()).toContain('Logg inn')
    const stylesheet = /href="(\/build\/[^"]+\.css)"/.exec(await (await fetch(`${url}/logg-inn`)).text())?.[1]
    expect(stylesheet, 'the page links the built stylesheet').toBeDefined()
    expect((await fetch(`${url}${stylesheet}`)).status).toBe(200)
  }, 180_000)
})
