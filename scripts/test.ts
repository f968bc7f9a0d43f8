// `npm test`: every check the project has, cheapest first, stopping at the first failure.
// Embedded PGlite always; a real PostgreSQL server too when TEST_DATABASE_URL is set.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from './free-port'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name)
const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined

type Step = {
  name: string
  command: string
  args: string[]
  env?: Record<string, string | undefined>
}

// Variables that would silently switch a step to another database or portal than its name says.
const neutralEnv = {
  TEST_DATABASE_URL: undefined,
  DATABASE_URL: undefined,
  E2E_BASE_URL: undefined,
  E2E_MAIL_DIR: undefined,
}

async function steps(): Promise<Step[]> {
  const list: Step[] = [
    { name: 'typecheck (tsc --noEmit)', command: bin('tsc'), args: ['--noEmit'] },
    { name: 'unit tests', command: bin('vitest'), args: ['run', '--project', 'unit'], env: neutralEnv },
    // Before the integration tests: one of them starts the compiled portal the way `npm start` does.
    { name: 'build (remix build + server bundle)', command: process.execPath, args: ['--import', 'tsx', 'scripts/build.ts'] },
    { name: 'integration tests, embedded PGlite', command: bin('vitest'), args: ['run', '--project', 'integration'], env: neutralEnv },
  ]
  if (serverUrl) {
    list.push({
      name: 'integration tests, PostgreSQL server',
      command: bin('vitest'),
      args: ['run', '--project', 'integration'],
      env: { ...neutralEnv, TEST_DATABASE_URL: serverUrl },
    })
  }
  list.push({
    name: 'browser tests, embedded PGlite',
    command: bin('playwright'),
    args: ['test'],
    env: { ...neutralEnv, E2E_PORT: String(await freePort()) },
  })
  if (serverUrl) {
    list.push({
      name: 'browser tests, PostgreSQL server',
      command: bin('playwright'),
      args: ['test'],
      env: { ...neutralEnv, DATABASE_URL: serverUrl, E2E_PORT: String(await freePort()) },
    })
  }
  return list
}

function run(step: Step): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const [key, value] of Object.entries(step.env ?? {})) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: projectRoot, env, stdio: 'inherit' })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('error', (error) => {
      console.error(`Could not start ${step.command}: ${error.message}`)
      resolve(1)
    })
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

const plan = await steps()
const results: { name: string; outcome: 'passed' | 'failed' | 'not run'; ms?: number }[] = []
const started = performance.now()
let failed = false
for (const step of plan) {
  if (failed) {
    results.push({ name: step.name, outcome: 'not run' })
    continue
  }
  console.log(`\n▶ ${step.name}`)
  const stepStarted = performance.now()
  const code = await run(step)
  const ms = performance.now() - stepStarted
  results.push({ name: step.name, outcome: code === 0 ? 'passed' : 'failed', ms })
  if (code !== 0) failed = true
}

const width = Math.max(...results.map((result) => result.name.length))
console.log('\nSummary')
for (const result of results) {
  const duration = result.ms === undefined ? '' : seconds(result.ms).padStart(9)
  console.log(`  ${result.outcome.padEnd(7)}  ${result.name.padEnd(width)}${duration}`)
}
if (!serverUrl) console.log('  (TEST_DATABASE_URL is not set: the PostgreSQL server runs were left out)')
console.log(`  total ${seconds(performance.now() - started)}`)
const passed = results.filter((result) => result.outcome === 'passed').length
const failures = results.filter((result) => result.outcome === 'failed').length
console.log(`${passed} passed, ${failures} failed`)
process.exitCode = failed ? 1 : 0
