import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { projectRoot } from '../../app/utils/project-root.server'
import { startScriptNodeArguments } from '../../scripts/start-command'

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
