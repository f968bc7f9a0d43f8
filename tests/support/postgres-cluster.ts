import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chown, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { freePort } from '../../scripts/free-port'

const run = promisify(execFile)

/** The PostgreSQL server binaries of the newest installed major version (Debian's layout), if any. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  return ['17', '16', '15', '14'].map((version) => path.join(root, version, 'bin')).find((dir) => existsSync(path.join(dir, 'pg_ctl')))
}

/** initdb and postgres refuse to run as root; as root the cluster belongs to the postgres user. */
const asRoot = process.getuid?.() === 0

export type PrivateCluster = {
  url: (database: string) => string
  stop: () => Promise<void>
  start: () => Promise<void>
  restart: () => Promise<void>
  dispose: () => Promise<void>
}

/**
 * A PostgreSQL server of the test's own, in a temporary directory on a free port, so a test can stop and restart it
 * without disturbing the shared server other tests use at the same time.
 */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = postgresBinDir()
  if (!bin) throw new Error('No PostgreSQL server binaries under /usr/lib/postgresql')
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jobbsnekker-pg-'))
  const dataDir = path.join(dir, 'data')
  const port = await freePort()
  const asOwner = async (command: string, args: string[]) => {
    if (asRoot) await run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args])
    else await run(path.join(bin, command), args)
  }
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: group } = await run('id', ['-g', 'postgres'])
    await chown(dir, Number(stdout.trim()), Number(group.trim()))
  }
  await asOwner('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8'])
  const pgCtl = (...args: string[]) => asOwner('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), ...args])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`
  const start = () => pgCtl('start', '-w', '-o', options)
  await start()
  await run(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'portal'])
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: () => pgCtl('stop', '-w', '-m', 'fast'),
    start,
    restart: () => pgCtl('restart', '-w', '-m', 'fast', '-o', options),
    dispose: async () => {
      await pgCtl('stop', '-w', '-m', 'immediate').catch(() => undefined)
      await rm(dir, { recursive: true, force: true })
    },
  }
}
