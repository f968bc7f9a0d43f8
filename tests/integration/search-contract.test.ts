/**
 * One contract for every search backend (search-index/backend.ts). It always runs against the PostgreSQL projection
 * (on PGlite, and on the server when TEST_DATABASE_URL is set, since `npm test` runs integration files on both), and
 * against Meilisearch when MEILISEARCH_URL is set. There is no Meilisearch server in CI, and none is faked: a stand-in
 * would only prove that the stand-in agrees with this file.
 */
import { randomUUID } from 'node:crypto'
import { Meilisearch } from 'meilisearch'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { MatchTask } from '../../matching/match-types'
import {
  MAX_SEARCH_LIMIT,
  START_WINDOW_DAYS,
  type CandidateHit,
  type CandidateSearch,
  type IndexedCandidate,
  type IndexedOpening,
  type OpeningHit,
  type OpeningSearch,
  type ReindexProgress,
  type SearchBackend,
} from '../../search-index/backend'
import {
  buildCandidateDocument,
  candidateForMatching,
  type CandidateDocumentInput,
  type CandidateProfile,
  type Geography,
} from '../../search-index/candidate-document'
import { getEnv, parseEnv, setEnv } from '../../app/utils/env.server'
import { getSearchBackend, searchBackendKind } from '../../search-index/backends'
import {
  candidateFilter,
  createMeilisearchBackend,
  epochDay,
  indexSettings,
  meilisearchQuery,
  openingFilter,
  synonymsFromGroups,
} from '../../search-index/meilisearch-backend'
import { buildOpeningDocument, openingSearchText, type OpeningSource } from '../../search-index/opening-document'
import { createPostgresBackend } from '../../search-index/postgres-backend'
import { useTestDatabase } from '../support/database'

const db = useTestDatabase()

// ---------------------------------------------------------------------------------------------------------------
// Fixtures, built with the real document builders

const geography: Geography = {
  municipalities: new Map([
    ['0301', { name: 'Oslo', countyNumber: '03' }],
    ['3201', { name: 'Bærum', countyNumber: '32' }],
    ['3203', { name: 'Asker', countyNumber: '32' }],
    ['4601', { name: 'Bergen', countyNumber: '46' }],
    ['4640', { name: 'Sogndal', countyNumber: '46' }],
  ]),
  counties: new Map([
    ['03', 'Oslo'],
    ['32', 'Akershus'],
    ['46', 'Vestland'],
  ]),
}

const OFFICE_A = '0b5e8a52-4d0e-4b8f-9a51-5d1f3c2a7e01'
const OFFICE_B = '0b5e8a52-4d0e-4b8f-9a51-5d1f3c2a7e02'
const OPENING_START = '2026-03-01'

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

const baseProfile: CandidateProfile = {
  homeMunicipalityNumber: '0301',
  pitch: 'Jeg er stødig og liker faste rutiner.',
  wantedTasks: ['renhold-lokaler'],
  possibleTasks: [],
  occupations: [],
  workExperience: '',
  informalCompetence: '',
  educationLevel: 'primary',
  certificates: [],
  canObtainPoliceCertificate: null,
  hoursMin: 10,
  hoursMax: 20,
  gradualIncrease: false,
  timesOfDay: ['DAG'],
  days: ['UKEDAGER'],
  workMunicipalities: ['0301'],
  workCounties: [],
  earliestStart: OPENING_START,
  demandTolerances: {},
  accommodationNeeds: [],
  oralNorwegian: 2,
  writtenNorwegian: 1,
  measures: [],
}

type CandidateFixture = {
  id?: string
  officeId?: string
  consent?: { scope: 'all' | 'counties'; counties: string[] }
} & Partial<CandidateProfile>

function candidate(fixture: CandidateFixture = {}): IndexedCandidate {
  const { id = randomUUID(), officeId = OFFICE_A, consent = { scope: 'all', counties: [] }, ...profileOverrides } = fixture
  const profile = { ...baseProfile, ...profileOverrides }
  const document = buildCandidateDocument({ id, profile, consentScope: consent, visibleCandidatesSharingHome: 10 }, geography)
  const matching = candidateForMatching(id, profile, consent)
  if (!document || !matching) throw new Error('fixture profile is incomplete')
  return { document, matching, officeId }
}

function task(name: string, requirements: string[] = [], hoursPerWeek = 5): MatchTask {
  return { name, catalogueCode: null, styrk08: null, hoursPerWeek, demands: {}, requirements }
}

function opening(overrides: Partial<OpeningSource> = {}): IndexedOpening {
  const source: OpeningSource = {
    id: randomUUID(),
    title: 'Medarbeider',
    description: 'En vanlig arbeidsdag.',
    organisationId: randomUUID(),
    organisationName: 'Testbedriften AS',
    workplaceId: randomUUID(),
    workplaceName: 'Hovedkontoret',
    municipalityNumber: '0301',
    municipalityName: 'Oslo',
    countyNumber: '03',
    countyName: 'Oslo',
    openingType: 'work_training',
    hoursMin: 10,
    hoursMax: 20,
    timesOfDay: ['DAG'],
    days: ['UKEDAGER'],
    flexibility: '',
    startDate: OPENING_START,
    durationWeeks: 12,
    places: 1,
    hireProspect: 'possible',
    accommodations: [],
    mentorAvailable: true,
    measures: [],
    languages: ['norsk'],
    environment: { noise: 1, tempo: 1, teamwork: 1 },
    tasks: [task('Renhold av kontor')],
    workplaceLoad: { active: 0, capacity: 2 },
    ...overrides,
  }
  return buildOpeningDocument(source)
}

/** An opening placed in a municipality of the fixture geography. */
function openingIn(municipalityNumber: string, overrides: Partial<OpeningSource> = {}): IndexedOpening {
  const place = geography.municipalities.get(municipalityNumber)!
  return opening({
    municipalityNumber,
    municipalityName: place.name,
    countyNumber: place.countyNumber,
    countyName: geography.counties.get(place.countyNumber)!,
    ...overrides,
  })
}

function candidateSearch(item: IndexedOpening, extra: Partial<CandidateSearch> = {}): CandidateSearch {
  return { opening: item.matching, text: openingSearchText(item.document), limit: 100, ...extra }
}

function openingSearch(item: IndexedCandidate, extra: Partial<OpeningSearch> = {}): OpeningSearch {
  const text = [...item.document.wantedTasks.map((t) => t.name), item.document.pitch].join(' ')
  return { candidate: item.matching, text, limit: 100, ...extra }
}

const candidateIds = (hits: CandidateHit[]) => hits.map((hit) => hit.candidate.matching.id)
const openingIds = (hits: OpeningHit[]) => hits.map((hit) => hit.opening.matching.id)

async function* batchesOf<T>(items: T[], size: number, between?: (batchIndex: number) => Promise<void>): AsyncIterable<T[]> {
  for (let start = 0, index = 0; start < items.length; start += size, index++) {
    if (between) await between(index)
    yield items.slice(start, start + size)
  }
}

async function* none<T>(): AsyncIterable<T[]> {}

/** Every key in a JSON value as a path; array items become `[]`. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, `${prefix}[]`))
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return [path, ...keyPaths(inner, path)]
  })
}

/** Words that would make a key about who the person is, their contact details, address, photo or health. */
const identityLikeKey =
  /(first|last|full|given|family|middle|sur|maiden|display|user|person)_?name|national|fnr|fodsel|fødsel|ssn|d_?number|birth|born|\bage\b|phone|tlf|telefon|mobil|e_?mail|epost|e-post|address|adresse|street|postal|postnummer|zip|photo|bilde|image|picture|avatar|diagnos|health|helse|medical|sickness|sykdom|criminal|religion|ethnic/i

// ---------------------------------------------------------------------------------------------------------------
// The contract

type Harness = {
  backend: SearchBackend
  /** Empties both indexes. */
  clear: () => Promise<void>
  /** What the backend stored for a candidate, as JSON (to check that nothing identifying is kept). */
  storedCandidate: (id: string) => Promise<unknown>
}

function contractSuite(setUp: () => Promise<Harness>, tearDown: () => Promise<void> = async () => {}) {
  let harness: Harness
  const backend = () => harness.backend

  beforeAll(async () => {
    harness = await setUp()
  })
  afterAll(tearDown)
  beforeEach(async () => {
    await harness.clear()
  })

  /** The indexed documents of the hits, in the hits' order (undefined where none is indexed). */
  async function documentsOf(hits: CandidateHit[]) {
    const documents = await backend().candidateDocuments(candidateIds(hits))
    return candidateIds(hits).map((id) => documents.get(id))
  }

  describe('candidate documents', () => {
    it('a search returns what scoring needs, and the documents come for the ids asked for only', async () => {
      const [shown, other, removed] = [candidate({ pitch: 'Vises.' }), candidate({ pitch: 'Ikke spurt etter.' }), candidate()]
      await backend().upsertCandidates([shown!, other!, removed!])
      await backend().deleteCandidates([removed!.matching.id])
      const hits = await backend().searchCandidates(candidateSearch(openingIn('0301')))
      expect(hits.map((hit) => Object.keys(hit.candidate).sort())).toEqual([['matching', 'officeId'], ['matching', 'officeId']])
      const documents = await backend().candidateDocuments([shown!.matching.id, removed!.matching.id, randomUUID(), 'not-an-id', shown!.matching.id])
      expect([...documents.keys()]).toEqual([shown!.matching.id])
      expect(documents.get(shown!.matching.id)).toEqual(shown!.document)
      expect(await backend().candidateDocuments([])).toEqual(new Map())
    })
  })

  describe('hard filters: candidates for an opening', () => {
    it('region by municipality, both ways', async () => {
      const inOslo = candidate({ workMunicipalities: ['0301'] })
      const inBaerum = candidate({ workMunicipalities: ['3201'] })
      await backend().upsertCandidates([inOslo, inBaerum])
      expect(candidateIds(await backend().searchCandidates(candidateSearch(openingIn('0301'))))).toEqual([inOslo.matching.id])
      expect(candidateIds(await backend().searchCandidates(candidateSearch(openingIn('3201'))))).toEqual([inBaerum.matching.id])
      // Asker is in the same county as Bærum, but Bærum alone was chosen.
      expect(await backend().searchCandidates(candidateSearch(openingIn('3203')))).toEqual([])
    })

    it('region by county, both ways', async () => {
      const akershus = candidate({ workMunicipalities: [], workCounties: ['32'] })
      const vestland = candidate({ workMunicipalities: [], workCounties: ['46'] })
      await backend().upsertCandidates([akershus, vestland])
      expect(candidateIds(await backend().searchCandidates(candidateSearch(openingIn('3203'))))).toEqual([akershus.matching.id])
      expect(candidateIds(await backend().searchCandidates(candidateSearch(openingIn('4640'))))).toEqual([vestland.matching.id])
      expect(await backend().searchCandidates(candidateSearch(openingIn('0301')))).toEqual([])
    })

    it('consent scoped to counties hides the candidate from employers elsewhere', async () => {
      const area = { workMunicipalities: ['0301'], workCounties: ['32'] }
      const scoped = candidate({ ...area, consent: { scope: 'counties', counties: ['32'] } })
      const everywhere = candidate({ ...area, consent: { scope: 'all', counties: [] } })
      await backend().upsertCandidates([scoped, everywhere])
      expect(new Set(candidateIds(await backend().searchCandidates(candidateSearch(openingIn('3201')))))).toEqual(
        new Set([scoped.matching.id, everywhere.matching.id]),
      )
      expect(candidateIds(await backend().searchCandidates(candidateSearch(openingIn('0301'))))).toEqual([everywhere.matching.id])
    })

    it('every required certificate', async () => {
      const both = candidate({ certificates: ['forkliftLicence', 'foodHygiene'] })
      const forkliftOnly = candidate({ certificates: ['forkliftLicence'] })
      const noneHeld = candidate({ certificates: [] })
      await backend().upsertCandidates([both, forkliftOnly, noneHeld])
      const forklift = openingIn('0301', { tasks: [task('Truckkjøring', ['forkliftLicence'])] })
      const forkliftAndFood = openingIn('0301', { tasks: [task('Truckkjøring', ['forkliftLicence']), task('Kjøkken', ['foodHygiene'])] })
      const free = openingIn('0301')
      expect(new Set(candidateIds(await backend().searchCandidates(candidateSearch(forklift))))).toEqual(
        new Set([both.matching.id, forkliftOnly.matching.id]),
      )
      expect(candidateIds(await backend().searchCandidates(candidateSearch(forkliftAndFood)))).toEqual([both.matching.id])
      expect(await backend().searchCandidates(candidateSearch(free))).toHaveLength(3)
    })

    it('a police certificate only when the candidate can obtain one', async () => {
      const can = candidate({ canObtainPoliceCertificate: true })
      const cannot = candidate({ canObtainPoliceCertificate: false })
      const unknown = candidate({ canObtainPoliceCertificate: null })
      await backend().upsertCandidates([can, cannot, unknown])
      const withChildren = openingIn('0301', { tasks: [task('Praktisk hjelp i barnehage', ['policeCertificate'])] })
      expect(candidateIds(await backend().searchCandidates(candidateSearch(withChildren)))).toEqual([can.matching.id])
      expect(await backend().searchCandidates(candidateSearch(openingIn('0301')))).toHaveLength(3)
    })

    it('hours overlap, edges included', async () => {
      const touchingAbove = candidate({ hoursMin: 20, hoursMax: 30 })
      const touchingBelow = candidate({ hoursMin: 5, hoursMax: 10 })
      const inside = candidate({ hoursMin: 12, hoursMax: 15 })
      const above = candidate({ hoursMin: 20.5, hoursMax: 30 })
      const below = candidate({ hoursMin: 1, hoursMax: 9.5 })
      await backend().upsertCandidates([touchingAbove, touchingBelow, inside, above, below])
      const hits = await backend().searchCandidates(candidateSearch(openingIn('0301', { hoursMin: 10, hoursMax: 20 })))
      expect(new Set(candidateIds(hits))).toEqual(new Set([touchingAbove.matching.id, touchingBelow.matching.id, inside.matching.id]))
    })

    it(`earliest start at most ${START_WINDOW_DAYS} days after the opening's start`, async () => {
      const atEdge = candidate({ earliestStart: addDays(OPENING_START, START_WINDOW_DAYS) })
      const dayAfter = candidate({ earliestStart: addDays(OPENING_START, START_WINDOW_DAYS + 1) })
      const early = candidate({ earliestStart: addDays(OPENING_START, -100) })
      await backend().upsertCandidates([atEdge, dayAfter, early])
      const hits = await backend().searchCandidates(candidateSearch(openingIn('0301', { startDate: OPENING_START })))
      expect(new Set(candidateIds(hits))).toEqual(new Set([atEdge.matching.id, early.matching.id]))
    })

    it('only one office when officeId is given', async () => {
      const a = candidate({ officeId: OFFICE_A })
      const b = candidate({ officeId: OFFICE_B })
      await backend().upsertCandidates([a, b])
      const search = candidateSearch(openingIn('0301'))
      expect(new Set(candidateIds(await backend().searchCandidates(search)))).toEqual(new Set([a.matching.id, b.matching.id]))
      const hits = await backend().searchCandidates({ ...search, officeId: OFFICE_B })
      expect(candidateIds(hits)).toEqual([b.matching.id])
      expect(hits[0]!.candidate.officeId).toBe(OFFICE_B)
    })
  })

  describe('hard filters: openings for a candidate', () => {
    it('region by municipality and by county, both ways', async () => {
      const oslo = openingIn('0301')
      const baerum = openingIn('3201')
      const asker = openingIn('3203')
      const bergen = openingIn('4601')
      await backend().upsertOpenings([oslo, baerum, asker, bergen])
      const byMunicipality = candidate({ workMunicipalities: ['0301', '3201'], workCounties: [] })
      expect(new Set(openingIds(await backend().searchOpenings(openingSearch(byMunicipality))))).toEqual(
        new Set([oslo.matching.id, baerum.matching.id]),
      )
      const byCounty = candidate({ workMunicipalities: [], workCounties: ['32'] })
      expect(new Set(openingIds(await backend().searchOpenings(openingSearch(byCounty))))).toEqual(
        new Set([baerum.matching.id, asker.matching.id]),
      )
      const both = candidate({ workMunicipalities: ['4601'], workCounties: ['03'] })
      expect(new Set(openingIds(await backend().searchOpenings(openingSearch(both))))).toEqual(new Set([oslo.matching.id, bergen.matching.id]))
      const nowhere = candidate({ workMunicipalities: ['4640'], workCounties: [] })
      expect(await backend().searchOpenings(openingSearch(nowhere))).toEqual([])
    })

    it('consent scoped to counties: only openings there', async () => {
      const oslo = openingIn('0301')
      const baerum = openingIn('3201')
      await backend().upsertOpenings([oslo, baerum])
      const area = { workMunicipalities: ['0301'], workCounties: ['32'] }
      const scoped = candidate({ ...area, consent: { scope: 'counties', counties: ['32'] } })
      expect(openingIds(await backend().searchOpenings(openingSearch(scoped)))).toEqual([baerum.matching.id])
      const everywhere = candidate({ ...area })
      expect(await backend().searchOpenings(openingSearch(everywhere))).toHaveLength(2)
    })

    it('every requirement held, the police certificate by being able to obtain one', async () => {
      const free = openingIn('0301')
      const forklift = openingIn('0301', { tasks: [task('Truckkjøring', ['forkliftLicence'])] })
      const police = openingIn('0301', { tasks: [task('Barnehage', ['policeCertificate'])] })
      const forkliftAndPolice = openingIn('0301', { tasks: [task('Truckkjøring', ['forkliftLicence']), task('Barnehage', ['policeCertificate'])] })
      await backend().upsertOpenings([free, forklift, police, forkliftAndPolice])
      const nothing = candidate({ certificates: [], canObtainPoliceCertificate: false })
      expect(openingIds(await backend().searchOpenings(openingSearch(nothing)))).toEqual([free.matching.id])
      const truckDriver = candidate({ certificates: ['forkliftLicence'], canObtainPoliceCertificate: null })
      expect(new Set(openingIds(await backend().searchOpenings(openingSearch(truckDriver))))).toEqual(
        new Set([free.matching.id, forklift.matching.id]),
      )
      const everything = candidate({ certificates: ['forkliftLicence', 'foodHygiene'], canObtainPoliceCertificate: true })
      expect(await backend().searchOpenings(openingSearch(everything))).toHaveLength(4)
    })

    it('hours overlap, edges included', async () => {
      const touchingAbove = openingIn('0301', { hoursMin: 20, hoursMax: 30 })
      const touchingBelow = openingIn('0301', { hoursMin: 5, hoursMax: 10 })
      const above = openingIn('0301', { hoursMin: 20.5, hoursMax: 37.5 })
      const below = openingIn('0301', { hoursMin: 2, hoursMax: 9.5 })
      await backend().upsertOpenings([touchingAbove, touchingBelow, above, below])
      const hits = await backend().searchOpenings(openingSearch(candidate({ hoursMin: 10, hoursMax: 20 })))
      expect(new Set(openingIds(hits))).toEqual(new Set([touchingAbove.matching.id, touchingBelow.matching.id]))
    })

    it(`the candidate's earliest start at most ${START_WINDOW_DAYS} days after the opening's start`, async () => {
      const earliest = '2026-06-15'
      const atEdge = openingIn('0301', { startDate: addDays(earliest, -START_WINDOW_DAYS) })
      const dayBefore = openingIn('0301', { startDate: addDays(earliest, -START_WINDOW_DAYS - 1) })
      const later = openingIn('0301', { startDate: addDays(earliest, 30) })
      await backend().upsertOpenings([atEdge, dayBefore, later])
      const hits = await backend().searchOpenings(openingSearch(candidate({ earliestStart: earliest })))
      expect(new Set(openingIds(hits))).toEqual(new Set([atEdge.matching.id, later.matching.id]))
    })

    it('only the given counties when countyNumbers is given', async () => {
      const oslo = openingIn('0301')
      const baerum = openingIn('3201')
      const bergen = openingIn('4601')
      await backend().upsertOpenings([oslo, baerum, bergen])
      const search = openingSearch(candidate({ workMunicipalities: [], workCounties: ['03', '32', '46'] }))
      expect(await backend().searchOpenings(search)).toHaveLength(3)
      expect(new Set(openingIds(await backend().searchOpenings({ ...search, countyNumbers: ['03', '46'] })))).toEqual(
        new Set([oslo.matching.id, bergen.matching.id]),
      )
      expect(await backend().searchOpenings({ ...search, countyNumbers: [] })).toEqual([])
    })
  })

  describe('text relevance', () => {
    it('ranks a candidate whose tasks and pitch match the opening above one whose do not, normalised to 0..1', async () => {
      const warehouse = candidate({ wantedTasks: ['plukk-pakk', 'varemottak'], pitch: 'Jeg liker lagerarbeid, plukking og orden.' })
      const kitchen = candidate({ wantedTasks: ['oppvask'], pitch: 'Jeg liker å lage mat og holde kjøkkenet rent.' })
      await backend().upsertCandidates([kitchen, warehouse])
      const lager = openingIn('0301', {
        title: 'Plukking og pakking på lager',
        description: 'Du plukker og pakker ordre og tar imot varer.',
        tasks: [task('Plukking og pakking av ordre'), task('Varemottak og utpakking')],
      })
      const hits = await backend().searchCandidates(candidateSearch(lager))
      expect(candidateIds(hits)).toEqual([warehouse.matching.id, kitchen.matching.id])
      expect(hits[0]!.textRelevance).toBe(1)
      expect(hits[1]!.textRelevance).toBeLessThan(hits[0]!.textRelevance)
      for (const hit of hits) expect(hit.textRelevance).toBeGreaterThanOrEqual(0)
    })

    it('ranks an opening that matches the candidate above one that does not', async () => {
      const lager = openingIn('0301', { title: 'Plukking og pakking på lager', tasks: [task('Plukking og pakking av ordre')] })
      const cafe = openingIn('0301', { title: 'Servering i kafé', tasks: [task('Servering i kantine eller kafé')] })
      await backend().upsertOpenings([cafe, lager])
      const picker = candidate({ wantedTasks: ['plukk-pakk'], pitch: 'Jeg har plukket og pakket ordre på et lager.' })
      const hits = await backend().searchOpenings(openingSearch(picker))
      expect(openingIds(hits)).toEqual([lager.matching.id, cafe.matching.id])
      expect(hits[0]!.textRelevance).toBe(1)
    })

    it('gives every hit relevance 0 when no words are given, and still returns the filtered pool', async () => {
      await backend().upsertCandidates([candidate(), candidate()])
      const hits = await backend().searchCandidates({ ...candidateSearch(openingIn('0301')), text: '' })
      expect(hits).toHaveLength(2)
      for (const hit of hits) expect(hit.textRelevance).toBe(0)
    })

    it('finds Norwegian words with æ, ø and å and returns them intact', async () => {
      const pitch = 'Jeg har erfaring med rengjøring på kjøkken og i sykehjem, og er nøye med hygiene. Særlig glad i å bære varer.'
      const norwegian = candidate({ wantedTasks: ['renhold-lokaler'], pitch })
      const other = candidate({ wantedTasks: ['dataregistrering'], pitch: 'Jeg skriver raskt på tastatur.' })
      await backend().upsertCandidates([other, norwegian])
      const hits = await backend().searchCandidates({
        ...candidateSearch(openingIn('0301')),
        text: 'Rengjøring kjøkken sykehjem nøye særlig bære',
      })
      expect(candidateIds(hits)[0]).toBe(norwegian.matching.id)
      const [document] = await documentsOf(hits.slice(0, 1))
      expect(document?.pitch).toBe(pitch)
      expect(document?.location.name).toBe('Oslo')
    })

    it('never fails on hostile text, in a search or in what is stored', async () => {
      const hostilePitch = `Robert'); DROP TABLE search_candidates;-- "quoted" \\backslash\\ 100% _under_ $1 :* & | ! <-> \n\t 🙂`
      const stored = candidate({ pitch: hostilePitch })
      await backend().upsertCandidates([stored])
      // A NUL byte and an unpaired surrogate cannot be stored by PostgreSQL; they must not fail the write either.
      await backend().upsertCandidates([candidate({ pitch: 'før\u0000etter \uD800 slutt' })])
      const texts = [
        `'; drop table search_candidates; --`,
        `" or 1=1 --`,
        '\\',
        '\\\\\'"',
        '-lager -"renhold"',
        '!(& | :* <->)',
        'or or or',
        '\u0000\uD800',
        '',
        '   ',
        Array.from({ length: 10_000 }, (_, i) => `'"\\;-æøå`[i % 10]).join(''),
        'lager '.repeat(2_000),
      ]
      for (const text of texts) {
        const hits = await backend().searchCandidates({ ...candidateSearch(openingIn('0301')), text })
        expect(hits).toHaveLength(2)
        const openingHits = await backend().searchOpenings({ ...openingSearch(stored), text })
        expect(openingHits).toEqual([])
      }
      const hits = await backend().searchCandidates(candidateSearch(openingIn('0301')))
      expect(hits.map((hit) => hit.candidate.matching.id)).toContain(stored.matching.id)
      expect((await backend().candidateDocuments([stored.matching.id])).get(stored.matching.id)?.pitch).toBe(hostilePitch)
      expect(await backend().count()).toEqual({ candidates: 2, openings: 0 })
    })
  })

  describe('writes', () => {
    it('upsert replaces the stored candidate and opening', async () => {
      const id = randomUUID()
      await backend().upsertCandidates([candidate({ id, hoursMin: 10, hoursMax: 20, pitch: 'Første versjon.' })])
      await backend().upsertCandidates([candidate({ id, hoursMin: 30, hoursMax: 37.5, pitch: 'Andre versjon.' })])
      expect(await backend().count()).toEqual({ candidates: 1, openings: 0 })
      expect(await backend().searchCandidates(candidateSearch(openingIn('0301', { hoursMin: 10, hoursMax: 20 })))).toEqual([])
      const [hit] = await backend().searchCandidates(candidateSearch(openingIn('0301', { hoursMin: 30, hoursMax: 37.5 })))
      expect((await documentsOf([hit!]))[0]?.pitch).toBe('Andre versjon.')
      expect(hit!.candidate.matching.hoursMin).toBe(30)

      const first = openingIn('0301', { title: 'Gammel tittel' })
      await backend().upsertOpenings([first])
      await backend().upsertOpenings([openingIn('3201', { id: first.matching.id, title: 'Ny tittel' })])
      expect(await backend().count()).toEqual({ candidates: 1, openings: 1 })
      const hits = await backend().searchOpenings(openingSearch(candidate({ workMunicipalities: [], workCounties: ['03', '32'] })))
      expect(hits.map((h) => [h.opening.matching.id, h.opening.document.title, h.opening.matching.municipalityNumber])).toEqual([
        [first.matching.id, 'Ny tittel', '3201'],
      ])
    })

    it('the last of two versions in one batch wins', async () => {
      const id = randomUUID()
      await backend().upsertCandidates([candidate({ id, pitch: 'Én.' }), candidate({ id, pitch: 'To.' })])
      const hits = await backend().searchCandidates(candidateSearch(openingIn('0301')))
      expect((await documentsOf(hits)).map((document) => document?.pitch)).toEqual(['To.'])
    })

    it('delete removes, and deleting what is not there is fine', async () => {
      const [a, b, c] = [candidate(), candidate(), candidate()]
      await backend().upsertCandidates([a!, b!, c!])
      const [x, y] = [openingIn('0301'), openingIn('0301')]
      await backend().upsertOpenings([x!, y!])
      await backend().deleteCandidates([b!.matching.id, randomUUID()])
      await backend().deleteOpenings([y!.matching.id, randomUUID()])
      await backend().deleteCandidates([])
      expect(await backend().count()).toEqual({ candidates: 2, openings: 1 })
      expect(new Set(candidateIds(await backend().searchCandidates(candidateSearch(x!))))).toEqual(new Set([a!.matching.id, c!.matching.id]))
      expect(openingIds(await backend().searchOpenings(openingSearch(a!)))).toEqual([x!.matching.id])
    })

    it('stores nothing identifying: no identity-like key, no identity value', async () => {
      const id = randomUUID()
      const identity = {
        firstName: 'Kari',
        lastName: 'Nordmann-Testesen',
        nationalId: '01019012345',
        phone: '41234567',
        email: 'kari.nordmann@example.com',
        address: 'Storgata 1',
        birthDate: '1990-01-15',
      }
      const consent = { scope: 'all' as const, counties: [] }
      // Identity smuggled into the builder's input, as a careless caller might: it must not come out the other end.
      const input = { id, profile: { ...baseProfile, ...identity }, consentScope: consent, visibleCandidatesSharingHome: 10, ...identity }
      const document = buildCandidateDocument(input as CandidateDocumentInput, geography)!
      const matching = candidateForMatching(id, { ...baseProfile, ...identity } as CandidateProfile, consent)!
      await backend().upsertCandidates([{ document, matching, officeId: OFFICE_A }])
      const stored = await harness.storedCandidate(id)
      expect(stored).toBeTruthy()
      for (const path of keyPaths(stored)) {
        for (const key of path.replace(/\[\]/g, '').split('.')) expect(key, `stored key ${path}`).not.toMatch(identityLikeKey)
      }
      const text = JSON.stringify(stored)
      for (const value of Object.values(identity)) expect(text).not.toContain(value)
    })
  })

  describe('limits and large pools', () => {
    it('honours the limit on a pool of 600 and returns 500 distinct candidates', async () => {
      const pool = Array.from({ length: 600 }, (_, i) =>
        candidate({ pitch: i % 3 === 0 ? 'Jeg liker lagerarbeid og plukking.' : 'Jeg liker rutiner.' }),
      )
      await backend().upsertCandidates(pool)
      expect(await backend().count()).toEqual({ candidates: 600, openings: 0 })
      const search = { ...candidateSearch(openingIn('0301')), text: 'lagerarbeid plukking' }
      const hits = await backend().searchCandidates({ ...search, limit: 500 })
      expect(hits).toHaveLength(500)
      expect(new Set(candidateIds(hits)).size).toBe(500)
      // The 200 that match the words come first.
      expect(hits.slice(0, 200).every((hit) => hit.textRelevance > 0)).toBe(true)
      expect(hits.slice(200).every((hit) => hit.textRelevance === 0)).toBe(true)
      expect(await backend().searchCandidates({ ...search, limit: 10 })).toHaveLength(10)
      expect(await backend().searchCandidates({ ...search, limit: 1000 })).toHaveLength(600)
    })

    it('refuses a limit that is not a whole number from 1 to the maximum', async () => {
      const search = candidateSearch(openingIn('0301'))
      for (const limit of [0, -1, 1.5, Number.NaN, MAX_SEARCH_LIMIT + 1]) {
        await expect(backend().searchCandidates({ ...search, limit })).rejects.toThrow(/limit/)
      }
      await expect(backend().searchOpenings({ ...openingSearch(candidate()), limit: 0 })).rejects.toThrow(/limit/)
    })
  })

  describe('replaceAll', () => {
    it('swaps atomically: searches see the old index while it builds, the new one afterwards, and nothing else', async () => {
      const old = [candidate({ pitch: 'Gammel.' }), candidate({ pitch: 'Gammel.' })]
      const oldOpening = openingIn('0301', { title: 'Gammel stilling' })
      await backend().upsertCandidates(old)
      await backend().upsertOpenings([oldOpening])
      const fresh = [candidate({ pitch: 'Ny.' }), candidate({ pitch: 'Ny.' }), candidate({ pitch: 'Ny.' })]
      const freshOpenings = [openingIn('0301', { title: 'Ny stilling' }), openingIn('3201', { title: 'Ny stilling' })]
      const search = candidateSearch(openingIn('0301'))
      const seenDuringRebuild: string[][] = []
      const progress: ReindexProgress[] = []
      await backend().replaceAll(
        batchesOf(fresh, 2, async () => {
          seenDuringRebuild.push(candidateIds(await backend().searchCandidates(search)).sort())
          expect(await backend().count()).toEqual({ candidates: 2, openings: 1 })
        }),
        batchesOf(freshOpenings, 1),
        (event) => progress.push(event),
        { candidates: 3, openings: 2 },
      )
      const oldIds = old.map((item) => item.matching.id).sort()
      expect(seenDuringRebuild).toEqual([oldIds, oldIds])
      expect(new Set(candidateIds(await backend().searchCandidates(search)))).toEqual(new Set(fresh.map((item) => item.matching.id)))
      expect(await backend().count()).toEqual({ candidates: 3, openings: 2 })
      const openingHits = await backend().searchOpenings(openingSearch(candidate({ workMunicipalities: [], workCounties: ['03', '32'] })))
      expect(new Set(openingIds(openingHits))).toEqual(new Set(freshOpenings.map((item) => item.matching.id)))

      expect(progress.filter((event) => event.kind === 'candidates').map((event) => [event.done, event.total])).toEqual([
        [0, 3],
        [2, 3],
        [3, 3],
      ])
      expect(progress.filter((event) => event.kind === 'openings').at(-1)).toEqual({ kind: 'openings', done: 2, total: 2 })
    })

    it('reports what it has received as the total when none is expected', async () => {
      const progress: ReindexProgress[] = []
      await backend().replaceAll(batchesOf([candidate(), candidate()], 1), none(), (event) => progress.push(event))
      expect(progress.filter((event) => event.kind === 'candidates').at(-1)).toEqual({ kind: 'candidates', done: 2, total: 2 })
      expect(await backend().count()).toEqual({ candidates: 2, openings: 0 })
    })

    it('an empty rebuild empties the index', async () => {
      await backend().upsertCandidates([candidate()])
      await backend().upsertOpenings([openingIn('0301')])
      await backend().replaceAll(none(), none())
      expect(await backend().count()).toEqual({ candidates: 0, openings: 0 })
    })

    it('does not bring back a candidate hidden while it ran, and keeps a change made meanwhile', async () => {
      const hidden = candidate({ pitch: 'Skjules under gjenoppbyggingen.' })
      const changed = candidate({ pitch: 'Før endringen.' })
      await backend().upsertCandidates([hidden, changed])
      const newer = candidate({ id: changed.matching.id, pitch: 'Etter endringen.' })
      // The rebuild read both before the sync worker hid one and changed the other; its batch comes after.
      await backend().replaceAll(
        batchesOf([hidden, changed], 2, async () => {
          await backend().deleteCandidates([hidden.matching.id])
          await backend().upsertCandidates([newer])
        }),
        none(),
      )
      const hits = await backend().searchCandidates(candidateSearch(openingIn('0301')))
      expect(candidateIds(hits)).toEqual([changed.matching.id])
      expect((await documentsOf(hits))[0]?.pitch).toBe('Etter endringen.')
    })

    it('leaves the old index in place when the batches fail, and can rebuild afterwards', async () => {
      const kept = candidate()
      await backend().upsertCandidates([kept])
      async function* failing(): AsyncIterable<IndexedCandidate[]> {
        yield [candidate()]
        throw new Error('source went away')
      }
      await expect(backend().replaceAll(failing(), none())).rejects.toThrow('source went away')
      expect(candidateIds(await backend().searchCandidates(candidateSearch(openingIn('0301'))))).toEqual([kept.matching.id])
      await backend().upsertCandidates([candidate()])
      expect(await backend().count()).toEqual({ candidates: 2, openings: 0 })
      const replacement = candidate()
      await backend().replaceAll(batchesOf([replacement], 10), none())
      expect(candidateIds(await backend().searchCandidates(candidateSearch(openingIn('0301'))))).toEqual([replacement.matching.id])
    })
  })

  describe('count and health', () => {
    it('counts both kinds and reports health', async () => {
      expect(await backend().count()).toEqual({ candidates: 0, openings: 0 })
      await backend().upsertCandidates([candidate(), candidate()])
      await backend().upsertOpenings([openingIn('0301')])
      expect(await backend().count()).toEqual({ candidates: 2, openings: 1 })
      const health = await backend().health()
      expect(health.ok).toBe(true)
      expect(health.detail).toMatch(/2 candidates, 1 openings/)
    })
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Backends

describe('PostgreSQL backend', () => {
  contractSuite(async () => ({
    backend: createPostgresBackend(db.sql),
    clear: async () => {
      await db.sql`truncate search_candidates, search_openings, search_rebuild_tombstones`
      await db.sql`delete from search_rebuilds`
    },
    storedCandidate: async (id) => {
      const [row] = await db.sql`select to_jsonb(c) - 'search_vector' as stored from search_candidates c where id = ${id}`
      return row?.stored
    },
  }))

  describe('PostgreSQL specifics', () => {
    const backend = () => createPostgresBackend(db.sql)
    const indexNames = async () =>
      (
        await db.sql`select tablename, indexname from pg_indexes
          where schemaname = current_schema() and tablename in ('search_candidates', 'search_openings') order by 1, 2`
      ).map((row) => `${row.tablename}.${row.indexname}`)

    it('keeps the migration\'s index names, the tsvector and the out-of-line documents after a rebuild, and leaves no copy behind', async () => {
      const before = await indexNames()
      expect(before).toContain('search_candidates.search_candidates_work_municipalities_idx')
      await backend().replaceAll(batchesOf([candidate({ pitch: 'Jeg liker lagerarbeid.' })], 1), batchesOf([openingIn('0301')], 1))
      expect(await indexNames()).toEqual(before)
      const [leftovers] = await db.sql`
        select to_regclass('search_candidates_next') as candidates, to_regclass('search_openings_next') as openings,
               (select count(*) from search_rebuilds)::integer as rebuilds,
               (select count(*) from search_rebuild_tombstones)::integer as tombstones`
      expect(leftovers).toEqual({ candidates: null, openings: null, rebuilds: 0, tombstones: 0 })
      const [row] = await db.sql`select search_vector::text as vector from search_candidates`
      expect(String(row?.vector)).toContain('lagerarbeid')
      // Migration 0006: searches scan narrow rows; a rebuilt table must not lose that.
      const storage = await db.sql`
        select c.relname as table, c.reloptions::text as options,
               (select string_agg(a.attname || '=' || a.attstorage::text, ',' order by a.attname) from pg_attribute a
                where a.attrelid = c.oid and a.attname in ('document', 'matching')) as columns
        from pg_class c where c.relname in ('search_candidates', 'search_openings') order by 1`
      expect(storage).toEqual([
        { table: 'search_candidates', options: '{toast_tuple_target=1024}', columns: 'document=e,matching=e' },
        { table: 'search_openings', options: '{toast_tuple_target=1024}', columns: 'document=e,matching=e' },
      ])
    })

    it('refuses a second rebuild while one runs, and health says one is running', async () => {
      let second: Promise<void> | undefined
      await backend().replaceAll(
        batchesOf([candidate()], 1, async () => {
          second = backend().replaceAll(none(), none())
          await expect(second).rejects.toThrow(/Another search index rebuild/)
          expect(await backend().health()).toMatchObject({ ok: true, detail: expect.stringMatching(/a rebuild is running/) })
        }),
        none(),
      )
      expect(second).toBeDefined()
      expect(await backend().count()).toEqual({ candidates: 1, openings: 0 })
    })

    it('stores the hard-filter columns from the exact work area and consent, not the generalised document', async () => {
      const item = candidate({ workMunicipalities: ['3201'], workCounties: ['46'], consent: { scope: 'counties', counties: ['32', '46'] } })
      await backend().upsertCandidates([item])
      const [row] = await db.sql`
        select work_municipalities, work_counties, consent_counties, office_id from search_candidates where id = ${item.matching.id}`
      expect(row).toEqual({ work_municipalities: ['3201'], work_counties: ['46'], consent_counties: ['32', '46'], office_id: OFFICE_A })
    })
  })
})

const meilisearchUrl = process.env.MEILISEARCH_URL || undefined
if (!meilisearchUrl) {
  console.info(
    'Meilisearch contract suite skipped: MEILISEARCH_URL is not set. No Meilisearch server runs here and none is faked; ' +
      'run `MEILISEARCH_URL=http://127.0.0.1:7700 npm test` against a real one.',
  )
}

describe.skipIf(!meilisearchUrl)(`Meilisearch backend${meilisearchUrl ? ` at ${meilisearchUrl}` : ' (skipped: MEILISEARCH_URL is not set)'}`, () => {
  const prefix = `test_${process.pid}_${randomUUID().slice(0, 8)}_`
  const apiKey = process.env.MEILISEARCH_API_KEY || undefined
  const client = () => new Meilisearch({ host: meilisearchUrl!, apiKey })
  const uids = [`${prefix}candidates`, `${prefix}openings`]

  contractSuite(
    async () => ({
      backend: createMeilisearchBackend({ host: meilisearchUrl!, apiKey, indexPrefix: prefix }),
      clear: async () => {
        for (const uid of uids) {
          const task = await client().index(uid).deleteAllDocuments().waitTask()
          if (task.status !== 'succeeded' && task.error?.code !== 'index_not_found') throw new Error(`clearing ${uid}: ${task.error?.message}`)
        }
      },
      storedCandidate: async (id) => {
        const [indexUid] = uids
        return client().index(indexUid!).getDocument(id)
      },
    }),
    async () => {
      for (const uid of [...uids, ...uids.map((uid) => `${uid}_next`), `${prefix}rebuild_touched`]) {
        await client().deleteIndex(uid).waitTask()
      }
    },
  )
})

describe('backend choice', () => {
  it('is PostgreSQL on the app database without MEILISEARCH_URL, Meilisearch with it', () => {
    const original = getEnv()
    try {
      expect(searchBackendKind()).toBe('postgres')
      expect(getSearchBackend().name).toBe('postgres')
      expect(getSearchBackend()).toBe(getSearchBackend())
      setEnv(parseEnv({ MEILISEARCH_URL: 'http://127.0.0.1:7700', MEILISEARCH_API_KEY: 'key' }))
      // Creating the client contacts no server; only a search or write would.
      expect(searchBackendKind()).toBe('meilisearch')
      expect(getSearchBackend().name).toBe('meilisearch')
    } finally {
      setEnv(original)
    }
    expect(getSearchBackend().name).toBe('postgres')
  })
})

// The Meilisearch backend's filters and settings are checked here without a server: these are the parts that fail
// only at run time on a real one (an attribute that is not filterable, a value that breaks the filter syntax).
describe('Meilisearch filter expressions and settings (no server needed)', () => {
  const attributesIn = (filter: string[]) =>
    [...new Set(filter.join(' ').match(/\b[a-z][A-Za-z]+(?= (?:=|<=|>=|IN|NOT IN|IS EMPTY)(?: |\)|$))/g) ?? [])]

  it('uses only filterable attributes', () => {
    const forCandidates = candidateFilter({
      ...candidateSearch(openingIn('0301', { tasks: [task('Truckkjøring', ['forkliftLicence', 'policeCertificate'])] })),
      officeId: OFFICE_A,
    })
    expect(attributesIn(forCandidates).length).toBeGreaterThan(5)
    for (const attribute of attributesIn(forCandidates)) expect(indexSettings.candidates.filterableAttributes).toContain(attribute)
    const forOpenings = openingFilter({
      ...openingSearch(candidate({ workCounties: ['32'], consent: { scope: 'counties', counties: ['32'] } })),
      countyNumbers: ['32'],
    })!
    expect(attributesIn(forOpenings).length).toBeGreaterThan(5)
    for (const attribute of attributesIn(forOpenings)) expect(indexSettings.openings.filterableAttributes).toContain(attribute)
  })

  it('expresses the hard filters like the SQL', () => {
    const item = openingIn('3201', { hoursMin: 10, hoursMax: 20, startDate: '2026-03-01', tasks: [task('Truck', ['forkliftLicence', 'policeCertificate'])] })
    expect(candidateFilter({ ...candidateSearch(item), officeId: OFFICE_B })).toEqual([
      '(workMunicipalities = "3201" OR workCounties = "32")',
      '(consentAll = true OR consentCounties = "32")',
      'certificates = "forkliftLicence"',
      'hoursMin <= 20',
      'hoursMax >= 10',
      `earliestStartDay <= ${epochDay('2026-03-01') + START_WINDOW_DAYS}`,
      'canObtainPoliceCertificate = true',
      `officeId = "${OFFICE_B}"`,
    ])
    const seeker = candidate({
      workMunicipalities: ['0301'],
      workCounties: ['32'],
      hoursMin: 7.5,
      hoursMax: 15,
      earliestStart: '2026-06-15',
      certificates: ['forkliftLicence'],
      canObtainPoliceCertificate: true,
      consent: { scope: 'counties', counties: ['32'] },
    })
    expect(openingFilter({ ...openingSearch(seeker), countyNumbers: ['03', '32'] })).toEqual([
      '(municipalityNumber IN ["0301"] OR countyNumber IN ["32"])',
      'hoursMin <= 15',
      'hoursMax >= 7.5',
      `startDay >= ${epochDay('2026-06-15') - START_WINDOW_DAYS}`,
      'unlistedRequirements IS EMPTY',
      'requirements NOT IN ["driversLicenceB", "foodHygiene"]',
      'countyNumber IN ["32"]',
      'countyNumber IN ["03", "32"]',
    ])
  })

  it('matches no opening when a list that must match is empty, as `= any(\'{}\')` in SQL', () => {
    expect(openingFilter(openingSearch(candidate({ workMunicipalities: [], workCounties: [] })))).toBeUndefined()
    expect(openingFilter(openingSearch(candidate({ consent: { scope: 'counties', counties: [] } })))).toBeUndefined()
    expect(openingFilter({ ...openingSearch(candidate()), countyNumbers: [] })).toBeUndefined()
  })

  it('quotes values so that none can break out of the filter syntax', () => {
    const item = openingIn('0301', { tasks: [task('X', ['a"b\\c'])] })
    expect(candidateFilter(candidateSearch(item))).toContain('certificates = "a\\"b\\\\c"')
  })

  it('keeps only letters and digits of a query, at most ten distinct words', () => {
    expect(meilisearchQuery(`'; DROP TABLE x; -- "lager" -renhold æøå`)).toBe('drop table lager renhold æøå')
    expect(meilisearchQuery(Array.from({ length: 30 }, (_, i) => `ord${i}`).join(' ')).split(' ')).toHaveLength(10)
    expect(meilisearchQuery('\\ \u0000 "" -')).toBe('')
  })

  it('turns dates into day numbers and task-word groups into two-way synonyms', () => {
    expect(epochDay('1970-01-02')).toBe(1)
    expect(epochDay('2026-03-01') - epochDay('2026-02-28')).toBe(1)
    expect(() => epochDay('1. mars')).toThrow(RangeError)
    expect(synonymsFromGroups([['lager', 'varelager', 'lagerarbeid']])).toEqual({
      lager: ['varelager', 'lagerarbeid'],
      varelager: ['lager', 'lagerarbeid'],
      lagerarbeid: ['lager', 'varelager'],
    })
    expect(indexSettings.candidates.synonyms?.['renhold']).toEqual(expect.arrayContaining(['vask', 'rengjøring']))
    expect(indexSettings.openings.synonyms?.['kantine']).toContain('kjøkken')
    expect(indexSettings.candidates.searchableAttributes).toEqual(['searchText'])
    expect(indexSettings.candidates.typoTolerance).toMatchObject({ enabled: true })
  })
})
