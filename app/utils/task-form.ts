import { z } from 'zod'
import { isOccupationCode } from '../../prisma-free-sql/reference-data/styrk08'
import { demandDimensionCodes, requirementCodes } from '../../prisma-free-sql/reference-data/vocabulary'
import { boundedList, plainText } from './form-text'

const level = z.coerce.number().int().min(0).max(2)

/** Hours as employers write them: "4", "2,5" or "2.5". */
export const hoursPerWeekField = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().replace(',', '.') : value),
  z.coerce
    .number({ required_error: 'Skriv inn timer per uke.', invalid_type_error: 'Skriv timer som et tall, for eksempel 4 eller 2,5.' })
    .min(0.5, 'Minst en halv time per uke.')
    .max(60, 'Høyst 60 timer per uke.')
    .refine((hours) => Number.isInteger(hours * 2), 'Bruk hele eller halve timer, for eksempel 2,5.'),
)

export const timesOfDayField = boundedList(z.array(z.enum(['DAG', 'KVELD', 'NATT']))).default([])
export const daysField = boundedList(z.array(z.enum(['UKEDAGER', 'LORDAG', 'SONDAG']))).default([])
export const separableField = z.enum(['ja', 'nei'], { required_error: 'Svar på om oppgaven kan skilles ut.' })
export const currentRoleField = plainText(z.string().trim().max(100, 'Høyst 100 tegn.')).default('')

export const taskSchema = z.object({
  name: plainText(z.string({ required_error: 'Skriv hva oppgaven er.' }).trim().min(2, 'Navnet må ha minst to tegn.').max(200, 'Høyst 200 tegn.')),
  styrk08: z
    .string()
    .optional()
    .refine((code) => code === undefined || isOccupationCode(code), 'Velg et yrke fra listen.'),
  hoursPerWeek: hoursPerWeekField,
  timesOfDay: timesOfDayField,
  days: daysField,
  demands: z.object(Object.fromEntries(demandDimensionCodes.map((code) => [code, level.optional()]))).default({}),
  requirements: boundedList(z.array(z.string().refine((code) => requirementCodes.includes(code), 'Ukjent krav.'))).default([]),
  separable: separableField,
  currentRole: currentRoleField,
  /** Set when the employer has seen which live openings the change affects. */
  confirmLiveOpenings: z.boolean().default(false),
})
export type TaskFormValue = z.infer<typeof taskSchema>

/** The form's value as stored: only stated demand levels are kept. */
export function taskInputFrom(value: TaskFormValue) {
  return {
    name: value.name,
    styrk08: value.styrk08 ?? null,
    hoursPerWeek: value.hoursPerWeek,
    timesOfDay: value.timesOfDay,
    days: value.days,
    demands: Object.fromEntries(
      Object.entries(value.demands).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
    ),
    requirements: value.requirements,
    separable: value.separable === 'ja',
    currentRole: value.currentRole,
  }
}
