/**
 * The published opening as specialists (and the matching) see it. Pure, no I/O; built from the
 * opening, its workplace and its carved job's tasks. The workplace contact person is not in it: it
 * is shared through the case, not the index.
 */
import type { MatchTask, OpeningForMatching } from '../matching/match-types'
import { optionName, openingTypeOptions, type Option } from '../prisma-free-sql/reference-data/vocabulary'

/** What the document copies from its source as it is (arrays copied, not shared). */
type CopiedFields =
  | 'id'
  | 'title'
  | 'description'
  | 'organisationId'
  | 'organisationName'
  | 'workplaceId'
  | 'workplaceName'
  | 'hoursMin'
  | 'hoursMax'
  | 'timesOfDay'
  | 'days'
  | 'flexibility'
  | 'startDate'
  | 'durationWeeks'
  | 'places'
  | 'hireProspect'
  | 'accommodations'
  | 'mentorAvailable'
  | 'measures'

export type OpeningDocument = Pick<OpeningSource, CopiedFields> & {
  municipality: Option
  county: Option
  openingType: Option
  tasks: { name: string; catalogueCode: string | null; hoursPerWeek: number }[]
  requirements: string[]
}

export type OpeningSource = {
  id: string
  title: string
  description: string
  organisationId: string
  organisationName: string
  workplaceId: string
  workplaceName: string
  municipalityNumber: string
  municipalityName: string
  countyNumber: string
  countyName: string
  openingType: string
  hoursMin: number
  hoursMax: number
  timesOfDay: string[]
  days: string[]
  flexibility: string
  startDate: string
  durationWeeks: number | null
  places: number
  hireProspect: string
  accommodations: string[]
  mentorAvailable: boolean
  measures: string[]
  languages: string[]
  environment: { noise: number; tempo: number; teamwork: number }
  tasks: MatchTask[]
  workplaceLoad: { active: number; capacity: number }
}

export function buildOpeningDocument(source: OpeningSource): { document: OpeningDocument; matching: OpeningForMatching } {
  const requirements = [...new Set(source.tasks.flatMap((task) => task.requirements))].sort()
  const document: OpeningDocument = {
    id: source.id,
    title: source.title,
    description: source.description,
    organisationId: source.organisationId,
    organisationName: source.organisationName,
    workplaceId: source.workplaceId,
    workplaceName: source.workplaceName,
    municipality: { code: source.municipalityNumber, name: source.municipalityName },
    county: { code: source.countyNumber, name: source.countyName },
    openingType: { code: source.openingType, name: optionName(openingTypeOptions, source.openingType) },
    hoursMin: source.hoursMin,
    hoursMax: source.hoursMax,
    timesOfDay: [...source.timesOfDay],
    days: [...source.days],
    flexibility: source.flexibility,
    startDate: source.startDate,
    durationWeeks: source.durationWeeks,
    places: source.places,
    hireProspect: source.hireProspect,
    accommodations: [...source.accommodations],
    mentorAvailable: source.mentorAvailable,
    measures: [...source.measures],
    tasks: source.tasks.map((task) => ({ name: task.name, catalogueCode: task.catalogueCode, hoursPerWeek: task.hoursPerWeek })),
    requirements,
  }
  const matching: OpeningForMatching = {
    id: source.id,
    title: source.title,
    openingType: source.openingType,
    municipalityNumber: source.municipalityNumber,
    countyNumber: source.countyNumber,
    hoursMin: source.hoursMin,
    hoursMax: source.hoursMax,
    timesOfDay: [...source.timesOfDay],
    days: [...source.days],
    startDate: source.startDate,
    tasks: source.tasks.map((task) => ({ ...task, demands: { ...task.demands }, requirements: [...task.requirements] })),
    requirements,
    accommodations: [...source.accommodations],
    mentorAvailable: source.mentorAvailable,
    measures: [...source.measures],
    languages: [...source.languages],
    environment: { ...source.environment },
    places: source.places,
    workplaceLoad: { ...source.workplaceLoad },
  }
  return { document, matching }
}

/** The words an opening is found by: title, description and its tasks. */
export function openingSearchText(document: OpeningDocument): string {
  return [document.title, document.description, ...document.tasks.map((task) => task.name)].join(' ')
}
