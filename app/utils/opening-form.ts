import { z } from 'zod'
import type { Opening, OpeningInput } from '../../prisma-free-sql/queries/openings'
import { hireProspects, openingTypes } from '../../prisma-free-sql/queries/openings'
import { accommodationCodes, measureOptions } from '../../prisma-free-sql/reference-data/vocabulary'
import { boundedList, optionalText, plainText } from './form-text'
import { daysField, hoursPerWeekField, timesOfDayField } from './task-form'

const measureCodes = measureOptions.map((option) => option.code) as [string, ...string[]]
const wholeNumber = (message: string, min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : value),
    z.coerce.number({ required_error: message, invalid_type_error: message }).int(message).min(min, message).max(max, message),
  )

/** "15.1.2027" (as Norwegians write dates) becomes "2027-01-15"; anything else is left for the checks below. */
export function isoDateFromNorwegian(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const match = value.trim().match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/)
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : value.trim()
}

/** Why an ISO date string (from isoDateFromNorwegian) is not a real calendar date, or undefined when it is one. */
export function calendarDateProblem(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'Skriv datoen som dd.mm.åååå, for eksempel 15.01.2027.'
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || !new Date(`${date}T00:00:00Z`).toISOString().startsWith(date)) {
    return 'Datoen finnes ikke.'
  }
  return undefined
}

/** A Norwegian date (dd.mm.åååå) as an ISO date, with the message for a missing or impossible one. */
export const norwegianDateField = (missing: string) =>
  z.preprocess(isoDateFromNorwegian, z.string({ required_error: missing }).min(1, missing)).superRefine((date, context) => {
    const problem = calendarDateProblem(date)
    // Fatal, so checks across fields (an end after the start) never compare a date that is not one.
    if (problem && date) context.addIssue({ code: 'custom', message: problem, fatal: true })
  })

/** "2027-01-15" as "15.01.2027". */
export function norwegianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-')
  return `${day}.${month}.${year}`
}

/**
 * The opening form. `today` is the calendar date in Norway; a start date before it is an error, except the date
 * the opening already has (an opening that has started can still be edited).
 */
export function openingSchema(today: string, keptStartDate?: string) {
  const fields = z.object({
    title: plainText(z.string({ required_error: 'Gi stillingen en tittel.' }).trim().min(2, 'Tittelen må ha minst to tegn.').max(200, 'Høyst 200 tegn.')),
    description: optionalText(4000),
    openingType: z.enum(openingTypes, { required_error: 'Velg hva slags plass dette er.', invalid_type_error: 'Velg hva slags plass dette er.' }),
    hoursMin: hoursPerWeekField,
    hoursMax: hoursPerWeekField,
    timesOfDay: timesOfDayField,
    days: daysField,
    flexibility: optionalText(1000),
    accommodations: boundedList(z.array(z.enum(accommodationCodes as [string, ...string[]]))).default([]),
    mentorAvailable: z.enum(['ja', 'nei'], { required_error: 'Svar på om det finnes en fast kollega som kan følge opp.' }),
    measures: boundedList(z.array(z.enum(measureCodes))).default([]),
    startDate: z
      .preprocess(isoDateFromNorwegian, z.string({ required_error: 'Skriv når plassen kan starte.' }))
      .superRefine((date, context) => {
        const problem = calendarDateProblem(date)
        if (problem) {
          context.addIssue({ code: 'custom', message: problem })
        } else if (date < today && date !== keptStartDate) {
          context.addIssue({ code: 'custom', message: 'Startdatoen kan ikke være tilbake i tid.' })
        }
      }),
    durationWeeks: z.preprocess(
      (value) => (value === '' ? undefined : value),
      wholeNumber('Skriv varigheten i hele uker, fra 1 til 520.', 1, 520).optional(),
    ),
    places: wholeNumber('Skriv antall plasser, fra 1 til 50.', 1, 50),
    hireProspect: z.enum(hireProspects, { required_error: 'Si ærlig om det kan bli ansettelse.', invalid_type_error: 'Si ærlig om det kan bli ansettelse.' }),
    contactName: plainText(z.string({ required_error: 'Skriv hvem på arbeidsplassen som er kontaktperson.' }).trim().min(2, 'Skriv hele navnet.').max(200, 'Høyst 200 tegn.')),
    contactPhone: optionalText(40).refine((phone) => phone === '' || /^\+?[\d\s]{8,20}$/.test(phone), 'Skriv et telefonnummer med 8 sifre, for eksempel 22 33 44 55.'),
    contactEmail: optionalText(254).refine((email) => email === '' || z.string().email().safeParse(email).success, 'Skriv en gyldig e-postadresse.'),
  })
  // Checked on the raw form rather than in a refine on the object: zod skips an object refine while any field is
  // missing, so "minimum above maximum" would only appear after every other error was fixed.
  const checked = z.preprocess((raw, context) => {
    const form = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
    const hoursMin = hoursPerWeekField.safeParse(form.hoursMin)
    const hoursMax = hoursPerWeekField.safeParse(form.hoursMax)
    if (hoursMin.success && hoursMax.success && hoursMin.data > hoursMax.data) {
      context.addIssue({ code: 'custom', path: ['hoursMax'], message: 'Maks timer kan ikke være lavere enn minst timer.' })
    }
    return raw
  }, fields)
  // z.preprocess types its input as unknown; the form's fields are those of the object it wraps.
  return checked as unknown as z.ZodEffects<typeof fields>
}
export type OpeningFormValue = z.infer<ReturnType<typeof openingSchema>>

export function openingInputFrom(value: OpeningFormValue): OpeningInput {
  return {
    title: value.title,
    description: value.description,
    openingType: value.openingType,
    hoursMin: value.hoursMin,
    hoursMax: value.hoursMax,
    timesOfDay: value.timesOfDay,
    days: value.days,
    flexibility: value.flexibility,
    accommodations: value.accommodations,
    mentorAvailable: value.mentorAvailable === 'ja',
    measures: value.measures,
    startDate: value.startDate,
    durationWeeks: value.durationWeeks ?? null,
    places: value.places,
    hireProspect: value.hireProspect,
    contactName: value.contactName,
    contactPhone: value.contactPhone,
    contactEmail: value.contactEmail,
  }
}

/** A saved opening as the form's starting values. */
export function openingFormDefaults(opening: Omit<Opening, 'publishedAt' | 'updatedAt'>) {
  return {
    title: opening.title,
    description: opening.description,
    openingType: opening.openingType,
    hoursMin: String(opening.hoursMin),
    hoursMax: String(opening.hoursMax),
    timesOfDay: timesOfDayField.parse(opening.timesOfDay),
    days: daysField.parse(opening.days),
    flexibility: opening.flexibility,
    accommodations: opening.accommodations,
    mentorAvailable: opening.mentorAvailable ? ('ja' as const) : ('nei' as const),
    measures: opening.measures,
    startDate: norwegianDate(opening.startDate),
    durationWeeks: opening.durationWeeks === null ? '' : String(opening.durationWeeks),
    places: String(opening.places),
    hireProspect: opening.hireProspect,
    contactName: opening.contactName,
    contactPhone: opening.contactPhone,
    contactEmail: opening.contactEmail,
  }
}
