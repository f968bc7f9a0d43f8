import { readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The node arguments of the `npm start` script's last command (the ones before it build, which the benchmarks do
 * before any clock starts), so that flags added there are measured too.
 */
export function startScriptNodeArguments(projectRoot: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts?: { start?: string } }
  const serving = (manifest.scripts?.start ?? '').split('&&').at(-1) ?? ''
  const [command, ...args] = serving.trim().split(/\s+/)
  if (command !== 'node')
    throw new Error(`The benchmarks expect "start" in package.json to end by running node, not: ${manifest.scripts?.start}`)
  return args
}

/** Only the flags of that command (e.g. the heap limits), without the script it runs. */
export function startScriptNodeFlags(projectRoot: string): string[] {
  const args = startScriptNodeArguments(projectRoot)
  const flags: string[] = []
  for (let i = 0; i < args.length && args[i]!.startsWith('-'); i++) {
    flags.push(args[i]!)
    if (args[i] === '--import' || args[i] === '--require') flags.push(args[++i]!)
  }
  return flags
}
