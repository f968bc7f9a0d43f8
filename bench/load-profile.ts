// Where the portal's CPU time goes during a load run: a summary of the V8 CPU profile that `node --cpu-prof` writes
// when the portal exits (LOAD_CPU_PROFILE=<dir> in bench/load.ts).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Which code a frame belongs to: a package, the portal's own bundles, Node itself, or V8's bookkeeping. */
function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)'
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (inPackage) return inPackage[1]!
  if (url.includes('/build/index.js')) return 'portal: Remix build (routes, modules)'
  if (url.includes('/server-build/')) return 'portal: server bundle'
  if (url.startsWith('node:')) return 'node (built-in modules)'
  return url
}

export function summariseCpuProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfMicros = new Map<number, number>()
  profile.samples.forEach((id, index) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)))
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0)
  const byOwner = new Map<string, number>()
  const byFunction = new Map<string, number>()
  for (const [id, micros] of selfMicros) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    const owner = ownerOf(url, functionName)
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros)
    const name = `${functionName || '(anonymous)'} (${owner}${url && !url.includes('node_modules') ? `:${lineNumber + 1}` : ''})`
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros)
  }
  const share = (micros: number) => `${((micros / total) * 100).toFixed(1)} %`
  const rank = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top)
  return [
    `CPU profile of the portal (${(total / 1e6).toFixed(1)} s sampled, self time):`,
    '  by code:',
    ...rank(byOwner).map(([owner, micros]) => `    ${share(micros).padStart(7)}  ${owner}`),
    '  by function:',
    ...rank(byFunction).map(([name, micros]) => `    ${share(micros).padStart(7)}  ${name}`),
  ].join('\n')
}

export function newestProfileIn(directory: string): string | undefined {
  const files = readdirSync(directory).filter((name) => name.endsWith('.cpuprofile'))
  return files.length > 0 ? path.join(directory, files.sort().at(-1)!) : undefined
}
