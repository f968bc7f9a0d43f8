/// <reference types="vite/types/importMeta.d.ts" />
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { findCandidate } from '../../prisma-free-sql/queries/candidates'
import { findCase } from '../../prisma-free-sql/queries/cases'
import { findOpeningForMember } from '../../prisma-free-sql/queries/openings'
import { findUserByEmail, findUserById, type User } from '../../prisma-free-sql/queries/users'
import { moveCaseAs } from '~/modules/cases.server'
import { shareIdentity } from '~/modules/case-disclosure.server'
import { candidatesForOpening, markEmployerInterest } from '~/modules/matching.server'
import { handOverCandidate } from '~/modules/candidates.server'
import { getEnv } from '~/utils/env.server'
import { listDevelopmentMailbox } from '../../emails/mailer'
import { acceptEmployerTerms } from '~/modules/organisations.server'
import { demoLogins, seedDemoData } from '../../scripts/demo-data'
import { getSearchBackend, resetSearchBackend } from '../../search-index/backends'
import { reindexAll } from '../../search-index/reindex'
import { useTestDatabase } from '../support/database'
import { sessionCookie } from '../support/route-requests'

// The acceptance test: every route and loader an employer can reach is fetched as the demo employer, and no
// seeded candidate's name, national ID number, phone number, e-mail address or birth date may appear anywhere in what
// comes back. The staff candidate pages must refuse the employer, and the refusal must not count as reading an identity.
//
// Identities are read from the database, not from the seed script, so the test keeps working whatever the demo seed
// holds. Routes are found on disk: a new employer route (app/routes/arbeidsgiver*) or API route (app/routes/api.*)
// fails the coverage test until it is added to `employerRoutes` below with the parameters it needs. Every other route
// that is not in `publicRoutes` must refuse the employer. PRIVACY_TEST_VERBOSE=1 lists every request and its status.

const db = useTestDatabase()

const BASE = 'http://localhost'
const routesDir = fileURLToPath(new URL('../../app/routes/', import.meta.url))

// ---------------------------------------------------------------------------------------------
// Forbidden strings

type Identity = { candidateId: string; firstName: string; lastName: string; nationalId: string; phone: string; email: string }
type Finding = { kind: string; match: string; candidateIds: string[] }

/** The real birth date in a national ID number: D-numbers add 4 to the first digit, H- and Test Norge numbers 40 or 80 to the month. */
function birthDateOf(nationalId: string): { year: number; month: number; day: number } | undefined {
  if (!/^\d{11}$/.test(nationalId)) return undefined
  let day = Number(nationalId.slice(0, 2))
  let month = Number(nationalId.slice(2, 4))
  const yy = Number(nationalId.slice(4, 6))
  const individual = Number(nationalId.slice(6, 9))
  if (day > 40) day -= 40
  if (month > 80) month -= 80
  else if (month > 40) month -= 40
  let century: number
  if (individual <= 499) century = 1900
  else if (individual <= 749 && yy >= 54) century = 1800
  else if (yy <= 39) century = 2000
  else if (individual >= 900) century = 1900
  else return undefined
  const year = century + yy
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return { year, month, day }
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0')
const normaliseWords = (text: string) => text.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean).join(' ')

/**
 * Finds identity details in any text. Numbers are read as runs of digit groups (separated by a space, no-break space,
 * dot or dash) and matched in the shapes people write them: national ID numbers as 11 digits or 6+5, phone numbers as
 * 8 digits or 3-2-3, 2-2-2-2, 4-4 (with or without +47), birth dates as dd.mm.yyyy, yyyy-mm-dd and ddmmyy. Names
 * ("first last", also "last, first") and e-mail addresses are matched whole and without regard to case. Lone first or
 * last names are not forbidden: they are ordinary words and other people's names too.
 */
class IdentityDetector {
  private readonly digits = new Map<string, { kind: string; candidateIds: string[] }>()
  private readonly dates = new Map<string, { kind: string; candidateIds: string[] }>()
  private readonly names = new Map<string, string[]>()
  private readonly emails = new Map<string, string[]>()
  private longestName = 2

  constructor(identities: readonly Identity[]) {
    for (const identity of identities) {
      const id = identity.candidateId
      // Several people may share a birth date or a name; each of them is looked for.
      const add = (map: Map<string, { kind: string; candidateIds: string[] }>, key: string, kind: string) => {
        const entry = map.get(key)
        if (!entry) map.set(key, { kind, candidateIds: [id] })
        else if (!entry.candidateIds.includes(id)) entry.candidateIds.push(id)
      }
      add(this.digits, identity.nationalId, 'national ID')
      const phone = identity.phone.replace(/\D/g, '')
      if (phone.length >= 8) {
        add(this.digits, phone, 'phone')
        add(this.digits, phone.replace(/^(00)?47(?=\d{8}$)/, ''), 'phone')
      }
      const birth = birthDateOf(identity.nationalId)
      if (birth) {
        add(this.digits, `${pad(birth.day)}${pad(birth.month)}${pad(birth.year % 100)}`, 'birth date (ddmmyy)')
        add(this.dates, `${pad(birth.day)}.${pad(birth.month)}.${birth.year}`, 'birth date (dd.mm.yyyy)')
        add(this.dates, `${birth.year}-${pad(birth.month)}-${pad(birth.day)}`, 'birth date (yyyy-mm-dd)')
      }
      const first = normaliseWords(identity.firstName)
      const last = normaliseWords(identity.lastName)
      for (const name of [`${first} ${last}`, `${last} ${first}`]) this.names.set(name, [...(this.names.get(name) ?? []), id])
      this.longestName = Math.max(this.longestName, `${first} ${last}`.split(' ').length)
      if (identity.email) this.emails.set(identity.email.toLocaleLowerCase('nb'), [...(this.emails.get(identity.email.toLocaleLowerCase('nb')) ?? []), id])
    }
  }

  get size() {
    return { numbers: this.digits.size, dates: this.dates.size, names: new Set([...this.names.values()].flat()).size, emails: this.emails.size }
  }

  find(text: string): Finding[] {
    const findings: Finding[] = []
    const texts = [text]
    if (/%[0-9a-f]{2}/i.test(text)) {
      try {
        texts.push(decodeURIComponent(text))
      } catch {
        texts.push(text.replace(/%40/gi, '@').replace(/%20|\+/g, ' '))
      }
    }
    for (const haystack of texts) {
      this.findNumbers(haystack, findings)
      this.findEmails(haystack, findings)
      this.findNames(haystack, findings)
    }
    return findings
  }

  private findNumbers(text: string, findings: Finding[]) {
    for (const run of text.matchAll(/\d+(?:[ \u00a0\u202f.-]\d+)*/g)) {
      const groups = [...run[0].matchAll(/\d+/g)].map((m) => ({ digits: m[0], start: m.index, end: m.index + m[0].length }))
      for (let i = 0; i < groups.length; i++) {
        for (let j = i; j < Math.min(groups.length, i + 5); j++) {
          const window = groups.slice(i, j + 1)
          const shape = window.map((group) => group.digits.length).join('-')
          const joined = window.map((group) => group.digits).join('')
          const written = run[0].slice(window[0]!.start, window[window.length - 1]!.end)
          const numberShapes = ['11', '8', '6', '6-5', '3-2-3', '2-2-2-2', '4-4', '2-8', '2-3-2-3', '2-2-2-2-2', '2-4-4']
          if (numberShapes.includes(shape)) {
            const hit = this.digits.get(joined) ?? (shape.startsWith('2-') && joined.startsWith('47') ? this.digits.get(joined.slice(2)) : undefined)
            // ddmmyy is a birth date only when written as one group of six.
            if (hit && (hit.kind !== 'birth date (ddmmyy)' || shape === '6')) findings.push({ kind: hit.kind, match: written, candidateIds: hit.candidateIds })
          }
          if (/^\d{1,2}\.\d{1,2}\.\d{4}$/.test(written)) {
            const [day, month, year] = written.split('.')
            const hit = this.dates.get(`${pad(Number(day))}.${pad(Number(month))}.${year}`)
            if (hit) findings.push({ kind: hit.kind, match: written, candidateIds: hit.candidateIds })
          }
          if (/^\d{4}-\d{2}-\d{2}$/.test(written)) {
            const hit = this.dates.get(written)
            if (hit) findings.push({ kind: hit.kind, match: written, candidateIds: hit.candidateIds })
          }
        }
      }
    }
  }

  private findEmails(text: string, findings: Finding[]) {
    for (const m of text.matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu)) {
      const candidateIds = this.emails.get(m[0].toLocaleLowerCase('nb'))
      if (candidateIds) findings.push({ kind: 'e-mail', match: m[0], candidateIds })
    }
  }

  private findNames(text: string, findings: Finding[]) {
    const words = [...text.toLocaleLowerCase('nb').matchAll(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu)].map((m) => ({
      word: m[0],
      start: m.index,
      end: m.index + m[0].length,
    }))
    const lower = text.toLocaleLowerCase('nb')
    for (let i = 0; i < words.length; i++) {
      let phrase = words[i]!.word
      for (let n = 2; n <= this.longestName + 1 && i + n - 1 < words.length; n++) {
        const previous = words[i + n - 2]!
        const next = words[i + n - 1]!
        // Words of one name stand next to each other: only spaces between them, or a comma in "last, first".
        if (!/^(?:[\s\u00a0\u202f]+|\s*,\s*)$/.test(lower.slice(previous.end, next.start))) break
        phrase += ` ${next.word}`
        const candidateIds = this.names.get(phrase)
        if (candidateIds) findings.push({ kind: 'name', match: phrase, candidateIds })
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Calling routes the way Remix does

type RouteModule = { loader?: (args: RouteArgs) => unknown; action?: (args: RouteArgs) => unknown }
type RouteArgs = { request: Request; params: Record<string, string>; context: { clientAddress: string } }
type Outcome = { status: number; thrown: boolean; text: string }

// Vite resolves these at transform time; the keys are paths relative to this file.
const employerModules = import.meta.glob<RouteModule>([
  '../../app/routes/arbeidsgiver*.{ts,tsx}',
  '../../app/routes/arbeidsgiver*/route.{ts,tsx}',
  '../../app/routes/api.*',
  '../../app/routes/api.*/route.{ts,tsx}',
])
const allRouteModules = import.meta.glob<RouteModule>(['../../app/routes/*.{ts,tsx}', '../../app/routes/*/route.{ts,tsx}'])
const rootModule = () => import('~/root') as unknown as Promise<RouteModule>

/** `arbeidsgiver.medlemmer.tsx`, or `arbeidsgiver.x/route.tsx` for a folder route. */
function routeFileOf(globKey: string): string {
  return path.relative(routesDir, path.resolve(path.dirname(fileURLToPath(import.meta.url)), globKey)).split(path.sep).join('/')
}

function moduleFor(file: string): () => Promise<RouteModule> {
  const key = Object.keys(allRouteModules).find((candidate) => routeFileOf(candidate) === file)
  if (!key) throw new Error(`No route module app/routes/${file}`)
  return allRouteModules[key]!
}

/** Route files on disk, as `name.tsx` or `folder/route.tsx`. */
function routeFilesOnDisk(): string[] {
  return readdirSync(routesDir).flatMap((entry) => {
    if (!statSync(path.join(routesDir, entry)).isDirectory()) return /\.(ts|tsx|js|jsx)$/.test(entry) ? [entry] : []
    return readdirSync(path.join(routesDir, entry))
      .filter((file) => /^route\.(ts|tsx|js|jsx)$/.test(file))
      .map((file) => `${entry}/${file}`)
  })
}

async function textOf(value: unknown): Promise<Omit<Outcome, 'thrown'>> {
  if (value instanceof Response) {
    const headers = [...value.headers].filter(([name]) => name.toLowerCase() !== 'set-cookie').map(([name, v]) => `${name}: ${v}`)
    return { status: value.status, text: `${headers.join('\n')}\n\n${await value.text()}` }
  }
  // A loader may return plain data or deferred data with promises inside.
  const data = value && typeof value === 'object' && 'data' in value && 'subscribe' in value ? (value as { data: Record<string, unknown> }).data : value
  if (data && typeof data === 'object') {
    const settled = await Promise.all(Object.entries(data).map(async ([key, v]) => [key, await v] as const))
    return { status: 200, text: JSON.stringify(Object.fromEntries(settled)) }
  }
  return { status: 200, text: JSON.stringify(data ?? null) }
}

async function run(fn: ((args: RouteArgs) => unknown) | undefined, request: Request, params: Record<string, string>): Promise<Outcome | undefined> {
  if (!fn) return undefined
  try {
    return { ...(await textOf(await fn({ request, params, context: { clientAddress: '127.0.0.1' } }))), thrown: false }
  } catch (error) {
    if (error instanceof Response) return { ...(await textOf(error)), thrown: true }
    throw error
  }
}

// ---------------------------------------------------------------------------------------------
// What the employer can reach

type EmployerData = {
  user: User
  organisationIds: string[]
  workplaces: { id: string; taskIds: string[]; carvedJobIds: string[] }[]
  openingIds: string[]
  /** The published ones: the API answers 409 for the others, where the page shows a notice. */
  publishedOpeningIds: string[]
  /** Cases opened by the employer's interest, one of them ended by NAV with a reason that names the candidate. */
  caseIds: string[]
}

type Case = { path: string; params?: Record<string, string> }

const perWorkplace = (data: EmployerData, suffix: string, queries: string[] = ['']) =>
  data.workplaces.flatMap((workplace) => queries.map((query) => ({ path: `/arbeidsgiver/arbeidssteder/${workplace.id}${suffix}${query}`, params: { workplaceId: workplace.id } })))
const perOpening = (data: EmployerData, suffix: string) =>
  data.openingIds.map((openingId) => ({ path: `/arbeidsgiver/stillinger/${openingId}${suffix}`, params: { openingId } }))
const perOrganisation = (data: EmployerData, suffix: string) =>
  data.organisationIds.map((organisationId) => ({ path: `/arbeidsgiver/virksomheter/${organisationId}${suffix}`, params: { organisationId } }))

/**
 * Every employer route (app/routes/arbeidsgiver*) and API route (app/routes/api.*), with the requests to send: real
 * ids from the demo employer's own data, and the query strings that change what the loader returns.
 */
const employerRoutes: Record<string, (data: EmployerData) => Case[]> = {
  'arbeidsgiver._index.tsx': () => [{ path: '/arbeidsgiver' }],
  'arbeidsgiver.medlemmer.tsx': () => [{ path: '/arbeidsgiver/medlemmer' }],
  'arbeidsgiver.vilkar.tsx': () => [{ path: '/arbeidsgiver/vilkar' }, { path: '/arbeidsgiver/vilkar?tilbake=%2Farbeidsgiver' }],
  'arbeidsgiver.virksomheter.$organisationId._index.tsx': (data) => perOrganisation(data, ''),
  'arbeidsgiver.virksomheter.$organisationId.arbeidssteder.ny.tsx': (data) => perOrganisation(data, '/arbeidssteder/ny'),
  'arbeidsgiver.arbeidssteder.$workplaceId._index.tsx': (data) => perWorkplace(data, ''),
  'arbeidsgiver.arbeidssteder.$workplaceId.rediger.tsx': (data) => perWorkplace(data, '/rediger'),
  'arbeidsgiver.arbeidssteder.$workplaceId.oppgaver.ny.tsx': (data) => perWorkplace(data, '/oppgaver/ny'),
  'arbeidsgiver.arbeidssteder.$workplaceId.oppgaver.katalog.tsx': (data) =>
    perWorkplace(data, '/oppgaver/katalog', ['', '?q=lager', '?gruppe=butikk', '?q=vask&gruppe=renhold']),
  'arbeidsgiver.arbeidssteder.$workplaceId.oppgaver.$taskId.tsx': (data) =>
    data.workplaces.flatMap((workplace) =>
      workplace.taskIds.map((taskId) => ({ path: `/arbeidsgiver/arbeidssteder/${workplace.id}/oppgaver/${taskId}`, params: { workplaceId: workplace.id, taskId } })),
    ),
  'arbeidsgiver.arbeidssteder.$workplaceId.jobbsnekring.tsx': (data) =>
    data.workplaces.flatMap((workplace) => {
      const chosen = workplace.taskIds.slice(0, 3).map((id) => `&velg=${id}`).join('')
      return ['', '?timer=12', '?timer=20&tid=DAG&dag=UKEDAGER', `?timer=12${chosen}`, '?timer=ugyldig'].map((query) => ({
        path: `/arbeidsgiver/arbeidssteder/${workplace.id}/jobbsnekring${query}`,
        params: { workplaceId: workplace.id },
      }))
    }),
  'arbeidsgiver.arbeidssteder.$workplaceId.stillinger.ny.tsx': (data) =>
    data.workplaces.flatMap((workplace) =>
      ['', ...workplace.carvedJobIds.map((id) => `?jobb=${id}`)].map((query) => ({
        path: `/arbeidsgiver/arbeidssteder/${workplace.id}/stillinger/ny${query}`,
        params: { workplaceId: workplace.id },
      })),
    ),
  'arbeidsgiver.stillinger.$openingId._index.tsx': (data) => perOpening(data, ''),
  'arbeidsgiver.saker._index.tsx': () => [{ path: '/arbeidsgiver/saker' }],
  'arbeidsgiver.saker.$caseId.tsx': (data) => data.caseIds.map((caseId) => ({ path: `/arbeidsgiver/saker/${caseId}`, params: { caseId } })),
  // The contact details NAV shared: only the shared case's page may show them (see `sharedContact`).
  'arbeidsgiver.saker.$caseId.kontakt.tsx': (data) =>
    data.caseIds.map((caseId) => ({ path: `/arbeidsgiver/saker/${caseId}/kontakt`, params: { caseId } })),
  'arbeidsgiver.saker.$caseId_.utproving.tsx': (data) => data.caseIds.map((caseId) => ({ path: `/arbeidsgiver/saker/${caseId}/utproving`, params: { caseId } })),
  'arbeidsgiver.stillinger.$openingId.rediger.tsx': (data) => perOpening(data, '/rediger'),
  // The match lists: every opening (only published ones list candidates), first pages and filters.
  'arbeidsgiver.stillinger.$openingId.kandidater.tsx': (data) =>
    ['', '?side=2', '?minScore=50', '?minScore=70&side=1'].flatMap((query) => perOpening(data, `/kandidater${query}`)),
  // The JSON API: the same match lists for every published opening (the others are 409, tested in api.test.ts).
  'api.v1.openings.$openingId.candidates.ts': (data) =>
    ['', '?side=2', '?minScore=50', '?minScore=70&side=1'].flatMap((query) =>
      data.publishedOpeningIds.map((openingId) => ({ path: `/api/v1/openings/${openingId}/candidates${query}`, params: { openingId } })),
    ),
  // Staff only: the employer is refused with 403 (api.test.ts), so there is no 200 to sweep here.
  'api.v1.candidates.$candidateId.openings.ts': () => [],
  'api.v1.openapi[.]json.ts': () => [{ path: '/api/v1/openapi.json' }],
}

/** Pages anyone can reach (the inbox: anyone logged in); the employer gets them too. */
const publicRoutes: Record<string, (mailIds: string[]) => Case[]> = {
  '_index.tsx': () => [{ path: '/' }],
  'logg-inn.tsx': () => [{ path: '/logg-inn' }, { path: '/logg-inn?redirectTo=%2Fansatt%2Fkandidater' }],
  'logg-ut.tsx': () => [{ path: '/logg-ut' }],
  'registrer.tsx': () => [{ path: '/registrer' }],
  'glemt-passord.tsx': () => [{ path: '/glemt-passord' }],
  'tilbakestill-passord.tsx': () => [{ path: '/tilbakestill-passord' }, { path: '/tilbakestill-passord?token=ukjent' }],
  'healthz.ts': () => [{ path: '/healthz' }],
  '$.tsx': () => [{ path: '/finnes-ikke', params: { '*': 'finnes-ikke' } }],
  // The development mailbox is open to anyone where it is on; e-mails must carry no personal data.
  'utvikling.epost._index.tsx': () => [{ path: '/utvikling/epost' }],
  'utvikling.epost.$id.tsx': (mailIds) => mailIds.map((id) => ({ path: `/utvikling/epost/${id}`, params: { id } })),
  // Every logged-in user's inbox: notices say only that something waits, and link to the page that decides.
  'varsler.tsx': () => [{ path: '/varsler' }],
}

// ---------------------------------------------------------------------------------------------

let employer: User
let specialist: User
let employerCookie: string
let detector: IdentityDetector
let identities: Identity[]
let employerData: EmployerData
/** A candidate the demo specialist follows up, and one at another office. */
let ownCandidateId: string
let otherOfficeCandidateId: string
let mailIds: string[] = []
/**
 * The one place an employer may see a candidate's identity: the contact page of the case where NAV shared it after the
 * candidate's yes, and only the fields that were shared (never the national ID number, birth date or e-mail here).
 */
let sharedContact: { caseId: string; candidateId: string; path: string; kinds: string[] }

async function identityViews(): Promise<{ total: number; byEmployer: number }> {
  const [row] = await db.sql<{ total: number; byEmployer: number }[]>`
    select count(*)::int as total, count(*) filter (where actor_user_id = ${employer.id})::int as "byEmployer"
    from audit_log where action = 'candidate.identity.viewed'`
  return { total: Number(row!.total), byEmployer: Number(row!.byEmployer) }
}

beforeAll(async () => {
  const started = performance.now()
  await seedDemoData(db.sql, { onlyIfEmpty: false })
  const seeded = performance.now()

  employer = (await findUserByEmail(db.sql, demoLogins.employer))!
  specialist = (await findUserByEmail(db.sql, demoLogins.specialist))!
  // The employer sees candidate lists only after accepting the terms, and only what the index holds.
  await acceptEmployerTerms(employer)
  resetSearchBackend()
  await reindexAll(db.sql, getSearchBackend())
  employerCookie = await sessionCookie(employer)

  identities = await db.sql<Identity[]>`
    select candidate_id as "candidateId", first_name as "firstName", last_name as "lastName", national_id as "nationalId", phone, email
    from candidate_identities`
  detector = new IdentityDetector(identities)

  const organisationIds = (
    await db.sql<{ id: string }[]>`
      select organisation_id as id from organisation_memberships where user_id = ${employer.id} and status = 'active' order by organisation_id`
  ).map((row) => row.id)
  const workplaceRows = await db.sql<{ id: string }[]>`
    select id from workplaces where organisation_id = any(${db.sql.array(organisationIds)}::uuid[]) order by id`
  const workplaces = await Promise.all(
    workplaceRows.map(async ({ id }) => ({
      id,
      taskIds: (await db.sql<{ id: string }[]>`select id from workplace_tasks where workplace_id = ${id} order by id`).map((row) => row.id),
      carvedJobIds: (await db.sql<{ id: string }[]>`select id from carved_jobs where workplace_id = ${id} order by id`).map((row) => row.id),
    })),
  )
  const openingIds = (
    await db.sql<{ id: string }[]>`select id from openings where workplace_id = any(${db.sql.array(workplaceRows.map((row) => row.id))}::uuid[]) order by id`
  ).map((row) => row.id)
  const publishedOpeningIds = (
    await db.sql<{ id: string }[]>`select id from openings where id = any(${db.sql.array(openingIds)}::uuid[]) and status = 'published' order by id`
  ).map((row) => row.id)
  employerData = { user: employer, organisationIds, workplaces, openingIds, publishedOpeningIds, caseIds: await casesWithNavReasons(publishedOpeningIds) }
  sharedContact = await shareContactDetails(employerData.caseIds)

  const [own] = await db.sql<{ id: string }[]>`select id from candidates where responsible_user_id = ${specialist.id} order by id limit 2`
  const [other] = await db.sql<{ id: string }[]>`select id from candidates where office_id <> ${specialist.officeId} order by id limit 1`
  ownCandidateId = own!.id
  otherOfficeCandidateId = other!.id

  // A handover sends the only candidate e-mail there is; the mailbox pages must show it without personal data.
  const [second] = await db.sql<{ id: string }[]>`
    select c.id from candidates c where c.responsible_user_id = ${specialist.id} and c.id <> ${ownCandidateId} order by c.id limit 1`
  const colleague = await db.sql<{ id: string }[]>`
    select u.id from users u join staff_placements p on p.user_id = u.id
    where p.office_id = ${specialist.officeId} and u.id <> ${specialist.id} and u.password_hash is not null
      and exists (select 1 from user_roles r where r.user_id = u.id and r.role in ('specialist', 'team_lead'))
    order by u.email limit 1`
  if (second && colleague[0]) {
    const candidate = (await findCandidate(db.sql, second.id))!
    await handOverCandidate(specialist, candidate, colleague[0].id, 'Overført under ferien.')
  }
  mailIds = getEnv().DEVELOPMENT_MAILBOX ? (await listDevelopmentMailbox(db.mailDir)).map((mail) => mail.id) : []

  console.log(
    `employer-privacy on ${db.kind}: seeded in ${Math.round(seeded - started)} ms, ${identities.length} identities ` +
      `(${JSON.stringify(detector.size)}), ${organisationIds.length} organisations, ${workplaces.length} workplaces, ${openingIds.length} openings`,
  )
})

/**
 * The employer says they are interested in the first candidates of an opening, through the same code as the page.
 * NAV then moves the first case to «the candidate said no» with a reason that names the candidate, as a tired
 * specialist might: the employer's case pages must show the step, never that reason.
 */
async function casesWithNavReasons(publishedOpeningIds: string[]): Promise<string[]> {
  const opening = (await findOpeningForMember(db.sql, publishedOpeningIds[0]!, employer.id))!
  const matches = await candidatesForOpening(opening, { side: 1, minScore: 0 })
  if (matches.status !== 'ok') throw new Error(`No match list for ${opening.id}: ${matches.status}`)
  const caseIds: string[] = []
  for (const match of matches.results.slice(0, 3)) {
    const outcome = await markEmployerInterest(employer, opening, match.candidate.id, 'Vi har en ledig plass fra mandag.')
    if (outcome.status === 'not-visible') throw new Error('A listed candidate was not visible')
    caseIds.push(outcome.case.id)
  }
  const first = (await findCase(db.sql, caseIds[0]!))!
  const owner = (await findUserById(db.sql, first.ownerUserId!))!
  const identity = identities.find((candidate) => candidate.candidateId === first.candidateId)!
  let version = first.version
  for (const [action, reason] of [
    ['acknowledge', ''],
    ['askCandidate', ''],
    ['candidateSaidNo', `${identity.firstName} ${identity.lastName} (tlf ${identity.phone}) har fått annen jobb.`],
  ] as const) {
    const moved = await moveCaseAs(owner, 'staff', { caseId: first.id, version, action, reason })
    if (!moved.ok) throw new Error(moved.message)
    version = moved.case.version
  }
  return caseIds
}

/**
 * After the candidate's yes, NAV shares the name and phone number (not the e-mail) in the second case; in the third it
 * shares everything and then withdraws the case, which must hide it all again.
 */
async function shareContactDetails(caseIds: string[]): Promise<typeof sharedContact> {
  const toYes = ['acknowledge', 'askCandidate', 'candidateSaidYes'] as const
  const [shared, ended] = await Promise.all([findCase(db.sql, caseIds[1]!), findCase(db.sql, caseIds[2]!)])
  for (const found of [shared!, ended!]) {
    const owner = (await findUserById(db.sql, found.ownerUserId!))!
    let version = found.version
    for (const action of toYes) {
      const moved = await moveCaseAs(owner, 'staff', { caseId: found.id, version, action, reason: '' })
      if (!moved.ok) throw new Error(moved.message)
      version = moved.case.version
    }
    const identity = identities.find((candidate) => candidate.candidateId === found.candidateId)!
    const fields = found.id === shared!.id ? ['name', ...(identity.phone ? ['phone'] : [])] : ['name', 'phone', 'email'].filter((field) => field === 'name' || identity[field as 'phone' | 'email'])
    const outcome = await shareIdentity(owner, found.id, fields)
    if (outcome.status !== 'shared') throw new Error(`Sharing in ${found.id}: ${outcome.status}`)
    if (found.id === ended!.id) {
      const moved = await moveCaseAs(owner, 'staff', { caseId: found.id, version, action: 'withdraw', reason: 'Kandidaten har fått annen jobb.' })
      if (!moved.ok) throw new Error(moved.message)
    }
  }
  const identity = identities.find((candidate) => candidate.candidateId === shared!.candidateId)!
  return {
    caseId: shared!.id,
    candidateId: shared!.candidateId,
    path: `/arbeidsgiver/saker/${shared!.id}/kontakt`,
    kinds: ['name', ...(identity.phone ? ['phone'] : [])],
  }
}

async function contactViews(): Promise<number> {
  const [row] = await db.sql<{ count: number }[]>`
    select count(*)::int as count from audit_log where action = 'case.disclosure.viewed' and actor_user_id = ${employer.id}`
  return Number(row!.count)
}

describe('the identity detector', () => {
  it('has every seeded candidate to look for', () => {
    expect(identities.length).toBeGreaterThan(0)
    expect(detector.size.names).toBe(identities.length)
    // Every seeded national ID number yields a birth date.
    const withoutBirthDate = identities.filter((identity) => !birthDateOf(identity.nationalId))
    expect(withoutBirthDate.map((identity) => identity.nationalId)).toEqual([])
  })

  it('derives birth dates from ordinary, D- and synthetic numbers', () => {
    expect(birthDateOf('15019012345')).toEqual({ year: 1990, month: 1, day: 15 })
    expect(birthDateOf('55019012345')).toEqual({ year: 1990, month: 1, day: 15 }) // D-number
    expect(birthDateOf('15819012345')).toEqual({ year: 1990, month: 1, day: 15 }) // Test Norge (month + 80)
    expect(birthDateOf('15419012345')).toEqual({ year: 1990, month: 1, day: 15 }) // H-number (month + 40)
    expect(birthDateOf('15010555012')).toEqual({ year: 2005, month: 1, day: 15 }) // individual 500–999, year 00–39
    expect(birthDateOf('15019995012')).toEqual({ year: 1999, month: 1, day: 15 }) // individual 900–999, year 40–99
  })

  it('finds a seeded candidate in every way the details may be written', () => {
    const sample = identities.filter((identity) => identity.phone && identity.email).slice(0, 3)
    expect(sample.length).toBeGreaterThan(0)
    for (const identity of sample) {
      const id = identity.nationalId
      const phone = identity.phone.replace(/\D/g, '').slice(-8)
      const birth = birthDateOf(id)!
      const written = [
        `Navn: ${identity.firstName} ${identity.lastName}.`,
        `{"name":"${identity.firstName.toUpperCase()}  ${identity.lastName.toUpperCase()}"}`,
        `${identity.lastName}, ${identity.firstName}`,
        `fnr=${id}`,
        `${id.slice(0, 6)} ${id.slice(6)}`,
        `tlf ${phone}`,
        `${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5)}`,
        `${phone.slice(0, 2)} ${phone.slice(2, 4)} ${phone.slice(4, 6)} ${phone.slice(6)}`,
        `${phone.slice(0, 4)}\u00a0${phone.slice(4)}`,
        `+47 ${phone}`,
        `<a href="mailto:${identity.email.toUpperCase()}">`,
        `?epost=${encodeURIComponent(identity.email)}`,
        `født ${pad(birth.day)}.${pad(birth.month)}.${birth.year}`,
        `"birthDate":"${birth.year}-${pad(birth.month)}-${pad(birth.day)}"`,
        `(${pad(birth.day)}${pad(birth.month)}${pad(birth.year % 100)})`,
      ]
      for (const text of written) {
        const findings = detector.find(text)
        expect(findings.flatMap((finding) => finding.candidateIds), text).toContain(identity.candidateId)
      }
    }
  })

  it('leaves ordinary text alone', () => {
    const identity = identities[0]!
    const text = [
      `Hei ${identity.firstName}!`,
      `${identity.lastName} Bakeri AS`,
      'Kandidat 3F2A9C, 12 timer i uka, 08.00–16.00, org.nr. 912 345 678',
      `Oppdatert ${new Date().toISOString()}`,
      '0301 Oslo, 2026-03-01, 01.03.2026',
      '3f2a9c1e-7b4d-4e2a-9c1e-123456789012',
    ].join('\n')
    expect(detector.find(text)).toEqual([])
  })
})

describe('employer-facing routes', () => {
  it('has every employer and API route in the table, and nothing the disk does not have', () => {
    const onDisk = routeFilesOnDisk().filter((file) => /^(arbeidsgiver|api\.)/.test(file))
    const missing = onDisk.filter((file) => !(file in employerRoutes))
    expect(missing, 'New employer or API routes: add them to employerRoutes in this test with the parameters they need').toEqual([])
    expect(Object.keys(employerRoutes).filter((file) => !onDisk.includes(file)), 'Routes in employerRoutes that no longer exist').toEqual([])
    expect(Object.keys(employerModules).map(routeFileOf).sort()).toEqual([...onDisk].sort())
    expect(Object.keys(publicRoutes).filter((file) => !routeFilesOnDisk().includes(file)), 'Routes in publicRoutes that no longer exist').toEqual([])
  })

  it('has the demo employer data the routes need', () => {
    expect(employerData.organisationIds.length).toBeGreaterThan(0)
    expect(employerData.workplaces.length).toBeGreaterThan(0)
    expect(employerData.workplaces.some((workplace) => workplace.taskIds.length > 0)).toBe(true)
    expect(employerData.workplaces.some((workplace) => workplace.carvedJobIds.length > 0)).toBe(true)
    expect(employerData.openingIds.length).toBeGreaterThan(0)
  })

  it('shows no seeded candidate identity in any employer loader, public loader or the root loader', async () => {
    const cases: { file: string; load: () => Promise<RouteModule>; request: Case; mustSucceed: boolean }[] = [
      { file: 'root.tsx', load: rootModule, request: { path: '/arbeidsgiver' }, mustSucceed: true },
      ...Object.entries(employerRoutes).flatMap(([file, casesOf]) =>
        casesOf(employerData).map((request) => ({ file, load: moduleFor(file), request, mustSucceed: true })),
      ),
      ...Object.entries(publicRoutes).flatMap(([file, casesOf]) =>
        casesOf(mailIds).map((request) => ({ file, load: moduleFor(file), request, mustSucceed: false })),
      ),
    ]
    const problems: string[] = []
    const statuses: string[] = []
    /** What the shared case's contact page showed of its candidate: the exception must be real, not vacuous. */
    const sharedKindsSeen = new Set<string>()
    const viewsBefore = await contactViews()
    for (const { file, load, request, mustSucceed } of cases) {
      const route = await load()
      const outcome = await run(route.loader, new Request(`${BASE}${request.path}`, { headers: { Cookie: employerCookie } }), request.params ?? {})
      if (!outcome) {
        statuses.push(`${file}: no loader`)
        continue
      }
      statuses.push(`${outcome.status}${outcome.thrown ? ' (thrown)' : ''} ${request.path}`)
      // A redirect to the log-in page would mean the session did not work, and nothing was really checked.
      if (mustSucceed && outcome.status !== 200) problems.push(`${request.path} (${file}): expected 200, got ${outcome.status}`)
      for (const finding of detector.find(outcome.text)) {
        const shared =
          request.path === sharedContact.path && finding.candidateIds.includes(sharedContact.candidateId) && sharedContact.kinds.includes(finding.kind)
        if (shared) sharedKindsSeen.add(finding.kind)
        else problems.push(`${request.path} (${file}): ${finding.kind} «${finding.match}» of candidate ${finding.candidateIds.join(', ')}`)
      }
    }
    if (process.env.PRIVACY_TEST_VERBOSE) console.log(statuses.join('\n'))
    expect(problems).toEqual([])
    // Every employer route was really called, with all its cases.
    expect(statuses.length).toBeGreaterThanOrEqual(Object.keys(employerRoutes).length + Object.keys(publicRoutes).length)
    // The shared details were really there, on their page, and that view (only that one) is in the audit log.
    expect([...sharedKindsSeen].sort()).toEqual([...sharedContact.kinds].sort())
    expect(await contactViews()).toBe(viewsBefore + cases.filter((entry) => entry.request.path === sharedContact.path).length)
  })
})

describe('staff pages, as the employer', () => {
  const knownParams = (name: string): string => {
    if (name === 'candidateId') return ownCandidateId
    if (name === 'officeId') return specialist.officeId!
    return ownCandidateId
  }

  function staffCases(): { file: string; path: string; params: Record<string, string> }[] {
    const employerOrPublic = new Set([...Object.keys(employerRoutes), ...Object.keys(publicRoutes)])
    return routeFilesOnDisk()
      .filter((file) => !employerOrPublic.has(file))
      .flatMap((file) => {
        const segments = file.replace(/(\/route)?\.(ts|tsx|js|jsx)$/, '').split('.')
        const params: Record<string, string> = {}
        for (const segment of segments) if (segment.startsWith('$') && segment.length > 1) params[segment.slice(1)] = knownParams(segment.slice(1))
        const pathOf = (candidateId: string) =>
          `/${segments
            .filter((segment) => segment !== '_index')
            .map((segment) => (segment === '$candidateId' ? candidateId : segment.startsWith('$') ? params[segment.slice(1)] : segment))
            .join('/')}`
        const cases = [{ file, path: pathOf(ownCandidateId), params }]
        if ('candidateId' in params) {
          cases.push({ file, path: `${pathOf(ownCandidateId)}?grunn=kontakt`, params })
          cases.push({ file, path: `${pathOf(otherOfficeCandidateId)}?grunn=kontakt`, params: { ...params, candidateId: otherOfficeCandidateId } })
        }
        return cases
      })
  }

  it('covers the staff candidate pages', () => {
    const files = new Set(staffCases().map((entry) => entry.file))
    for (const file of [
      'ansatt.kandidater._index.tsx',
      'ansatt.kandidater.ny.tsx',
      'ansatt.kandidater.$candidateId._index.tsx',
      'ansatt.kandidater.$candidateId.personalia.tsx',
      'ansatt.kandidater.$candidateId.forhandsvisning.tsx',
      'ansatt.kandidater.$candidateId.profil.tsx',
      'ansatt.kandidater.$candidateId.samtykke.tsx',
    ]) {
      expect(files, file).toContain(file)
    }
  })

  it('refuses every staff loader and action with 403 or 404, and reads no identity on the way', async () => {
    const before = await identityViews()
    const problems: string[] = []
    const seen: string[] = []
    let loaders = 0
    for (const { file, path: pathname, params } of staffCases()) {
      const route = await moduleFor(file)()
      const loaded = await run(route.loader, new Request(`${BASE}${pathname}`, { headers: { Cookie: employerCookie } }), params)
      // An action without a CSRF token: the role check must come first, so the answer is still a refusal.
      const body = new FormData()
      body.set('intent', 'withdraw')
      body.set('grunn', 'kontakt')
      const acted = await run(route.action, new Request(`${BASE}${pathname}`, { method: 'POST', body, headers: { Cookie: employerCookie } }), params)
      for (const [kind, outcome] of [['loader', loaded], ['action', acted]] as const) {
        if (!outcome) continue
        if (kind === 'loader') loaders++
        seen.push(`${kind} ${outcome.status}${outcome.thrown ? ' (thrown)' : ''} ${pathname}`)
        if (!outcome.thrown || (outcome.status !== 403 && outcome.status !== 404)) {
          problems.push(
            `${kind} ${pathname} (${file}): expected a thrown 403 or 404, got ${outcome.thrown ? 'thrown ' : ''}${outcome.status}` +
              ' (a page meant for everyone belongs in publicRoutes, an employer page in employerRoutes)',
          )
        }
        for (const finding of detector.find(outcome.text)) {
          problems.push(`${kind} ${pathname} (${file}): ${finding.kind} «${finding.match}»`)
        }
      }
    }
    if (process.env.PRIVACY_TEST_VERBOSE) console.log(seen.join('\n'))
    expect(problems).toEqual([])
    expect(loaders).toBeGreaterThanOrEqual(8)
    const after = await identityViews()
    expect(after.byEmployer).toBe(0)
    expect(after.total).toBe(before.total)
  })

  it('would have noticed: the specialist sees the identity on the same page, and that read is audited', async () => {
    const route = await moduleFor('ansatt.kandidater.$candidateId.personalia.tsx')()
    const before = await identityViews()
    const outcome = await run(
      route.loader,
      new Request(`${BASE}/ansatt/kandidater/${ownCandidateId}/personalia?grunn=kontakt`, { headers: { Cookie: await sessionCookie(specialist) } }),
      { candidateId: ownCandidateId },
    )
    expect(outcome?.status).toBe(200)
    const kinds = new Set(detector.find(outcome!.text).filter((finding) => finding.candidateIds.includes(ownCandidateId)).map((finding) => finding.kind))
    expect(kinds).toContain('national ID')
    expect(kinds).toContain('e-mail')
    const after = await identityViews()
    expect(after.total).toBe(before.total + 1)
  })
})
