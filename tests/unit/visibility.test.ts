import { describe, expect, it } from 'vitest'
import {
  MIN_CANDIDATES_SHARING_MUNICIPALITY,
  MIN_PITCH_LENGTH,
  consentCoversCounty,
  consentState,
  defaultConsentExpiry,
  employerVisibility,
  hiddenReasonTexts,
  joinNorwegian,
  missingProfileParts,
  profilePartNames,
  type ConsentRecord,
  type HiddenReason,
  type ProfileForCompleteness,
  type ProfilePart,
  type Visibility,
  type VisibilityInput,
} from '../../matching/visibility'

// matching/visibility.ts decides whether employers may see a candidate at all. It must fail closed: visible only when
// status, consent and profile are all known to be in order; anything missing, malformed or unknown means hidden.

const TODAY = '2026-03-01'

const completeProfile: ProfileForCompleteness = {
  homeMunicipalityNumber: '0301',
  pitch: 'Jeg er nøyaktig og liker faste rutiner, og jeg trives på lager.',
  wantedTasks: ['lager-plukk'],
  possibleTasks: [],
  occupations: [],
  educationLevel: 'primary',
  hoursMin: 10,
  hoursMax: 20,
  timesOfDay: ['DAG'],
  days: ['UKEDAGER'],
  workMunicipalities: ['0301'],
  workCounties: [],
  earliestStart: '2026-03-15',
  oralNorwegian: 2,
  writtenNorwegian: 1,
}

const activeConsent: ConsentRecord = {
  givenOn: '2026-01-10',
  expiresOn: '2026-07-10',
  scope: 'all',
  scopeCounties: [],
  supersededAt: null,
  withdrawnAt: null,
}

function input(overrides: Partial<VisibilityInput> = {}): VisibilityInput {
  return { status: 'active', latestConsent: activeConsent, profile: completeProfile, today: TODAY, ...overrides }
}

function profile(overrides: Partial<ProfileForCompleteness>): ProfileForCompleteness {
  return { ...completeProfile, ...overrides }
}

function consent(overrides: Partial<ConsentRecord>): ConsentRecord {
  return { ...activeConsent, ...overrides }
}

function reasonsOf(visibility: Visibility): HiddenReason[] {
  if (visibility.visible) throw new Error('expected the candidate to be hidden')
  return visibility.reasons
}

/** Lets a test pass values the types rule out, as data from outside may carry them. */
function unchecked<T>(value: unknown): T {
  return value as T
}

const allParts = Object.keys(profilePartNames) as ProfilePart[]

describe('employerVisibility', () => {
  it('shows a candidate who is active, has an active consent and a complete profile', () => {
    const visibility = employerVisibility(input())
    expect(visibility).toEqual({
      visible: true,
      consent: { kind: 'active', expiresOn: '2026-07-10', scope: 'all', scopeCounties: [] },
    })
  })

  it('shows the candidate from the day consent is given until the day before it expires', () => {
    expect(employerVisibility(input({ today: activeConsent.givenOn })).visible).toBe(true)
    expect(employerVisibility(input({ today: '2026-07-09' })).visible).toBe(true)
  })

  it('shows a candidate whose consent covers chosen counties', () => {
    const visibility = employerVisibility(input({ latestConsent: consent({ scope: 'counties', scopeCounties: ['03', '32'] }) }))
    expect(visibility).toEqual({
      visible: true,
      consent: { kind: 'active', expiresOn: '2026-07-10', scope: 'counties', scopeCounties: ['03', '32'] },
    })
  })

  describe('hides the candidate on any status but active', () => {
    it.each<[string, VisibilityInput['status'], string]>([
      ['paused', 'paused', 'paused'],
      ['in work', 'in_work', 'in_work'],
      ['ended', 'ended', 'ended'],
      ['null', null, 'ukjent'],
      ['undefined', undefined, 'ukjent'],
      ['an unknown status', 'weird', 'weird'],
      ['an empty status', '', ''],
      ['active in capitals', 'ACTIVE', 'ACTIVE'],
      ['active with a space', 'active ', 'active '],
    ])('%s', (_label, status, reported) => {
      expect(reasonsOf(employerVisibility(input({ status })))).toEqual([{ code: 'status', status: reported }])
    })
  })

  describe('hides the candidate unless the latest consent is active today', () => {
    it.each<[string, Partial<VisibilityInput>, HiddenReason]>([
      ['no consent (null)', { latestConsent: null }, { code: 'consent', consent: 'none' }],
      ['no consent (undefined)', { latestConsent: undefined }, { code: 'consent', consent: 'none' }],
      ['withdrawn', { latestConsent: consent({ withdrawnAt: new Date('2026-02-01T10:00:00Z') }) }, { code: 'consent', consent: 'withdrawn' }],
      ['withdrawn (as a string)', { latestConsent: consent({ withdrawnAt: '2026-02-01T10:00:00Z' }) }, { code: 'consent', consent: 'withdrawn' }],
      [
        'withdrawn after it was superseded',
        { latestConsent: consent({ supersededAt: new Date('2026-02-01T10:00:00Z'), withdrawnAt: new Date('2026-02-02T10:00:00Z') }) },
        { code: 'consent', consent: 'withdrawn' },
      ],
      ['superseded', { latestConsent: consent({ supersededAt: new Date('2026-02-01T10:00:00Z') }) }, { code: 'consent', consent: 'none' }],
      ['superseded (as a string)', { latestConsent: consent({ supersededAt: '2026-02-01T10:00:00Z' }) }, { code: 'consent', consent: 'none' }],
      ['expired on the expiry day itself', { today: '2026-07-10' }, { code: 'consent', consent: 'expired' }],
      ['expired the day after', { today: '2026-07-11' }, { code: 'consent', consent: 'expired' }],
      ['expired long ago', { today: '2030-01-01' }, { code: 'consent', consent: 'expired' }],
      ['not yet valid (given tomorrow)', { today: '2026-01-09' }, { code: 'consent', consent: 'not-yet-valid' }],
      ['expiring before it was given (before either day)', { latestConsent: consent({ givenOn: '2026-03-10', expiresOn: '2026-02-10' }) }, { code: 'consent', consent: 'not-yet-valid' }],
      ['expiring before it was given (after both days)', { latestConsent: consent({ givenOn: '2026-02-10', expiresOn: '2026-01-10' }) }, { code: 'consent', consent: 'expired' }],
      ['given on a malformed date', { latestConsent: consent({ givenOn: '10.01.2026' }) }, { code: 'consent', consent: 'none' }],
      ['given on an empty date', { latestConsent: consent({ givenOn: '' }) }, { code: 'consent', consent: 'none' }],
      ['expiring on a malformed date', { latestConsent: consent({ expiresOn: '2026-7-10' }) }, { code: 'consent', consent: 'none' }],
      ['expiring on a date with a time', { latestConsent: consent({ expiresOn: '2026-07-10T00:00:00Z' }) }, { code: 'consent', consent: 'none' }],
      ['expiring on an empty date', { latestConsent: consent({ expiresOn: '' }) }, { code: 'consent', consent: 'none' }],
      ['with no expiry (null)', { latestConsent: consent({ expiresOn: unchecked<string>(null) }) }, { code: 'consent', consent: 'none' }],
      ['checked against a malformed today', { today: '1.3.2026' }, { code: 'consent', consent: 'none' }],
      ['checked against an empty today', { today: '' }, { code: 'consent', consent: 'none' }],
      ['scoped to counties with no counties', { latestConsent: consent({ scope: 'counties', scopeCounties: [] }) }, { code: 'consent', consent: 'none' }],
      ['with an unknown scope', { latestConsent: consent({ scope: unchecked<'all'>('everyone') }) }, { code: 'consent', consent: 'none' }],
      ['with no scope', { latestConsent: consent({ scope: unchecked<'all'>(undefined) }) }, { code: 'consent', consent: 'none' }],
    ])('%s', (_label, overrides, reason) => {
      expect(reasonsOf(employerVisibility(input(overrides)))).toEqual([reason])
    })
  })

  describe('hides the candidate while the profile is incomplete', () => {
    it.each<[string, ProfileForCompleteness | null | undefined, ProfilePart[]]>([
      ['no profile (null)', null, allParts],
      ['no profile (undefined)', undefined, allParts],
      ['no home municipality', profile({ homeMunicipalityNumber: null }), ['home']],
      ['an empty home municipality', profile({ homeMunicipalityNumber: '' }), ['home']],
      ['no pitch', profile({ pitch: '' }), ['pitch']],
      ['a short pitch', profile({ pitch: 'Jeg liker å jobbe.' }), ['pitch']],
      ['no tasks or occupations', profile({ wantedTasks: [], possibleTasks: [], occupations: [] }), ['tasks']],
      ['no education level', profile({ educationLevel: null }), ['education']],
      ['no hours', profile({ hoursMin: null, hoursMax: null }), ['hours']],
      ['no times of day', profile({ timesOfDay: [] }), ['schedule']],
      ['no days', profile({ days: [] }), ['schedule']],
      ['no work area', profile({ workMunicipalities: [], workCounties: [] }), ['workArea']],
      ['no earliest start', profile({ earliestStart: null }), ['earliestStart']],
      ['no oral Norwegian level', profile({ oralNorwegian: null }), ['norwegian']],
      ['no written Norwegian level', profile({ writtenNorwegian: null }), ['norwegian']],
    ])('%s', (_label, candidateProfile, missing) => {
      expect(reasonsOf(employerVisibility(input({ profile: candidateProfile })))).toEqual([{ code: 'incomplete', missing }])
    })
  })

  it('gives every reason at once, in the order status, consent, profile', () => {
    const visibility = employerVisibility({ status: 'paused', latestConsent: null, profile: profile({ pitch: '', days: [] }), today: TODAY })
    expect(reasonsOf(visibility)).toEqual([
      { code: 'status', status: 'paused' },
      { code: 'consent', consent: 'none' },
      { code: 'incomplete', missing: ['pitch', 'schedule'] },
    ])
  })

  it('hides everything when nothing is known', () => {
    const visibility = employerVisibility({ status: undefined, latestConsent: undefined, profile: undefined, today: '' })
    expect(reasonsOf(visibility)).toEqual([
      { code: 'status', status: 'ukjent' },
      { code: 'consent', consent: 'none' },
      { code: 'incomplete', missing: allParts },
    ])
  })
})

describe('consentState', () => {
  it('is active with the expiry and scope of the record', () => {
    expect(consentState(consent({ scope: 'counties', scopeCounties: ['46'] }), TODAY)).toEqual({
      kind: 'active',
      expiresOn: '2026-07-10',
      scope: 'counties',
      scopeCounties: ['46'],
    })
  })

  it('tells when a consent will start and when it expired', () => {
    expect(consentState(activeConsent, '2026-01-01')).toEqual({ kind: 'not-yet-valid', givenOn: '2026-01-10' })
    expect(consentState(activeConsent, '2026-07-10')).toEqual({ kind: 'expired', expiredOn: '2026-07-10' })
  })

  it('treats a date that is not in the calendar as malformed', () => {
    expect(consentState(consent({ expiresOn: '2026-13-45' }), TODAY)).toEqual({ kind: 'none' })
  })
})

describe('missingProfileParts', () => {
  it('lists every part, in the order the form asks for them, when there is no profile', () => {
    expect(missingProfileParts(null)).toEqual(['home', 'pitch', 'tasks', 'education', 'hours', 'schedule', 'workArea', 'earliestStart', 'norwegian'])
    expect(missingProfileParts(undefined)).toEqual(missingProfileParts(null))
  })

  it('finds nothing missing in a complete profile', () => {
    expect(missingProfileParts(completeProfile)).toEqual([])
  })

  const pitchOf = (length: number) => 'a'.repeat(length)

  it.each<[string, Partial<ProfileForCompleteness>, ProfilePart[]]>([
    // Pitch: at least MIN_PITCH_LENGTH characters once trimmed.
    ['a pitch one character short', { pitch: pitchOf(MIN_PITCH_LENGTH - 1) }, ['pitch']],
    ['a pitch exactly long enough', { pitch: pitchOf(MIN_PITCH_LENGTH) }, []],
    ['a pitch long enough only with its spaces', { pitch: `   ${pitchOf(MIN_PITCH_LENGTH - 1)}   ` }, ['pitch']],
    ['a pitch of spaces', { pitch: ' '.repeat(60) }, ['pitch']],
    ['a pitch that is null', { pitch: unchecked<string>(null) }, ['pitch']],
    // Tasks: any one of wanted tasks, possible tasks or occupations will do.
    ['only possible tasks', { wantedTasks: [], possibleTasks: ['renhold-kontor'], occupations: [] }, []],
    ['only an occupation', { wantedTasks: [], possibleTasks: [], occupations: ['4321'] }, []],
    // Hours: both given, positive, finite, min ≤ max.
    ['hours min only', { hoursMin: 10, hoursMax: null }, ['hours']],
    ['hours max only', { hoursMin: null, hoursMax: 20 }, ['hours']],
    ['min above max', { hoursMin: 20, hoursMax: 10 }, ['hours']],
    ['min equal to max', { hoursMin: 15, hoursMax: 15 }, []],
    ['zero hours', { hoursMin: 0, hoursMax: 10 }, ['hours']],
    ['negative hours', { hoursMin: -5, hoursMax: 10 }, ['hours']],
    ['hours that are not a number', { hoursMin: Number.NaN, hoursMax: 10 }, ['hours']],
    ['endless hours', { hoursMin: 10, hoursMax: Number.POSITIVE_INFINITY }, ['hours']],
    ['hours as text', { hoursMin: unchecked<number>('10'), hoursMax: unchecked<number>('20') }, ['hours']],
    ['half hours', { hoursMin: 7.5, hoursMax: 12.5 }, []],
    // Schedule: at least one time of day and one day.
    ['neither times nor days', { timesOfDay: [], days: [] }, ['schedule']],
    // Work area: municipalities or counties.
    ['only a county to work in', { workMunicipalities: [], workCounties: ['03'] }, []],
    // Earliest start: an ISO date.
    ['an earliest start written the Norwegian way', { earliestStart: '15.03.2026' }, ['earliestStart']],
    ['an empty earliest start', { earliestStart: '' }, ['earliestStart']],
    ['an earliest start with a time', { earliestStart: '2026-03-15T08:00' }, ['earliestStart']],
    // Norwegian: levels 0, 1 or 2, both of them.
    ['Norwegian at level 0 (a real answer)', { oralNorwegian: 0, writtenNorwegian: 0 }, []],
    ['Norwegian level 3', { oralNorwegian: 3 }, ['norwegian']],
    ['Norwegian level -1', { writtenNorwegian: -1 }, ['norwegian']],
    ['Norwegian level 1.5', { oralNorwegian: 1.5 }, ['norwegian']],
    ['Norwegian level as text', { oralNorwegian: unchecked<number>('2') }, ['norwegian']],
    // Several at once, in form order.
    [
      'everything but the home',
      {
        pitch: '',
        wantedTasks: [],
        educationLevel: null,
        hoursMin: null,
        days: [],
        workMunicipalities: [],
        earliestStart: null,
        writtenNorwegian: null,
      },
      ['pitch', 'tasks', 'education', 'hours', 'schedule', 'workArea', 'earliestStart', 'norwegian'],
    ],
  ])('%s', (_label, overrides, missing) => {
    expect(missingProfileParts(profile(overrides))).toEqual(missing)
  })
})

describe('consentCoversCounty', () => {
  const visibleEverywhere = employerVisibility(input())
  const visibleInTwo = employerVisibility(input({ latestConsent: consent({ scope: 'counties', scopeCounties: ['03', '32'] }) }))
  const hidden = employerVisibility(input({ latestConsent: null }))
  const hiddenWithCounties = employerVisibility(input({ status: 'paused', latestConsent: consent({ scope: 'counties', scopeCounties: ['03'] }) }))

  it.each<[string, Visibility, string, boolean]>([
    ['consent for all, Oslo', visibleEverywhere, '03', true],
    ['consent for all, Vestland', visibleEverywhere, '46', true],
    ['consent for Oslo and Akershus, Oslo', visibleInTwo, '03', true],
    ['consent for Oslo and Akershus, Akershus', visibleInTwo, '32', true],
    ['consent for Oslo and Akershus, Vestland', visibleInTwo, '46', false],
    ['consent for Oslo and Akershus, an empty county', visibleInTwo, '', false],
    ['hidden (no consent), Oslo', hidden, '03', false],
    ['hidden (paused) although the consent names Oslo, Oslo', hiddenWithCounties, '03', false],
  ])('%s → %s', (_label, visibility, county, covered) => {
    expect(consentCoversCounty(visibility, county)).toBe(covered)
  })
})

describe('defaultConsentExpiry', () => {
  it.each([
    ['2026-01-15', '2026-07-15'],
    ['2026-03-01', '2026-09-01'],
    ['2026-07-01', '2027-01-01'],
    ['2026-06-30', '2026-12-30'],
    ['2026-12-31', '2027-06-30'],
    ['2026-03-31', '2026-09-30'],
    ['2026-05-31', '2026-11-30'],
    ['2026-02-28', '2026-08-28'],
    // 31 August: February has 28 days, or 29 in a leap year.
    ['2026-08-31', '2027-02-28'],
    ['2027-08-31', '2028-02-29'],
    ['2023-08-31', '2024-02-29'],
    ['2099-08-31', '2100-02-28'], // 2100 is not a leap year
    ['2099-08-29', '2100-02-28'],
    ['1999-08-31', '2000-02-29'], // 2000 is
    ['2027-08-30', '2028-02-29'],
    ['2027-08-29', '2028-02-29'],
    ['2027-08-28', '2028-02-28'],
    ['2024-02-29', '2024-08-29'],
  ])('consent given %s lasts until %s', (givenOn, expiresOn) => {
    expect(defaultConsentExpiry(givenOn)).toBe(expiresOn)
  })

  it('is valid on the day it is given and expires on the day it returns', () => {
    const givenOn = '2026-08-31'
    const expiresOn = defaultConsentExpiry(givenOn)
    const record = consent({ givenOn, expiresOn })
    expect(consentState(record, givenOn).kind).toBe('active')
    expect(consentState(record, '2027-02-27').kind).toBe('active')
    expect(consentState(record, expiresOn).kind).toBe('expired')
  })
})

describe('hiddenReasonTexts', () => {
  it.each<[HiddenReason, string]>([
    [{ code: 'status', status: 'paused' }, 'kandidaten er satt på pause'],
    [{ code: 'status', status: 'in_work' }, 'kandidaten er i jobb'],
    [{ code: 'status', status: 'ended' }, 'oppfølgingen er avsluttet'],
    [{ code: 'status', status: 'ukjent' }, 'statusen er ukjent'],
    [{ code: 'status', status: 'weird' }, 'statusen er ukjent'],
    [{ code: 'consent', consent: 'none' }, 'det er ikke registrert samtykke'],
    [{ code: 'consent', consent: 'not-yet-valid' }, 'samtykket gjelder fra en senere dato'],
    [{ code: 'consent', consent: 'expired' }, 'samtykket har utløpt'],
    [{ code: 'consent', consent: 'withdrawn' }, 'samtykket er trukket'],
    [{ code: 'incomplete', missing: ['home'] }, 'profilen mangler hvor kandidaten bor (kommune)'],
    [{ code: 'incomplete', missing: ['pitch', 'norwegian'] }, 'profilen mangler en kort presentasjon (minst 40 tegn) og norsk muntlig og skriftlig'],
    [
      { code: 'incomplete', missing: ['education', 'hours', 'earliestStart'] },
      'profilen mangler utdanningsnivå, timer per uke (minst og maks) og når kandidaten kan begynne',
    ],
  ])('%j → «%s»', (reason, text) => {
    expect(hiddenReasonTexts([reason])).toEqual([text])
  })

  it('gives one sentence per reason, in order', () => {
    const visibility = employerVisibility({ status: 'paused', latestConsent: consent({ withdrawnAt: new Date() }), profile: profile({ hoursMax: null }), today: TODAY })
    expect(hiddenReasonTexts(reasonsOf(visibility))).toEqual([
      'kandidaten er satt på pause',
      'samtykket er trukket',
      'profilen mangler timer per uke (minst og maks)',
    ])
  })

  it('reads as a Norwegian sentence when the reasons are joined', () => {
    const texts = hiddenReasonTexts(reasonsOf(employerVisibility(input({ status: 'ended', latestConsent: null }))))
    expect(`Profilen er skjult for arbeidsgivere fordi ${joinNorwegian(texts)}.`).toBe(
      'Profilen er skjult for arbeidsgivere fordi oppfølgingen er avsluttet og det er ikke registrert samtykke.',
    )
  })

  it('names every profile part in plain Norwegian, without codes', () => {
    for (const part of allParts) {
      const [text] = hiddenReasonTexts([{ code: 'incomplete', missing: [part] }])
      expect(text).toMatch(/^profilen mangler [a-zæøå]/)
      expect(text).not.toContain(part)
    }
  })

  it('calls a status named like an object member unknown', () => {
    expect(hiddenReasonTexts([{ code: 'status', status: 'toString' }])).toEqual(['statusen er ukjent'])
  })

  it('gives nothing for no reasons', () => {
    expect(hiddenReasonTexts([])).toEqual([])
  })
})

describe('joinNorwegian', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a og b'],
    [['a', 'b', 'c'], 'a, b og c'],
    [['a', 'b', 'c', 'd'], 'a, b, c og d'],
  ])('%j → «%s»', (items, text) => {
    expect(joinNorwegian(items)).toBe(text)
  })
})

it('shows the municipality from five candidates sharing it', () => {
  expect(MIN_CANDIDATES_SHARING_MUNICIPALITY).toBe(5)
})
