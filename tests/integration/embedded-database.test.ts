import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect } from '../../prisma-free-sql/db'

// The portal's default: PGlite with its files on disk. Independent of TEST_DATABASE_URL.
describe('embedded database on disk', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'jobbsnekker-pgdata-'))
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('creates the cluster on first use and keeps data across restarts', async () => {
    const dataDir = path.join(root, 'pgdata')
    const first = await connect({ dataDir })
    try {
      await first.sql`create table kept (value text)`
      await first.sql`insert into kept values ('still here')`
      const [settings] = await first.sql<{ shared_buffers: string }[]>`select current_setting('shared_buffers') as shared_buffers`
      expect(settings?.shared_buffers).toBe('16MB')
    } finally {
      await first.close()
    }

    const second = await connect({ dataDir })
    try {
      const rows = await second.sql<{ value: string }[]>`select value from kept`
      expect(rows.map((row) => row.value)).toEqual(['still here'])
    } finally {
      await second.close()
    }
  }, 60_000)

  it('refuses a second process-level user of the same files while they are open', async () => {
    const dataDir = path.join(root, 'locked')
    const first = await connect({ dataDir })
    try {
      // The lock file names this process, which counts as "in use" only for another live pid.
      const lockFile = `${dataDir}.lock`
      await writeFile(lockFile, String(process.ppid))
      await expect(connect({ dataDir })).rejects.toThrow(/in use by process/)
      await writeFile(lockFile, String(process.pid))
    } finally {
      await first.close()
    }
  }, 60_000)
})
