import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The Remix compiler replaces `*.server` modules with empty ones in the browser bundle, so a value from one that the
// page's component uses is undefined there: the page renders on the server and then fails in the browser. This reads
// the sources: a component file may not import from a `.server` module at all, and in a route file the names imported
// from one may appear only before the component (in the loader, the action and their helpers).

const appDir = fileURLToPath(new URL('../../app/', import.meta.url))

function serverImports(source: string): string[] {
  const names: string[] = []
  for (const match of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'[^']*\.server'/g)) {
    if (match[1]) continue
    for (const part of match[2]!.split(',')) {
      const name = part.trim()
      if (!name || name.startsWith('type ')) continue
      names.push(name.split(/\s+as\s+/).pop()!.trim())
    }
  }
  return names
}

const tsxIn = (dir: string) =>
  readdirSync(path.join(appDir, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tsx'))
    .map((entry) => path.join(entry.parentPath, entry.name))

describe('server-only code stays out of what the browser runs', () => {
  it.each(tsxIn('components').map((file) => [path.relative(appDir, file), file]))('%s imports no .server module', (_name, file) => {
    expect(serverImports(readFileSync(file, 'utf8'))).toEqual([])
  })

  it.each(tsxIn('routes').map((file) => [path.relative(appDir, file), file]))('%s uses .server imports only outside its component', (_name, file) => {
    const source = readFileSync(file, 'utf8')
    const component = source.indexOf('export default function')
    if (component < 0) return
    // String literals (intents, labels) may spell the same words; only code counts.
    const rendered = source.slice(component).replace(/'[^'\n]*'|"[^"\n]*"/g, "''")
    const misused = serverImports(source).filter((name) => new RegExp(`\\b${name}\\b`).test(rendered))
    expect(misused).toEqual([])
  })
})
