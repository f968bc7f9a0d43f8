import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The directory that holds package.json. Found by walking up rather than by a fixed number of `..`, because the
 * same code runs from its TypeScript source (tests, `npm run dev`), from the Remix build in build/ and from the
 * server bundle in server-build/ (`npm start`).
 */
function findProjectRoot(start: string): string {
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, 'package.json'))) return directory
    if (path.dirname(directory) === directory) throw new Error(`No package.json above ${start}`)
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)))

/** True in server-build/*.js, false when this module runs from its TypeScript source. */
export const runningFromServerBundle = !fileURLToPath(import.meta.url).endsWith('.ts')
