import { describe, expect, it } from 'vitest'
import { MIN_CANDIDATES_SHARING_MUNICIPALITY } from '../../matching/visibility'
import { demandDimensions } from '../../prisma-free-sql/reference-data/vocabulary'
import {
  buildCandidateDocument,
  candidateLabel,
  candidateTolerances,
  toleranceDimensions,
  type AnonymisedCandidate,
  type CandidateDocumentInput,
  type CandidateProfile,
  type Geography,
} from '../../search-index/candidate-document'

// search-index/candidate-document.ts is the one place that decides what employers and the search index may know about
// a candidate. These tests pin its shape: a new key must be added to the allow-list below on purpose, and nothing that
// looks like identity may ever be a key.

const geography: Geography = {
  municipalities: new Map([
    ['0301', { name: 'Oslo', countyNumber: '03' }],
    ['4640', { name: 'Sogndal', countyNumber: '46' }],
    ['4601', { name: 'Bergen', countyNumber: '46' }],
    ['3201', { name: 'Bærum', countyNumber: '32' }],
  ]),
  counties: new Map([
    ['03', 'Oslo'],
    ['32', 'Akershus'],
    ['46', 'Vestland'],
  ]),
}

const CANDIDATE_ID = '3f2a9c1e-7b4d-4e2a-9c1e-7b4d4e2a9c1e'

const profile: CandidateProfile = {
  homeMunicipalityNumber: '4640',
  pitch: 'Jeg er nøyaktig og liker faste rutiner. Jeg har fylt på varer i en dagligvarebutikk.',
  wantedTasks: ['varepafylling'],
  possibleTasks: [],
  occupations: ['4321'],
  workExperience: 'Butikkmedarbeider i dagligvare i to år.',
  informalCompetence: 'Frivillig i idrettslaget.',
  educationLevel: 'upper_secondary',
  certificates: ['driversLicenceB'],
  canObtainPoliceCertificate: true,
  hoursMin: 10,
  hoursMax: 20,
  gradualIncrease: true,
  timesOfDay: ['DAG'],
  days: ['UKEDAGER'],
  workMunicipalities: ['4601'],
  workCounties: ['46'],
  earliestStart: '2026-04-01',
  demandTolerances: { lifting: 1, noise: 0 },
  accommodationNeeds: ['GRADVIS_OKNING'],
  oralNorwegian: 2,
  writtenNorwegian: 1,
  measures: ['MENTORTILSKUDD'],
}

function documentInput(overrides: Partial<CandidateDocumentInput> = {}, profileOverrides: Partial<CandidateProfile> = {}): CandidateDocumentInput {
  return {
    id: CANDIDATE_ID,
    profile: { ...profile, ...profileOverrides },
    consentScope: { scope: 'counties', counties: ['46'] },
    visibleCandidatesSharingHome: 12,
    ...overrides,
  }
}

function build(overrides: Partial<CandidateDocumentInput> = {}, profileOverrides: Partial<CandidateProfile> = {}): AnonymisedCandidate {
  const document = buildCandidateDocument(documentInput(overrides, profileOverrides), geography)
  if (!document) throw new Error('expected a document')
  return document
}

/** Every key in the document as a path; array items become `[]`, and the tolerance map `tolerances.*`. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, `${prefix}[]`))
  if (value === null || typeof value !== 'object') return []
  if (prefix === 'tolerances') return ['tolerances.*']
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return [path, ...keyPaths(child, path)]
  })
}

const option = (path: string) => [path, `${path}[].code`, `${path}[].name`]

/** What the document may contain. Adding a key to AnonymisedCandidate means adding it here, after thinking it through. */
const allowedKeyPaths = [
  'id',
  'label',
  'location',
  'location.level',
  'location.name',
  'location.countyNumber',
  'location.countyName',
  'pitch',
  ...option('wantedTasks'),
  ...option('possibleTasks'),
  ...option('occupations'),
  'workExperience',
  'informalCompetence',
  'educationLevel',
  'educationLevel.code',
  'educationLevel.name',
  ...option('certificates'),
  'canObtainPoliceCertificate',
  'hoursMin',
  'hoursMax',
  'gradualIncrease',
  'timesOfDay',
  'days',
  'workArea',
  ...option('workArea.municipalities'),
  ...option('workArea.counties'),
  'workArea.counties[].whole',
  'earliestStart',
  'tolerances',
  'tolerances.*',
  ...option('accommodationNeeds'),
  'oralNorwegian',
  'writtenNorwegian',
  ...option('measures'),
  'consentScope',
  'consentScope.scope',
  'consentScope.counties',
].sort()

/** Words that would make a key about who the person is, where they live exactly, or their health. */
const identityLikeKey =
  /(first|last|full|given|family|middle|sur|maiden|display|user|person)_?name|national|fnr|fodsel|fødsel|ssn|d_?number|birth|born|\bage\b|phone|tlf|telefon|mobil|e_?mail|epost|e-post|address|adresse|street|postal|postnummer|zip|photo|bilde|image|picture|avatar|diagnos|health|helse|medical|sickness|sykdom|criminal|religion|ethnic/i

describe('buildCandidateDocument', () => {
  it('has exactly the documented keys', () => {
    // With every optional list filled, so each nested key shows up at least once.
    const document = build({}, { possibleTasks: ['prismerking'], workMunicipalities: ['4601'], workCounties: ['46'] })
    expect([...new Set(keyPaths(document))].sort()).toEqual(allowedKeyPaths)
  })

  it('has the same keys when the optional parts are empty', () => {
    const document = build(
      { consentScope: { scope: 'all', counties: [] } },
      {
        possibleTasks: [],
        occupations: [],
        certificates: [],
        accommodationNeeds: [],
        measures: [],
        workMunicipalities: [],
        educationLevel: null,
        canObtainPoliceCertificate: null,
        workExperience: '',
        informalCompetence: '',
      },
    )
    expect(Object.keys(document).sort()).toEqual(allowedKeyPaths.filter((path) => !/[.[]/.test(path)))
    expect(document.educationLevel).toBeNull()
  })

  it('has no key that looks like identity, contact details, an address, a photo or a diagnosis', () => {
    const paths = keyPaths(build())
    for (const path of paths) {
      for (const key of path.replace(/\[\]/g, '').split('.')) {
        expect(key, `key ${path}`).not.toMatch(identityLikeKey)
      }
    }
    // `name` alone is allowed only as the name of a place or of a coded option, never of the person.
    const nameKeys = paths.filter((path) => path.endsWith('.name') || path === 'name')
    expect(nameKeys.filter((path) => !(path === 'location.name' || path.endsWith('[].name') || path === 'educationLevel.name'))).toEqual([])
    expect(paths).not.toContain('name')
  })

  it('copies only the fields it knows, whatever else the profile object carries', () => {
    const identity = {
      firstName: 'Kari',
      lastName: 'Nordmann-Testesen',
      nationalId: '15889012345',
      phone: '41234567',
      email: 'kari.nordmann@eksempel.no',
      address: 'Storgata 1, 0155 Oslo',
      birthDate: '1990-01-15',
      diagnosis: 'ukjent',
    }
    const input = documentInput()
    const document = buildCandidateDocument({ ...input, ...identity, profile: { ...input.profile, ...identity } } as CandidateDocumentInput, geography)
    const text = JSON.stringify(document)
    for (const value of Object.values(identity)) expect(text).not.toContain(value)
    expect(Object.keys(document!).sort()).toEqual(allowedKeyPaths.filter((path) => !/[.[]/.test(path)))
  })

  it('labels the candidate from the id alone', () => {
    expect(build().label).toBe('Kandidat 3F2A9C')
    expect(candidateLabel(CANDIDATE_ID)).toBe('Kandidat 3F2A9C')
  })

  it('names tasks, occupations, options and places, and keeps the codes', () => {
    const document = build()
    expect(document.wantedTasks).toEqual([{ code: 'varepafylling', name: expect.any(String) }])
    expect(document.wantedTasks[0]!.name).not.toBe('varepafylling')
    expect(document.occupations[0]!.code).toBe('4321')
    expect(document.educationLevel).toEqual({ code: 'upper_secondary', name: 'Fullført videregående' })
    expect(document.workArea).toEqual({ municipalities: [{ code: '4601', name: 'Bergen' }], counties: [{ code: '46', name: 'Vestland', whole: true }] })
    expect(document.consentScope).toEqual({ scope: 'counties', counties: ['46'] })
    expect(document.measures).toEqual([{ code: 'MENTORTILSKUDD', name: 'Mentortilskudd' }])
  })

  it('does not share arrays with the input', () => {
    const input = documentInput()
    const document = buildCandidateDocument(input, geography)!
    document.timesOfDay.push('NATT')
    document.consentScope.counties.push('03')
    expect(input.profile.timesOfDay).toEqual(['DAG'])
    expect(input.consentScope.counties).toEqual(['46'])
  })

  describe('location: the municipality only when enough visible candidates share it, otherwise the county', () => {
    it.each<[number, AnonymisedCandidate['location']]>([
      [0, { level: 'county', name: 'Vestland', countyNumber: '46', countyName: 'Vestland' }],
      [1, { level: 'county', name: 'Vestland', countyNumber: '46', countyName: 'Vestland' }],
      [4, { level: 'county', name: 'Vestland', countyNumber: '46', countyName: 'Vestland' }],
      [5, { level: 'municipality', name: 'Sogndal', countyNumber: '46', countyName: 'Vestland' }],
      [6, { level: 'municipality', name: 'Sogndal', countyNumber: '46', countyName: 'Vestland' }],
    ])('%i sharing the home municipality', (sharing, location) => {
      const document = build({ visibleCandidatesSharingHome: sharing }, { workMunicipalities: ['4601'] })
      expect(document.location).toEqual(location)
      if (location.level === 'county') {
        // The municipality must not slip out anywhere else either.
        expect(JSON.stringify(document)).not.toContain('Sogndal')
        expect(JSON.stringify(document)).not.toContain('4640')
      }
    })

    // A candidate who lives in a small municipality often wants to work there too; the work area must not name it.
    it('does not reveal a small home municipality through the work area: municipalities become part of their county', () => {
      const document = build({ visibleCandidatesSharingHome: 1 }, { workMunicipalities: ['4640', '4601'], workCounties: [] })
      expect(document.location.level).toBe('county')
      expect(JSON.stringify(document)).not.toContain('Sogndal')
      expect(document.workArea).toEqual({ municipalities: [], counties: [{ code: '46', name: 'Vestland', whole: false }] })
    })

    it('uses the same threshold as matching/visibility.ts', () => {
      expect(build({ visibleCandidatesSharingHome: MIN_CANDIDATES_SHARING_MUNICIPALITY - 1 }).location.level).toBe('county')
      expect(build({ visibleCandidatesSharingHome: MIN_CANDIDATES_SHARING_MUNICIPALITY }).location.level).toBe('municipality')
    })

    it('falls back to the county number when the county has no name', () => {
      const withoutCounty: Geography = { ...geography, counties: new Map() }
      const document = buildCandidateDocument(documentInput({ visibleCandidatesSharingHome: 1 }), withoutCounty)!
      expect(document.location).toEqual({ level: 'county', name: '46', countyNumber: '46', countyName: '46' })
    })
  })

  describe('returns nothing when the profile lacks what a document needs', () => {
    it.each<[string, Partial<CandidateProfile>]>([
      ['no home municipality', { homeMunicipalityNumber: null }],
      ['a home municipality not in the geography', { homeMunicipalityNumber: '9999' }],
      ['no minimum hours', { hoursMin: null }],
      ['no maximum hours', { hoursMax: null }],
      ['no earliest start', { earliestStart: null }],
      ['no oral Norwegian level', { oralNorwegian: null }],
      ['no written Norwegian level', { writtenNorwegian: null }],
    ])('%s', (_label, overrides) => {
      expect(buildCandidateDocument(documentInput({}, overrides), geography)).toBeUndefined()
    })
  })
})

describe('tolerances', () => {
  it('has every demand dimension, and nothing else', () => {
    expect(Object.keys(build().tolerances).sort()).toEqual(demandDimensions.map((dimension) => dimension.code).sort())
  })

  it('takes the language dimensions from the Norwegian levels, not from stated tolerances', () => {
    const tolerances = candidateTolerances({ demandTolerances: { oralNorwegian: 2, writtenNorwegian: 2 }, oralNorwegian: 1, writtenNorwegian: 0 })
    expect(tolerances.oralNorwegian).toBe(1)
    expect(tolerances.writtenNorwegian).toBe(0)
    const document = build({}, { oralNorwegian: 0, writtenNorwegian: 1, demandTolerances: {} })
    expect(document.tolerances.oralNorwegian).toBe(0)
    expect(document.tolerances.writtenNorwegian).toBe(1)
    expect(document.oralNorwegian).toBe(0)
    expect(document.writtenNorwegian).toBe(1)
  })

  it('does not offer the language dimensions as tolerances of their own', () => {
    const codes = toleranceDimensions.map((dimension) => dimension.code)
    expect(codes).not.toContain('oralNorwegian')
    expect(codes).not.toContain('writtenNorwegian')
    expect(codes.length).toBe(demandDimensions.length - 2)
  })

  it('keeps what was stated and defaults the rest to 2 (can work with all)', () => {
    const tolerances = build({}, { demandTolerances: { lifting: 1, noise: 0, tempo: 2 } }).tolerances
    expect(tolerances.lifting).toBe(1)
    expect(tolerances.noise).toBe(0)
    expect(tolerances.tempo).toBe(2)
    for (const dimension of toleranceDimensions.filter((dimension) => !['lifting', 'noise', 'tempo'].includes(dimension.code))) {
      expect(tolerances[dimension.code], dimension.code).toBe(2)
    }
  })

  it.each<[string, unknown]>([
    ['unset', undefined],
    ['null', null],
    ['3', 3],
    ['-1', -1],
    ['1.5', 1.5],
    ['"1" as text', '1'],
    ['NaN', Number.NaN],
  ])('reads a stated tolerance of %s as the default 2', (_label, stated) => {
    const demandTolerances = { lifting: stated } as unknown as Record<string, number>
    expect(candidateTolerances({ demandTolerances, oralNorwegian: 2, writtenNorwegian: 2 }).lifting).toBe(2)
  })

  it('ignores stated tolerances for dimensions that do not exist', () => {
    const tolerances = candidateTolerances({ demandTolerances: { shoeSize: 0 }, oralNorwegian: 2, writtenNorwegian: 2 })
    expect(tolerances).not.toHaveProperty('shoeSize')
  })

  it('leaves the language dimensions at 2 only when the levels are unknown (no document is built then)', () => {
    const tolerances = candidateTolerances({ demandTolerances: {}, oralNorwegian: null, writtenNorwegian: null })
    expect(tolerances.oralNorwegian).toBe(2)
    expect(tolerances.writtenNorwegian).toBe(2)
    expect(buildCandidateDocument(documentInput({}, { oralNorwegian: null, writtenNorwegian: null }), geography)).toBeUndefined()
  })
})
