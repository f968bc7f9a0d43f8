import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { projectRoot } from '../../app/utils/project-root.server'
import { buildIfNeeded } from '../../scripts/build'
import { startScriptNodeArguments } from '../../scripts/start-command'
import { createScratchDatabase, serverUrl } from './database'

export type PortalProcess = {
  url: string
  child: ChildProcess
  /** Everything the portal printed so far. */
  output: () => string
  stop: () => Promise<void>
}

/**
 * The compiled portal as `npm start` runs it (server-build/start.js with the start script's node flags), in a child
 * process, on the given environment; resolves when it says it is ready.
 */
export async function startPortalProcess(env: Record<string, string>, options: { readyTimeoutMs?: number } = {}): Promise<PortalProcess> {
  const printed: string[] = []
  const child = spawn(process.execPath, startScriptNodeArguments(projectRoot), {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      SESSION_SECRET: randomBytes(48).toString('base64url'),
      SMTP_URL: '',
      MEILISEARCH_URL: '',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk: Buffer) => printed.push(chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => printed.push(chunk.toString()))
  const output = () => printed.join('')
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  const url = await new Promise<string>((resolve, reject) => {
    const deadline = Date.now() + (options.readyTimeoutMs ?? 150_000)
    const check = setInterval(() => {
      const ready = /Jobbsnekker is ready at (http:\/\/\S+)/.exec(output())
      if (ready) {
        clearInterval(check)
        resolve(ready[1]!)
      } else if (child.exitCode !== null || Date.now() > deadline) {
        clearInterval(check)
        reject(new Error(`The compiled portal did not start (exit code ${child.exitCode}):\n${output()}`))
      }
    }, 50)
  })
  return { url, child, output, stop }
}

export type ScratchPortal = { portal: PortalProcess; workDir: string; dispose: () => Promise<void> }

/**
 * The compiled portal (built first when the sources are newer) on a database of its own: a new embedded data directory,
 * or a new database on the test server when TEST_DATABASE_URL is set; mail goes to a folder of its own. `env` adds to
 * or overrides that environment.
 */
export async function startScratchPortal(label: string, env: Record<string, string> = {}): Promise<ScratchPortal> {
  await buildIfNeeded(projectRoot, { log: () => {} })
  const workDir = await mkdtemp(path.join(os.tmpdir(), `jobbsnekker-${label}-`))
  const scratch = serverUrl ? await createScratchDatabase() : undefined
  const dispose = async (portal?: PortalProcess) => {
    await portal?.stop()
    await scratch?.dispose()
    await rm(workDir, { recursive: true, force: true })
  }
  try {
    const portal = await startPortalProcess({
      DATABASE_URL: scratch?.url ?? '',
      PGLITE_DATA_DIR: path.join(workDir, 'pgdata'),
      MAIL_DIR: path.join(workDir, 'mail'),
      ...env,
    })
    return { portal, workDir, dispose: () => dispose(portal) }
  } catch (error) {
    await dispose()
    throw error
  }
}
