/**
 * The life of a case: one candidate and one opening, from an employer's interest (or a specialist's proposal) to an
 * outcome. Pure: no I/O, so every transition rule is tested by table (tests/unit/case-flow.test.ts). The database
 * layer (prisma-free-sql/queries/cases.ts) stores what these functions decide.
 */
import { z } from 'zod'
import { plainText } from '../utils/form-text'

export const caseStatuses = [
  'new',
  'received',
  'candidate_asked',
  'candidate_yes',
  'meeting_agreed',
  'trial_running',
  'candidate_no',
  'hired',
  'not_hired',
  'withdrawn',
] as const
export type CaseStatus = (typeof caseStatuses)[number]

/** Ends of a case; each is reached with a reason and nothing follows it. */
export const endStatuses: readonly CaseStatus[] = ['candidate_no', 'hired', 'not_hired', 'withdrawn']
export const isEnded = (status: CaseStatus) => endStatuses.includes(status)

export const caseStatusLabels: Record<CaseStatus, string> = {
  new: 'Ny – ikke mottatt ennå',
  received: 'Mottatt av jobbspesialist',
  candidate_asked: 'Kandidaten er spurt',
  candidate_yes: 'Kandidaten har sagt ja',
  meeting_agreed: 'Møte er avtalt',
  trial_running: 'Utprøving pågår',
  candidate_no: 'Kandidaten takket nei',
  hired: 'Ansatt',
  not_hired: 'Ikke ansatt',
  withdrawn: 'Trukket',
}

/** Who acts: NAV staff handling the case, or the employer who owns the opening. */
export type CaseActorKind = 'staff' | 'employer'

type Transition = { from: readonly CaseStatus[]; to: CaseStatus; by: readonly CaseActorKind[]; reasonRequired: boolean; label: string }

const open: readonly CaseStatus[] = caseStatuses.filter((status) => !endStatuses.includes(status))

export const caseTransitions = {
  acknowledge: { from: ['new'], to: 'received', by: ['staff'], reasonRequired: false, label: 'Bekreft at saken er mottatt' },
  askCandidate: { from: ['received'], to: 'candidate_asked', by: ['staff'], reasonRequired: false, label: 'Kandidaten er spurt' },
  candidateSaidYes: { from: ['candidate_asked'], to: 'candidate_yes', by: ['staff'], reasonRequired: false, label: 'Kandidaten sa ja' },
  candidateSaidNo: { from: ['candidate_asked'], to: 'candidate_no', by: ['staff'], reasonRequired: true, label: 'Kandidaten sa nei' },
  agreeMeeting: { from: ['candidate_yes'], to: 'meeting_agreed', by: ['staff', 'employer'], reasonRequired: false, label: 'Møte er avtalt' },
  startTrial: { from: ['meeting_agreed'], to: 'trial_running', by: ['staff', 'employer'], reasonRequired: false, label: 'Start utprøving' },
  hire: { from: ['meeting_agreed', 'trial_running'], to: 'hired', by: ['staff', 'employer'], reasonRequired: true, label: 'Ansatt' },
  endWithoutHire: {
    from: ['meeting_agreed', 'trial_running'],
    to: 'not_hired',
    by: ['staff', 'employer'],
    reasonRequired: true,
    label: 'Avslutt uten ansettelse',
  },
  withdraw: { from: open, to: 'withdrawn', by: ['staff', 'employer'], reasonRequired: true, label: 'Trekk saken' },
} as const satisfies Record<string, Transition>
export type CaseAction = keyof typeof caseTransitions
export const caseActions = Object.keys(caseTransitions) as CaseAction[]

export type TransitionRefusal = 'not-allowed-from-status' | 'not-allowed-for-actor' | 'reason-required'
export type TransitionOutcome = { ok: true; to: CaseStatus } | { ok: false; refusal: TransitionRefusal; message: string }

/** Whether `actor` may take `action` on a case in `status`, and where it leads. Refusals come with a message in bokmål. */
export function decideTransition(status: CaseStatus, action: CaseAction, actor: CaseActorKind, reason = ''): TransitionOutcome {
  const transition: Transition = caseTransitions[action]
  if (!transition.from.includes(status)) {
    return {
      ok: false,
      refusal: 'not-allowed-from-status',
      message: `«${transition.label}» kan ikke gjøres når saken har status «${caseStatusLabels[status]}».`,
    }
  }
  if (!transition.by.includes(actor)) {
    return { ok: false, refusal: 'not-allowed-for-actor', message: `«${transition.label}» gjøres av NAV, ikke av arbeidsgiveren.` }
  }
  if (transition.reasonRequired && reason.trim() === '') {
    return { ok: false, refusal: 'reason-required', message: `Skriv en begrunnelse for «${transition.label}».` }
  }
  return { ok: true, to: transition.to }
}

/** The actions `actor` can take now, in the order a case usually moves. */
export function availableActions(status: CaseStatus, actor: CaseActorKind): CaseAction[] {
  return caseActions.filter((action) => {
    const transition: Transition = caseTransitions[action]
    return transition.from.includes(status) && transition.by.includes(actor)
  })
}

/** The employer's verdict on a candidate proposed to them. */
export const employerVerdicts = ['to_consider', 'relevant', 'not_relevant', 'got_the_job'] as const
export type EmployerVerdict = (typeof employerVerdicts)[number]
export const employerVerdictLabels: Record<EmployerVerdict, string> = {
  to_consider: 'Til vurdering',
  relevant: 'Aktuell',
  not_relevant: 'Ikke aktuell',
  got_the_job: 'Fikk jobben',
}
/** «Ikke aktuell» needs a reason, so the specialist learns what to propose next time. */
export const verdictNeedsReason = (verdict: EmployerVerdict) => verdict === 'not_relevant'

/** A move submitted from a case page. `version` is the case version the page showed. */
export const caseMoveSchema = z.object({
  intent: z.enum(caseActions as [CaseAction, ...CaseAction[]], { message: 'Ukjent handling. Last siden på nytt.' }),
  version: z.coerce.number({ message: 'Last siden på nytt.' }).int().min(1),
  reason: plainText(z.string().trim().max(1000, 'Begrunnelsen kan ha høyst 1000 tegn.')).default(''),
})
export type CaseMove = z.infer<typeof caseMoveSchema>

export const actionLabel = (action: CaseAction) => caseTransitions[action].label
export const actionNeedsReason = (action: CaseAction) => caseTransitions[action].reasonRequired

// ---------------------------------------------------------------------------------------------
// The employer's verdict on a proposal. It is the employer's view of the candidate, not a step of the flow: it never
// moves the status, so the transitions above stay the only way a case moves. A verdict can point the specialist to
// the step that follows from it (stepAfterVerdict), and the specialist takes that step with its own rules and reason.

export type CaseOrigin = 'employer_interest' | 'specialist_proposal'

/** The employer gives a verdict on a candidate NAV proposed (not on one they asked for themselves), while the case is open. */
export const verdictAllowed = (origin: CaseOrigin, status: CaseStatus) => origin === 'specialist_proposal' && !isEnded(status)

/** Shown where no verdict has been given yet. */
export const noVerdictLabel = 'Ikke vurdert ennå'

/**
 * Leaves room in the case event's reason (1000 characters) for the verdict's name in front of it, so the trail keeps
 * the whole reason (verdictEventReason).
 */
export const VERDICT_REASON_MAX = 900

/** A verdict posted from the employer's case page; `version` is the case version the page showed. */
export const verdictSchema = z
  .object({
    intent: z.literal('verdict', { errorMap: () => ({ message: 'Ukjent handling. Last siden på nytt.' }) }),
    version: z.coerce.number({ message: 'Last siden på nytt.' }).int().min(1),
    verdict: z.enum(employerVerdicts, { message: 'Velg en vurdering.' }),
    reason: plainText(z.string().trim().max(VERDICT_REASON_MAX, `Begrunnelsen kan ha høyst ${VERDICT_REASON_MAX} tegn.`)).default(''),
  })
  .superRefine((value, context) => {
    if (verdictNeedsReason(value.verdict) && value.reason === '') {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Skriv hvorfor kandidaten ikke er aktuell, så vet jobbspesialisten hva som passer bedre neste gang.',
      })
    }
  })
export type VerdictInput = z.infer<typeof verdictSchema>

/** What the case's history keeps of a verdict: which one, and the reason when one was given. */
export const verdictEventReason = (verdict: EmployerVerdict, reason: string) =>
  reason.trim() === '' ? employerVerdictLabels[verdict] : `${employerVerdictLabels[verdict]}: ${reason.trim()}`

/**
 * The step a verdict points the specialist to, if the flow allows it now: «Ikke aktuell» to closing the case, «Fikk
 * jobben» to recording the hire (which the flow allows only after a meeting; before that there is nothing to suggest,
 * as the candidate has not even been asked). Never taken automatically: the specialist may know better (say, the
 * employer meant "not now").
 */
export function stepAfterVerdict(verdict: EmployerVerdict | null, status: CaseStatus): CaseAction | null {
  const wanted: CaseAction | null = verdict === 'not_relevant' ? 'withdraw' : verdict === 'got_the_job' ? 'hire' : null
  return wanted && availableActions(status, 'staff').includes(wanted) ? wanted : null
}
