import { idnr } from '@navikt/fnrvalidator'
import { z } from 'zod'
import type { CandidateIdentityInput, ProfileInput, StoredProfile } from '../../prisma-free-sql/queries/candidates'
import { isOccupationCode, occupationName } from '../../prisma-free-sql/reference-data/styrk08'
import { accommodationCodes, findCatalogueTask, measureOptions, requirementCodes } from '../../prisma-free-sql/reference-data/vocabulary'
import { defaultConsentExpiry } from '../../matching/visibility'
import { educationLevelCodes, toleranceDimensions } from '../../search-index/candidate-document'
import { calendarDateProblem, isoDateFromNorwegian, norwegianDate } from './opening-form'
import { boundedList, optionalText, plainText } from './form-text'
import { daysField, hoursPerWeekField, timesOfDayField } from './task-form'

const personName = (missing: string) =>
  z
    .string({ required_error: missing })
    .trim()
    .min(1, missing)
    .max(100, 'Høyst 100 tegn.')
    .refine((name) => /^[\p{L}][\p{L}\p{M}' .-]*$/u.test(name), 'Bruk bare bokstaver, bindestrek, apostrof og mellomrom.')

/** Digits only; people write national ID numbers as 6+5 with a space or a dot. */
export function nationalIdDigits(value: string): string {
  return value.replace(/[\s.-]/g, '')
}

export const nationalIdField = z
  .string({ required_error: 'Skriv fødselsnummeret eller d-nummeret (11 siffer).' })
  .transform(nationalIdDigits)
  .superRefine((digits, context) => {
    if (!/^\d{11}$/.test(digits)) {
      context.addIssue({ code: 'custom', message: `Fødselsnummeret må ha 11 siffer; du skrev ${digits.replace(/\D/g, '').length}.` })
    } else if (idnr(digits).status !== 'valid') {
      context.addIssue({ code: 'custom', message: 'Dette er ikke et gyldig fødselsnummer eller d-nummer. Sjekk sifrene.' })
    }
  })

const phoneField = optionalText(40).refine(
  (phone) => phone === '' || /^(\+\d{1,3}[\s]?)?(\d[\s]?){8,12}$/.test(phone),
  'Skriv et telefonnummer med 8 sifre, for eksempel 412 34 567.',
)
const emailField = optionalText(254).refine((email) => email === '' || z.string().email().safeParse(email).success, 'Skriv en gyldig e-postadresse.')

export const identityFields = {
  firstName: personName('Skriv fornavnet.'),
  lastName: personName('Skriv etternavnet.'),
  nationalId: nationalIdField,
  phone: phoneField,
  email: emailField,
}
export const identitySchema = z.object(identityFields)

export const newCandidateSchema = z.object({
  ...identityFields,
  homeMunicipalityNumber: z.string({ required_error: 'Velg kommunen kandidaten bor i.' }).regex(/^\d{4}$/, 'Velg kommunen kandidaten bor i.'),
  responsibleUserId: z.string({ required_error: 'Velg hvem som skal følge opp kandidaten.' }).uuid('Velg hvem som skal følge opp kandidaten.'),
})

/** Why staff may read who a candidate is; the reason goes to the audit log with every read. */
export const identityReadReasons = {
  kontakt: 'Kontakte kandidaten',
  samtykke: 'Innhente eller registrere samtykke',
  oppfolging: 'Oppfølging og avtaler med kandidaten',
  deling: 'Dele opplysninger med arbeidsgiver etter samtykke',
  retting: 'Rette personopplysninger',
} as const
export type IdentityReadReason = keyof typeof identityReadReasons

export function readIdentityReason(value: unknown): IdentityReadReason | undefined {
  return typeof value === 'string' && Object.hasOwn(identityReadReasons, value) ? (value as IdentityReadReason) : undefined
}

export function identityInputFrom(value: z.infer<typeof identitySchema>): CandidateIdentityInput {
  return { firstName: value.firstName, lastName: value.lastName, nationalId: value.nationalId, phone: value.phone, email: value.email }
}

// ---------------------------------------------------------------------------------------------
// The anonymised profile. Everything may be left empty while the profile is being written;
// matching/visibility.ts decides what must be filled before employers can see it.

const nonEmpty = (values: (string | undefined)[]): string[] => values.filter((value): value is string => Boolean(value?.trim()))

/** A date as Norwegians write it, or nothing; `problemWith` adds a check of the real date. */
function optionalDateField(problemWith: (isoDate: string) => string | undefined = () => undefined) {
  return z.preprocess(
    (value) => (value === '' ? undefined : isoDateFromNorwegian(value)),
    z
      .string()
      .optional()
      .superRefine((date, context) => {
        const problem = date === undefined ? undefined : (calendarDateProblem(date) ?? problemWith(date))
        if (problem) context.addIssue({ code: 'custom', message: problem })
      }),
  )
}

const taskCode = z.string().refine((code) => findCatalogueTask(code) !== undefined, 'Ukjent oppgave.')
const level = (message: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number({ invalid_type_error: message }).int().min(0, message).max(2, message).optional())

/** "4321 Lagermedarbeidere" (as picked from the list) or just "4321". */
function occupationCode(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const trimmed = value.trim()
  return /^\d{4}\b/.test(trimmed) ? trimmed.slice(0, 4) : trimmed
}

const occupationField = z.preprocess(
  occupationCode,
  z.string().refine((code) => isOccupationCode(code), 'Velg et yrke fra listen (STYRK-08), for eksempel «4321 Lagermedarbeidere».'),
)

const toleranceFields = Object.fromEntries(
  toleranceDimensions.map((dimension) => [`tolerance_${dimension.code}`, level(`Velg hva kandidaten kan jobbe med: ${dimension.name}.`)]),
) as Record<string, ReturnType<typeof level>>

const profileFields = z.object({
  version: z.coerce.number().int(),
  homeMunicipalityNumber: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^\d{4}$/, 'Velg kommune.').optional()),
  pitch: optionalText(1000),
  wantedTasks: boundedList(z.array(taskCode)).default([]),
  possibleTasks: boundedList(z.array(taskCode)).default([]),
  // The page always offers a few empty inputs and selects; empty ones are simply not chosen.
  occupations: boundedList(z.array(z.string().optional())).default([]).transform(nonEmpty),
  workExperience: optionalText(2000),
  informalCompetence: optionalText(2000),
  educationLevel: z.preprocess((value) => (value === '' ? undefined : value), z.enum(educationLevelCodes).optional()),
  certificates: boundedList(z.array(z.enum(requirementCodes.filter((code) => code !== 'policeCertificate') as [string, ...string[]]))).default([]),
  canObtainPoliceCertificate: z.enum(['ja', 'nei', 'uavklart']).default('uavklart'),
  hoursMin: hoursPerWeekField.optional(),
  hoursMax: hoursPerWeekField.optional(),
  gradualIncrease: z.enum(['ja']).optional(),
  timesOfDay: timesOfDayField,
  days: daysField,
  workMunicipalities: boundedList(z.array(z.string().optional()))
    .default([])
    .transform(nonEmpty)
    .pipe(z.array(z.string().regex(/^\d{4}$/, 'Velg kommuner fra listen.'))),
  workCounties: boundedList(z.array(z.string().regex(/^\d{2}$/, 'Velg fylke.'))).default([]),
  earliestStart: optionalDateField(),
  ...toleranceFields,
  accommodationNeeds: boundedList(z.array(z.enum(accommodationCodes as [string, ...string[]]))).default([]),
  oralNorwegian: level('Velg nivå i muntlig norsk.'),
  writtenNorwegian: level('Velg nivå i skriftlig norsk.'),
  measures: boundedList(z.array(z.enum(measureOptions.map((option) => option.code) as [string, ...string[]]))).default([]),
  /** Ticked after the guard warned about words that look like diagnoses, when the wording is meant. */
  diagnosisWarningSeen: z.enum(['ja']).optional(),
})

/**
 * Occupations are checked one by one so each wrong entry gets its message, and min above max is reported even while
 * other fields have errors (an object refine would wait for every other field).
 */
export const profileSchema = z.preprocess((raw, context) => {
  const form = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const hoursMin = hoursPerWeekField.safeParse(form.hoursMin)
  const hoursMax = hoursPerWeekField.safeParse(form.hoursMax)
  if (hoursMin.success && hoursMax.success && hoursMin.data > hoursMax.data) {
    context.addIssue({ code: 'custom', path: ['hoursMax'], message: 'Maks timer kan ikke være lavere enn minst timer.' })
  }
  const occupations = Array.isArray(form.occupations) ? form.occupations : form.occupations === undefined ? [] : [form.occupations]
  occupations.forEach((entry, index) => {
    if (typeof entry === 'string' && entry.trim() !== '' && !occupationField.safeParse(entry).success) {
      context.addIssue({ code: 'custom', path: ['occupations', index], message: `«${entry.trim()}» finnes ikke i yrkeslisten. Velg et yrke fra listen.` })
    }
  })
  return raw
}, profileFields) as unknown as z.ZodEffects<typeof profileFields>
export type ProfileFormValue = z.infer<typeof profileFields>

export function profileInputFrom(value: ProfileFormValue): ProfileInput {
  const tolerances: Record<string, number> = {}
  for (const dimension of toleranceDimensions) {
    const stated = (value as Record<string, unknown>)[`tolerance_${dimension.code}`]
    if (typeof stated === 'number') tolerances[dimension.code] = stated
  }
  return {
    homeMunicipalityNumber: value.homeMunicipalityNumber ?? null,
    pitch: value.pitch,
    wantedTasks: unique(value.wantedTasks),
    possibleTasks: unique(value.possibleTasks.filter((code) => !value.wantedTasks.includes(code))),
    occupations: unique(
      value.occupations
        .map((entry) => String(occupationCode(entry)))
        .filter((code) => isOccupationCode(code)),
    ),
    workExperience: value.workExperience,
    informalCompetence: value.informalCompetence,
    educationLevel: value.educationLevel ?? null,
    certificates: unique(value.certificates),
    canObtainPoliceCertificate: value.canObtainPoliceCertificate === 'uavklart' ? null : value.canObtainPoliceCertificate === 'ja',
    hoursMin: value.hoursMin ?? null,
    hoursMax: value.hoursMax ?? null,
    gradualIncrease: value.gradualIncrease === 'ja',
    timesOfDay: value.timesOfDay,
    days: value.days,
    workMunicipalities: unique(value.workMunicipalities),
    workCounties: unique(value.workCounties),
    earliestStart: value.earliestStart ?? null,
    demandTolerances: tolerances,
    accommodationNeeds: unique(value.accommodationNeeds),
    oralNorwegian: value.oralNorwegian ?? null,
    writtenNorwegian: value.writtenNorwegian ?? null,
    measures: unique(value.measures),
  }
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)]

/** The saved profile as the form's starting values; a tolerance not yet stated starts at "can work with all". */
export function profileFormDefaults(profile: StoredProfile | undefined, version: number) {
  const tolerances = Object.fromEntries(
    toleranceDimensions.map((dimension) => [`tolerance_${dimension.code}`, String(profile?.demandTolerances[dimension.code] ?? 2)]),
  )
  if (!profile) return { version: String(version), ...tolerances }
  return {
    version: String(version),
    homeMunicipalityNumber: profile.homeMunicipalityNumber ?? '',
    pitch: profile.pitch,
    wantedTasks: profile.wantedTasks,
    possibleTasks: profile.possibleTasks,
    occupations: [...profile.occupations.map((code) => `${code} ${occupationName(code) ?? ''}`.trim()), '', ''].slice(
      0,
      Math.max(3, profile.occupations.length + 1),
    ),
    workExperience: profile.workExperience,
    informalCompetence: profile.informalCompetence,
    educationLevel: profile.educationLevel ?? '',
    certificates: profile.certificates,
    canObtainPoliceCertificate:
      profile.canObtainPoliceCertificate === null ? 'uavklart' : profile.canObtainPoliceCertificate ? 'ja' : 'nei',
    hoursMin: profile.hoursMin === null ? '' : String(profile.hoursMin).replace('.', ','),
    hoursMax: profile.hoursMax === null ? '' : String(profile.hoursMax).replace('.', ','),
    gradualIncrease: profile.gradualIncrease ? 'ja' : undefined,
    timesOfDay: profile.timesOfDay,
    days: profile.days,
    workMunicipalities: profile.workMunicipalities,
    workCounties: profile.workCounties,
    earliestStart: profile.earliestStart ? norwegianDate(profile.earliestStart) : '',
    ...tolerances,
    accommodationNeeds: profile.accommodationNeeds,
    oralNorwegian: profile.oralNorwegian === null ? '' : String(profile.oralNorwegian),
    writtenNorwegian: profile.writtenNorwegian === null ? '' : String(profile.writtenNorwegian),
    measures: profile.measures,
  }
}

/** Free-text fields the guard checks before the profile is saved. */
export const guardedProfileTexts = ['pitch', 'workExperience', 'informalCompetence'] as const

// ---------------------------------------------------------------------------------------------
// Consent

export function consentSchema(today: string) {
  return z
    .object({
      givenToUserId: z.string({ required_error: 'Velg hvem kandidaten ga samtykket til.' }).uuid('Velg hvem kandidaten ga samtykket til.'),
      method: z.enum(['meeting', 'written'], { required_error: 'Velg hvordan samtykket ble gitt.', invalid_type_error: 'Velg hvordan samtykket ble gitt.' }),
      scope: z.enum(['all', 'counties'], { required_error: 'Velg hvilke arbeidsgivere som kan se profilen.', invalid_type_error: 'Velg hvilke arbeidsgivere som kan se profilen.' }),
      scopeCounties: boundedList(z.array(z.string().regex(/^\d{2}$/))).default([]),
      givenOn: z.preprocess(
        isoDateFromNorwegian,
        z.string({ required_error: 'Skriv datoen samtykket ble gitt.' }).superRefine((date, context) => {
          const problem = calendarDateProblem(date)
          if (problem) context.addIssue({ code: 'custom', message: problem })
          else if (date > today) context.addIssue({ code: 'custom', message: 'Samtykket kan ikke være gitt fram i tid.' })
        }),
      ),
      expiresOn: optionalDateField((date) => (date <= today ? 'Utløpsdatoen må være etter i dag.' : undefined)),
    })
    .superRefine((value, context) => {
      if (value.scope === 'counties' && value.scopeCounties.length === 0) {
        context.addIssue({ code: 'custom', path: ['scopeCounties'], message: 'Velg minst ett fylke, eller velg alle arbeidsgivere.' })
      }
      if (value.expiresOn && value.expiresOn <= value.givenOn) {
        context.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Utløpsdatoen må være etter datoen samtykket ble gitt.' })
      } else if (value.expiresOn && value.expiresOn > defaultConsentExpiry(value.givenOn)) {
        context.addIssue({
          code: 'custom',
          path: ['expiresOn'],
          message: `Samtykket kan gjelde i høyst seks måneder, til ${norwegianDate(defaultConsentExpiry(value.givenOn))}. Forny det når det nærmer seg.`,
        })
      }
    })
}

export const withdrawalSchema = z.object({
  note: plainText(z.string().trim().max(500, 'Høyst 500 tegn.')).default(''),
})
