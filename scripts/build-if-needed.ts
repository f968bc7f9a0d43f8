import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const sourceRoots = ['app', 'prisma-free-sql', 'emails', 'matching', 'search-index', 'remix.config.js', 'package.json']

function newestModification(entry: string): number {
  if (!existsSync(entry)) return 0
  const stats = statSync(entry)
  if (!stats.isDirectory()) return stats.mtimeMs
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestModification(path.join(entry, child))), stats.mtimeMs)
}

/** Runs `remix build` when there is no build or a source file is newer than it. */
export function buildIfNeeded(projectRoot: string, log: (line: string) => void = console.log): void {
  const buildFile = path.join(projectRoot, 'build', 'index.js')
  const builtAt = existsSync(buildFile) ? statSync(buildFile).mtimeMs : 0
  const changedAt = Math.max(...sourceRoots.map((root) => newestModification(path.join(projectRoot, root))))
  if (builtAt > changedAt) return
  log(builtAt === 0 ? 'Building the portal (first start)…' : 'Sources changed since the last build; rebuilding…')
  execSync('npx remix build', { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
}
