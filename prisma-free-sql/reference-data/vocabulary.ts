import { z } from 'zod'
// Copied from ../shared/data/vocabulary.json (written for this project from the research seeds).
// Imported rather than read from disk so the Remix server bundle carries it along.
import vocabularyJson from './vocabulary.json'

const labelled = z.object({ nb: z.string(), en: z.string() })
const level = z.string()

const vocabularySchema = z.object({
  naceSections: z.record(z.string().regex(/^[A-U]$/), z.string()),
  demandDimensions: z.record(z.object({ nb: z.string(), scale: z.tuple([level, level, level]), note: z.string().optional() })),
  requirements: z.record(labelled.extend({ note: z.string().optional() })),
  schedule: z.object({ timesOfDay: z.record(z.string()), days: z.record(z.string()) }),
  openingTypes: z.record(labelled),
  measures: z.record(labelled),
  hireProspects: z.record(z.string()),
  accommodations: z.record(labelled.extend({ options: z.record(labelled) })),
  taskGroups: z.record(z.string()),
  taskCatalogue: z.array(
    z.object({
      code: z.string(),
      group: z.string(),
      nb: z.string(),
      en: z.string(),
      styrk08: z.string().regex(/^[0-9]{4}$/),
      demands: z.record(level),
      requires: z.array(z.string()),
    }),
  ),
})

const vocabulary = vocabularySchema.parse(vocabularyJson)

export type Option = { code: string; name: string }

const options = (record: Record<string, string>): Option[] => Object.entries(record).map(([code, name]) => ({ code, name }))
const norwegianOptions = (record: Record<string, { nb: string }>): Option[] =>
  Object.entries(record).map(([code, entry]) => ({ code, name: entry.nb }))

export function naceSections(): Option[] {
  return options(vocabulary.naceSections)
}

export function naceSectionName(code: string): string | undefined {
  return vocabulary.naceSections[code]
}

/** A demand dimension with its three levels in Norwegian (the scale words are English codes). */
export type DemandDimension = { code: string; name: string; levels: [string, string, string] }

const levelNames: Record<string, string> = {
  none: 'ingen',
  light: 'lette',
  heavy: 'tunge',
  low: 'lav',
  medium: 'middels',
  high: 'høy',
  no: 'nei',
  sometimes: 'noen ganger',
  mostly: 'for det meste',
  routine: 'rutinepreget',
  mixed: 'blandet',
  varied: 'variert',
  some: 'noe',
  much: 'mye',
  alone: 'alene',
  basic: 'grunnleggende',
  good: 'god',
}

export const demandDimensions: DemandDimension[] = Object.entries(vocabulary.demandDimensions).map(([code, dimension]) => ({
  code,
  name: dimension.nb,
  levels: dimension.scale.map((word) => levelNames[word] ?? word) as [string, string, string],
}))
export const demandDimensionCodes = demandDimensions.map((dimension) => dimension.code)

export function demandLevelName(dimensionCode: string, levelIndex: number): string {
  const dimension = demandDimensions.find((candidate) => candidate.code === dimensionCode)
  return dimension?.levels[levelIndex] ?? String(levelIndex)
}

export const requirementOptions = norwegianOptions(vocabulary.requirements)
export const requirementCodes = requirementOptions.map((option) => option.code)
export const timeOfDayOptions = options(vocabulary.schedule.timesOfDay)
export const dayOptions = options(vocabulary.schedule.days)
export const openingTypeOptions = norwegianOptions(vocabulary.openingTypes)
export const measureOptions = norwegianOptions(vocabulary.measures)
export const hireProspectOptions = options(vocabulary.hireProspects)
export const taskGroupOptions = options(vocabulary.taskGroups)

/** Accommodation codes, grouped; employers' inclusion options use the same codes as candidates' needs. */
export const accommodationGroups = Object.entries(vocabulary.accommodations).map(([code, group]) => ({
  code,
  name: group.nb,
  options: norwegianOptions(group.options),
}))
export const accommodationCodes = accommodationGroups.flatMap((group) => group.options.map((option) => option.code))

export function optionName(list: readonly Option[], code: string): string {
  return list.find((option) => option.code === code)?.name ?? code
}

export type CatalogueTask = {
  code: string
  group: string
  groupName: string
  name: string
  styrk08: string
  /** Dimension code -> level index 0..2. */
  demands: Record<string, number>
  requirements: string[]
}

export const taskCatalogue: CatalogueTask[] = vocabulary.taskCatalogue.map((task) => ({
  code: task.code,
  group: task.group,
  groupName: vocabulary.taskGroups[task.group] ?? task.group,
  name: task.nb,
  styrk08: task.styrk08,
  demands: Object.fromEntries(
    Object.entries(task.demands).map(([dimension, word]) => {
      const scale = vocabulary.demandDimensions[dimension]?.scale
      const index = scale ? scale.indexOf(word) : -1
      if (index < 0) throw new Error(`vocabulary.json: task ${task.code} has unknown demand ${dimension}=${word}`)
      return [dimension, index]
    }),
  ),
  requirements: task.requires,
}))

export function findCatalogueTask(code: string): CatalogueTask | undefined {
  return taskCatalogue.find((task) => task.code === code)
}

/** Matches name or group, case- and accent-insensitively enough for Norwegian letters. */
export function searchTaskCatalogue(query: string, group?: string): CatalogueTask[] {
  const needle = query.trim().toLocaleLowerCase('nb')
  return taskCatalogue.filter(
    (task) =>
      (!group || task.group === group) &&
      (needle === '' || task.name.toLocaleLowerCase('nb').includes(needle) || task.groupName.toLocaleLowerCase('nb').includes(needle)),
  )
}

/** Accessibility facts about a workplace (universal design), shown to specialists matching candidates. */
export const accessibilityOptions: Option[] = [
  { code: 'TRINNFRI_ADKOMST', name: 'Trinnfri adkomst' },
  { code: 'HEIS', name: 'Heis til alle etasjer' },
  { code: 'HC_TOALETT', name: 'Tilrettelagt toalett' },
  { code: 'HC_PARKERING', name: 'HC-parkering nær inngangen' },
  { code: 'TELESLYNGE', name: 'Teleslynge' },
  { code: 'STILLEROM', name: 'Stillerom eller skjermet arbeidsplass' },
  { code: 'KOLLEKTIV', name: 'Nær kollektivtransport' },
]
export const accessibilityCodes = accessibilityOptions.map((option) => option.code)
