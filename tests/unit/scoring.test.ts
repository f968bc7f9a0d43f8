import { describe, expect, it } from 'vitest'
import type { CandidateForMatching, MatchTask, OpeningForMatching } from '../../matching/match-types'
import {
  rankCandidatesForOpening,
  rankOpeningsForCandidate,
  scoreMatch,
  type ComponentCode,
  type MatchExplanation,
} from '../../matching/scoring'
import {
  CAPACITY_PENALTY_POINTS,
  COMPONENT_WEIGHTS,
  DEMAND_TASK_SHARE,
  LANGUAGE_TASK_SHARE,
  OCCUPATION_MAJOR_CREDIT,
  OCCUPATION_SUB_MAJOR_CREDIT,
  OCCUPATION_TITLE_MISS_VALUE,
  OWN_TASK_OCCUPATION_CREDIT,
  POSSIBLE_TASK_CREDIT,
} from '../../matching/weights'
import { demandDimensions } from '../../prisma-free-sql/reference-data/vocabulary'

// matching/scoring.ts: hard constraints, each soft component on its own, whole rankings, and the texts that explain them.

const fullTolerance = Object.fromEntries(demandDimensions.map((dimension) => [dimension.code, 2]))

function task(name: string, overrides: Partial<MatchTask> = {}): MatchTask {
  return { name, catalogueCode: null, styrk08: null, hoursPerWeek: 4, demands: {}, requirements: [], ...overrides }
}

/** Varemottak (8 h, heavy lifting) is the main task; Varepåfylling (4 h, light lifting) the other. */
const varemottak = task('Varemottak', { catalogueCode: 'varemottak', styrk08: '4321', hoursPerWeek: 8, demands: { lifting: 2, standing: 2 } })
const varepafylling = task('Varepåfylling', { catalogueCode: 'varepafylling', styrk08: '9334', hoursPerWeek: 4, demands: { lifting: 1, standing: 2 } })

function opening(overrides: Partial<OpeningForMatching> = {}): OpeningForMatching {
  const tasks = overrides.tasks ?? [varemottak, varepafylling]
  return {
    id: 'opening-1',
    title: 'Lagermedarbeider',
    openingType: 'ARBEIDSTRENING',
    municipalityNumber: '0301',
    countyNumber: '03',
    hoursMin: 10,
    hoursMax: 12,
    timesOfDay: ['DAG'],
    days: ['UKEDAGER'],
    startDate: '2026-03-01',
    tasks,
    requirements: [...new Set(tasks.flatMap((item) => item.requirements))],
    accommodations: [],
    mentorAvailable: false,
    measures: [],
    languages: [],
    environment: { noise: 0, tempo: 1, teamwork: 1 },
    places: 1,
    workplaceLoad: { active: 0, capacity: 2 },
    ...overrides,
  }
}

function candidate(overrides: Partial<CandidateForMatching> = {}): CandidateForMatching {
  return {
    id: 'cand-1',
    wantedTasks: ['varemottak', 'varepafylling'],
    possibleTasks: [],
    occupations: [],
    experienceText: '',
    certificates: [],
    canObtainPoliceCertificate: null,
    hoursMin: 8,
    hoursMax: 15,
    gradualIncrease: false,
    timesOfDay: ['DAG'],
    days: ['UKEDAGER'],
    area: { municipalities: ['0301'], counties: [] },
    consent: { scope: 'all', counties: [] },
    earliestStart: '2026-03-01',
    tolerances: { ...fullTolerance },
    accommodationNeeds: [],
    oralNorwegian: 2,
    writtenNorwegian: 2,
    measures: [],
    ...overrides,
  }
}

const component = (explanation: MatchExplanation, code: ComponentCode) => {
  const found = explanation.components.find((item) => item.code === code)
  if (!found) throw new Error(`no component ${code}`)
  return found
}

/** The score recomputed from the breakdown, as a reader of the explanation would. */
function scoreFromComponents(explanation: MatchExplanation): number {
  const applicable = explanation.components.filter((item) => item.applicable)
  const total = applicable.reduce((sum, item) => sum + item.weight, 0)
  return Math.round((100 * applicable.reduce((sum, item) => sum + item.weight * item.value, 0)) / total)
}

describe('hard constraints', () => {
  const cases: {
    name: string
    opening?: Partial<OpeningForMatching>
    candidate?: Partial<CandidateForMatching>
    failures: string[]
    text?: string
  }[] = [
    { name: 'everything in order', failures: [] },
    { name: 'region: the municipality is among the chosen', candidate: { area: { municipalities: ['0301'], counties: [] } }, failures: [] },
    { name: 'region: the whole county is chosen', candidate: { area: { municipalities: [], counties: ['03'] } }, failures: [] },
    {
      name: 'region: neither the municipality nor the county',
      candidate: { area: { municipalities: ['3201'], counties: ['32'] } },
      failures: ['region'],
      text: 'Arbeidsstedet ligger utenfor området kandidaten kan jobbe i',
    },
    { name: 'consent: limited to counties that include this one', candidate: { consent: { scope: 'counties', counties: ['03', '32'] } }, failures: [] },
    {
      name: 'consent: limited to other counties',
      candidate: { consent: { scope: 'counties', counties: ['32'] } },
      failures: ['consent'],
      text: 'Kandidatens samtykke gjelder ikke arbeidsgivere i dette fylket',
    },
    {
      name: 'certificates: forklift certificate missing',
      opening: { tasks: [varemottak, task('Truckkjøring', { requirements: ['forkliftLicence'] })] },
      failures: ['certificates'],
      text: 'Krever truckførerbevis',
    },
    {
      name: 'certificates: forklift certificate held',
      opening: { tasks: [varemottak, task('Truckkjøring', { requirements: ['forkliftLicence'] })] },
      candidate: { certificates: ['forkliftLicence'] },
      failures: [],
    },
    {
      name: 'certificates: police certificate the candidate can obtain',
      opening: { tasks: [task('Måltidshjelp', { requirements: ['policeCertificate'] })] },
      candidate: { canObtainPoliceCertificate: true },
      failures: [],
    },
    {
      name: 'certificates: police certificate not yet clarified',
      opening: { tasks: [task('Måltidshjelp', { requirements: ['policeCertificate'] })] },
      candidate: { canObtainPoliceCertificate: null },
      failures: ['certificates'],
      text: 'Krever politiattest, og det er ikke avklart om kandidaten kan få det',
    },
    {
      name: 'certificates: police certificate the candidate cannot present',
      opening: { tasks: [task('Måltidshjelp', { requirements: ['policeCertificate'] })] },
      candidate: { canObtainPoliceCertificate: false, certificates: ['policeCertificate'] },
      failures: ['certificates'],
    },
    {
      name: 'hours: the candidate can work fewer than the minimum',
      candidate: { hoursMin: 4, hoursMax: 8 },
      failures: ['hours'],
      text: 'Krever minst 10 timer i uka; kandidaten kan jobbe opptil 8',
    },
    {
      name: 'hours: the candidate wants more than the maximum',
      candidate: { hoursMin: 20, hoursMax: 30 },
      failures: ['hours'],
      text: 'Gir høyst 12 timer i uka; kandidaten ønsker minst 20',
    },
    { name: 'hours: ranges touching at one end overlap', candidate: { hoursMin: 12, hoursMax: 20 }, failures: [] },
    { name: 'start: exactly 60 days after the opening starts', candidate: { earliestStart: '2026-04-30' }, failures: [] },
    {
      name: 'start: 61 days after the opening starts',
      candidate: { earliestStart: '2026-05-01' },
      failures: ['start'],
      text: 'Kandidaten kan tidligst starte 01.05.2026, mer enn 60 dager etter oppstart 01.03.2026',
    },
    { name: 'start: a malformed date fails closed', candidate: { earliestStart: 'snart' }, failures: ['start'] },
    {
      name: 'several at once',
      candidate: { area: { municipalities: [], counties: ['32'] }, hoursMin: 1, hoursMax: 2 },
      failures: ['region', 'hours'],
    },
  ]

  it.each(cases)('$name', ({ opening: openingOverrides, candidate: candidateOverrides, failures, text }) => {
    const explanation = scoreMatch(opening(openingOverrides), candidate(candidateOverrides))
    expect(explanation.failures.map((failure) => failure.code)).toEqual(failures)
    expect(explanation.passes).toBe(failures.length === 0)
    if (failures.length > 0) {
      expect(explanation.score).toBe(0)
      expect(explanation.whatWouldMakeItFit.length).toBeGreaterThan(0)
      expect(explanation.summary).toEqual(expect.arrayContaining(explanation.failures.map((failure) => failure.text)))
    } else {
      expect(explanation.score).toBeGreaterThan(0)
    }
    if (text) expect(explanation.failures[0]?.text).toBe(text)
  })
})

describe('soft components, one at a time', () => {
  type Case = {
    name: string
    code: ComponentCode
    opening?: Partial<OpeningForMatching>
    candidate?: Partial<CandidateForMatching>
    textRelevance?: number
    applicable?: boolean
    value?: number
    reason?: string
  }
  const cases: Case[] = [
    // Task fit, weighted by hours.
    { name: 'task fit: every task wanted', code: 'taskFit', value: 1, reason: 'Kan utføre 2 av 2 oppgaver, 12 av 12 timer' },
    {
      name: 'task fit: possible tasks count partly',
      code: 'taskFit',
      candidate: { wantedTasks: [], possibleTasks: ['varemottak', 'varepafylling'] },
      value: POSSIBLE_TASK_CREDIT,
      reason: 'Kan også: Varemottak og Varepåfylling',
    },
    {
      name: 'task fit: 3 of 4 tasks, 10 of 12 hours',
      code: 'taskFit',
      opening: {
        tasks: [
          task('Varemottak', { catalogueCode: 'varemottak', hoursPerWeek: 4 }),
          task('Varepåfylling', { catalogueCode: 'varepafylling', hoursPerWeek: 3 }),
          task('Prismerking', { catalogueCode: 'prismerking', hoursPerWeek: 3 }),
          task('Kasse', { catalogueCode: 'kasse', hoursPerWeek: 2 }),
        ],
      },
      candidate: { wantedTasks: ['varemottak', 'varepafylling', 'prismerking'] },
      value: 10 / 12,
      reason: 'Kan utføre 3 av 4 oppgaver, 10 av 12 timer',
    },
    {
      name: 'task fit: an own task matches by its occupation code',
      code: 'taskFit',
      opening: { tasks: [task('Sortere returer', { styrk08: '9334', hoursPerWeek: 6 })] },
      candidate: { wantedTasks: [], occupations: ['9334'] },
      value: OWN_TASK_OCCUPATION_CREDIT,
      reason: 'Kan utføre 1 av 1 oppgave, 6 av 6 timer',
    },
    {
      name: 'task fit: a catalogue task matches by code, not by name',
      code: 'taskFit',
      opening: { tasks: [task('Varemottak', { catalogueCode: 'varemottak', hoursPerWeek: 6 })] },
      candidate: { wantedTasks: ['kasse'] },
      value: 0,
      reason: 'Oppgaven er ikke blant kandidatens oppgaver',
    },
    { name: 'task fit: no tasks, not applicable', code: 'taskFit', opening: { tasks: [] }, applicable: false },
    // Demands, task by task.
    { name: 'demands: nothing beyond the tolerances', code: 'demands', value: 1, reason: 'Ingen oppgaver krever mer enn kandidaten kan arbeide med' },
    {
      name: 'demands: heavy lifting on the 8-hour task',
      code: 'demands',
      candidate: { tolerances: { ...fullTolerance, lifting: 1 } },
      value: DEMAND_TASK_SHARE * (1 - 8 / 12) + (1 - DEMAND_TASK_SHARE),
      reason: 'Varemottak krever tunge løft; kandidaten bør unngå det',
    },
    {
      name: 'demands: two dimensions on one task are named together',
      code: 'demands',
      candidate: { tolerances: { ...fullTolerance, lifting: 1, standing: 1 } },
      value: DEMAND_TASK_SHARE * 0 + (1 - DEMAND_TASK_SHARE),
      reason: 'Varemottak krever tunge løft og mye stående arbeid; kandidaten bør unngå det',
    },
    {
      name: 'demands: a noisy workplace',
      code: 'demands',
      opening: { environment: { noise: 2, tempo: 1, teamwork: 1 } },
      candidate: { tolerances: { ...fullTolerance, noise: 1 } },
      value: DEMAND_TASK_SHARE + (1 - DEMAND_TASK_SHARE) * (2 / 3),
      reason: 'Arbeidsmiljøet har høy støy; kandidaten bør unngå det',
    },
    {
      name: 'demands: without tasks only the environment counts',
      code: 'demands',
      opening: { tasks: [], environment: { noise: 0, tempo: 2, teamwork: 0 } },
      candidate: { tolerances: { ...fullTolerance, tempo: 1 } },
      value: 2 / 3,
    },
    // Accommodation coverage.
    { name: 'accommodation: no needs, not applicable', code: 'accommodation', applicable: false },
    {
      name: 'accommodation: every need offered (mentor through mentorAvailable)',
      code: 'accommodation',
      opening: { accommodations: ['TETT_OPPFOLGING', 'FASTE_RUTINER'], mentorAvailable: true },
      candidate: { accommodationNeeds: ['TETT_OPPFOLGING', 'FASTE_RUTINER', 'MENTOR'] },
      value: 1,
      reason: 'Alle 3 behov for tilrettelegging kan møtes',
    },
    {
      name: 'accommodation: one need not offered',
      code: 'accommodation',
      opening: { accommodations: ['FASTE_RUTINER'] },
      candidate: { accommodationNeeds: ['FASTE_RUTINER', 'TETT_OPPFOLGING'] },
      value: 0.5,
      reason: 'Kan ikke tilby: Tett oppfølging',
    },
    {
      name: 'accommodation: avoiding heavy lifting is met when no task demands it',
      code: 'accommodation',
      opening: { tasks: [varepafylling] },
      candidate: { accommodationNeeds: ['TUNGE_LOFT'] },
      value: 1,
    },
    // Schedule: empty means not stated.
    { name: 'schedule: times and days covered', code: 'schedule', value: 1, reason: 'Kan jobbe når det trengs: dagtid og ukedager' },
    {
      name: 'schedule: evenings not possible',
      code: 'schedule',
      opening: { timesOfDay: ['DAG', 'KVELD'], days: ['UKEDAGER', 'LORDAG'] },
      candidate: { timesOfDay: ['DAG'], days: ['UKEDAGER', 'LORDAG'] },
      value: 0.75,
      reason: 'Kan ikke jobbe kveld',
    },
    { name: 'schedule: nothing stated by the candidate', code: 'schedule', candidate: { timesOfDay: [], days: [] }, applicable: false },
    // Language.
    { name: 'language: nothing demanded, not applicable', code: 'language', applicable: false },
    {
      name: 'language: good spoken Norwegian on one of three tasks',
      code: 'language',
      opening: {
        tasks: [task('Svare telefon', { hoursPerWeek: 4, demands: { oralNorwegian: 2 } }), task('Arkivering', { hoursPerWeek: 8 })],
      },
      candidate: { oralNorwegian: 1 },
      value: (4 * 0.5 + 8) / 12,
      reason: 'Svare telefon krever god muntlig norsk; kandidaten har grunnleggende muntlig norsk',
    },
    {
      name: 'language: only Norwegian spoken and the candidate is still learning',
      code: 'language',
      opening: { languages: ['norsk'] },
      candidate: { oralNorwegian: 0 },
      value: 0,
      reason: 'Arbeidsspråket er norsk; kandidaten lærer fortsatt muntlig norsk',
    },
    {
      name: 'language: tasks and workplace together',
      code: 'language',
      opening: { tasks: [task('Registrering', { hoursPerWeek: 4, demands: { writtenNorwegian: 2 } })], languages: ['norsk', 'engelsk'] },
      candidate: { oralNorwegian: 0, writtenNorwegian: 1 },
      value: LANGUAGE_TASK_SHARE * 0.5 + (1 - LANGUAGE_TASK_SHARE) * 0.5,
    },
    { name: 'language: English workplace', code: 'language', opening: { languages: ['engelsk'] }, candidate: { oralNorwegian: 0 }, value: 1, reason: 'Arbeidsspråket er engelsk' },
    // Occupation wishes.
    { name: 'occupation: no wishes, not applicable', code: 'occupation', applicable: false },
    {
      name: 'occupation: exact on the main task, same sub-major group on the other',
      code: 'occupation',
      candidate: { occupations: ['4321'] },
      value: 8 / 12,
      reason: 'Yrkesønsket passer: Lagermedarbeidere og material-forvaltere',
    },
    { name: 'occupation: same sub-major group counts partly', code: 'occupation', candidate: { occupations: ['9333'] }, value: (4 * OCCUPATION_SUB_MAJOR_CREDIT) / 12 },
    {
      name: 'occupation: sub-major and major group',
      code: 'occupation',
      opening: { tasks: [task('Pakking', { styrk08: '9321', hoursPerWeek: 6 }), task('Lasting', { styrk08: '9612', hoursPerWeek: 6 })] },
      candidate: { occupations: ['9333'] },
      value: (OCCUPATION_SUB_MAJOR_CREDIT + OCCUPATION_MAJOR_CREDIT) / 2,
    },
    { name: 'occupation: unrelated', code: 'occupation', candidate: { occupations: ['2211'] }, value: 0, reason: 'Oppgavene ligger utenfor yrkesønskene' },
    {
      name: 'occupation: no tasks, the title names the occupation',
      code: 'occupation',
      opening: { tasks: [], title: 'Lagermedarbeider i 50 %' },
      candidate: { occupations: ['4321'] },
      value: 1,
    },
    {
      name: 'occupation: no tasks, the title says nothing about it',
      code: 'occupation',
      opening: { tasks: [], title: 'Kafémedarbeider' },
      candidate: { occupations: ['4321'] },
      value: OCCUPATION_TITLE_MISS_VALUE,
    },
    // Experience, case-insensitive.
    { name: 'experience: none written', code: 'experience', value: 0 },
    {
      name: 'experience: the main task in the experience text',
      code: 'experience',
      candidate: { experienceText: 'Jobbet med VAREMOTTAKET på Rema i to år.' },
      value: 8 / 12,
      reason: 'Har erfaring med Varemottak',
    },
    {
      name: 'experience: both tasks',
      code: 'experience',
      candidate: { experienceText: 'Varemottak, og varepåfylling om kveldene' },
      value: 1,
    },
    // Text relevance from the index.
    { name: 'text relevance: not given, not applicable', code: 'textRelevance', applicable: false },
    { name: 'text relevance: given', code: 'textRelevance', textRelevance: 0.7, value: 0.7, reason: 'Tekstlikhet med søket: 70 %' },
    { name: 'text relevance: clamped to 0..1', code: 'textRelevance', textRelevance: 1.7, value: 1 },
    // Hours.
    { name: 'hours: covers the full hours', code: 'hours', value: 1, reason: 'Timetallet passer (10–12 timer i uka)' },
    { name: 'hours: half of the hours', code: 'hours', opening: { hoursMin: 6, hoursMax: 20 }, candidate: { hoursMax: 10 }, value: 0.5, reason: 'Kan jobbe opptil 10 av 20 timer i uka' },
  ]

  it.each(cases)('$name', ({ code, opening: openingOverrides, candidate: candidateOverrides, textRelevance, applicable = true, value, reason }) => {
    const explanation = scoreMatch(opening(openingOverrides), candidate(candidateOverrides), { textRelevance })
    expect(explanation.passes).toBe(true)
    const part = component(explanation, code)
    expect(part.applicable).toBe(applicable)
    expect(part.weight).toBe(COMPONENT_WEIGHTS[code])
    if (value !== undefined) expect(part.value).toBeCloseTo(value, 6)
    if (reason) expect(part.reasons).toContain(reason)
    expect(part.reasons.length).toBeGreaterThan(0)
  })
})

describe('the score', () => {
  it('is the weighted mean of the applicable components, renormalised', () => {
    const explanation = scoreMatch(opening(), candidate({ tolerances: { ...fullTolerance, lifting: 1 }, occupations: ['9334'] }), { textRelevance: 0.4 })
    expect(explanation.score).toBe(scoreFromComponents(explanation))
    const notApplicable = explanation.components.filter((item) => !item.applicable).map((item) => item.code)
    expect(notApplicable).toEqual(['accommodation', 'language'])
  })

  it('is 100 for a candidate who fits in every way', () => {
    const explanation = scoreMatch(
      opening({ accommodations: ['TETT_OPPFOLGING'], languages: ['norsk'] }),
      candidate({ occupations: ['4321', '9334'], experienceText: 'Varemottak og varepåfylling', accommodationNeeds: ['TETT_OPPFOLGING'] }),
      { textRelevance: 1 },
    )
    expect(explanation.score).toBe(100)
    expect(explanation.whatWouldMakeItFit).toEqual([])
  })

  it('stays an integer within 0..100 across many combinations, and 0 exactly when a hard constraint fails', () => {
    let seed = 42
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0
      return seed / 2 ** 32
    }
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T
    const level = () => pick([0, 1, 2])
    for (let index = 0; index < 300; index++) {
      const tasks = [varemottak, varepafylling, task('Kasse', { catalogueCode: 'kasse', hoursPerWeek: 3, demands: { oralNorwegian: 2 } })].slice(0, pick([0, 1, 2, 3]))
      const explanation = scoreMatch(
        opening({
          tasks,
          hoursMin: pick([2, 10, 20]),
          hoursMax: pick([20, 30]),
          languages: pick([[], ['norsk'], ['engelsk', 'norsk']]),
          workplaceLoad: { active: pick([0, 3]), capacity: pick([0, 2]) },
          environment: { noise: level(), tempo: level(), teamwork: level() },
        }),
        candidate({
          id: `cand-${index}`,
          hoursMin: pick([1, 5, 25]),
          hoursMax: pick([5, 25, 40]),
          tolerances: Object.fromEntries(demandDimensions.map((dimension) => [dimension.code, level()])),
          oralNorwegian: level(),
          writtenNorwegian: level(),
          accommodationNeeds: pick([[], ['MENTOR'], ['TETT_OPPFOLGING', 'FLEKSIBEL']]),
          occupations: pick([[], ['4321'], ['1111']]),
          wantedTasks: pick([[], ['kasse'], ['varemottak']]),
        }),
        { textRelevance: random() },
      )
      expect(Number.isInteger(explanation.score)).toBe(true)
      expect(explanation.score).toBeGreaterThanOrEqual(0)
      expect(explanation.score).toBeLessThanOrEqual(100)
      if (!explanation.passes) expect(explanation.score).toBe(0)
      for (const item of explanation.components) {
        expect(item.value).toBeGreaterThanOrEqual(0)
        expect(item.value).toBeLessThanOrEqual(1)
      }
      expect(explanation.summary.length).toBeLessThanOrEqual(4)
    }
  })

  it('is deterministic', () => {
    const args = [opening(), candidate({ tolerances: { ...fullTolerance, lifting: 1 }, accommodationNeeds: ['MENTOR'] }), { textRelevance: 0.3 }] as const
    expect(scoreMatch(...args)).toEqual(scoreMatch(...args))
  })

  it('summarises in 2–4 reasons, what fits first', () => {
    const explanation = scoreMatch(opening(), candidate({ tolerances: { ...fullTolerance, lifting: 1 }, accommodationNeeds: ['TETT_OPPFOLGING'] }))
    expect(explanation.summary.length).toBeGreaterThanOrEqual(2)
    expect(explanation.summary.length).toBeLessThanOrEqual(4)
    expect(explanation.summary[0]).toBe('Kan utføre 2 av 2 oppgaver, 12 av 12 timer')
    expect(explanation.summary).toContain('Varemottak krever tunge løft; kandidaten bør unngå det')
    expect(explanation.summary.indexOf('Varemottak krever tunge løft; kandidaten bør unngå det')).toBeGreaterThan(0)
  })
})

describe('what would make it fit', () => {
  const truck = task('Truckkjøring', { requirements: ['forkliftLicence'] })
  const cases: { name: string; opening?: Partial<OpeningForMatching>; candidate?: Partial<CandidateForMatching>; expected: string[] }[] = [
    {
      name: 'a task demanding heavy lifting',
      candidate: { tolerances: { ...fullTolerance, lifting: 1 } },
      expected: ['Uten oppgaven Varemottak passer det'],
    },
    {
      name: 'two conflicting tasks: without both, or better without the larger',
      opening: { tasks: [varemottak, task('Lasting', { hoursPerWeek: 2, demands: { lifting: 2 } }), varepafylling] },
      candidate: { tolerances: { ...fullTolerance, lifting: 1 } },
      expected: ['Uten oppgavene Varemottak og Lasting passer det', 'Uten oppgaven Varemottak passer det bedre'],
    },
    {
      name: 'a task demanding more Norwegian',
      opening: { tasks: [varepafylling, task('Kasse', { hoursPerWeek: 2, demands: { oralNorwegian: 2 } })] },
      candidate: { oralNorwegian: 1 },
      expected: ['Uten oppgaven Kasse passer det'],
    },
    { name: 'every task conflicts: no task to remove', opening: { tasks: [varemottak] }, candidate: { tolerances: { ...fullTolerance, lifting: 1 } }, expected: [] },
    {
      name: 'a missing certificate, or the task that needs it',
      opening: { tasks: [varemottak, truck] },
      expected: ['Med truckførerbevis passer det', 'Uten oppgaven Truckkjøring passer det'],
    },
    {
      name: 'a missing police certificate',
      opening: { tasks: [task('Måltidshjelp', { requirements: ['policeCertificate'] })] },
      expected: ['Med politiattest passer det'],
    },
    { name: 'more hours than offered', candidate: { hoursMin: 20, hoursMax: 30 }, expected: ['Med flere timer (minst 20) passer det'] },
    { name: 'fewer hours than required', candidate: { hoursMin: 2, hoursMax: 6 }, expected: ['Med færre timer (høyst 6) passer det'] },
    { name: 'a later start', candidate: { earliestStart: '2026-06-01' }, expected: ['Med oppstart 02.04.2026 eller senere passer det'] },
    {
      name: 'consent for another county',
      candidate: { consent: { scope: 'counties', counties: ['32'] } },
      expected: ['Med samtykke som omfatter dette fylket passer det'],
    },
    {
      name: 'two failures together',
      opening: { tasks: [varemottak, truck] },
      candidate: { hoursMin: 20, hoursMax: 30 },
      expected: ['Med truckførerbevis og med flere timer (minst 20) passer det'],
    },
    {
      name: 'an accommodation the workplace could offer',
      candidate: { accommodationNeeds: ['TETT_OPPFOLGING'] },
      expected: ['Kan arbeidsplassen tilby tett oppfølging, passer det bedre'],
    },
  ]
  it.each(cases)('$name', ({ opening: openingOverrides, candidate: candidateOverrides, expected }) => {
    expect(scoreMatch(opening(openingOverrides), candidate(candidateOverrides)).whatWouldMakeItFit).toEqual(expected)
  })
})

describe('rankings', () => {
  const hit = (item: CandidateForMatching, textRelevance = 0.5) => ({ candidate: item, textRelevance })
  const ids = (ranked: { item: { candidate: CandidateForMatching } }[]) => ranked.map((entry) => entry.item.candidate.id)

  it('ranks a candidate who must avoid heavy lifting below an otherwise equal one when the main task is heavy lifting', () => {
    const mustAvoid = candidate({ id: 'avoids-lifting', tolerances: { ...fullTolerance, lifting: 1 } })
    const canLift = candidate({ id: 'can-lift', tolerances: { ...fullTolerance, lifting: 2 } })
    const exposure = new Map([['can-lift', 5]])
    const ranked = rankCandidatesForOpening(opening(), [hit(mustAvoid), hit(canLift)], { exposure })
    expect(ids(ranked)).toEqual(['can-lift', 'avoids-lifting'])
    expect(ranked[0]!.explanation.score).toBeGreaterThan(ranked[1]!.explanation.score)
  })

  it('ranks them equal once the heavy task is removed, and the less exposed one first', () => {
    const mustAvoid = candidate({ id: 'avoids-lifting', tolerances: { ...fullTolerance, lifting: 1 } })
    const canLift = candidate({ id: 'can-lift', tolerances: { ...fullTolerance, lifting: 2 } })
    const withoutHeavyTask = opening({ tasks: [varepafylling], hoursMin: 4, hoursMax: 12 })
    const first = rankCandidatesForOpening(withoutHeavyTask, [hit(canLift), hit(mustAvoid)], { exposure: new Map([['can-lift', 5]]) })
    expect(ids(first)).toEqual(['avoids-lifting', 'can-lift'])
    expect(first[0]!.explanation.score).toBe(first[1]!.explanation.score)
    const flipped = rankCandidatesForOpening(withoutHeavyTask, [hit(canLift), hit(mustAvoid)], { exposure: new Map([['avoids-lifting', 5]]) })
    expect(ids(flipped)).toEqual(['can-lift', 'avoids-lifting'])
  })

  it('ranks a candidate whose accommodation needs are all offered above one whose are not', () => {
    const withOffer = opening({ accommodations: ['TETT_OPPFOLGING', 'FASTE_RUTINER'], mentorAvailable: true })
    const allMet = candidate({ id: 'all-met', accommodationNeeds: ['TETT_OPPFOLGING', 'MENTOR'] })
    const notMet = candidate({ id: 'not-met', accommodationNeeds: ['TETT_OPPFOLGING', 'PERSONLIG_BISTAND'] })
    const ranked = rankCandidatesForOpening(withOffer, [hit(notMet), hit(allMet)], { exposure: new Map([['all-met', 9]]) })
    expect(ids(ranked)).toEqual(['all-met', 'not-met'])
    expect(ranked[0]!.explanation.summary).toContain('Alle 2 behov for tilrettelegging kan møtes')
  })

  it('leaves out candidates who fail a hard constraint', () => {
    const ranked = rankCandidatesForOpening(opening(), [
      hit(candidate({ id: 'in' })),
      hit(candidate({ id: 'elsewhere', area: { municipalities: ['4601'], counties: [] } })),
      hit(candidate({ id: 'no-consent', consent: { scope: 'counties', counties: [] } })),
    ])
    expect(ids(ranked)).toEqual(['in'])
  })

  it('orders by score first, whatever the exposure', () => {
    const strong = candidate({ id: 'strong' })
    const weak = candidate({ id: 'weak', wantedTasks: [], possibleTasks: ['varepafylling'] })
    const ranked = rankCandidatesForOpening(opening(), [hit(weak), hit(strong)], { exposure: new Map([['strong', 100]]) })
    expect(ids(ranked)).toEqual(['strong', 'weak'])
  })

  it('breaks ties by exposure, then by a stable hash that is neither alphabetical nor input order', () => {
    const many = Array.from({ length: 12 }, (_, index) => candidate({ id: `cand-${String(index).padStart(2, '0')}` }))
    const exposure = new Map(many.map((item) => [item.id, item.id === 'cand-05' ? 0 : item.id === 'cand-00' ? 3 : 1]))
    const ranked = ids(rankCandidatesForOpening(opening(), many.map((item) => hit(item)), { exposure }))
    expect(ranked[0]).toBe('cand-05')
    expect(ranked[ranked.length - 1]).toBe('cand-00')
    const middle = ranked.slice(1, -1)
    expect(middle).not.toEqual([...middle].sort())
    // Same order whatever order the index returned them in.
    const reversed = ids(rankCandidatesForOpening(opening(), [...many].reverse().map((item) => hit(item)), { exposure }))
    expect(reversed).toEqual(ranked)
    // Without exposure data all are tied; another opening favours others among equals.
    const forOne = ids(rankCandidatesForOpening(opening({ id: 'opening-1' }), many.map((item) => hit(item))))
    const forOther = ids(rankCandidatesForOpening(opening({ id: 'opening-2' }), many.map((item) => hit(item))))
    expect(forOther).not.toEqual(forOne)
    expect([...forOther].sort()).toEqual([...forOne].sort())
  })

  it('takes capacity penalty points off a workplace at capacity, and says why', () => {
    const free = scoreMatch(opening({ workplaceLoad: { active: 1, capacity: 2 } }), candidate())
    const full = scoreMatch(opening({ workplaceLoad: { active: 2, capacity: 2 } }), candidate())
    const noCapacityStated = scoreMatch(opening({ workplaceLoad: { active: 4, capacity: 0 } }), candidate())
    expect(full.score).toBe(free.score - CAPACITY_PENALTY_POINTS)
    expect(noCapacityStated.score).toBe(free.score)
    expect(full.summary).toContain('Arbeidsplassen har allerede 2 i praksis')
    expect(free.summary).not.toContain('Arbeidsplassen har allerede 1 i praksis')
  })

  it('ranks a workplace at capacity below an otherwise equal one for a candidate', () => {
    const strained = opening({ id: 'strained', workplaceLoad: { active: 3, capacity: 3 } })
    const relaxed = opening({ id: 'relaxed', workplaceLoad: { active: 0, capacity: 3 } })
    const ranked = rankOpeningsForCandidate(candidate(), [strained, relaxed].map((item) => ({ opening: item, textRelevance: 0.5 })), {
      exposure: new Map([['relaxed', 50]]),
    })
    expect(ranked.map((entry) => entry.item.opening.id)).toEqual(['relaxed', 'strained'])
  })

  it('ranks openings by fit and drops those outside the candidate’s area', () => {
    const heavy = opening({ id: 'heavy' })
    const light = opening({ id: 'light', tasks: [varepafylling], hoursMin: 4, hoursMax: 12 })
    const far = opening({ id: 'far', municipalityNumber: '4601', countyNumber: '46' })
    const ranked = rankOpeningsForCandidate(
      candidate({ tolerances: { ...fullTolerance, lifting: 1 } }),
      [heavy, far, light].map((item) => ({ opening: item, textRelevance: 0.5 })),
    )
    expect(ranked.map((entry) => entry.item.opening.id)).toEqual(['light', 'heavy'])
  })

  it('gives the same explanation in a ranking as scoreMatch does', () => {
    const item = candidate({ tolerances: { ...fullTolerance, lifting: 1 }, accommodationNeeds: ['MENTOR'] })
    const ranked = rankCandidatesForOpening(opening(), [hit(item, 0.6)], { today: '2026-02-01' })
    expect(ranked[0]!.explanation).toEqual(scoreMatch(opening(), item, { textRelevance: 0.6, today: '2026-02-01' }))
  })
})
