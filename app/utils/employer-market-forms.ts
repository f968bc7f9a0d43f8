import { z } from 'zod'
import { contactKinds, pipelineStages } from '../../prisma-free-sql/queries/employer-relationships'
import { optionalText, plainText } from './form-text'
import { norwegianDateField } from './opening-form'
import { newOrganisationFields } from './organisation-form'

/** How far back a contact may be logged: a visit forgotten for a year is history, not a log entry. */
export const MAX_CONTACT_AGE_DAYS = 366

const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000

/** Logging a contact; `today` is the calendar date in Norway. */
export function contactLogSchema(today: string) {
  return z
    .object({
      kind: z.enum(contactKinds, { errorMap: () => ({ message: 'Velg hva slags kontakt det var.' }) }),
      contactedOn: norwegianDateField('Skriv datoen for kontakten, dd.mm.åååå.'),
      contactedTime: z
        .string()
        .trim()
        .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, 'Skriv klokkeslettet som tt:mm, for eksempel 09:30.')
        .transform((time) => time.replace('.', ':').padStart(5, '0'))
        .optional(),
      summary: plainText(z.string({ required_error: 'Skriv kort hva dere snakket om.' }).trim().min(1, 'Skriv kort hva dere snakket om.').max(2000, 'Høyst 2000 tegn.')),
      nextStep: optionalText(500),
      nextStepDue: norwegianDateField('').optional(),
      candidateId: z.string().uuid('Velg en kandidat fra listen.').optional(),
    })
    .superRefine((value, context) => {
      if (value.contactedOn > today) context.addIssue({ code: 'custom', path: ['contactedOn'], message: 'Kontakten kan ikke være fram i tid. Planlagte kontakter skrives som neste steg.' })
      else if (daysBetween(value.contactedOn, today) > MAX_CONTACT_AGE_DAYS) context.addIssue({ code: 'custom', path: ['contactedOn'], message: 'Kontakten er mer enn ett år gammel. Sjekk året.' })
      if (value.nextStepDue && value.nextStepDue < value.contactedOn) context.addIssue({ code: 'custom', path: ['nextStepDue'], message: 'Fristen for neste steg kan ikke være før kontakten.' })
      if (value.nextStepDue && !value.nextStep) context.addIssue({ code: 'custom', path: ['nextStep'], message: 'Skriv hva neste steg er, eller ta bort fristen.' })
    })
}
export type ContactLogValue = z.infer<ReturnType<typeof contactLogSchema>>

export const NOT_RELEVANT_REASON_REQUIRED = 'Skriv hvorfor virksomheten ikke er aktuell. Begrunnelsen er påkrevd.'

/** A card moved on the board or on the employer's page; the version is what the mover saw. */
export const stageMoveSchema = z
  .object({
    stage: z.enum(pipelineStages, { errorMap: () => ({ message: 'Velg et steg.' }) }),
    reason: optionalText(500),
    stageVersion: z.coerce.number({ invalid_type_error: 'Last siden på nytt.' }).int().min(1),
  })
  .superRefine((value, context) => {
    if (value.stage === 'not_relevant' && !value.reason) context.addIssue({ code: 'custom', path: ['reason'], message: NOT_RELEVANT_REASON_REQUIRED })
  })
export type StageMove = z.infer<typeof stageMoveSchema>

export const traineeCapacitySchema = z.object({
  traineeCapacity: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value),
    z.coerce
      .number({ invalid_type_error: 'Skriv et helt tall fra 0 til 200, eller la feltet stå tomt.' })
      .int('Skriv et helt tall fra 0 til 200, eller la feltet stå tomt.')
      .min(0, 'Skriv et helt tall fra 0 til 200, eller la feltet stå tomt.')
      .max(200, 'Skriv et helt tall fra 0 til 200, eller la feltet stå tomt.')
      .nullable(),
  ),
})

/** An employer added by NAV staff before anyone there has an account. */
export const addEmployerSchema = z.object({
  ...newOrganisationFields,
  takeOwnership: z.literal('on').optional(),
})
export type AddEmployerValue = z.infer<typeof addEmployerSchema>
