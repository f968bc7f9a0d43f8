import { z } from 'zod'
import type { TrialAgreementInput } from '../../prisma-free-sql/queries/trial-agreements'
import { boundedList, hasUnstorableCharacter, optionalText, plainText, UNSTORABLE_TEXT_MESSAGE } from './form-text'
import { calendarDateProblem, isoDateFromNorwegian, norwegianDate, norwegianDateField } from './opening-form'

/** How many meeting points one agreement holds; the form shows the saved ones and empty rows up to this. */
export const MAX_MEETING_POINTS = 8
/** Longer than any trial measure runs (work training is at most a year, extended); a typo in the year is caught. */
export const MAX_TRIAL_DAYS = 3 * 366


const parsedDate = (value: unknown): string | undefined => {
  const date = isoDateFromNorwegian(value)
  return typeof date === 'string' && !calendarDateProblem(date) ? date : undefined
}

const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000

// A row of the meeting-point table; rows left empty are dropped, a half-filled one gets a message on what is missing.
const meetingPointRow = z.object({ meetsOn: z.string().trim().max(40).optional(), note: z.string().trim().optional() }).optional()

const meetingPointsField = boundedList(z.array(meetingPointRow).max(MAX_MEETING_POINTS, `Høyst ${MAX_MEETING_POINTS} møtepunkter.`))
  .default([])
  .superRefine((rows, context) => {
    rows.forEach((row, index) => {
      if (!row || (!row.meetsOn && !row.note)) return
      if (!row.meetsOn) context.addIssue({ code: 'custom', path: [index, 'meetsOn'], message: 'Skriv datoen for møtet.' })
      else {
        const problem = calendarDateProblem(String(isoDateFromNorwegian(row.meetsOn)))
        if (problem) context.addIssue({ code: 'custom', path: [index, 'meetsOn'], message: problem })
      }
      if (!row.note) context.addIssue({ code: 'custom', path: [index, 'note'], message: 'Skriv kort hva møtet gjelder.' })
      else if (row.note.length > 300) context.addIssue({ code: 'custom', path: [index, 'note'], message: 'Høyst 300 tegn.' })
      else if (hasUnstorableCharacter(row.note)) context.addIssue({ code: 'custom', path: [index, 'note'], message: UNSTORABLE_TEXT_MESSAGE })
    })
  })
  .transform((rows) =>
    rows
      .filter((row): row is { meetsOn: string; note: string } => Boolean(row?.meetsOn && row.note))
      .map((row) => ({ meetsOn: String(isoDateFromNorwegian(row.meetsOn)), note: row.note }))
      .sort((a, b) => a.meetsOn.localeCompare(b.meetsOn)),
  )

const fields = z.object({
  /** The agreement version the form was opened at; 0 when there was none. */
  version: z.coerce.number({ message: 'Last siden på nytt.' }).int().min(0),
  goals: plainText(
    z
      .string({ required_error: 'Skriv hva dere vil oppnå med utprøvingen.' })
      .trim()
      .min(1, 'Skriv hva dere vil oppnå med utprøvingen.')
      .min(5, 'Skriv litt mer om målene, minst fem tegn.')
      .max(2000, 'Høyst 2000 tegn.'),
  ),
  taskIds: boundedList(z.array(z.string().uuid('Ukjent oppgave. Last siden på nytt.'))).default([]),
  otherTasks: optionalText(2000),
  startDate: norwegianDateField('Skriv når utprøvingen starter, dd.mm.åååå.'),
  endDate: norwegianDateField('Skriv når utprøvingen slutter, dd.mm.åååå.'),
  meetingPoints: meetingPointsField,
  employerContactName: plainText(
    z.string({ required_error: 'Skriv hvem som er kontaktperson på arbeidsplassen.' }).trim().min(2, 'Skriv hele navnet.').max(200, 'Høyst 200 tegn.'),
  ),
  employerContactPhone: optionalText(40).refine((phone) => phone === '' || /^\+?[\d\s]{8,20}$/.test(phone), 'Skriv et telefonnummer med 8 sifre, for eksempel 22 33 44 55.'),
  employerContactEmail: optionalText(254).refine((email) => email === '' || z.string().email().safeParse(email).success, 'Skriv en gyldig e-postadresse.'),
  /** Only the employer's form has it; staff keep whoever the employer chose. */
  employerContactUserId: z.preprocess((value) => (value === '' ? undefined : value), z.string().uuid('Velg en person fra listen.').optional()),
  accommodationPromises: optionalText(2000),
})

/**
 * The trial agreement form. Checks that span fields run on the raw form (as in opening-form.ts): an object refine
 * would wait until every other field is valid, and the user would meet the errors one at a time.
 */
export function trialAgreementSchema() {
  const checked = z.preprocess((raw, context) => {
    const form = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
    const start = parsedDate(form.startDate)
    const end = parsedDate(form.endDate)
    if (start && end && end <= start) {
      context.addIssue({ code: 'custom', path: ['endDate'], message: 'Sluttdatoen må være etter startdatoen.' })
    } else if (start && end && daysBetween(start, end) > MAX_TRIAL_DAYS) {
      context.addIssue({ code: 'custom', path: ['endDate'], message: 'En utprøving kan vare høyst tre år. Sjekk årstallet.' })
    }
    const taskIds = Array.isArray(form.taskIds) ? form.taskIds : typeof form.taskIds === 'string' ? [form.taskIds] : []
    const otherTasks = typeof form.otherTasks === 'string' ? form.otherTasks.trim() : ''
    if (taskIds.length === 0 && otherTasks === '') {
      context.addIssue({ code: 'custom', path: ['otherTasks'], message: 'Velg minst én oppgave fra jobben, eller skriv hvilke oppgaver kandidaten skal gjøre.' })
    }
    return raw
  }, fields)
  return checked as unknown as z.ZodEffects<typeof fields>
}
export type TrialAgreementFormValue = z.infer<typeof fields>

export function trialAgreementInputFrom(value: TrialAgreementFormValue, employerContactUserId: string | null): TrialAgreementInput {
  return {
    goals: value.goals,
    taskIds: [...new Set(value.taskIds)],
    otherTasks: value.otherTasks,
    startDate: value.startDate,
    endDate: value.endDate,
    meetingPoints: value.meetingPoints,
    employerContactName: value.employerContactName,
    employerContactPhone: value.employerContactPhone,
    employerContactEmail: value.employerContactEmail,
    employerContactUserId,
    accommodationPromises: value.accommodationPromises,
  }
}

/** The form's starting values: the saved agreement, or what the opening already says (its contact, its tasks). */
export function trialAgreementFormDefaults(
  agreement: (TrialAgreementInput & { version: number }) | undefined,
  fallback: { contactName: string; contactPhone: string; contactEmail: string; taskIds: string[]; employerContactUserId: string | null },
) {
  if (!agreement) {
    return {
      version: '0',
      goals: '',
      taskIds: fallback.taskIds,
      otherTasks: '',
      startDate: '',
      endDate: '',
      meetingPoints: [],
      employerContactName: fallback.contactName,
      employerContactPhone: fallback.contactPhone,
      employerContactEmail: fallback.contactEmail,
      employerContactUserId: fallback.employerContactUserId ?? '',
      accommodationPromises: '',
    }
  }
  return {
    version: String(agreement.version),
    goals: agreement.goals,
    taskIds: agreement.taskIds,
    otherTasks: agreement.otherTasks,
    startDate: norwegianDate(agreement.startDate),
    endDate: norwegianDate(agreement.endDate),
    meetingPoints: agreement.meetingPoints.map((point) => ({ meetsOn: norwegianDate(point.meetsOn), note: point.note })),
    employerContactName: agreement.employerContactName,
    employerContactPhone: agreement.employerContactPhone,
    employerContactEmail: agreement.employerContactEmail,
    employerContactUserId: agreement.employerContactUserId ?? '',
    accommodationPromises: agreement.accommodationPromises,
  }
}
