/**
 * Disclosure of identity in a case (issue 6, part 4): who may share, and who sees what until when. Pure: no I/O, so
 * every rule is tested by table (tests/unit/case-disclosure.test.ts). The database layer
 * (prisma-free-sql/queries/case-disclosures.ts) stores what these functions decide, and
 * app/modules/case-disclosure.server.ts applies them.
 *
 * Fail closed: shared details are shown only when every fact is known to be in order. Anything missing, malformed or
 * unknown means hidden.
 */
import { z } from 'zod'
import type { CaseStatus } from './case-flow'

/**
 * What can be shared with an employer. The national ID number, the birth date, the address and anything about health
 * are not on the list and never will be: the employer needs a way to reach the person, nothing more.
 */
export const disclosureFields = ['name', 'phone', 'email'] as const
export type DisclosureField = (typeof disclosureFields)[number]

export const disclosureFieldLabels: Record<DisclosureField, string> = { name: 'Navn', phone: 'Telefon', email: 'E-post' }

/** The chosen fields once each, in the list's order; unknown values are dropped. */
export function canonicalFields(values: readonly unknown[]): DisclosureField[] {
  return disclosureFields.filter((field) => values.includes(field))
}

/** How long shared details stay: six calendar months (NAV's practice for candidate data shared with employers). */
export const DISCLOSURE_MONTHS = 6
/** The longest six calendar months there are (July to January); the database refuses anything longer. */
export const MAX_DISCLOSURE_DAYS = 184

/** Six calendar months after `from`, at the same time of day (UTC); the 31st becomes the month's last day. */
export function disclosureExpiry(from: Date): Date {
  const year = from.getUTCFullYear()
  const month = from.getUTCMonth() + DISCLOSURE_MONTHS
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(
    Date.UTC(year, month, Math.min(from.getUTCDate(), lastDay), from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()),
  )
}

// ---------------------------------------------------------------------------------------------
// Who may share

/** The case has the candidate's yes and has not ended without a hire. */
export const sharingStatuses: readonly CaseStatus[] = ['candidate_yes', 'meeting_agreed', 'trial_running', 'hired']
/** The transition that records the candidate's yes (app/modules/case-flow.ts). */
export const CANDIDATE_YES_ACTION = 'candidateSaidYes'

export type SharingInput = {
  /** The staff member owns the case, or is a team lead at the case's office. */
  mayAct: boolean
  status: string
  /** The actions in the case history, oldest first. */
  historyActions: readonly string[]
}
export type SharingRefusal = 'not-allowed-for-user' | 'not-allowed-from-status' | 'no-candidate-yes'
export type SharingDecision = { ok: true } | { ok: false; refusal: SharingRefusal; message: string }

export function decideSharing(input: SharingInput): SharingDecision {
  if (input.mayAct !== true) {
    return { ok: false, refusal: 'not-allowed-for-user', message: 'Bare den som har saken, eller teamlederen, kan dele kontaktopplysninger.' }
  }
  if (!(sharingStatuses as readonly string[]).includes(input.status)) {
    return {
      ok: false,
      refusal: 'not-allowed-from-status',
      message: 'Kontaktopplysninger kan bare deles når kandidaten har sagt ja og saken ikke er avsluttet uten ansettelse.',
    }
  }
  if (!input.historyActions.includes(CANDIDATE_YES_ACTION)) {
    return { ok: false, refusal: 'no-candidate-yes', message: 'Kandidatens ja er ikke registrert i saken. Registrer «Kandidaten sa ja» først.' }
  }
  return { ok: true }
}

// ---------------------------------------------------------------------------------------------
// Who sees what, until when

/** A case that ends here hides the shared details at once; «hired» keeps them until they expire. */
export const hidingStatuses: readonly CaseStatus[] = ['candidate_no', 'not_hired', 'withdrawn']

export type DisclosureState = {
  caseStatus: string
  sharedAt: Date
  expiresAt: Date
  revokedAt: Date | null
  purgedAt: Date | null
}

export type HiddenReason =
  /** The stored facts do not make sense (dates missing or out of order, longer than six months). */
  | 'invalid'
  /** Shared later than `now`: a clock that is behind. Hidden, but not a reason to delete anything. */
  | 'not-yet-shared'
  | 'revoked'
  | 'purged'
  | 'case-ended'
  /** Any other status than the ones sharing is allowed in. */
  | 'case-status'
  | 'expired'
export type DisclosureVisibility = { visible: true } | { visible: false; reason: HiddenReason }

const isDate = (value: unknown): value is Date => value instanceof Date && Number.isFinite(value.getTime())
const DAY_MS = 24 * 60 * 60 * 1000

/** Whether the employer may see the shared details at `now`. */
export function disclosureVisibility(state: DisclosureState, now: Date): DisclosureVisibility {
  const hidden = (reason: HiddenReason): DisclosureVisibility => ({ visible: false, reason })
  if (!state || !isDate(now) || !isDate(state.sharedAt) || !isDate(state.expiresAt)) return hidden('invalid')
  if (state.revokedAt !== null && !isDate(state.revokedAt)) return hidden('invalid')
  if (state.purgedAt !== null && !isDate(state.purgedAt)) return hidden('invalid')
  const lasts = state.expiresAt.getTime() - state.sharedAt.getTime()
  if (lasts <= 0 || lasts > MAX_DISCLOSURE_DAYS * DAY_MS) return hidden('invalid')
  if (state.revokedAt !== null) return hidden('revoked')
  if (state.purgedAt !== null) return hidden('purged')
  if ((hidingStatuses as readonly string[]).includes(state.caseStatus)) return hidden('case-ended')
  if (!(sharingStatuses as readonly string[]).includes(state.caseStatus)) return hidden('case-status')
  if (now.getTime() >= state.expiresAt.getTime()) return hidden('expired')
  if (now.getTime() < state.sharedAt.getTime()) return hidden('not-yet-shared')
  return { visible: true }
}

export const purgeReasons = ['revoked', 'expired', 'case_ended', 'not_visible'] as const
export type PurgeReason = (typeof purgeReasons)[number]

/**
 * Why the purge deletes the shared values, or undefined when it must keep them: they are visible, or hidden only for
 * now (a clock behind the one that shared them). Every other reason is for good: a withdrawal and an end of the case
 * are final, and time does not go back.
 */
export function purgeReasonFor(visibility: DisclosureVisibility): PurgeReason | undefined {
  if (visibility.visible) return undefined
  switch (visibility.reason) {
    case 'not-yet-shared':
    case 'purged':
      return undefined
    case 'revoked':
      return 'revoked'
    case 'expired':
      return 'expired'
    case 'case-ended':
      return 'case_ended'
    default:
      return 'not_visible'
  }
}

/** The facts of one sharing as staff pages show them (dates as ISO strings), without the values. */
export type DisclosureFacts = {
  id: string
  fields: DisclosureField[]
  sharedByName: string
  sharedAt: string
  expiresAt: string
  revokedAt: string | null
  revokedByName: string | null
  endedAt: string | null
  purgedAt: string | null
  purgeReason: PurgeReason | null
  /** Whether the employer sees it now (disclosureVisibility). */
  visible: boolean
}

export const hiddenReasonTexts: Record<HiddenReason, string> = {
  invalid: 'Delingen er ikke gyldig.',
  'not-yet-shared': 'Delingen er ikke i kraft ennå.',
  revoked: 'Jobbspesialisten har trukket delingen tilbake.',
  purged: 'Opplysningene er slettet.',
  'case-ended': 'Saken er avsluttet uten ansettelse, så opplysningene er ikke lenger synlige.',
  'case-status': 'Saken har en status der opplysningene ikke vises.',
  expired: 'Det har gått 6 måneder siden opplysningene ble delt, så de er ikke lenger synlige.',
}

// ---------------------------------------------------------------------------------------------
// The form

/** What the specialist posts to share: the fields, and that the candidate agreed to exactly these. */
export const shareFormSchema = z.object({
  fields: z
    .array(z.string())
    .transform((values) => canonicalFields(values))
    .refine((fields) => fields.length > 0, 'Velg minst én opplysning å dele.'),
  confirmed: z.literal('ja', { errorMap: () => ({ message: 'Bekreft at kandidaten har sagt ja til å dele akkurat disse opplysningene.' }) }),
})

/** «navn, telefon og e-post»: the chosen fields in a sentence. */
export function fieldsInWords(fields: readonly DisclosureField[]): string {
  const words = canonicalFields(fields).map((field) => disclosureFieldLabels[field].toLocaleLowerCase('nb'))
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} og ${words[words.length - 1]}`
}
