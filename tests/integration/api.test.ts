import { beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  anonymisedCandidateSchema,
  apiJson,
  candidatesForOpeningResponseSchema,
  errorSchema,
  openingsForCandidateResponseSchema,
} from '~/modules/api.server'
import { candidatesForOpening, MATCHES_PER_PAGE, openingsForCandidate } from '~/modules/matching.server'
import { acceptEmployerTerms } from '~/modules/organisations.server'
import { loader as openApiLoader } from '~/routes/api.v1.openapi[.]json'
import { loader as candidateOpeningsLoader } from '~/routes/api.v1.candidates.$candidateId.openings'
import { loader as openingCandidatesLoader } from '~/routes/api.v1.openings.$openingId.candidates'
import { startSession } from '~/utils/session.server'
import { findCandidate } from '../../prisma-free-sql/queries/candidates'
import { findOffice } from '../../prisma-free-sql/queries/offices'
import { findOpeningForMember, type Opening } from '../../prisma-free-sql/queries/openings'
import { findUserByEmail, type User } from '../../prisma-free-sql/queries/users'
import { demoLogins, seedDemoData } from '../../scripts/demo-data'
import { getSearchBackend, resetSearchBackend } from '../../search-index/backends'
import { reindexAll } from '../../search-index/reindex'
import { useTestDatabase } from '../support/database'

// The JSON API is called the way Remix calls a resource route: the loader with a Request that carries a real session
// cookie, on the seeded demo database indexed by the configured search backend.

const db = useTestDatabase()
const BASE = 'http://localhost'

type Loader = (args: { request: Request; params: Record<string, string>; context: { clientAddress: string } }) => Promise<Response> | Response
const context = { clientAddress: '127.0.0.1' }
type Answer = { status: number; headers: Headers; body: unknown }
type Identity = { firstName: string; lastName: string; nationalId: string; phone: string; email: string }

let employer: User
let otherEmployer: User
let specialist: User
let marketContact: User
let identities: Identity[]
const cookies = new Map<string, string>()
/** Every body the API sent in these tests, with its status, for the schema and identity checks at the end. */
const answers: { path: string; status: number; body: unknown }[] = []

async function cookieFor(user: User | undefined): Promise<string | undefined> {
  if (!user) return undefined
  const known = cookies.get(user.id)
  if (known) return known
  const response = await startSession(new Request(`${BASE}/logg-inn`), user.id, '/')
  const cookie = response.headers.get('Set-Cookie')!.split(';')[0]!
  cookies.set(user.id, cookie)
  return cookie
}

/** Calls a loader; a thrown Response would be a bug here (the API returns its errors), so it is not caught. */
async function call(loader: Loader, user: User | undefined, path: string, params: Record<string, string> = {}): Promise<Answer> {
  const cookie = await cookieFor(user)
  const request = new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} })
  const response = await loader({ request, params, context })
  expect(response, path).toBeInstanceOf(Response)
  expect(response.headers.get('Content-Type'), path).toContain('application/json')
  const body: unknown = await response.json()
  answers.push({ path, status: response.status, body })
  return { status: response.status, headers: response.headers, body }
}

const candidatesOf = (user: User | undefined, openingId: string, query = '') =>
  call(openingCandidatesLoader as Loader, user, `/api/v1/openings/${openingId}/candidates${query}`, { openingId })
const openingsOf = (user: User | undefined, candidateId: string, query = '') =>
  call(candidateOpeningsLoader as Loader, user, `/api/v1/candidates/${candidateId}/openings${query}`, { candidateId })

/** Exposures recorded by a first page change tie-breaks; both sides of a comparison start from the same state. */
async function forgetExposures(openingId: string) {
  await db.sql`delete from match_exposures where opening_id = ${openingId}`
}

type OpeningRow = { id: string; status: string; countyNumber: string; organisationId: string }
let employerOpenings: OpeningRow[]
let publishedOpening: Opening
let draftOpeningId: string
let otherOrganisationOpeningId: string
let outsideRegionOpeningId: string
let otherEmployerOpeningId: string
let specialistCounty: string
let ownCandidateId: string
let otherOfficeCandidateId: string

beforeAll(async () => {
  await seedDemoData(db.sql, { onlyIfEmpty: false })
  employer = (await findUserByEmail(db.sql, demoLogins.employer))!
  otherEmployer = (await findUserByEmail(db.sql, 'daglig.leder@bryggen-hotell.example'))!
  specialist = (await findUserByEmail(db.sql, demoLogins.specialist))!
  marketContact = (await findUserByEmail(db.sql, demoLogins.marketContact))!
  await acceptEmployerTerms(employer)
  await db.sql`delete from employer_terms_acceptances where user_id = ${otherEmployer.id}`
  resetSearchBackend()
  await reindexAll(db.sql, getSearchBackend())

  identities = await db.sql<Identity[]>`
    select first_name as "firstName", last_name as "lastName", national_id as "nationalId", phone, email from candidate_identities`

  const openings = await db.sql<(OpeningRow & { memberOf: string[] })[]>`
    select op.id, op.status, m.county_number as "countyNumber", w.organisation_id as "organisationId",
      coalesce(array_agg(om.user_id::text) filter (where om.status = 'active'), '{}') as "memberOf"
    from openings op join workplaces w on w.id = op.workplace_id join municipalities m on m.number = w.municipality_number
      left join organisation_memberships om on om.organisation_id = w.organisation_id
    group by op.id, m.county_number, w.organisation_id order by op.id`
  employerOpenings = openings.filter((row) => row.memberOf.includes(employer.id))
  specialistCounty = (await findOffice(db.sql, specialist.officeId!))!.countyNumber

  // The employer's published opening in the specialist's county with the most matches, so both sides have something to rank.
  let best: { opening: Opening; total: number } | undefined
  for (const row of employerOpenings.filter((row) => row.status === 'published' && row.countyNumber === specialistCounty)) {
    const opening = (await findOpeningForMember(db.sql, row.id, employer.id))!
    const matches = await candidatesForOpening(opening, { side: 2, minScore: 0 })
    if (matches.status === 'ok' && (!best || matches.total > best.total)) best = { opening, total: matches.total }
  }
  publishedOpening = best!.opening
  draftOpeningId = employerOpenings.find((row) => row.status === 'draft')!.id
  otherOrganisationOpeningId = openings.find((row) => !row.memberOf.includes(employer.id) && row.status === 'published')!.id
  outsideRegionOpeningId = openings.find((row) => row.countyNumber !== specialistCounty && row.status === 'published')!.id
  otherEmployerOpeningId = openings.find((row) => row.memberOf.includes(otherEmployer.id))!.id

  // An own-office candidate whose profile is complete enough for openings to be ranked.
  const own = await db.sql<{ id: string }[]>`select id from candidates where office_id = ${specialist.officeId} order by id limit 40`
  for (const { id } of own) {
    const matches = await openingsForCandidate(specialist, (await findCandidate(db.sql, id))!, { side: 1, minScore: 0 })
    if (matches.status === 'ok' && matches.total > 0) {
      ownCandidateId = id
      break
    }
  }
  const [other] = await db.sql<{ id: string }[]>`select id from candidates where office_id <> ${specialist.officeId} order by id limit 1`
  otherOfficeCandidateId = other!.id
}, 180_000)

describe('GET /api/v1/openings/:openingId/candidates as the employer', () => {
  it('has the seeded data the tests need', () => {
    expect(publishedOpening).toBeDefined()
    expect(ownCandidateId).toBeDefined()
    expect(identities.length).toBeGreaterThan(100)
  })

  it('ranks anonymised candidates with reasons, exactly as the page does', async () => {
    await forgetExposures(publishedOpening.id)
    const answer = await candidatesOf(employer, publishedOpening.id)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('Cache-Control')).toBe('no-store')
    const body = candidatesForOpeningResponseSchema.parse(answer.body)

    await forgetExposures(publishedOpening.id)
    const page = await candidatesForOpening(publishedOpening, { side: 1, minScore: 0 })
    if (page.status !== 'ok') throw new Error(`expected matches, got ${page.status}`)

    expect(body.opening).toEqual({ id: publishedOpening.id, title: publishedOpening.title })
    expect(body.results.length).toBeGreaterThan(0)
    expect(body.results.length).toBeLessThanOrEqual(MATCHES_PER_PAGE)
    expect({ total: body.total, page: body.page, pageCount: body.pageCount }).toEqual({ total: page.total, page: page.page, pageCount: page.pageCount })
    expect(body.results.map((result) => [result.candidate.id, result.score])).toEqual(page.results.map((match) => [match.candidate.id, match.explanation.score]))
    expect(body.results.map((result) => result.candidate)).toEqual(page.results.map((match) => match.candidate))
    // Best first, each with its reasons.
    const scores = body.results.map((result) => result.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    for (const result of body.results) {
      expect(result.summary.length).toBeGreaterThan(0)
      expect(result.components.length).toBeGreaterThan(0)
      expect(result.components.some((component) => component.reasons.length > 0)).toBe(true)
      expect(Object.keys(result.candidate).sort()).toEqual(Object.keys(anonymisedCandidateSchema.shape).sort())
    }
  })

  it('pages and filters like the page', async () => {
    const second = await candidatesOf(employer, publishedOpening.id, '?side=2')
    expect(second.status).toBe(200)
    const page2 = await candidatesForOpening(publishedOpening, { side: 2, minScore: 0 })
    if (page2.status !== 'ok') throw new Error(page2.status)
    expect(candidatesForOpeningResponseSchema.parse(second.body).results.map((result) => result.candidate.id)).toEqual(
      page2.results.map((match) => match.candidate.id),
    )
    const filtered = candidatesForOpeningResponseSchema.parse((await candidatesOf(employer, publishedOpening.id, '?minScore=50')).body)
    expect(filtered.results.every((result) => result.score >= 50)).toBe(true)
  })

  it('answers 401 without a session, as JSON and not a redirect to the log-in page', async () => {
    const answer = await candidatesOf(undefined, publishedOpening.id)
    expect(answer.status).toBe(401)
    expect(errorSchema.parse(answer.body).error).toMatch(/logget inn/)
    const expired = await openingCandidatesLoader({
      request: new Request(`${BASE}/api/v1/openings/${publishedOpening.id}/candidates`, { headers: { Cookie: '__session=ukjent' } }),
      params: { openingId: publishedOpening.id },
      context,
    })
    expect(expired.status).toBe(401)
  })

  it('answers 403 pointing at the terms when the employer has not accepted them', async () => {
    const answer = await candidatesOf(otherEmployer, otherEmployerOpeningId)
    expect(answer.status).toBe(403)
    expect(errorSchema.parse(answer.body).error).toContain('/arbeidsgiver/vilkar')
  })

  it('answers 404 for another organisation’s opening and for ids that are not ids', async () => {
    expect((await candidatesOf(employer, otherOrganisationOpeningId)).status).toBe(404)
    expect((await candidatesOf(employer, 'ikke-en-id')).status).toBe(404)
    expect((await candidatesOf(employer, '00000000-0000-4000-8000-000000000000')).status).toBe(404)
  })

  it.each(['?side=0', '?side=abc', '?minScore=33', '?side=100000', '?side=1.5', '?minScore=-1'])('answers 400 for %s', async (query) => {
    const answer = await candidatesOf(employer, publishedOpening.id, query)
    expect(answer.status).toBe(400)
    expect(errorSchema.parse(answer.body).error).toMatch(/side.*minScore/)
  })

  it('answers 409 for an opening that is not published', async () => {
    const answer = await candidatesOf(employer, draftOpeningId)
    expect(answer.status).toBe(409)
    expect(errorSchema.parse(answer.body).error).toMatch(/ikke publisert/)
  })

  it('refuses the employer the candidate endpoint with 403, whichever candidate is asked for', async () => {
    for (const candidateId of [ownCandidateId, otherOfficeCandidateId, 'ikke-en-id']) {
      const answer = await openingsOf(employer, candidateId)
      expect(answer.status).toBe(403)
      errorSchema.parse(answer.body)
    }
  })
})

describe('GET /api/v1/openings/:openingId/candidates as staff', () => {
  it('lists only the own office’s candidates for an opening in the county, as the staff page does', async () => {
    await forgetExposures(publishedOpening.id)
    const answer = await candidatesOf(specialist, publishedOpening.id)
    expect(answer.status).toBe(200)
    const body = candidatesForOpeningResponseSchema.parse(answer.body)
    await forgetExposures(publishedOpening.id)
    const page = await candidatesForOpening(publishedOpening, { side: 1, minScore: 0 }, { officeId: specialist.officeId! })
    if (page.status !== 'ok') throw new Error(page.status)
    expect(body.results.map((result) => [result.candidate.id, result.score])).toEqual(page.results.map((match) => [match.candidate.id, match.explanation.score]))
    expect(body.total).toBe(page.total)
    const ids = body.results.map((result) => result.candidate.id)
    expect(ids.length).toBeGreaterThan(0)
    const offices = await db.sql<{ officeId: string }[]>`select distinct office_id as "officeId" from candidates where id = any(${db.sql.array(ids)}::uuid[])`
    expect(offices.map((row) => row.officeId)).toEqual([specialist.officeId])
  })

  it('answers 404 for an opening outside the office’s county, and 403 for staff who do not follow candidates up', async () => {
    expect((await candidatesOf(specialist, outsideRegionOpeningId)).status).toBe(404)
    expect((await candidatesOf(marketContact, publishedOpening.id)).status).toBe(403)
  })
})

describe('GET /api/v1/candidates/:candidateId/openings', () => {
  it('ranks openings for an own-office candidate, as the page does', async () => {
    const answer = await openingsOf(specialist, ownCandidateId)
    expect(answer.status).toBe(200)
    const body = openingsForCandidateResponseSchema.parse(answer.body)
    const page = await openingsForCandidate(specialist, (await findCandidate(db.sql, ownCandidateId))!, { side: 1, minScore: 0 })
    if (page.status !== 'ok') throw new Error(page.status)
    expect(body.candidate.id).toBe(ownCandidateId)
    expect(body.candidate.label).toMatch(/^Kandidat [0-9A-F]{6}$/)
    expect(body.results.map((result) => [result.opening.id, result.score])).toEqual(page.results.map((match) => [match.opening.id, match.explanation.score]))
    expect(body.results.length).toBeGreaterThan(0)
  })

  it('answers 404 for another office’s candidate, 400 for a bad query and 401 without a session', async () => {
    expect((await openingsOf(specialist, otherOfficeCandidateId)).status).toBe(404)
    expect((await openingsOf(specialist, ownCandidateId, '?side=0')).status).toBe(400)
    expect((await openingsOf(undefined, ownCandidateId)).status).toBe(401)
  })
})

describe('GET /api/v1/openapi.json', () => {
  let document: Record<string, unknown> & {
    openapi: string
    info: { title: string; version: string; description?: string }
    paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[]; additionalProperties?: unknown }>; securitySchemes: Record<string, unknown> }
  }

  beforeAll(async () => {
    const response = await (openApiLoader as Loader)({ request: new Request(`${BASE}/api/v1/openapi.json`), params: {}, context })
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toMatch(/public/)
    document = (await response.json()) as typeof document
  })

  it('is an OpenAPI 3 document with both endpoints and their error answers', () => {
    expect(document.openapi).toMatch(/^3\.0\.\d+$/)
    expect(document.info.title).toBe('Jobbsnekker API')
    expect(document.info.version).toBe('1')
    expect(document.info.description).toBeTruthy()
    const candidates = document.paths['/api/v1/openings/{openingId}/candidates']?.get
    const openings = document.paths['/api/v1/candidates/{candidateId}/openings']?.get
    expect(document.paths['/api/v1/openapi.json']?.get).toBeDefined()
    for (const operation of [candidates, openings]) {
      expect(operation).toBeDefined()
      expect(Object.keys(operation!.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']))
      expect(operation!.security).toEqual([{ sessionCookie: [] }])
    }
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: '__session' })
  })

  it('describes the anonymised candidate with exactly its keys and no others', () => {
    const schema = document.components.schemas.AnonymisedCandidate!
    expect(schema.additionalProperties).toBe(false)
    expect(Object.keys(schema.properties!).sort()).toEqual(Object.keys(anonymisedCandidateSchema.shape).sort())
    expect([...schema.required!].sort()).toEqual(Object.keys(anonymisedCandidateSchema.shape).sort())
    for (const name of ['Opening', 'CandidatesForOpening', 'OpeningsForCandidate', 'Error', 'MatchComponent']) expect(document.components.schemas, name).toHaveProperty(name)
  })

  it('has every $ref resolvable', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)]
    expect(refs.length).toBeGreaterThan(5)
    for (const [, kind, name] of refs) expect((document.components as Record<string, Record<string, unknown>>)[kind!], `${kind}/${name}`).toHaveProperty(name!)
  })
})

describe('every answer', () => {
  it('never sends more than the schema allows', () => {
    const candidate = (candidatesForOpeningResponseSchema.parse(answers.find((answer) => answer.status === 200 && answer.path.includes('/candidates'))!.body)
      .results[0]!.candidate) as z.input<typeof anonymisedCandidateSchema>
    expect(() => anonymisedCandidateSchema.parse({ ...candidate, firstName: 'Kari' })).toThrow()
    expect(() =>
      apiJson(candidatesForOpeningResponseSchema, {
        opening: { id: publishedOpening.id, title: 'x' },
        total: 1,
        page: 1,
        pageCount: 1,
        results: [{ candidate: { ...candidate, nationalId: '1' } as typeof candidate, score: 1, summary: [], components: [], whatWouldMakeItFit: [], interested: false }],
      }),
    ).toThrow()
  })

  it('validates against the strict schemas', () => {
    expect(answers.length).toBeGreaterThan(20)
    for (const answer of answers) {
      if (answer.status !== 200) errorSchema.parse(answer.body)
      else if (answer.path.startsWith('/api/v1/openings/')) candidatesForOpeningResponseSchema.parse(answer.body)
      else openingsForCandidateResponseSchema.parse(answer.body)
    }
  })

  it('carries no identity key and no seeded name, national ID number, phone number or e-mail address', () => {
    const identityKeys = new Set(['firstName', 'lastName', 'fullName', 'nationalId', 'fnr', 'phone', 'email', 'birthDate', 'address'])
    const keysOf = (value: unknown): string[] =>
      Array.isArray(value) ? value.flatMap(keysOf) : value && typeof value === 'object' ? Object.entries(value).flatMap(([key, v]) => [key, ...keysOf(v)]) : []
    const forbiddenNumbers = new Set<string>()
    for (const identity of identities) {
      forbiddenNumbers.add(identity.nationalId)
      const phone = identity.phone.replace(/\D/g, '')
      if (phone.length >= 8) forbiddenNumbers.add(phone.slice(-8))
    }
    const problems: string[] = []
    // The check has teeth: a planted identity would be found.
    const planted = identities.find((identity) => identity.email && identity.phone)!
    for (const answer of [
      ...answers,
      { path: 'planted', body: { pitch: `${planted.firstName} ${planted.lastName}, ${planted.nationalId}, ${planted.email}`, phone: planted.phone } },
    ]) {
      const text = JSON.stringify(answer.body)
      const lower = text.toLocaleLowerCase('nb')
      for (const key of keysOf(answer.body)) if (identityKeys.has(key)) problems.push(`${answer.path}: key ${key}`)
      for (const run of text.match(/\d+/g) ?? []) if (forbiddenNumbers.has(run) || (run.length === 10 && run.startsWith('47') && forbiddenNumbers.has(run.slice(2)))) problems.push(`${answer.path}: number ${run}`)
      for (const identity of identities) {
        const name = `${identity.firstName} ${identity.lastName}`.toLocaleLowerCase('nb')
        if (lower.includes(name)) problems.push(`${answer.path}: name ${name}`)
        if (identity.email && lower.includes(identity.email.toLocaleLowerCase('nb'))) problems.push(`${answer.path}: e-mail`)
      }
    }
    expect(problems.filter((problem) => !problem.startsWith('planted:'))).toEqual([])
    expect(problems.filter((problem) => problem.startsWith('planted:')).length).toBeGreaterThanOrEqual(4)
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(5)
  })
})
