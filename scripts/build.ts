// `npm run build`: the Remix build (build/, public/build/) and the server bundle (server-build/) that `npm start`
// runs with plain node. `--if-needed` skips what is newer than every source file.
// Why a bundle: the TypeScript loader costs the portal about 120 MB of memory (docs/decisions/010-compiled-server.md).
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const sourceRoots = [
  'app',
  'prisma-free-sql',
  'emails',
  'matching',
  'search-index',
  'scripts',
  'server.ts',
  'remix.config.js',
  'package.json',
]

/** What `npm start` runs: the portal, and the child that prepares a new embedded database. */
const serverEntries = {
  start: 'scripts/start.ts',
  'prepare-embedded-database': 'scripts/prepare-embedded-database.ts',
}

export const remixBuildFile = (projectRoot: string) => path.join(projectRoot, 'build', 'index.js')
export const serverBundleFile = (projectRoot: string) => path.join(projectRoot, 'server-build', 'start.js')

function newestModification(entry: string): number {
  if (!existsSync(entry)) return 0
  const stats = statSync(entry)
  if (!stats.isDirectory()) return stats.mtimeMs
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestModification(path.join(entry, child))), stats.mtimeMs)
}

function isStale(output: string, projectRoot: string): boolean {
  const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0
  return builtAt <= Math.max(...sourceRoots.map((root) => newestModification(path.join(projectRoot, root))))
}

function buildRemix(projectRoot: string): void {
  execFileSync(path.join(projectRoot, 'node_modules', '.bin', 'remix'), ['build'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
}

/** One self-contained ES module per entry; packages stay in node_modules, as the Remix build leaves them. */
export async function buildServerBundle(projectRoot: string): Promise<void> {
  await build({
    absWorkingDir: projectRoot,
    entryPoints: serverEntries,
    outdir: 'server-build',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  })
}

/** Builds what is missing or older than the sources; `server: false` is the Remix build alone (`npm run dev`). */
export async function buildIfNeeded(projectRoot: string, options: { server?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  const log = options.log ?? console.log
  if (isStale(remixBuildFile(projectRoot), projectRoot)) {
    log(
      existsSync(remixBuildFile(projectRoot)) ? 'Sources changed since the last build; rebuilding…' : 'Building the portal (first start)…'
    )
    buildRemix(projectRoot)
  }
  if (options.server !== false && isStale(serverBundleFile(projectRoot), projectRoot)) await buildServerBundle(projectRoot)
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  if (process.argv.includes('--if-needed')) {
    await buildIfNeeded(projectRoot)
  } else {
    buildRemix(projectRoot)
    await buildServerBundle(projectRoot)
  }
}
