import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseEnv, setEnv } from '~/utils/env.server'
import { resetSearchBackend } from '../../search-index/backends'
import { candidateLabel } from '../../search-index/candidate-document'
import {
  actors,
  authorisationTable,
  expectedOutcome,
  identityEntitled,
  isolation,
  knownBugOf,
  renderAuthorisationDoc,
  type Actor,
  type Expectations,
  type RouteEntry,
  type WorldIds,
} from '../support/authorisation-table'
import { createAuthorisationWorld, forbiddenIdentityStrings, getAnonymous, postAnonymous, type AuthorisationWorld } from '../support/authorisation-fixtures'
import { useTestDatabase } from '../support/database'
import { BASE, getRoute, postRoute } from '../support/route-requests'

// The authorisation matrix (tests/support/authorisation-table.ts): every loader and action in app/routes, called as
// each of nine actors with a real session and CSRF token, must give the outcome the table names, and no response may
// carry candidate K's identity to anyone but the caseworkers of K's office (the employer of K's case may get the
// details NAV shared with consent, on the contact page only), and no response may reference a resource the table's
// `isolation` keeps from that actor. Actions get a minimal form, so only validation (or an access rule that changes
// nothing) runs and the world stays as the fixtures made it. The same requests with malformed ids must give a 404 or a
// refusal, never an error. A cell with a `knownBug` note is a bug that is known and listed in docs/authorisation.md:
// the test reports it on stderr (and fails once it is fixed, so that the note is removed) instead of failing.

const db = useTestDatabase()
const routesDir = fileURLToPath(new URL('../../app/routes/', import.meta.url))
const docPath = fileURLToPath(new URL('../../docs/authorisation.md', import.meta.url))
const routeFiles = readdirSync(routesDir).filter((file) => /\.(ts|tsx|js|jsx)$/.test(file)).sort()

// AUTH_MATRIX_VERBOSE=1 prints every call and what it gave.
const verbose = process.env.AUTH_MATRIX_VERBOSE === '1'

let world: AuthorisationWorld
const knownBugReports: string[] = []

beforeAll(async () => {
  resetSearchBackend()
  // The development mailbox is on for PGlite and off on a server database by default; the table is for it on.
  setEnv(parseEnv({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(40), MAIL_DIR: db.mailDir, PGLITE_DATA_DIR: 'memory://', DATABASE_URL: db.scratch.url, DEVELOPMENT_MAILBOX: 'true' }))
  world = await createAuthorisationWorld(db.sql, db.mailDir)
})

afterAll(() => {
  if (knownBugReports.length > 0) console.warn(`Known authorisation bugs reproduced (${knownBugReports.length}):\n${knownBugReports.join('\n')}`)
})

type RouteModule = { loader?: unknown; action?: unknown }
const loadRoute = (file: string): Promise<RouteModule> => import(path.join(routesDir, file))

describe('the table', () => {
  it('covers every file in app/routes and names no other', () => {
    const named = authorisationTable.map((entry) => entry.file)
    const duplicates = named.filter((file, index) => named.indexOf(file) !== index)
    expect(duplicates, 'route files named twice in tests/support/authorisation-table.ts').toEqual([])
    expect(
      routeFiles.filter((file) => !named.includes(file)),
      'route files missing from tests/support/authorisation-table.ts: add each with its expected outcomes',
    ).toEqual([])
    expect(named.filter((file) => !routeFiles.includes(file)), 'files in the table that are not in app/routes').toEqual([])
  })

  it('has a loader and an action row exactly where the route module exports one', async () => {
    const problems: string[] = []
    for (const entry of authorisationTable) {
      if (!routeFiles.includes(entry.file)) continue
      const module = await loadRoute(entry.file)
      for (const fn of ['loader', 'action'] as const) {
        const exported = typeof module[fn] === 'function'
        const listed = fn === 'loader' ? entry.loader !== undefined : entry.action !== undefined
        if (exported && !listed) problems.push(`${entry.file} exports a ${fn} the table has no row for`)
        if (!exported && listed) problems.push(`${entry.file} has a ${fn} row but exports no ${fn}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('is what docs/authorisation.md says', () => {
    const committed = readFileSync(docPath, 'utf8')
    expect(
      committed === renderAuthorisationDoc(),
      'docs/authorisation.md differs from tests/support/authorisation-table.ts: run `node --import tsx scripts/authorisation-doc.ts`',
    ).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// Calling a route as an actor

type Observed = { outcome: string; detail: string; leaks: string[]; references: string[]; status: number | null }

async function call(entry: RouteEntry, fn: 'loader' | 'action', actor: Actor, ids: WorldIds = world.ids): Promise<Response> {
  const module = await loadRoute(entry.file)
  const route = module[fn]
  const routePath = entry.path(ids)
  const params = entry.params?.(ids) ?? {}
  if (fn === 'loader') {
    return actor === 'anonymous' ? getAnonymous(route, routePath, params) : getRoute(route, world.users[actor], routePath, params)
  }
  const form = entry.action?.form?.(ids) ?? {}
  return actor === 'anonymous' ? postAnonymous(route, routePath, form, params) : postRoute(route, world.users[actor], routePath, form, { params })
}

function classify(fn: 'loader' | 'action', response: Response, requestedPath: string): { outcome: string; detail: string } {
  const status = response.status
  if (status >= 300 && status < 400) {
    const location = response.headers.get('Location') ?? ''
    const target = new URL(location, BASE)
    if (target.pathname === '/logg-inn' && !target.searchParams.has('melding')) {
      const back = target.searchParams.get('redirectTo')
      if (back !== null && back !== requestedPath) return { outcome: 'login with a wrong redirectTo', detail: location }
      return { outcome: 'login', detail: location }
    }
    return { outcome: 'allowed', detail: `${status} to ${location}` }
  }
  if (status === 401) return { outcome: 'unauthenticated', detail: '401' }
  if (status === 403) return { outcome: 'forbidden', detail: '403' }
  if (status === 404) return { outcome: 'not-found', detail: '404' }
  if (status < 300 || (fn === 'action' && status < 500)) return { outcome: 'allowed', detail: String(status) }
  return { outcome: `status ${status}`, detail: String(status) }
}

const identityStrings = forbiddenIdentityStrings()

async function leaksIn(entry: RouteEntry, fn: 'loader' | 'action', actor: Actor, response: Response): Promise<string[]> {
  if (identityEntitled.includes(actor)) return []
  const text = `${response.headers.get('Location') ?? ''}\n${await response.clone().text()}`.toLocaleLowerCase('nb')
  const sharedAllowed = fn === 'loader' && (entry.sharedIdentityFor ?? []).includes(actor)
  const forbidden = [...identityStrings.always, ...(sharedAllowed ? [] : identityStrings.shared)]
  return forbidden.filter((item) => text.includes(item.value.toLocaleLowerCase('nb'))).map((item) => item.kind)
}

/** Resources the actor must not see referenced, found in the body (a login redirect names the requested page: not scanned). */
async function referencesIn(entry: RouteEntry, actor: Actor, response: Response): Promise<string[]> {
  const allowed = entry.mayReference?.[actor] ?? []
  const text = (await response.clone().text()).toLowerCase()
  return isolation[actor]
    .filter((key) => !allowed.includes(key))
    .filter((key) => {
      const id = world.ids[key].toLowerCase()
      return text.includes(id) || (key === 'candidateK' && text.includes(candidateLabel(id).toLowerCase()))
    })
}

async function observe(entry: RouteEntry, fn: 'loader' | 'action', actor: Actor): Promise<Observed> {
  let response: Response
  try {
    response = await call(entry, fn, actor)
  } catch (error) {
    return { outcome: 'error', detail: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, leaks: [], references: [], status: null }
  }
  const { outcome, detail } = classify(fn, response, entry.path(world.ids))
  return { outcome, detail, status: response.status, leaks: await leaksIn(entry, fn, actor, response), references: await referencesIn(entry, actor, response) }
}

describe('the checks', () => {
  // Without these, a detector that never matches would let every leak through unnoticed.
  const entryFor = (file: string) => authorisationTable.find((entry) => entry.file === file)!
  const bodyOf = async (file: string, actor: Actor) => (await (await call(entryFor(file), 'loader', actor)).text()).toLocaleLowerCase('nb')

  it('find K’s identity where it is meant to be: the personalia page of K’s office, the shared details of A’s case', async () => {
    const personalia = await bodyOf('ansatt.kandidater.$candidateId.personalia.tsx', 'specialistX')
    for (const item of [...identityStrings.always.slice(0, 1), ...identityStrings.shared.filter((item) => item.kind !== 'phone (spaced)')]) {
      expect(personalia, item.kind).toContain(item.value.toLocaleLowerCase('nb'))
    }
    const shared = await bodyOf('arbeidsgiver.saker.$caseId.kontakt.tsx', 'employerA')
    for (const kind of ['first name', 'last name', 'phone', 'e-mail']) {
      expect(shared, kind).toContain(identityStrings.shared.find((item) => item.kind === kind)!.value.toLocaleLowerCase('nb'))
    }
  })

  it('find references where they are meant to be: K on the region’s meeting page', async () => {
    const meeting = await bodyOf('marked.matchemoter.$meetingId.tsx', 'specialistY')
    expect(meeting).toContain(world.ids.candidateK)
    expect(meeting).toContain(candidateLabel(world.ids.candidateK).toLocaleLowerCase('nb'))
  })
})

describe('every route as every actor', () => {
  for (const entry of authorisationTable) {
    it(entry.file, async () => {
      const problems: string[] = []
      // The loader, the action with its minimal form, and the action with each bad input the table lists.
      const runs: { label: string; fn: 'loader' | 'action'; expectations: Expectations; target: RouteEntry }[] = []
      if (entry.loader) runs.push({ label: 'loader', fn: 'loader', expectations: entry.loader, target: entry })
      if (entry.action) runs.push({ label: 'action', fn: 'action', expectations: entry.action.expect, target: entry })
      for (const variant of entry.badInput ?? []) {
        runs.push({ label: `action (${variant.name})`, fn: 'action', expectations: variant.expect, target: { ...entry, action: { form: variant.form, expect: variant.expect } } })
      }
      for (const { label, fn, expectations, target } of runs) {
        for (const actor of actors) {
          const cell = expectations[actor]
          const expected = expectedOutcome(cell)
          const bug = knownBugOf(cell)
          const seen = await observe(target, fn, actor)
          const wrongOutcome = seen.outcome !== expected
          const where = `${entry.file} ${label} as ${actor}`
          const what = [
            ...(wrongOutcome ? [`expected ${expected}, got ${seen.outcome} (${seen.detail})`] : []),
            ...(seen.leaks.length > 0 ? [`candidate K's identity in the response: ${seen.leaks.join(', ')}`] : []),
            ...(seen.references.length > 0 ? [`the response references resources this actor must not see: ${seen.references.join(', ')}`] : []),
          ].join('; ')
          if (verbose) console.info(`${where}: ${seen.outcome} (${seen.detail})${what ? ` PROBLEM ${what}` : ''}`)
          if (bug) {
            if (what) knownBugReports.push(`- ${where}: ${what} [known bug: ${bug}]`)
            else problems.push(`${where}: the known bug «${bug}» no longer happens; remove the knownBug note from the table and regenerate the doc`)
          } else if (what) {
            problems.push(`${where}: ${what}`)
          }
        }
      }
      expect(problems.join('\n')).toBe('')
    })
  }
})

describe('ids that do not exist', () => {
  // Every id the requests use (in the URL and in the form) replaced by one that is not a UUID, or by a UUID nothing has:
  // a page that does not exist, or a refusal, never an error. Routes whose requests use no id are left out.
  const markers = { malformed: 'ikke-en-id', unknown: '00000000-0000-4000-8000-000000000000' }
  const replaced = (marker: string): WorldIds => Object.fromEntries(Object.keys(world.ids).map((key) => [key, marker])) as WorldIds
  const usesIds = (entry: RouteEntry, fn: 'loader' | 'action', marker: string) => {
    const ids = replaced(marker)
    const inPath = entry.path(ids).includes(marker) || JSON.stringify(entry.params?.(ids) ?? {}).includes(marker)
    return inPath || (fn === 'action' && JSON.stringify(entry.action?.form?.(ids) ?? {}).includes(marker))
  }

  for (const [kind, marker] of Object.entries(markers)) {
    it(`${kind} ids are answered 404 or a refusal, never an error or a 5xx`, async () => {
      const problems: string[] = []
      for (const entry of authorisationTable) {
        for (const fn of ['loader', 'action'] as const) {
          if (!(fn === 'loader' ? entry.loader : entry.action) || !usesIds(entry, fn, marker)) continue
          for (const actor of actors) {
            let outcome: string
            let detail: string
            try {
              const response = await call(entry, fn, actor, replaced(marker))
              ;({ outcome, detail } = classify(fn, response, entry.path(replaced(marker))))
            } catch (error) {
              outcome = 'error'
              detail = `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`
            }
            // A loader must not serve a page for an id that does not exist; an action may answer the form (400).
            const bad = outcome === 'error' || outcome.startsWith('status ') || outcome.startsWith('login with') || (fn === 'loader' && outcome === 'allowed')
            if (verbose) console.info(`${kind} ${entry.file} ${fn} as ${actor}: ${outcome} (${detail})`)
            if (bad) problems.push(`${entry.file} ${fn} as ${actor} with ${kind} ids: ${outcome} (${detail})`)
          }
        }
      }
      expect(problems.join('\n')).toBe('')
    })
  }
})
