import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  changeCandidateStatus,
  createCandidate,
  recordConsent,
  saveCandidateProfile,
  viewIdentity,
  withdrawConsent,
} from '~/modules/candidates.server'
import { createOpening, transitionOpening } from '~/modules/openings.server'
import { addOwnTask, createWorkplace, editTask, requireTaskOf, saveCarvedJob } from '~/modules/workplaces.server'
import { defaultConsentExpiry, MIN_CANDIDATES_SHARING_MUNICIPALITY } from '../../matching/visibility'
import { getDatabase, installDatabase, type Database, type Sql } from '../../prisma-free-sql/db'
import { findCandidate, type Candidate, type ProfileInput } from '../../prisma-free-sql/queries/candidates'
import { findOpeningForMember, type OpeningInput } from '../../prisma-free-sql/queries/openings'
import { insertOffice } from '../../prisma-free-sql/queries/offices'
import type { User } from '../../prisma-free-sql/queries/users'
import type { OpeningForMatching } from '../../matching/match-types'
import type { SearchBackend } from '../../search-index/backend'
import {
  allIndexedCandidates,
  countIndexableCandidates,
  loadCandidateDecisions,
  loadIndexedCandidates,
  loadIndexedOpenings,
  todayInOslo,
  type MunicipalityVisibleCounts,
} from '../../search-index/load-documents'
import { createPostgresBackend } from '../../search-index/postgres-backend'
import { reindexAll, reindexIfEmpty, reindexStatus } from '../../search-index/reindex'
import {
  deleteOldProcessedRows,
  enqueueConsentDateChanges,
  enqueueSearchSync,
  outboxStats,
  processSearchOutbox,
  startSearchWorker,
  stuckOutboxItems,
} from '../../search-index/sync'
import { randomSyntheticNationalId } from '../../scripts/synthetic-national-id'
import { serverUrl, useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation, workplaceInput } from '../support/employer-fixtures'
import { createStaffUser } from '../support/fixtures'
import { consentForAllEmployers } from '../support/matching-fixtures'

const db = useTestDatabase()

const today = todayInOslo()
function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
const openingStart = addDays(today, 30)

let backend: SearchBackend
let specialist: User
let employer: { user: User; organisationId: string }

function profile(home: string, overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    homeMunicipalityNumber: home,
    pitch: 'Jeg er nøyaktig, liker faste rutiner og å jobbe med hendene. Jeg trives med rolig tempo.',
    wantedTasks: ['varemottak'],
    possibleTasks: [],
    occupations: ['4321'],
    workExperience: 'Tre år på lager.',
    informalCompetence: '',
    educationLevel: 'upper_secondary',
    certificates: [],
    canObtainPoliceCertificate: true,
    hoursMin: 10,
    hoursMax: 20,
    gradualIncrease: false,
    timesOfDay: ['DAG'],
    days: ['UKEDAGER'],
    workMunicipalities: [home],
    workCounties: [],
    earliestStart: today,
    demandTolerances: {},
    accommodationNeeds: [],
    oralNorwegian: 2,
    writtenNorwegian: 1,
    measures: [],
    ...overrides,
  }
}

const identities: { firstName: string; lastName: string; nationalId: string; phone: string; email: string }[] = []
let nameCounter = 0

async function newCandidate(home: string): Promise<Candidate> {
  nameCounter += 1
  const identity = {
    firstName: `Fornavnsen${nameCounter}x`,
    lastName: `Etternavnsen${nameCounter}y`,
    nationalId: randomSyntheticNationalId(),
    phone: `4${String(1_000_000 + nameCounter).padStart(7, '0')}`,
    email: `kandidat${nameCounter}@identitet.example`,
  }
  identities.push(identity)
  const result = await createCandidate(specialist, { identity, homeMunicipalityNumber: home, responsibleUserId: specialist.id })
  if (result.outcome !== 'created') throw new Error('not created')
  return (await findCandidate(db.sql, result.candidateId))!
}

async function giveConsent(candidate: Candidate): Promise<void> {
  await recordConsent(specialist, candidate, consentForAllEmployers(specialist))
}

/** A candidate whose profile is complete and who has consented: visible to employers once synced. */
async function visibleCandidate(home: string, overrides: Partial<ProfileInput> = {}): Promise<Candidate> {
  const candidate = await newCandidate(home)
  expect(await saveCandidateProfile(specialist, candidate, candidate.version, profile(home, overrides))).toBe('saved')
  await giveConsent(candidate)
  return (await findCandidate(db.sql, candidate.id))!
}

function openingInput(overrides: Partial<OpeningInput> = {}): OpeningInput {
  return {
    title: 'Lagermedarbeider',
    description: 'Varemottak og pakking på lageret.',
    openingType: 'ARBEIDSTRENING',
    hoursMin: 10,
    hoursMax: 20,
    timesOfDay: ['DAG'],
    days: ['UKEDAGER'],
    flexibility: '',
    accommodations: [],
    mentorAvailable: true,
    measures: [],
    startDate: openingStart,
    durationWeeks: 12,
    places: 2,
    hireProspect: 'KANSKJE',
    contactName: 'Kari Kontaktperson',
    contactPhone: '22334455',
    contactEmail: '',
    ...overrides,
  }
}

/** A published opening at a new workplace in the municipality, built on a carved job of two tasks. */
async function publishedOpening(municipalityNumber: string) {
  const created = await createWorkplace(employer.user, employer.organisationId, workplaceInput({ name: `Lager ${municipalityNumber} ${Math.random()}`, municipalityNumber }))
  if (created.outcome !== 'created') throw new Error('no workplace')
  const task = { styrk08: '4321', timesOfDay: ['DAG'], days: ['UKEDAGER'], requirements: [], separable: true, currentRole: 'Lagermedarbeider' }
  const receiving = await addOwnTask(employer.user, created.workplaceId, { ...task, name: 'Varemottak', hoursPerWeek: 8, demands: { lifting: 2 } })
  const packing = await addOwnTask(employer.user, created.workplaceId, { ...task, name: 'Pakke ordre', hoursPerWeek: 4, demands: {} })
  const carvedJobId = await saveCarvedJob(employer.user, created.workplaceId, { name: 'Mottak og pakking', targetHours: 12, taskIds: [receiving, packing] })
  const id = await createOpening(employer.user, { ...openingInput(), workplaceId: created.workplaceId, carvedJobId })
  const opening = (await findOpeningForMember(db.sql, id, employer.user.id))!
  expect(await transitionOpening(employer.user, opening, 'publish', '', today)).toBe('done')
  return { id, workplaceId: created.workplaceId, taskId: receiving }
}

async function matchingOf(openingId: string): Promise<OpeningForMatching> {
  const item = (await loadIndexedOpenings(db.sql, [openingId])).get(openingId)
  if (!item) throw new Error('the opening is not indexable')
  return item.matching
}

async function foundFor(opening: OpeningForMatching): Promise<string[]> {
  const hits = await backend.searchCandidates({ opening, text: 'varemottak', limit: 100 })
  return hits.map((hit) => hit.candidate.matching.id).sort()
}

/** How the index shows each matching candidate's home: the municipality, or the county when too few live there. */
async function indexedLocationLevels(opening: OpeningForMatching): Promise<string[]> {
  const ids = (await backend.searchCandidates({ opening, text: '', limit: 100 })).map((hit) => hit.candidate.matching.id)
  const documents = await backend.candidateDocuments(ids)
  return ids.map((id) => documents.get(id)?.location.level ?? 'not indexed')
}

type OutboxRow = { entity: string; entityId: string; priority: number; attempts: number; lastError: string | null; processed: boolean; nextInMs: number }

async function outboxRowsFor(entityId: string): Promise<OutboxRow[]> {
  return (await db.sql`
    select entity, entity_id as "entityId", priority, attempts, last_error as "lastError", processed_at is not null as processed,
           (extract(epoch from next_attempt_at - now()) * 1000)::float8 as "nextInMs"
    from search_outbox where entity_id = ${entityId}::uuid order by id`) as unknown as OutboxRow[]
}

/** Runs passes until nothing is due. */
async function drain(sql: Sql = db.sql, using: SearchBackend = backend): Promise<void> {
  for (let pass = 0; pass < 100; pass++) {
    if ((await processSearchOutbox(sql, using, { batchSize: 100 })).claimed === 0) return
  }
  throw new Error('the outbox did not drain')
}

/** Calls to a backend, recorded in order (a test double of our own SearchBackend interface wrapping the real one). */
function recording(inner: SearchBackend) {
  const calls: { method: string; ids: string[] }[] = []
  const wrapped: SearchBackend = {
    ...inner,
    name: inner.name,
    upsertCandidates: async (items) => {
      calls.push({ method: 'upsertCandidates', ids: items.map((item) => item.document.id) })
      await inner.upsertCandidates(items)
    },
    deleteCandidates: async (ids) => {
      calls.push({ method: 'deleteCandidates', ids })
      await inner.deleteCandidates(ids)
    },
    upsertOpenings: async (items) => {
      calls.push({ method: 'upsertOpenings', ids: items.map((item) => item.document.id) })
      await inner.upsertOpenings(items)
    },
    deleteOpenings: async (ids) => {
      calls.push({ method: 'deleteOpenings', ids })
      await inner.deleteOpenings(ids)
    },
  }
  return { backend: wrapped, calls }
}

/**
 * A test double of our own SearchBackend interface: the real PostgreSQL backend whose first `failures` calls
 * (of any method, health included) throw as an unreachable search engine would.
 */
function failingFirst(inner: SearchBackend, failures: number) {
  let left = failures
  const gate = <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (left > 0) {
        left -= 1
        throw new Error('Søkemotoren svarer ikke (ECONNREFUSED)')
      }
      return call(...args)
    }
  const wrapped: SearchBackend = {
    name: inner.name,
    upsertCandidates: gate((items) => inner.upsertCandidates(items)),
    deleteCandidates: gate((ids) => inner.deleteCandidates(ids)),
    upsertOpenings: gate((items) => inner.upsertOpenings(items)),
    deleteOpenings: gate((ids) => inner.deleteOpenings(ids)),
    searchCandidates: gate((query) => inner.searchCandidates(query)),
    candidateDocuments: gate((ids) => inner.candidateDocuments(ids)),
    searchOpenings: gate((query) => inner.searchOpenings(query)),
    replaceAll: gate((candidates, openings, onProgress, expected) => inner.replaceAll(candidates, openings, onProgress, expected)),
    count: gate(() => inner.count()),
    health: gate(() => inner.health()),
  }
  return { backend: wrapped, remaining: () => left }
}

beforeAll(async () => {
  backend = createPostgresBackend(db.sql)
  const officeId = (await insertOffice(db.sql, { name: 'NAV Søk', countyNumber: '03' }))!
  specialist = await createStaffUser(db.sql, { roles: ['specialist'], officeId, name: 'Spesialist Søk' })
  employer = await newEmployerWithOrganisation(db.sql)
})

describe('the outbox is written in the transaction of each change', () => {
  it('enqueues a profile change, consent, withdrawal and pause, with hides first', async () => {
    const candidate = await newCandidate('1103')
    expect(await saveCandidateProfile(specialist, candidate, candidate.version, profile('1103'))).toBe('saved')
    await giveConsent(candidate)
    await withdrawConsent(specialist, candidate, 'Vil ikke lenger')
    await changeCandidateStatus(specialist, (await findCandidate(db.sql, candidate.id))!, 'paused', 'Sykemeldt')
    const rows = await outboxRowsFor(candidate.id)
    // created, profile, consent, withdrawal (hide), pause (hide)
    expect(rows.map((row) => [row.entity, row.priority])).toEqual([
      ['candidate', 1],
      ['candidate', 1],
      ['candidate', 1],
      ['candidate', 0],
      ['candidate', 0],
    ])
  })

  it('enqueues publishing and closing an opening, closing as a hide, and task edits for the openings using the task', async () => {
    const opening = await publishedOpening('1108')
    const task = await requireTaskOf(opening.workplaceId, opening.taskId)
    const edit = { name: 'Varemottak', styrk08: '4321', hoursPerWeek: 9, timesOfDay: ['DAG'], days: ['UKEDAGER'], demands: {}, requirements: [], separable: true, currentRole: '' }
    expect((await editTask(employer.user, opening.workplaceId, task, edit, true)).outcome).toBe('saved')
    const current = (await findOpeningForMember(db.sql, opening.id, employer.user.id))!
    expect(await transitionOpening(employer.user, current, 'close', 'Besatt på annen måte', today)).toBe('done')
    expect((await outboxRowsFor(opening.id)).map((row) => [row.entity, row.priority])).toEqual([
      ['opening', 1], // created as a draft
      ['opening', 1], // published
      ['opening', 1], // a task it is built on changed
      ['opening', 0], // closed
    ])
  })

  it('leaves no outbox row when the change is rolled back', async () => {
    const candidate = await visibleCandidate('1506')
    const before = (await outboxRowsFor(candidate.id)).length
    const published = await publishedOpening('1506')
    const publishedBefore = (await outboxRowsFor(published.id)).length
    const real = getDatabase()
    // Every transaction of the domain module fails after its last statement, so it rolls back as a whole.
    const failingSql = new Proxy(real.sql, {
      get(target, property, receiver) {
        if (property !== 'begin') return Reflect.get(target, property, receiver)
        return (run: (tx: unknown) => Promise<unknown>) =>
          target.begin(async (tx) => {
            await run(tx)
            throw new Error('rolled back on purpose')
          })
      },
    }) as Sql
    installDatabase({ ...real, sql: failingSql } satisfies Database)
    try {
      const rolledBack = 'rolled back on purpose'
      await expect(saveCandidateProfile(specialist, candidate, candidate.version, profile('1506', { hoursMax: 30 }))).rejects.toThrow(rolledBack)
      await expect(giveConsent(candidate)).rejects.toThrow(rolledBack)
      await expect(withdrawConsent(specialist, candidate, 'Angret')).rejects.toThrow(rolledBack)
      await expect(changeCandidateStatus(specialist, candidate, 'ended', '')).rejects.toThrow(rolledBack)
      const opening = (await findOpeningForMember(real.sql, published.id, employer.user.id))!
      await expect(transitionOpening(employer.user, opening, 'close', 'Angret', today)).rejects.toThrow(rolledBack)
    } finally {
      installDatabase(real)
    }
    expect(await outboxRowsFor(candidate.id)).toHaveLength(before)
    expect(await outboxRowsFor(published.id)).toHaveLength(publishedBefore)
    expect((await findOpeningForMember(db.sql, published.id, employer.user.id))?.status).toBe('published')
    expect((await loadIndexedCandidates(db.sql, [candidate.id])).has(candidate.id)).toBe(true)
  })
})

describe('the worker', () => {
  it('applies changes to the PostgreSQL backend, and a withdrawal removes the candidate after one pass', async () => {
    const opening = await matchingOf((await publishedOpening('4204')).id)
    const first = await visibleCandidate('4204')
    const second = await visibleCandidate('4204')
    await drain()
    expect(await foundFor(opening)).toEqual([first.id, second.id].sort())

    await withdrawConsent(specialist, first, 'Trakk samtykket i møte')
    const pass = await processSearchOutbox(db.sql, backend, { batchSize: 100 })
    expect(pass.deleted.candidates).toBeGreaterThanOrEqual(1)
    expect(await foundFor(opening)).toEqual([second.id])
    expect((await outboxRowsFor(first.id)).every((row) => row.processed)).toBe(true)
  })

  it('applies hides before other changes', async () => {
    const staying = await visibleCandidate('3301')
    const leaving = await visibleCandidate('3301')
    await drain()
    // A profile change first, then a pause; the pause (a hide) goes first.
    const current = (await findCandidate(db.sql, staying.id))!
    await saveCandidateProfile(specialist, current, current.version, profile('3301', { hoursMax: 25 }))
    await changeCandidateStatus(specialist, leaving, 'paused', '')
    const { backend: recorder, calls } = recording(backend)
    await processSearchOutbox(db.sql, recorder, { batchSize: 1 })
    expect(calls[0]).toEqual({ method: 'deleteCandidates', ids: [leaving.id] })
    await drain(db.sql, recorder)
    expect(calls.some((call) => call.method === 'upsertCandidates' && call.ids.includes(staying.id))).toBe(true)

    // In one batch too: removals before upserts.
    calls.length = 0
    await recordConsent(specialist, (await findCandidate(db.sql, staying.id))!, {
      givenToUserId: specialist.id, method: 'written', scope: 'all', scopeCounties: [], givenOn: today, expiresOn: defaultConsentExpiry(today),
    })
    await changeCandidateStatus(specialist, (await findCandidate(db.sql, leaving.id))!, 'ended', '')
    await drain(db.sql, recorder)
    const methods = calls.map((call) => call.method)
    expect(methods.indexOf('deleteCandidates')).toBeLessThan(methods.indexOf('upsertCandidates'))
  })

  it('keeps rows with attempts, the error and back-off while the backend fails, and applies them once it recovers', async () => {
    const opening = await matchingOf((await publishedOpening('5001')).id)
    await drain()
    // One entity in the batch, so each pass makes exactly one (failing) call.
    const candidate = await visibleCandidate('5001')
    const flaky = failingFirst(backend, 3)
    const attempts: OutboxRow[] = []
    for (let failure = 1; failure <= 3; failure++) {
      const pass = await processSearchOutbox(db.sql, flaky.backend, { batchSize: 100 })
      expect(pass.failed).toBeGreaterThan(0)
      const rows = await outboxRowsFor(candidate.id)
      expect(rows.every((row) => !row.processed && row.attempts === failure && row.lastError?.includes('ECONNREFUSED'))).toBe(true)
      attempts.push(rows[0]!)
      // Back-off: not due again at once, and longer each time (1 s, 2 s, 4 s …, at most 5 minutes).
      expect((await processSearchOutbox(db.sql, flaky.backend, { batchSize: 100 })).claimed).toBe(0)
      await db.sql`update search_outbox set next_attempt_at = now() where processed_at is null`
    }
    expect(attempts.map((row) => Math.round(row.nextInMs / 1000))).toEqual([1, 2, 4])
    expect((await stuckOutboxItems(db.sql)).filter((item) => item.entityId === candidate.id).map((item) => item.attempts)).toEqual(
      (await outboxRowsFor(candidate.id)).map(() => 3),
    )
    expect(await foundFor(opening)).toEqual([])

    expect(flaky.remaining()).toBe(0)
    await drain(db.sql, flaky.backend)
    expect((await outboxRowsFor(candidate.id)).every((row) => row.processed)).toBe(true)
    expect(await foundFor(opening)).toEqual([candidate.id])
    expect((await outboxStats(db.sql)).stuck).toBe(0)
  })

  it('lets one failing change go through on its own once the backend is up, without holding the others back', async () => {
    const opening = await matchingOf((await publishedOpening('3201')).id)
    const one = await visibleCandidate('3201')
    const two = await visibleCandidate('3201')
    // The batch write and the health check fail; the next pass retries them one by one.
    const flaky = failingFirst(backend, 2)
    await processSearchOutbox(db.sql, flaky.backend, { batchSize: 100 })
    await db.sql`update search_outbox set next_attempt_at = now() where processed_at is null`
    await drain(db.sql, flaky.backend)
    expect(await foundFor(opening)).toEqual([one.id, two.id].sort())
  })

  it('shows small municipalities as the county, and refreshes the neighbours when a withdrawal takes them below five', async () => {
    const opening = await matchingOf((await publishedOpening('4601')).id)
    const neighbours = []
    for (let i = 0; i < 5; i++) neighbours.push(await visibleCandidate('4601'))
    await drain()
    const levels = () => indexedLocationLevels(opening)
    expect(await levels()).toEqual(Array(5).fill('municipality'))
    await withdrawConsent(specialist, neighbours[0]!, '')
    await processSearchOutbox(db.sql, backend, { batchSize: 100 })
    expect(await levels()).toEqual(Array(4).fill('county'))
  })

  it('lets the newest state win when another worker applied a newer change while this one was writing', async () => {
    const opening = await matchingOf((await publishedOpening('3403')).id)
    await drain()
    const candidate = await visibleCandidate('3403')
    let interfered = false
    // A test double of our own interface: the real backend, with another worker's whole pass slipped in before this
    // worker's (now older) write.
    const slow: SearchBackend = {
      ...backend,
      upsertCandidates: async (items) => {
        if (!interfered) {
          interfered = true
          await withdrawConsent(specialist, candidate, 'Trakk samtykket mens indeksen ble oppdatert')
          expect((await processSearchOutbox(db.sql, backend, { batchSize: 100 })).deleted.candidates).toBe(1)
        }
        await backend.upsertCandidates(items)
      },
    }
    await processSearchOutbox(db.sql, slow, { batchSize: 100 })
    expect(await foundFor(opening)).toEqual([candidate.id])
    expect((await outboxRowsFor(candidate.id)).filter((row) => !row.processed)).toHaveLength(1)
    await processSearchOutbox(db.sql, backend, { batchSize: 100 })
    expect(await foundFor(opening)).toEqual([])
  })

  it('refreshes the neighbours left behind when a candidate moves away from a small municipality', async () => {
    const opening = await matchingOf((await publishedOpening('1804')).id)
    const neighbours = []
    for (let i = 0; i < 5; i++) neighbours.push(await visibleCandidate('1804'))
    await drain()
    const levels = () => indexedLocationLevels(opening)
    expect(await levels()).toEqual(Array(5).fill('municipality'))
    // Moves to Tromsø but still works in Bodø: the four left in Bodø are too few to show the municipality.
    const mover = (await findCandidate(db.sql, neighbours[0]!.id))!
    await saveCandidateProfile(specialist, mover, mover.version, profile('5501', { workMunicipalities: ['1804'] }))
    await drain()
    expect(await levels()).toEqual(Array(5).fill('county'))
  })

  it('takes a candidate out on the day the consent runs out, without any change in the database', async () => {
    const opening = await matchingOf((await publishedOpening('5501')).id)
    const candidate = await newCandidate('5501')
    await saveCandidateProfile(specialist, candidate, candidate.version, profile('5501'))
    const tomorrow = addDays(today, 1)
    await recordConsent(specialist, candidate, {
      givenToUserId: specialist.id, method: 'meeting', scope: 'all', scopeCounties: [], givenOn: today, expiresOn: tomorrow,
    })
    await drain()
    expect(await foundFor(opening)).toEqual([candidate.id])
    // Tomorrow's daily sweep enqueues it (as a hide), and the pass decides for tomorrow's date.
    expect(await enqueueConsentDateChanges(db.sql, tomorrow)).toBeGreaterThanOrEqual(1)
    expect((await outboxRowsFor(candidate.id)).filter((row) => !row.processed).map((row) => row.priority)).toEqual([0])
    await processSearchOutbox(db.sql, backend, { batchSize: 100, today: tomorrow })
    expect(await foundFor(opening)).toEqual([])
  })

  it('deletes processed rows after a day', async () => {
    await drain()
    const [row] = await db.sql`select id from search_outbox where processed_at is not null order by id limit 1`
    await db.sql`update search_outbox set processed_at = now() - interval '25 hours' where id = ${row!.id}`
    expect(await deleteOldProcessedRows(db.sql)).toBe(1)
    expect(await db.sql`select 1 from search_outbox where id = ${row!.id}`).toHaveLength(0)
  })

  it('runs in the background, wakes up after an enqueue and stops cleanly', async () => {
    const opening = await matchingOf((await publishedOpening('1103')).id)
    const candidate = await visibleCandidate('1103')
    const worker = startSearchWorker({ sql: db.sql, backend, pollMs: 5_000, log: () => {} })
    try {
      await expect.poll(() => foundFor(opening), { timeout: 5_000, interval: 50 }).toContain(candidate.id)
      // The poll interval is long; the enqueue in this process wakes the worker.
      await withdrawConsent(specialist, candidate, '')
      await expect.poll(() => foundFor(opening), { timeout: 2_000, interval: 50 }).not.toContain(candidate.id)
    } finally {
      await worker.stop()
    }
  })

  it.skipIf(!serverUrl)('never lets two workers process the same row (server database, two connection pools)', async () => {
    const other = await db.scratch.connectAgain()
    const ids: string[] = Array.from({ length: 60 }, () => crypto.randomUUID())
    await db.sql.begin(async (tx) => {
      for (const id of ids) await enqueueSearchSync(tx, 'opening', id)
    })
    const first = recording(backend)
    const second = recording(createPostgresBackend(other.sql))
    const run = async (sql: Sql, using: SearchBackend) => {
      let processed = 0
      for (;;) {
        const pass = await processSearchOutbox(sql, using, { batchSize: 4 })
        processed += pass.processed
        if (pass.claimed === 0) return processed
      }
    }
    const [a, b] = await Promise.all([run(db.sql, first.backend), run(other.sql, second.backend)])
    const seenBy = (calls: { ids: string[] }[]) => new Set(calls.flatMap((call) => call.ids).filter((id) => ids.includes(id)))
    const byFirst = seenBy(first.calls)
    const bySecond = seenBy(second.calls)
    expect(a + b).toBe(ids.length)
    expect(a).toBeGreaterThan(0)
    expect(b).toBeGreaterThan(0)
    expect([...byFirst].filter((id) => bySecond.has(id))).toEqual([])
    expect(byFirst.size + bySecond.size).toBe(ids.length)
  })
})

describe('rebuilding and what is indexed', () => {
  it('rebuilds the index from scratch', async () => {
    await drain()
    const visible = await visibleCandidate('0301')
    // Never synced: only a rebuild brings it in. And a stray document the database does not know goes away.
    await db.sql`update search_outbox set processed_at = now() where processed_at is null`
    const stray = (await loadIndexedCandidates(db.sql, [visible.id])).get(visible.id)!
    const strayId = crypto.randomUUID()
    await backend.upsertCandidates([{ ...stray, document: { ...stray.document, id: strayId }, matching: { ...stray.matching, id: strayId } }])
    const progress: string[] = []
    const result = await reindexAll(db.sql, backend, { batchSize: 3, onProgress: (entry) => progress.push(entry.kind) })
    expect(result.candidates).toBe(await countIndexableCandidates(db.sql))
    expect((await backend.count()).candidates).toBe(result.candidates)
    expect(progress).toEqual(expect.arrayContaining(['candidates', 'openings']))
    const opening = await matchingOf((await publishedOpening('0301')).id)
    await drain()
    const found = await foundFor(opening)
    expect(found).toContain(visible.id)
    expect(found).not.toContain(strayId)
  })

  it('rebuilds at start only when the index is new and empty', async () => {
    await drain()
    expect(await reindexIfEmpty(db.sql, backend, () => {})).toBe(false)
    await db.sql`delete from search_candidates`
    await db.sql`delete from search_openings`
    expect(await reindexIfEmpty(db.sql, backend, () => {})).toBe(true)
    await expect.poll(() => reindexStatus().running, { timeout: 10_000, interval: 50 }).toBe(false)
    expect(reindexStatus().last).toMatchObject({ ok: true })
    expect((await backend.count()).candidates).toBe(await countIndexableCandidates(db.sql))
  })

  it('never emits an identity field, and never reads the identity table', async () => {
    const candidate = await visibleCandidate('1506')
    const identity = (await viewIdentity(specialist, candidate, 'kontakt'))!
    expect(identity.firstName).toMatch(/^Fornavnsen/)
    const statements: string[] = []
    const watched = new Proxy(db.sql, {
      apply(target, thisArg, args: unknown[]) {
        const strings = args[0] as TemplateStringsArray | undefined
        if (Array.isArray(strings)) statements.push(strings.join('?'))
        return Reflect.apply(target, thisArg, args)
      },
    }) as Sql
    const documents = []
    for await (const batch of allIndexedCandidates(watched, 50)) documents.push(...batch)
    expect(documents.map((item) => item.document.id)).toContain(candidate.id)
    const text = JSON.stringify(documents)
    for (const seeded of identities) {
      for (const value of Object.values(seeded)) expect(text).not.toContain(value)
    }
    for (const item of documents) {
      const keys = JSON.stringify([Object.keys(item), Object.keys(item.document), Object.keys(item.matching)])
      expect(keys).not.toMatch(/firstName|lastName|nationalId|phone|email|birth|address/i)
    }
    expect(statements.length).toBeGreaterThan(0)
    for (const statement of statements) expect(statement).not.toMatch(/candidate_identities|national_id|first_name|last_name/)
  })

  it('has no SQL in the loader that mentions the identity table', () => {
    const source = readFileSync(fileURLToPath(new URL('../../search-index/load-documents.ts', import.meta.url)), 'utf8')
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '')
    expect(code).not.toMatch(/candidate_identities|national_id|first_name|last_name/)
  })

  it('indexes an opening only while published, with its tasks, environment and organisation', async () => {
    const { id } = await publishedOpening('1108')
    const item = (await loadIndexedOpenings(db.sql, [id])).get(id)!
    expect(item.document).toMatchObject({ organisationName: expect.stringMatching(/^Testbedrift/), municipality: { code: '1108', name: 'Sandnes' } })
    expect(item.matching.tasks.map((task) => [task.name, task.hoursPerWeek, task.styrk08])).toEqual([
      ['Varemottak', 8, '4321'],
      ['Pakke ordre', 4, '4321'],
    ])
    expect(item.matching.tasks[0]!.demands).toEqual({ lifting: 2 })
    expect(item.matching.environment).toEqual({ noise: 0, tempo: 1, teamwork: 2 })
    expect(item.matching.languages).toEqual(['norsk', 'engelsk'])
    expect(item.matching.workplaceLoad).toEqual({ active: 0, capacity: 2 })
    const opening = (await findOpeningForMember(db.sql, id, employer.user.id))!
    await transitionOpening(employer.user, opening, 'pause', '', today)
    expect((await loadIndexedOpenings(db.sql, [id])).has(id)).toBe(false)
  })

  it('counts a large municipality in pages and keeps counts, not rows, for a rebuild and a sync', async () => {
    // 1,200 visible candidates in one municipality, written in bulk (the modules would take minutes).
    const home = '3101'
    const created = await db.sql<{ id: string }[]>`
      with made as (
        insert into candidates (office_id, responsible_user_id)
        select ${specialist.officeId!}::uuid, ${specialist.id}::uuid from generate_series(1, 1200) returning id
      ), profiles as (
        insert into candidate_profiles (candidate_id, home_municipality_number, pitch, wanted_tasks, occupations, education_level,
                                        hours_min, hours_max, times_of_day, days, work_municipalities, earliest_start,
                                        oral_norwegian, written_norwegian)
        select id, ${home}, ${profile(home).pitch}, '{varemottak}', '{4321}', 'upper_secondary', 10, 20, '{DAG}', '{UKEDAGER}',
               array[${home}], ${today}::date, 2, 1
        from made returning candidate_id
      )
      insert into candidate_consents (candidate_id, given_to_user_id, recorded_by_user_id, method, scope, given_on, expires_on)
      select candidate_id, ${specialist.id}::uuid, ${specialist.id}::uuid, 'meeting', 'all', ${today}::date, ${defaultConsentExpiry(today)}::date
      from profiles returning candidate_id as id`
    expect(created).toHaveLength(1200)
    const ids = new Set(created.map((row) => row.id))

    // The number of full candidate rows each statement brings back.
    const rowsPerStatement: number[] = []
    const watched = new Proxy(db.sql, {
      apply(target, thisArg, args: unknown[]) {
        const query = Reflect.apply(target, thisArg, args) as Promise<unknown[]>
        const strings = args[0] as TemplateStringsArray | undefined
        if (Array.isArray(strings) && strings.join('?').includes('left join lateral')) {
          void query.then((rows) => rowsPerStatement.push(rows.length), () => {})
        }
        return query
      },
    }) as Sql

    const pageSize = 500
    const municipalityCache: MunicipalityVisibleCounts = new Map()
    const indexed = []
    for await (const batch of allIndexedCandidates(watched, 200, { today, pageSize, municipalityCache })) {
      indexed.push(...batch.filter((item) => ids.has(item.document.id)))
    }
    expect(indexed).toHaveLength(1200)
    for (const item of indexed) expect(item.document.location.level).toBe('municipality')
    // Read in pages, never all at once: no statement brought back more than a page of full rows (1,200 at once before).
    expect(Math.max(...rowsPerStatement)).toBeLessThanOrEqual(pageSize)
    expect(rowsPerStatement.reduce((sum, rows) => sum + rows, 0)).toBeGreaterThanOrEqual(2 * 1200)
    // The rebuild's counts hold numbers only: every municipality counted, no row kept.
    expect(municipalityCache.get(home)!.count).toBeGreaterThanOrEqual(1200)
    for (const entry of municipalityCache.values()) expect(entry.rows).toEqual([])

    // A sync of one candidate there reads one page and stops: past five, the count decides nothing more, and no
    // neighbour needs refreshing. (Before, it read every page of the municipality.)
    rowsPerStatement.length = 0
    const [one] = created
    const decision = await loadCandidateDecisions(watched, [one!.id], { today, locationNeighbours: true, pageSize })
    expect([...decision.items.keys()]).toEqual([one!.id])
    expect(decision.items.get(one!.id)!.document.location.level).toBe('municipality')
    expect(Math.max(...rowsPerStatement)).toBeLessThanOrEqual(pageSize)
    expect(rowsPerStatement.filter((rows) => rows > 0)).toEqual([1, pageSize])
    expect(MIN_CANDIDATES_SHARING_MUNICIPALITY).toBeLessThan(1200)
  })
})
