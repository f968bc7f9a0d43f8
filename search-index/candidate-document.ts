/**
 * The anonymised candidate document: the one place that decides what employers and the
 * search index may know about a candidate. It is built from the profile alone; the
 * identity (name, national ID number, phone, e-mail) is never an input, so it cannot leak
 * into the output. Pure, no I/O.
 */
import type { CandidateForMatching } from '../matching/match-types'
import { MIN_CANDIDATES_SHARING_MUNICIPALITY } from '../matching/visibility'
import {
  accommodationGroups,
  demandDimensions,
  findCatalogueTask,
  measureOptions,
  optionName,
  requirementOptions,
  type Option,
} from '../prisma-free-sql/reference-data/vocabulary'
import { occupationName } from '../prisma-free-sql/reference-data/styrk08'

export type CandidateProfile = {
  homeMunicipalityNumber: string | null
  pitch: string
  wantedTasks: string[]
  possibleTasks: string[]
  occupations: string[]
  workExperience: string
  informalCompetence: string
  educationLevel: string | null
  certificates: string[]
  canObtainPoliceCertificate: boolean | null
  hoursMin: number | null
  hoursMax: number | null
  gradualIncrease: boolean
  timesOfDay: string[]
  days: string[]
  workMunicipalities: string[]
  workCounties: string[]
  earliestStart: string | null
  demandTolerances: Record<string, number>
  accommodationNeeds: string[]
  oralNorwegian: number | null
  writtenNorwegian: number | null
  measures: string[]
}

export type Geography = {
  municipalities: ReadonlyMap<string, { name: string; countyNumber: string }>
  counties: ReadonlyMap<string, string>
}

export type AnonymisedCandidate = {
  id: string
  /** A short, stable label employers can refer to; derived from the id, not from the person. */
  label: string
  /** Municipality only when enough visible candidates live there; otherwise the county. */
  location: { level: 'municipality' | 'county'; name: string; countyNumber: string; countyName: string }
  pitch: string
  wantedTasks: Option[]
  possibleTasks: Option[]
  occupations: Option[]
  workExperience: string
  informalCompetence: string
  educationLevel: Option | null
  certificates: Option[]
  canObtainPoliceCertificate: boolean | null
  hoursMin: number
  hoursMax: number
  gradualIncrease: boolean
  timesOfDay: string[]
  days: string[]
  /**
   * Where the candidate can work. When the home is shown only as the county, chosen municipalities are shown as
   * "part of" their county too, since a short list of small municipalities would point at where the person lives.
   */
  workArea: { municipalities: Option[]; counties: (Option & { whole: boolean })[] }
  earliestStart: string
  /** Every shared demand dimension -> highest level (0..2) the candidate can work with; Norwegian from the language levels. */
  tolerances: Record<string, number>
  accommodationNeeds: Option[]
  oralNorwegian: number
  writtenNorwegian: number
  measures: Option[]
  consentScope: { scope: 'all' | 'counties'; counties: string[] }
}

export const educationLevelOptions: Option[] = [
  { code: 'none', name: 'Ingen fullført utdanning' },
  { code: 'primary', name: 'Grunnskole' },
  { code: 'upper_secondary_started', name: 'Påbegynt videregående' },
  { code: 'upper_secondary', name: 'Fullført videregående' },
  { code: 'trade_certificate', name: 'Fag- eller svennebrev' },
  { code: 'higher', name: 'Høyere utdanning' },
]
export const educationLevelCodes = educationLevelOptions.map((option) => option.code) as [string, ...string[]]

/** Candidate-facing measures: what the specialist thinks could help. */
export const candidateMeasureOptions = measureOptions

/** The requirement codes a candidate can hold as certificates; the police certificate is a separate yes/no. */
export const certificateOptions = requirementOptions.filter((option) => option.code !== 'policeCertificate')

const accommodationOptions = accommodationGroups.flatMap((group) => group.options)

export function candidateLabel(candidateId: string): string {
  return `Kandidat ${candidateId.replace(/-/g, '').slice(0, 6).toUpperCase()}`
}

export type CandidateDocumentInput = {
  id: string
  profile: CandidateProfile
  consentScope: { scope: 'all' | 'counties'; counties: readonly string[] }
  /** How many visible candidates (this one included) live in the same municipality. */
  visibleCandidatesSharingHome: number
}

/**
 * Returns undefined when the profile lacks what a document needs (the caller treats that as hidden).
 * Visibility itself is decided by matching/visibility.ts before a document is built.
 */
export function buildCandidateDocument(input: CandidateDocumentInput, geography: Geography): AnonymisedCandidate | undefined {
  const { profile } = input
  const home = profile.homeMunicipalityNumber ? geography.municipalities.get(profile.homeMunicipalityNumber) : undefined
  if (!home || profile.hoursMin === null || profile.hoursMax === null || !profile.earliestStart) return undefined
  if (profile.oralNorwegian === null || profile.writtenNorwegian === null) return undefined
  const countyName = geography.counties.get(home.countyNumber) ?? home.countyNumber
  const showMunicipality = input.visibleCandidatesSharingHome >= MIN_CANDIDATES_SHARING_MUNICIPALITY
  return {
    id: input.id,
    label: candidateLabel(input.id),
    location: showMunicipality
      ? { level: 'municipality', name: home.name, countyNumber: home.countyNumber, countyName }
      : { level: 'county', name: countyName, countyNumber: home.countyNumber, countyName },
    pitch: profile.pitch,
    wantedTasks: profile.wantedTasks.map(taskOption),
    possibleTasks: profile.possibleTasks.map(taskOption),
    occupations: profile.occupations.map((code) => ({ code, name: occupationName(code) ?? code })),
    workExperience: profile.workExperience,
    informalCompetence: profile.informalCompetence,
    educationLevel: profile.educationLevel
      ? { code: profile.educationLevel, name: optionName(educationLevelOptions, profile.educationLevel) }
      : null,
    certificates: profile.certificates.map((code) => ({ code, name: optionName(requirementOptions, code) })),
    canObtainPoliceCertificate: profile.canObtainPoliceCertificate,
    hoursMin: profile.hoursMin,
    hoursMax: profile.hoursMax,
    gradualIncrease: profile.gradualIncrease,
    timesOfDay: [...profile.timesOfDay],
    days: [...profile.days],
    workArea: workArea(profile, geography, showMunicipality),
    earliestStart: profile.earliestStart,
    tolerances: candidateTolerances(profile),
    accommodationNeeds: profile.accommodationNeeds.map((code) => ({ code, name: optionName(accommodationOptions, code) })),
    oralNorwegian: profile.oralNorwegian,
    writtenNorwegian: profile.writtenNorwegian,
    measures: profile.measures.map((code) => ({ code, name: optionName(measureOptions, code) })),
    consentScope: { scope: input.consentScope.scope, counties: [...input.consentScope.counties] },
  }
}

function workArea(profile: CandidateProfile, geography: Geography, showMunicipalities: boolean): AnonymisedCandidate['workArea'] {
  const countyOption = (code: string, whole: boolean) => ({ code, name: geography.counties.get(code) ?? code, whole })
  const wholeCounties = profile.workCounties.map((code) => countyOption(code, true))
  if (showMunicipalities) {
    return {
      municipalities: profile.workMunicipalities.map((code) => ({ code, name: geography.municipalities.get(code)?.name ?? code })),
      counties: wholeCounties,
    }
  }
  const partlyCovered = [...new Set(profile.workMunicipalities.map((code) => geography.municipalities.get(code)?.countyNumber))]
    .filter((code): code is string => code !== undefined && !profile.workCounties.includes(code))
    .map((code) => countyOption(code, false))
  return { municipalities: [], counties: [...wholeCounties, ...partlyCovered] }
}

function taskOption(code: string): Option {
  return { code, name: findCatalogueTask(code)?.name ?? code }
}

/** Norwegian language levels are asked once, as levels, and stand in for the two language dimensions. */
export function candidateTolerances(profile: Pick<CandidateProfile, 'demandTolerances' | 'oralNorwegian' | 'writtenNorwegian'>) {
  const tolerances: Record<string, number> = {}
  for (const dimension of demandDimensions) {
    const stated = profile.demandTolerances[dimension.code]
    tolerances[dimension.code] = stated === 0 || stated === 1 || stated === 2 ? stated : 2
  }
  if (profile.oralNorwegian !== null) tolerances.oralNorwegian = profile.oralNorwegian
  if (profile.writtenNorwegian !== null) tolerances.writtenNorwegian = profile.writtenNorwegian
  return tolerances
}

/** The dimensions a candidate states a tolerance for; language comes from the Norwegian levels instead. */
export const toleranceDimensions = demandDimensions.filter(
  (dimension) => dimension.code !== 'oralNorwegian' && dimension.code !== 'writtenNorwegian',
)

/** What matching uses of a visible candidate: the anonymised profile plus the exact work area and consent scope. */
export function candidateForMatching(
  id: string,
  profile: CandidateProfile,
  consentScope: { scope: 'all' | 'counties'; counties: readonly string[] },
): CandidateForMatching | undefined {
  if (profile.hoursMin === null || profile.hoursMax === null || !profile.earliestStart) return undefined
  if (profile.oralNorwegian === null || profile.writtenNorwegian === null) return undefined
  return {
    id,
    wantedTasks: [...profile.wantedTasks],
    possibleTasks: [...profile.possibleTasks],
    occupations: [...profile.occupations],
    experienceText: [profile.workExperience, profile.informalCompetence].filter(Boolean).join(' '),
    certificates: [...profile.certificates],
    canObtainPoliceCertificate: profile.canObtainPoliceCertificate,
    hoursMin: profile.hoursMin,
    hoursMax: profile.hoursMax,
    gradualIncrease: profile.gradualIncrease,
    timesOfDay: [...profile.timesOfDay],
    days: [...profile.days],
    area: { municipalities: [...profile.workMunicipalities], counties: [...profile.workCounties] },
    consent: { scope: consentScope.scope, counties: [...consentScope.counties] },
    earliestStart: profile.earliestStart,
    tolerances: candidateTolerances(profile),
    accommodationNeeds: [...profile.accommodationNeeds],
    oralNorwegian: profile.oralNorwegian,
    writtenNorwegian: profile.writtenNorwegian,
    measures: [...profile.measures],
  }
}

/** The words a candidate is found by: tasks, occupations, pitch and experience. */
export function candidateSearchText(document: AnonymisedCandidate): string {
  return [
    ...document.wantedTasks.map((task) => task.name),
    ...document.possibleTasks.map((task) => task.name),
    ...document.occupations.map((occupation) => occupation.name),
    document.pitch,
    document.workExperience,
    document.informalCompetence,
  ].join(' ')
}
