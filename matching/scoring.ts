/**
 * Scoring and explaining a match between an opening and an anonymised candidate, in both directions.
 * Pure TypeScript, no I/O, no clock (dates come in as ISO strings). Weights and thresholds live in ./weights.ts.
 *
 * Hard constraints (region, consent, certificates, hours overlap, start window) decide whether a match exists at all;
 * they mirror the search backends' filters (search-index/backend.ts). Everything else scores 0..1 per component,
 * and the score is 100 × the weighted mean of the components that apply. Every part gives its reasons in bokmål.
 *
 * Never a component on personal history: the inputs carry no such facts, and none may be added here. Matching is only
 * on what the work demands and what the person wants (DOMAIN.md §4 "No exclusion").
 *
 * Performance: everything that depends only on the opening (task stems, names, dates) is computed once per opening
 * and everything that depends only on the candidate once per candidate, so ranking a pool reuses them. No regular
 * expression is compiled per call.
 */
import { START_WINDOW_DAYS } from '../search-index/backend'
import { occupationName } from '../prisma-free-sql/reference-data/styrk08'
import {
  accommodationGroups,
  dayOptions,
  demandDimensions,
  demandLevelName,
  findCatalogueTask,
  optionName,
  requirementOptions,
  timeOfDayOptions,
} from '../prisma-free-sql/reference-data/vocabulary'
import type { CandidateForMatching, MatchTask, OpeningForMatching } from './match-types'
import * as weights from './weights'
import type { ComponentCode } from './weights'

// Read once into module constants: some module systems (the test runner's, tsx) turn every imported binding into a getter.
const {
  CAPACITY_PENALTY_POINTS,
  COMPONENT_WEIGHTS,
  DEMAND_TASK_SHARE,
  GENERAL_WORDS,
  LANGUAGE_OTHER_LANGUAGE_VALUE,
  LANGUAGE_TASK_SHARE,
  MAX_STEM_LENGTH,
  MIN_WORD_LENGTH,
  OCCUPATION_EXACT_CREDIT,
  OCCUPATION_MAJOR_CREDIT,
  OCCUPATION_SUB_MAJOR_CREDIT,
  OCCUPATION_TITLE_MISS_VALUE,
  OWN_TASK_OCCUPATION_CREDIT,
  POSSIBLE_TASK_CREDIT,
  STEM_SUFFIX_CUT,
  SUMMARY_MAX,
  SUMMARY_MAX_NEGATIVE,
  TEXT_RELEVANCE_GOOD,
  WANTED_TASK_CREDIT,
} = weights

export type { ComponentCode } from './weights'

export type Reason = { code: string; text: string }

export type ComponentScore = {
  code: ComponentCode
  label: string
  /** The configured weight (before renormalisation over the components that apply). */
  weight: number
  /** 0..1 */
  value: number
  applicable: boolean
  reasons: string[]
}

export type ConstraintFailure = { code: 'region' | 'consent' | 'certificates' | 'hours' | 'start'; text: string }

export type MatchExplanation = {
  /** 0–100 integer; 0 when a hard constraint fails. */
  score: number
  /** All hard constraints hold. */
  passes: boolean
  failures: ConstraintFailure[]
  components: ComponentScore[]
  /** The 2–4 most telling reasons, positive first. */
  summary: string[]
  /** The smallest changes that would make it fit (or fit better). */
  whatWouldMakeItFit: string[]
}

export type RankedCandidate<T> = { item: T; explanation: MatchExplanation }

export type ScoreOptions = { textRelevance?: number; today?: string }
export type RankOptions = { exposure?: ReadonlyMap<string, number>; today?: string }

export const COMPONENT_LABELS: Readonly<Record<ComponentCode, string>> = {
  taskFit: 'Oppgaver',
  demands: 'Krav i arbeidet',
  accommodation: 'Tilrettelegging',
  schedule: 'Arbeidstid og oppstart',
  language: 'Norsk og språk',
  occupation: 'Yrkesønsker',
  experience: 'Erfaring',
  textRelevance: 'Tekstlikhet',
  hours: 'Timer i uka',
}

const COMPONENT_ORDER: readonly ComponentCode[] = [
  'taskFit',
  'demands',
  'accommodation',
  'schedule',
  'language',
  'occupation',
  'experience',
  'textRelevance',
  'hours',
]

// ---------------------------------------------------------------------------------------------------------------
// Words and names

const LANGUAGE_DIMENSIONS = new Set(['oralNorwegian', 'writtenNorwegian'])
const ENVIRONMENT_DIMENSIONS = ['noise', 'tempo', 'teamwork'] as const
const NORWEGIAN_LANGUAGE_NAMES = new Set(['norsk', 'bokmål', 'nynorsk'])
const MAX_TOLERANCE = 2
const DAY_MS = 86_400_000
/** Splits text into words; compiled once. */
const WORD_SPLIT = /[^\p{L}\p{N}]+/u

/** How a demand at a level reads in a sentence ("krever tunge løft"); falls back to the vocabulary's words. */
const DEMAND_PHRASES: Readonly<Record<string, readonly [string, string, string]>> = {
  lifting: ['ingen løft', 'lette løft', 'tunge løft'],
  standing: ['lite stående arbeid', 'en del stående arbeid', 'mye stående arbeid'],
  walking: ['lite gåing', 'en del gåing', 'mye gåing'],
  sitting: ['lite sittende arbeid', 'en del sittende arbeid', 'mye sittende arbeid'],
  fineMotor: ['lite finmotorikk', 'en del finmotorikk', 'god finmotorikk'],
  outdoor: ['innendørs arbeid', 'noe utendørsarbeid', 'mest utendørsarbeid'],
  noise: ['lite støy', 'middels støy', 'høy støy'],
  tempo: ['lavt tempo', 'middels tempo', 'høyt tempo'],
  variation: ['rutinepregede oppgaver', 'blandede oppgaver', 'varierte oppgaver'],
  precision: ['lite nøyaktighet', 'middels nøyaktighet', 'høy nøyaktighet'],
  customerContact: ['ingen kundekontakt', 'noe kundekontakt', 'mye kundekontakt'],
  teamwork: ['arbeid alene', 'noe samarbeid', 'mye samarbeid'],
  oralNorwegian: ['ingen muntlig norsk', 'grunnleggende muntlig norsk', 'god muntlig norsk'],
  writtenNorwegian: ['ingen skriftlig norsk', 'grunnleggende skriftlig norsk', 'god skriftlig norsk'],
  numeracy: ['ingen regning', 'grunnleggende regning', 'god regning'],
}

const dimensionNames = new Map(demandDimensions.map((dimension) => [dimension.code, dimension.name]))

function demandPhrase(dimension: string, level: number): string {
  const phrase = DEMAND_PHRASES[dimension]?.[level]
  if (phrase) return phrase
  return `${(dimensionNames.get(dimension) ?? dimension).toLowerCase()}: ${demandLevelName(dimension, level)}`
}

function candidateLanguagePhrase(dimension: 'oralNorwegian' | 'writtenNorwegian', level: number): string {
  const kind = dimension === 'oralNorwegian' ? 'muntlig' : 'skriftlig'
  if (level <= 0) return `kandidaten lærer fortsatt ${kind} norsk`
  return `kandidaten har ${demandLevelName(dimension, Math.min(level, MAX_TOLERANCE))} ${kind} norsk`
}

const accommodationNames = new Map(accommodationGroups.flatMap((group) => group.options.map((option) => [option.code, option.name])))
const requirementName = (code: string) => optionName(requirementOptions, code)
const lowerFirst = (text: string) => (text.length > 0 ? text.charAt(0).toLowerCase() + text.slice(1) : text)
const upperFirst = (text: string) => (text.length > 0 ? text.charAt(0).toUpperCase() + text.slice(1) : text)

/** Lower-cased name of a requirement inside a sentence; keeps capitals after the first letter ("førerkort klasse B"). */
const requirementPhrase = (code: string) => lowerFirst(requirementName(code))

function joinNorwegian(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`
}

function formatNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1).replace('.', ',')
}

function formatRange(min: number, max: number): string {
  return min === max ? formatNumber(min) : `${formatNumber(min)}–${formatNumber(max)}`
}

/** Day number since 1970 of an ISO date (YYYY-MM-DD…); NaN when malformed, which fails closed in comparisons. */
function dayNumber(iso: string): number {
  const year = Number(iso.slice(0, 4))
  const month = Number(iso.slice(5, 7))
  const day = Number(iso.slice(8, 10))
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || iso.charAt(4) !== '-') return Number.NaN
  return Date.UTC(year, month - 1, day) / DAY_MS
}

/** dd.mm.yyyy, as Norwegians write dates. */
function formatDay(dayNo: number): string {
  const date = new Date(dayNo * DAY_MS)
  const dd = String(date.getUTCDate()).padStart(2, '0')
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0')
  return `${dd}.${mm}.${date.getUTCFullYear()}`
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(WORD_SPLIT)
    .filter((word) => word.length >= MIN_WORD_LENGTH && !GENERAL_WORDS.has(word))
}

/** A prefix stem: the word less a typical inflection ending, at least MIN_WORD_LENGTH and at most MAX_STEM_LENGTH letters. */
function stemOf(word: string): string {
  const length = Math.min(word.length, Math.max(MIN_WORD_LENGTH, Math.min(MAX_STEM_LENGTH, word.length - STEM_SUFFIX_CUT)))
  return word.slice(0, length)
}

function stemsOf(text: string): string[] {
  return [...new Set(words(text).map(stemOf))]
}

/** Every prefix a stem could be (MIN_WORD_LENGTH..MAX_STEM_LENGTH letters) of every word, for set look-ups. */
function prefixSet(text: string): Set<string> {
  const prefixes = new Set<string>()
  if (text.length === 0) return prefixes
  for (const word of text.toLowerCase().split(WORD_SPLIT)) {
    if (word.length < MIN_WORD_LENGTH || GENERAL_WORDS.has(word)) continue
    const longest = Math.min(MAX_STEM_LENGTH, word.length)
    for (let length = MIN_WORD_LENGTH; length <= longest; length++) prefixes.add(word.slice(0, length))
  }
  return prefixes
}

const memo = <V>(compute: (key: string) => V) => {
  const cache = new Map<string, V>()
  return (key: string): V => {
    let value = cache.get(key)
    if (value === undefined) {
      value = compute(key)
      cache.set(key, value)
    }
    return value
  }
}

const catalogueTaskName = memo((code: string) => findCatalogueTask(code)?.name ?? '')
const catalogueTaskStyrk = memo((code: string) => findCatalogueTask(code)?.styrk08 ?? '')
const occupationLabel = memo((code: string) => occupationName(code) ?? code)
const occupationStems = memo((code: string) => stemsOf(occupationName(code) ?? ''))
const catalogueTaskStems = memo((code: string) => stemsOf(catalogueTaskName(code)))

/** FNV-1a, 32 bits: a stable hash for tie-breaking that is neither alphabetical nor insertion order. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

// ---------------------------------------------------------------------------------------------------------------
// What is precomputed once per opening and once per candidate

type TaskInfo = {
  task: MatchTask
  name: string
  hours: number
  /** Hours, or 1 each when no task states hours. */
  weight: number
  styrk: string | null
  /** Non-language demands above the lowest level. */
  demands: [string, number][]
  oral: number
  written: number
  experienceStems: string[]
}

type OpeningContext = {
  opening: OpeningForMatching
  tasks: TaskInfo[]
  totalWeight: number
  totalHours: number
  latestStartDay: number
  /** The opening's start, or today when it has already passed. */
  effectiveStartDay: number
  accommodations: Set<string>
  /** The opening has tasks and none of them demands heavy lifting, so "avoid heavy lifting" is met by the work itself. */
  noHeavyLifting: boolean
  titleStems: string[]
  titlePrefixes: Set<string>
  times: ScheduleSlot[]
  days: ScheduleSlot[]
  norwegianSpoken: boolean
  otherLanguage: string | undefined
  atCapacity: boolean
}

type CandidateContext = {
  candidate: CandidateForMatching
  wanted: Set<string>
  possible: Set<string>
  occupations: Set<string>
  certificates: Set<string>
  experiencePrefixes: Set<string>
  earliestDay: number
}

function openingContext(opening: OpeningForMatching, today: string | undefined): OpeningContext {
  const anyHours = opening.tasks.some((task) => task.hoursPerWeek > 0)
  const tasks: TaskInfo[] = opening.tasks.map((task) => {
    const catalogueName = task.catalogueCode ? catalogueTaskName(task.catalogueCode) : ''
    const demands: [string, number][] = []
    for (const [dimension, level] of Object.entries(task.demands)) {
      if (!LANGUAGE_DIMENSIONS.has(dimension) && level > 0) demands.push([dimension, level])
    }
    const hours = Math.max(0, task.hoursPerWeek)
    return {
      task,
      name: task.name || catalogueName || 'Oppgave uten navn',
      hours,
      weight: anyHours ? hours : 1,
      styrk: task.styrk08 || (task.catalogueCode ? catalogueTaskStyrk(task.catalogueCode) || null : null),
      demands,
      oral: task.demands.oralNorwegian ?? 0,
      written: task.demands.writtenNorwegian ?? 0,
      experienceStems: [...new Set([...stemsOf(task.name), ...(task.catalogueCode ? catalogueTaskStems(task.catalogueCode) : [])])],
    }
  })
  const startDay = dayNumber(opening.startDate)
  const todayDay = today ? dayNumber(today) : Number.NaN
  const languages = opening.languages.map((language) => language.trim().toLowerCase()).filter(Boolean)
  return {
    opening,
    tasks,
    totalWeight: tasks.reduce((sum, task) => sum + task.weight, 0),
    totalHours: tasks.reduce((sum, task) => sum + task.hours, 0),
    latestStartDay: startDay + START_WINDOW_DAYS,
    effectiveStartDay: todayDay > startDay ? todayDay : startDay,
    accommodations: new Set(opening.accommodations),
    noHeavyLifting: tasks.length > 0 && tasks.every((task) => (task.task.demands.lifting ?? 0) < 2),
    titleStems: stemsOf(opening.title),
    titlePrefixes: prefixSet(opening.title),
    times: scheduleSlots(opening.timesOfDay, timeOfDayOptions),
    days: scheduleSlots(opening.days, dayOptions),
    norwegianSpoken: languages.some((language) => NORWEGIAN_LANGUAGE_NAMES.has(language)),
    otherLanguage: languages.find((language) => !NORWEGIAN_LANGUAGE_NAMES.has(language)),
    atCapacity: opening.workplaceLoad.capacity > 0 && opening.workplaceLoad.active >= opening.workplaceLoad.capacity,
  }
}

function candidateContext(candidate: CandidateForMatching): CandidateContext {
  return {
    candidate,
    wanted: new Set(candidate.wantedTasks),
    possible: new Set(candidate.possibleTasks),
    occupations: new Set(candidate.occupations),
    certificates: new Set(candidate.certificates),
    experiencePrefixes: prefixSet(candidate.experienceText),
    earliestDay: dayNumber(candidate.earliestStart),
  }
}

function tolerance(candidate: CandidateForMatching, dimension: string): number {
  if (dimension === 'oralNorwegian') return candidate.oralNorwegian
  if (dimension === 'writtenNorwegian') return candidate.writtenNorwegian
  // A dimension the candidate states nothing about is no limit (as search-index/candidate-document.ts fills it).
  return candidate.tolerances[dimension] ?? MAX_TOLERANCE
}

// ---------------------------------------------------------------------------------------------------------------
// Hard constraints

type Failure = ConstraintFailure & { fixes: string[] }

function hardConstraints(oc: OpeningContext, cc: CandidateContext): Failure[] {
  const { opening } = oc
  const { candidate } = cc
  const failures: Failure[] = []

  if (!candidate.area.municipalities.includes(opening.municipalityNumber) && !candidate.area.counties.includes(opening.countyNumber)) {
    failures.push({
      code: 'region',
      text: 'Arbeidsstedet ligger utenfor området kandidaten kan jobbe i',
      fixes: ['med arbeidsstedets kommune i kandidatens arbeidsområde'],
    })
  }

  if (candidate.consent.scope !== 'all' && !candidate.consent.counties.includes(opening.countyNumber)) {
    failures.push({
      code: 'consent',
      text: 'Kandidatens samtykke gjelder ikke arbeidsgivere i dette fylket',
      fixes: ['med samtykke som omfatter dette fylket'],
    })
  }

  const missing = opening.requirements.filter((code) =>
    code === 'policeCertificate' ? candidate.canObtainPoliceCertificate !== true : !cc.certificates.has(code),
  )
  if (missing.length > 0) {
    const parts = missing.map((code) =>
      code === 'policeCertificate'
        ? candidate.canObtainPoliceCertificate === false
          ? 'politiattest, som kandidaten ikke kan legge fram'
          : 'politiattest, og det er ikke avklart om kandidaten kan få det'
        : requirementPhrase(code),
    )
    const fixes = [`med ${joinNorwegian(missing.map(requirementPhrase))}`]
    // Removing the tasks that need the missing certificates also works, if some tasks are left and no other requirement remains.
    const needing = oc.tasks.filter((task) => task.task.requirements.some((code) => missing.includes(code)))
    const coveredByTasks = missing.every((code) => needing.some((task) => task.task.requirements.includes(code)))
    if (needing.length > 0 && needing.length < oc.tasks.length && coveredByTasks) fixes.push(withoutTasks(needing.map((task) => task.name)))
    failures.push({ code: 'certificates', text: `Krever ${joinNorwegian(parts)}`, fixes })
  }

  if (candidate.hoursMax < opening.hoursMin) {
    failures.push({
      code: 'hours',
      text: `Krever minst ${formatNumber(opening.hoursMin)} timer i uka; kandidaten kan jobbe opptil ${formatNumber(candidate.hoursMax)}`,
      fixes: [`med færre timer (høyst ${formatNumber(candidate.hoursMax)})`],
    })
  } else if (candidate.hoursMin > opening.hoursMax) {
    failures.push({
      code: 'hours',
      text: `Gir høyst ${formatNumber(opening.hoursMax)} timer i uka; kandidaten ønsker minst ${formatNumber(candidate.hoursMin)}`,
      fixes: [`med flere timer (minst ${formatNumber(candidate.hoursMin)})`],
    })
  }

  if (!(cc.earliestDay <= oc.latestStartDay)) {
    const known = Number.isFinite(cc.earliestDay) && Number.isFinite(oc.latestStartDay)
    failures.push({
      code: 'start',
      text: known
        ? `Kandidaten kan tidligst starte ${formatDay(cc.earliestDay)}, mer enn ${START_WINDOW_DAYS} dager etter oppstart ${formatDay(oc.latestStartDay - START_WINDOW_DAYS)}`
        : 'Oppstartsdatoen mangler eller er ugyldig',
      fixes: known ? [`med oppstart ${formatDay(cc.earliestDay - START_WINDOW_DAYS)} eller senere`] : ['med gyldige oppstartsdatoer'],
    })
  }
  return failures
}

function withoutTasks(names: readonly string[]): string {
  return names.length === 1 ? `uten oppgaven ${names[0]}` : `uten oppgavene ${joinNorwegian(names)}`
}

// ---------------------------------------------------------------------------------------------------------------
// Soft components

/** tone: +1 tells what fits, -1 what does not, 0 is information only (never in the summary). */
type Note = { text: string; tone: -1 | 0 | 1 }
type Part = { applicable: boolean; value: number; notes: Note[] }

const notApplicable = (text: string): Part => ({ applicable: false, value: 0, notes: [{ text, tone: 0 }] })

function taskFit(oc: OpeningContext, cc: CandidateContext): Part {
  if (oc.tasks.length === 0) return notApplicable('Utlysningen har ingen oppgaver; yrke og tittel brukes i stedet')
  let credit = 0
  let matchedHours = 0
  let matchedCount = 0
  const wanted: string[] = []
  const possible: string[] = []
  const byOccupation: string[] = []
  const other: string[] = []
  for (const task of oc.tasks) {
    let taskCredit = 0
    const code = task.task.catalogueCode
    if (code) {
      if (cc.wanted.has(code)) {
        taskCredit = WANTED_TASK_CREDIT
        wanted.push(task.name)
      } else if (cc.possible.has(code)) {
        taskCredit = POSSIBLE_TASK_CREDIT
        possible.push(task.name)
      }
    } else if (task.styrk && cc.occupations.has(task.styrk)) {
      taskCredit = OWN_TASK_OCCUPATION_CREDIT
      byOccupation.push(task.name)
    }
    if (taskCredit > 0) {
      credit += taskCredit * task.weight
      matchedHours += task.hours
      matchedCount++
    } else {
      other.push(task.name)
    }
  }
  const count = oc.tasks.length
  const hoursPart = oc.totalHours > 0 ? `, ${formatNumber(matchedHours)} av ${formatNumber(oc.totalHours)} timer` : ''
  const notes: Note[] = []
  if (matchedCount > 0) notes.push({ text: `Kan utføre ${matchedCount} av ${count} ${count === 1 ? 'oppgave' : 'oppgaver'}${hoursPart}`, tone: 1 })
  else notes.push({ text: count === 1 ? 'Oppgaven er ikke blant kandidatens oppgaver' : `Ingen av de ${count} oppgavene er blant kandidatens oppgaver`, tone: -1 })
  if (wanted.length > 0) notes.push({ text: `Ønsker: ${joinNorwegian(wanted)}`, tone: 1 })
  if (possible.length > 0) notes.push({ text: `Kan også: ${joinNorwegian(possible)}`, tone: 1 })
  if (byOccupation.length > 0) notes.push({ text: `Passer med yrkesønsket: ${joinNorwegian(byOccupation)}`, tone: 1 })
  if (matchedCount > 0 && other.length > 0) notes.push({ text: `Ikke i profilen: ${joinNorwegian(other)}`, tone: -1 })
  return { applicable: true, value: oc.totalWeight > 0 ? credit / oc.totalWeight : 0, notes }
}

/** Non-language demands of the task that exceed what the candidate can work with. */
function exceededDemands(task: TaskInfo, candidate: CandidateForMatching): [string, number][] {
  let exceeded: [string, number][] | undefined
  for (const entry of task.demands) {
    if (entry[1] > tolerance(candidate, entry[0])) (exceeded ??= []).push(entry)
  }
  return exceeded ?? []
}

function demands(oc: OpeningContext, cc: CandidateContext): Part {
  const { candidate } = cc
  const notes: Note[] = []
  let conflictWeight = 0
  for (const task of oc.tasks) {
    const exceeded = exceededDemands(task, candidate)
    if (exceeded.length === 0) continue
    conflictWeight += task.weight
    notes.push({
      text: `${task.name} krever ${joinNorwegian(exceeded.map(([dimension, level]) => demandPhrase(dimension, level)))}; kandidaten bør unngå det`,
      tone: -1,
    })
  }
  const environmentConflicts: string[] = []
  for (const dimension of ENVIRONMENT_DIMENSIONS) {
    const level = oc.opening.environment[dimension]
    if (level > tolerance(candidate, dimension)) environmentConflicts.push(demandPhrase(dimension, level))
  }
  if (environmentConflicts.length > 0) {
    notes.push({ text: `Arbeidsmiljøet har ${joinNorwegian(environmentConflicts)}; kandidaten bør unngå det`, tone: -1 })
  }
  const environmentValue = 1 - environmentConflicts.length / ENVIRONMENT_DIMENSIONS.length
  const hasTasks = oc.tasks.length > 0 && oc.totalWeight > 0
  const taskValue = hasTasks ? 1 - conflictWeight / oc.totalWeight : 1
  const value = hasTasks ? DEMAND_TASK_SHARE * taskValue + (1 - DEMAND_TASK_SHARE) * environmentValue : environmentValue
  if (notes.length === 0) {
    notes.push({ text: hasTasks ? 'Ingen oppgaver krever mer enn kandidaten kan arbeide med' : 'Arbeidsmiljøet passer kandidaten', tone: 1 })
  }
  return { applicable: true, value, notes }
}

function accommodation(oc: OpeningContext, cc: CandidateContext): Part {
  const needs = cc.candidate.accommodationNeeds
  if (needs.length === 0) return notApplicable('Ingen behov for tilrettelegging oppgitt')
  const unmet: string[] = []
  let met = 0
  for (const need of needs) {
    const offered =
      oc.accommodations.has(need) || (need === 'MENTOR' && oc.opening.mentorAvailable) || (need === 'TUNGE_LOFT' && oc.noHeavyLifting)
    if (offered) met++
    else unmet.push(accommodationNames.get(need) ?? need)
  }
  const notes: Note[] = []
  if (unmet.length === 0) {
    notes.push({ text: needs.length === 1 ? 'Behovet for tilrettelegging kan møtes' : `Alle ${needs.length} behov for tilrettelegging kan møtes`, tone: 1 })
  } else {
    if (met > 0) notes.push({ text: `${met} av ${needs.length} behov for tilrettelegging kan møtes`, tone: 1 })
    notes.push({ text: `Kan ikke tilby: ${joinNorwegian(unmet)}`, tone: -1 })
  }
  return { applicable: true, value: met / needs.length, notes }
}

type ScheduleSlot = { code: string; name: string }

function scheduleSlots(codes: readonly string[], names: typeof timeOfDayOptions): ScheduleSlot[] {
  return codes.map((code) => ({ code, name: lowerFirst(optionName(names, code)) }))
}

function schedule(oc: OpeningContext, cc: CandidateContext): Part {
  const { candidate } = cc
  const covered: string[] = []
  const missing: string[] = []
  let parts = 0
  let sum = 0
  for (const [slots, available] of [
    [oc.times, candidate.timesOfDay],
    [oc.days, candidate.days],
  ] as const) {
    // Empty on either side means not stated: neither helps nor hurts.
    if (slots.length === 0 || available.length === 0) continue
    let hits = 0
    for (const slot of slots) {
      if (available.includes(slot.code)) {
        hits++
        covered.push(slot.name)
      } else {
        missing.push(slot.name)
      }
    }
    parts++
    sum += hits / slots.length
  }
  const notes: Note[] = []
  if (parts > 0) {
    if (missing.length === 0) notes.push({ text: `Kan jobbe når det trengs: ${joinNorwegian(covered)}`, tone: 1 })
    else notes.push({ text: `Kan ikke jobbe ${joinNorwegian(missing)}`, tone: -1 })
  }
  // Start timing, for information: the window itself is a hard constraint.
  if (Number.isFinite(cc.earliestDay) && Number.isFinite(oc.effectiveStartDay)) {
    const late = cc.earliestDay - oc.effectiveStartDay
    notes.push({ text: late <= 0 ? 'Kan starte ved oppstart' : `Kan starte ${formatDay(cc.earliestDay)}, ${late} dager etter oppstart`, tone: 0 })
  }
  if (parts === 0) return { applicable: false, value: 0, notes: [{ text: 'Tidspunkt er ikke oppgitt', tone: 0 }, ...notes] }
  return { applicable: true, value: sum / parts, notes }
}

function language(oc: OpeningContext, cc: CandidateContext): Part {
  const { candidate } = cc
  const notes: Note[] = []
  let taskValue: number | undefined
  if (oc.tasks.some((task) => task.oral > 0 || task.written > 0) && oc.totalWeight > 0) {
    let sum = 0
    for (const task of oc.tasks) {
      const oralFit = task.oral > 0 ? Math.min(1, candidate.oralNorwegian / task.oral) : 1
      const writtenFit = task.written > 0 ? Math.min(1, candidate.writtenNorwegian / task.written) : 1
      sum += task.weight * Math.min(oralFit, writtenFit)
      const shortfalls: string[] = []
      if (task.oral > candidate.oralNorwegian) shortfalls.push(demandPhrase('oralNorwegian', task.oral))
      if (task.written > candidate.writtenNorwegian) shortfalls.push(demandPhrase('writtenNorwegian', task.written))
      if (shortfalls.length > 0) {
        const has: string[] = []
        if (task.oral > candidate.oralNorwegian) has.push(candidateLanguagePhrase('oralNorwegian', candidate.oralNorwegian))
        if (task.written > candidate.writtenNorwegian) has.push(candidateLanguagePhrase('writtenNorwegian', candidate.writtenNorwegian))
        notes.push({ text: `${task.name} krever ${joinNorwegian(shortfalls)}; ${has.join('; ')}`, tone: -1 })
      }
    }
    taskValue = sum / oc.totalWeight
    if (taskValue >= 1) notes.push({ text: 'Norsknivået passer oppgavene', tone: 1 })
  }
  let workplaceValue: number | undefined
  if (oc.norwegianSpoken || oc.otherLanguage) {
    if (!oc.norwegianSpoken) {
      workplaceValue = 1
      if (candidate.oralNorwegian < 2) notes.push({ text: `Arbeidsspråket er ${oc.otherLanguage}`, tone: 1 })
    } else if (candidate.oralNorwegian >= 1) {
      workplaceValue = 1
    } else if (oc.otherLanguage) {
      workplaceValue = LANGUAGE_OTHER_LANGUAGE_VALUE
      notes.push({ text: `Arbeidsplassen bruker også ${oc.otherLanguage}`, tone: 0 })
    } else {
      workplaceValue = 0
      notes.push({ text: `Arbeidsspråket er norsk; ${candidateLanguagePhrase('oralNorwegian', candidate.oralNorwegian)}`, tone: -1 })
    }
  }
  if (taskValue === undefined && workplaceValue === undefined) return notApplicable('Ingen krav til norsk oppgitt')
  const value =
    taskValue !== undefined && workplaceValue !== undefined
      ? LANGUAGE_TASK_SHARE * taskValue + (1 - LANGUAGE_TASK_SHARE) * workplaceValue
      : (taskValue ?? workplaceValue ?? 0)
  if (notes.length === 0) notes.push({ text: 'Norsknivået passer arbeidsplassen', tone: 1 })
  return { applicable: true, value, notes }
}

function occupationCredit(styrk: string, occupations: readonly string[]): number {
  let best = 0
  for (const code of occupations) {
    if (code === styrk) return OCCUPATION_EXACT_CREDIT
    if (code.slice(0, 2) === styrk.slice(0, 2)) best = Math.max(best, OCCUPATION_SUB_MAJOR_CREDIT)
    else if (code.charAt(0) === styrk.charAt(0)) best = Math.max(best, OCCUPATION_MAJOR_CREDIT)
  }
  return best
}

function occupation(oc: OpeningContext, cc: CandidateContext): Part {
  const occupations = cc.candidate.occupations
  if (occupations.length === 0) return notApplicable('Ingen yrkesønsker oppgitt')
  const withStyrk = oc.tasks.filter((task) => task.styrk)
  const weight = withStyrk.reduce((sum, task) => sum + task.weight, 0)
  if (withStyrk.length > 0 && weight > 0) {
    let sum = 0
    const exact = new Set<string>()
    const related: string[] = []
    for (const task of withStyrk) {
      const credit = occupationCredit(task.styrk as string, occupations)
      sum += credit * task.weight
      if (credit >= OCCUPATION_EXACT_CREDIT) exact.add(occupationLabel(task.styrk as string))
      else if (credit > 0) related.push(task.name)
    }
    const notes: Note[] = []
    if (exact.size > 0) notes.push({ text: `Yrkesønsket passer: ${joinNorwegian([...exact])}`, tone: 1 })
    if (related.length > 0) notes.push({ text: `Beslektet med yrkesønskene: ${joinNorwegian(related)}`, tone: 1 })
    if (notes.length === 0) notes.push({ text: 'Oppgavene ligger utenfor yrkesønskene', tone: -1 })
    return { applicable: true, value: sum / weight, notes }
  }
  // An opening without tasks (or without occupation codes): fall back to the title.
  if (oc.titleStems.length === 0) return notApplicable('Utlysningen sier ikke noe om yrke')
  const matched = occupations.filter((code) => occupationStems(code).some((stem) => oc.titlePrefixes.has(stem)))
  const viaTasks = [...cc.candidate.wantedTasks, ...cc.candidate.possibleTasks].some((code) =>
    catalogueTaskStems(code).some((stem) => oc.titlePrefixes.has(stem)),
  )
  if (matched.length > 0) {
    return { applicable: true, value: 1, notes: [{ text: `Tittelen passer med yrkesønsket: ${joinNorwegian(matched.map(occupationLabel))}`, tone: 1 }] }
  }
  if (viaTasks) return { applicable: true, value: 1, notes: [{ text: 'Tittelen passer med oppgavene kandidaten ønsker', tone: 1 }] }
  return { applicable: true, value: OCCUPATION_TITLE_MISS_VALUE, notes: [{ text: 'Tittelen nevner ikke kandidatens yrkesønsker', tone: 0 }] }
}

function experience(oc: OpeningContext, cc: CandidateContext): Part {
  // Always applicable when there is something to compare, so writing about experience can only help, never hurt.
  if (oc.tasks.length > 0 && oc.totalWeight > 0) {
    let matchedWeight = 0
    const matched: string[] = []
    for (const task of oc.tasks) {
      if (task.experienceStems.some((stem) => cc.experiencePrefixes.has(stem))) {
        matchedWeight += task.weight
        matched.push(task.name)
      }
    }
    if (matched.length === 0) return { applicable: true, value: 0, notes: [{ text: 'Erfaring med oppgavene er ikke nevnt', tone: 0 }] }
    return { applicable: true, value: matchedWeight / oc.totalWeight, notes: [{ text: `Har erfaring med ${joinNorwegian(matched)}`, tone: 1 }] }
  }
  if (oc.titleStems.length === 0) return notApplicable('Ingenting å sammenligne erfaringen med')
  const hit = oc.titleStems.some((stem) => cc.experiencePrefixes.has(stem))
  return hit
    ? { applicable: true, value: 1, notes: [{ text: 'Har erfaring med det tittelen beskriver', tone: 1 }] }
    : { applicable: true, value: 0, notes: [{ text: 'Erfaring med arbeidet er ikke nevnt', tone: 0 }] }
}

function textRelevance(relevance: number | undefined): Part {
  if (relevance === undefined || !Number.isFinite(relevance)) return notApplicable('Ingen tekstsøk')
  const value = Math.min(1, Math.max(0, relevance))
  return {
    applicable: true,
    value,
    notes: [{ text: `Tekstlikhet med søket: ${Math.round(value * 100)} %`, tone: value >= TEXT_RELEVANCE_GOOD ? 1 : 0 }],
  }
}

function hours(oc: OpeningContext, cc: CandidateContext): Part {
  const { opening } = oc
  const { candidate } = cc
  const target = opening.hoursMax
  if (!(target > 0)) return notApplicable('Timetallet er ikke oppgitt')
  const reachable = Math.min(candidate.hoursMax, target)
  const value = Math.max(0, reachable / target)
  const note: Note =
    value >= 1
      ? { text: `Timetallet passer (${formatRange(opening.hoursMin, opening.hoursMax)} timer i uka)`, tone: 1 }
      : { text: `Kan jobbe opptil ${formatNumber(reachable)} av ${formatNumber(target)} timer i uka`, tone: -1 }
  const notes = [note]
  if (candidate.gradualIncrease) notes.push({ text: 'Ønsker å øke timetallet gradvis', tone: 0 })
  return { applicable: true, value, notes }
}

// ---------------------------------------------------------------------------------------------------------------
// Putting it together

function capacityNote(oc: OpeningContext): string {
  return `Arbeidsplassen har allerede ${oc.opening.workplaceLoad.active} i praksis`
}

/** The changes that would make a passing match fit better: remove conflicting tasks, offer what is missing. */
function improvements(oc: OpeningContext, cc: CandidateContext): string[] {
  const { candidate } = cc
  const suggestions: string[] = []
  // Tasks the candidate cannot do as they are (demands, including Norwegian, beyond the candidate's levels), most hours first.
  const conflicting = oc.tasks
    .filter((task) => exceededDemands(task, candidate).length > 0 || task.oral > candidate.oralNorwegian || task.written > candidate.writtenNorwegian)
    .sort((a, b) => b.weight - a.weight)
  if (conflicting.length > 0 && conflicting.length < oc.tasks.length) {
    suggestions.push(`${upperFirst(withoutTasks(conflicting.map((task) => task.name)))} passer det`)
  }
  // With several conflicting tasks, the one with the most hours lifts the score most on its own.
  if (conflicting.length > 1) suggestions.push(`${upperFirst(withoutTasks([conflicting[0]!.name]))} passer det bedre`)
  const unmet = candidate.accommodationNeeds.filter(
    (need) => !(oc.accommodations.has(need) || (need === 'MENTOR' && oc.opening.mentorAvailable) || (need === 'TUNGE_LOFT' && oc.noHeavyLifting)),
  )
  if (unmet.length > 0) {
    suggestions.push(`Kan arbeidsplassen tilby ${joinNorwegian(unmet.map((need) => lowerFirst(accommodationNames.get(need) ?? need)))}, passer det bedre`)
  }
  return suggestions
}

function fixesForFailures(failures: readonly Failure[]): string[] {
  if (failures.length === 1) return failures[0]!.fixes.map((fix) => `${upperFirst(fix)} passer det`)
  const firsts = failures.map((failure) => failure.fixes[0]).filter((fix): fix is string => fix !== undefined)
  return firsts.length > 0 ? [`${upperFirst(joinNorwegian(firsts))} passer det`] : []
}

type Scored = { code: ComponentCode; part: Part; weight: number }

function summarise(scored: readonly Scored[], oc: OpeningContext): string[] {
  const positives: { text: string; strength: number }[] = []
  const negatives: { text: string; strength: number }[] = []
  for (const { part, weight } of scored) {
    if (!part.applicable) continue
    const positive = part.notes.find((note) => note.tone === 1)
    const negative = part.notes.find((note) => note.tone === -1)
    if (positive) positives.push({ text: positive.text, strength: weight * part.value })
    if (negative) negatives.push({ text: negative.text, strength: weight * (1 - part.value) })
  }
  if (oc.atCapacity) negatives.push({ text: capacityNote(oc), strength: Number.POSITIVE_INFINITY })
  // Stable sorts: equal strengths keep component order.
  positives.sort((a, b) => b.strength - a.strength)
  negatives.sort((a, b) => b.strength - a.strength)
  const takeNegative = Math.min(SUMMARY_MAX_NEGATIVE, negatives.length)
  const takePositive = Math.min(positives.length, SUMMARY_MAX - takeNegative)
  return [...positives.slice(0, takePositive), ...negatives.slice(0, takeNegative)].map((item) => item.text)
}

function explain(oc: OpeningContext, cc: CandidateContext, relevance: number | undefined, stopOnFailure: boolean): MatchExplanation | undefined {
  const failures = hardConstraints(oc, cc)
  if (failures.length > 0 && stopOnFailure) return undefined

  const parts: Record<ComponentCode, Part> = {
    taskFit: taskFit(oc, cc),
    demands: demands(oc, cc),
    accommodation: accommodation(oc, cc),
    schedule: schedule(oc, cc),
    language: language(oc, cc),
    occupation: occupation(oc, cc),
    experience: experience(oc, cc),
    textRelevance: textRelevance(relevance),
    hours: hours(oc, cc),
  }
  const scored: Scored[] = COMPONENT_ORDER.map((code) => ({ code, part: parts[code], weight: COMPONENT_WEIGHTS[code] }))
  let weighted = 0
  let totalWeight = 0
  for (const { part, weight } of scored) {
    if (!part.applicable) continue
    weighted += weight * Math.min(1, Math.max(0, part.value))
    totalWeight += weight
  }
  const components: ComponentScore[] = scored.map(({ code, part, weight }) => ({
    code,
    label: COMPONENT_LABELS[code],
    weight,
    value: part.applicable ? Math.min(1, Math.max(0, part.value)) : 0,
    applicable: part.applicable,
    reasons: part.notes.map((note) => note.text),
  }))

  if (failures.length > 0) {
    const positive = scored.flatMap(({ part }) => (part.applicable ? part.notes.filter((note) => note.tone === 1) : []))[0]
    const summary = failures.slice(0, SUMMARY_MAX).map((failure) => failure.text)
    if (summary.length < 2 && positive) summary.unshift(positive.text)
    return {
      score: 0,
      passes: false,
      failures: failures.map(({ code, text }) => ({ code, text })),
      components,
      summary,
      whatWouldMakeItFit: fixesForFailures(failures),
    }
  }

  const raw = totalWeight > 0 ? (100 * weighted) / totalWeight : 0
  const penalty = oc.atCapacity ? CAPACITY_PENALTY_POINTS : 0
  const score = Math.min(100, Math.max(0, Math.round(raw) - penalty))
  return {
    score,
    passes: true,
    failures: [],
    components,
    summary: summarise(scored, oc),
    whatWouldMakeItFit: improvements(oc, cc),
  }
}

/** Scores one opening against one candidate, with every reason. */
export function scoreMatch(opening: OpeningForMatching, candidate: CandidateForMatching, options: ScoreOptions = {}): MatchExplanation {
  return explain(openingContext(opening, options.today), candidateContext(candidate), options.textRelevance, false) as MatchExplanation
}

type Keyed<T> = RankedCandidate<T> & { exposure: number; tie: number; id: string }

function byScoreThenExposure<T>(a: Keyed<T>, b: Keyed<T>): number {
  return (
    b.explanation.score - a.explanation.score ||
    a.exposure - b.exposure ||
    a.tie - b.tie ||
    // Only on a hash collision: keeps the order deterministic.
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

function strip<T>(ranked: Keyed<T>[]): RankedCandidate<T>[] {
  return ranked.map(({ item, explanation }) => ({ item, explanation }))
}

/**
 * Candidates for an opening, best first; those failing a hard constraint are left out. Equal scores go first to the
 * candidate shown least (options.exposure by candidate id), then by a hash of opening and candidate id, so that the
 * same few do not always win and different openings favour different candidates among equals.
 */
export function rankCandidatesForOpening<T extends { candidate: CandidateForMatching; textRelevance: number }>(
  opening: OpeningForMatching,
  hits: T[],
  options: RankOptions = {},
): RankedCandidate<T>[] {
  const oc = openingContext(opening, options.today)
  const ranked: Keyed<T>[] = []
  for (const hit of hits) {
    const explanation = explain(oc, candidateContext(hit.candidate), hit.textRelevance, true)
    if (!explanation) continue
    const id = hit.candidate.id
    ranked.push({ item: hit, explanation, id, exposure: options.exposure?.get(id) ?? 0, tie: stableHash(`${opening.id}\u0000${id}`) })
  }
  return strip(ranked.sort(byScoreThenExposure))
}

/**
 * Openings for a candidate, best first; those failing a hard constraint are left out. Strained workplaces score lower
 * (CAPACITY_PENALTY_POINTS). Equal scores go first to the opening shown least (options.exposure by opening id), then by
 * a hash of candidate and opening id, which spreads proposals across employers.
 */
export function rankOpeningsForCandidate<T extends { opening: OpeningForMatching; textRelevance: number }>(
  candidate: CandidateForMatching,
  hits: T[],
  options: RankOptions = {},
): RankedCandidate<T>[] {
  const cc = candidateContext(candidate)
  const ranked: Keyed<T>[] = []
  for (const hit of hits) {
    const explanation = explain(openingContext(hit.opening, options.today), cc, hit.textRelevance, true)
    if (!explanation) continue
    const id = hit.opening.id
    ranked.push({ item: hit, explanation, id, exposure: options.exposure?.get(id) ?? 0, tie: stableHash(`${candidate.id}\u0000${id}`) })
  }
  return strip(ranked.sort(byScoreThenExposure))
}
