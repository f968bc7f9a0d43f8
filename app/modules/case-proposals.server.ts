/**
 * A specialist proposes one of their office's candidates to a published opening, and the employer answers with a
 * verdict (DOMAIN.md §3.6: "or a specialist proposes a candidate"). A proposal is a case like an employer's interest:
 * one per candidate and opening however it came about (openCase in prisma-free-sql/queries/cases.ts finds the one
 * already there). Nothing about who the candidate is goes to the employer: the message is checked like profile text,
 * and the employer sees only the anonymised document until the candidate says yes to sharing more.
 */
import { json, redirect, type TypedResponse } from '@remix-run/node'
import { z } from 'zod'
import { getSql } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { readNamesForTextGuard, type Candidate } from '../../prisma-free-sql/queries/candidates'
import {
  casesOfCandidate,
  receiveOwnProposal,
  storeEmployerVerdict,
  type CandidateCase,
} from '../../prisma-free-sql/queries/case-proposals'
import { findCase, openCase, type Case } from '../../prisma-free-sql/queries/cases'
import { CURRENT_TERMS_VERSION, hasAcceptedTerms } from '../../prisma-free-sql/queries/employer-terms'
import { activeMembersOfOpening } from '../../prisma-free-sql/queries/organisations'
import type { User } from '../../prisma-free-sql/queries/users'
import { scoreMatch } from '../../matching/scoring'
import { getSearchBackend } from '../../search-index/backends'
import type { AnonymisedCandidate } from '../../search-index/candidate-document'
import { loadIndexedCandidates, loadIndexedOpenings } from '../../search-index/load-documents'
import { blockingFindings, checkFreeText, DIAGNOSIS_REASON, warningFindings } from '../utils/text-guard'
import { assertCaseworker } from './candidates.server'
import {
  employerVerdictLabels,
  stepAfterVerdict,
  verdictAllowed,
  verdictEventReason,
  verdictSchema,
  type CaseAction,
  type EmployerVerdict,
} from './case-flow'
import { notFound } from './employer-access.server'
import { notify } from './notifications.server'
import { plainText } from '../utils/form-text'

export const PROPOSAL_MESSAGE_MAX = 1000

export type ProposalOutcome =
  | { status: 'proposed'; caseId: string }
  /** There already was a case for this candidate and opening (the employer's interest, or an earlier proposal). */
  | { status: 'already-a-case'; caseId: string }
  | { status: 'refused'; message: string }
  /** The message would tell the employer who the candidate is (or names a diagnosis, and `warned` asks to confirm). */
  | { status: 'message-refused'; message: string; warned: boolean }

/**
 * Checks the message to the employer as profile text is checked (app/utils/text-guard.ts): ID numbers, phone numbers,
 * e-mail and web addresses and the candidate's own names are refused; a word that looks like a diagnosis is refused
 * until the specialist confirms it is not one.
 */
async function guardMessage(candidate: Candidate, message: string, diagnosisWarningSeen: boolean) {
  const findings = checkFreeText(message, { ownNames: await readNamesForTextGuard(getSql(), candidate.id) })
  const blocking = blockingFindings(findings)
  const warnings = diagnosisWarningSeen ? [] : warningFindings(findings)
  if (blocking.length > 0) {
    return {
      message: `Meldingen går til arbeidsgiveren, som ikke skal vite hvem kandidaten er. ${blocking.map((finding) => finding.message).join(' ')}`,
      warned: false,
    }
  }
  if (warnings.length > 0) {
    return {
      message: `${warnings.map((finding) => finding.message).join(' ')} ${DIAGNOSIS_REASON} Står det likevel ingen diagnose, kryss av og send igjen.`,
      warned: true,
    }
  }
  return undefined
}

/**
 * Proposes `candidate` (already checked to be at the user's office) to a published opening. Only while the candidate
 * is visible to employers (status, consent in force, a complete profile) and meets the opening's hard requirements,
 * which also keeps a candidate whose consent covers some counties away from employers elsewhere; a stale page is
 * refused, never shown to the employer.
 *
 * The proposer owns the case. It starts as received («Mottatt av jobbspesialist») with `acknowledged_at` set: the
 * same-day deadline exists so that an employer's interest is answered, and here the specialist is the one who acted,
 * so there is nobody to remind (the deadline columns are set to the moment of the proposal only because they are
 * required). The next step is the flow's own: ask the candidate, once the employer finds them relevant.
 */
export async function proposeCandidate(
  user: User,
  candidate: Candidate,
  input: { openingId: string; message: string; diagnosisWarningSeen?: boolean },
): Promise<ProposalOutcome> {
  assertCaseworker(user)
  if (candidate.officeId !== user.officeId) throw notFound()
  const message = input.message.trim()
  if (message.length > PROPOSAL_MESSAGE_MAX) return { status: 'message-refused', message: `Meldingen kan ha høyst ${PROPOSAL_MESSAGE_MAX} tegn.`, warned: false }
  const refusedMessage = await guardMessage(candidate, message, input.diagnosisWarningSeen ?? false)
  if (refusedMessage) return { status: 'message-refused', ...refusedMessage }

  const sql = getSql()
  const [openings, candidates] = await Promise.all([loadIndexedOpenings(sql, [input.openingId]), loadIndexedCandidates(sql, [candidate.id])])
  const opening = openings.get(input.openingId)
  const indexed = candidates.get(candidate.id)
  if (!opening) return { status: 'refused', message: 'Stillingen er ikke publisert lenger, så kandidaten kan ikke foreslås til den.' }
  if (!indexed) {
    return { status: 'refused', message: 'Kandidaten er ikke synlig for arbeidsgivere nå (samtykke, status eller profil), så hen kan ikke foreslås.' }
  }
  const explanation = scoreMatch(opening.matching, indexed.matching)
  if (!explanation.passes) return { status: 'refused', message: 'Kandidaten oppfyller ikke kravene til stillingen lenger. Listen er oppdatert.' }

  return sql.begin(async (tx): Promise<ProposalOutcome> => {
    const now = new Date()
    const opened = await openCase(tx, {
      openingId: input.openingId,
      candidateId: candidate.id,
      origin: 'specialist_proposal',
      routing: { kind: 'responsible', userId: user.id, name: user.name },
      officeId: candidate.officeId,
      teamId: user.teamId ?? undefined,
      acknowledgeBy: now,
      remindAt: now,
      employerMessage: message,
      createdByUserId: user.id,
    })
    if (!opened.created) return { status: 'already-a-case', caseId: opened.case.id }
    const caseId = opened.case.id
    await receiveOwnProposal(tx, caseId, user.id)
    await appendAudit(tx, {
      actorUserId: user.id,
      action: 'case.proposed',
      subjectType: 'case',
      subjectId: caseId,
      details: { openingId: input.openingId, candidateId: candidate.id, score: explanation.score },
    })
    // Nobody on the employer's side asked for a proposal, so the whole organisation hears of it.
    await notify(tx, (await activeMembersOfOpening(tx, input.openingId)).map((member) => member.userId), {
      kind: 'candidate_proposed',
      path: `/arbeidsgiver/saker/${caseId}`,
      eventKey: `case:${caseId}:proposed`,
      caseId,
    })
    return { status: 'proposed', caseId }
  })
}

const proposalSchema = z.object({
  intent: z.literal('propose'),
  candidateId: z.string().uuid({ message: 'Ukjent kandidat. Last siden på nytt.' }),
  openingId: z.string().uuid({ message: 'Ukjent stilling. Last siden på nytt.' }),
  message: plainText(z.string().trim().max(PROPOSAL_MESSAGE_MAX, `Meldingen kan ha høyst ${PROPOSAL_MESSAGE_MAX} tegn.`)).default(''),
  diagnosisWarningSeen: z.literal('ja').optional(),
})

/** What a list page shows when a proposal is refused: for which pair, what was typed, and why (kept in the form). */
export type ProposalFailure = { intent: 'propose'; candidateId: string; openingId: string; message: string; error: string; warned: boolean }

/**
 * Parses a proposal posted from one of the match lists and makes it. `candidateFor` resolves the posted candidate
 * the way the page allows (404 for a candidate at another office), so neither list can reach someone else's.
 */
export async function applyPostedProposal(
  user: User,
  formData: FormData,
  candidateFor: (candidateId: string) => Promise<Candidate>,
): Promise<{ ok: true; caseId: string; created: boolean } | { ok: false; status: 400 | 409; failure: ProposalFailure }> {
  const typed = { candidateId: String(formData.get('candidateId') ?? ''), openingId: String(formData.get('openingId') ?? ''), message: String(formData.get('message') ?? '') }
  const parsed = proposalSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    return { ok: false, status: 400, failure: { intent: 'propose', ...typed, error: parsed.error.issues[0]?.message ?? 'Ugyldig forespørsel.', warned: false } }
  }
  const candidate = await candidateFor(parsed.data.candidateId)
  const outcome = await proposeCandidate(user, candidate, {
    openingId: parsed.data.openingId,
    message: parsed.data.message,
    diagnosisWarningSeen: parsed.data.diagnosisWarningSeen === 'ja',
  })
  if (outcome.status === 'proposed') return { ok: true, caseId: outcome.caseId, created: true }
  if (outcome.status === 'already-a-case') return { ok: true, caseId: outcome.caseId, created: false }
  if (outcome.status === 'message-refused') {
    return { ok: false, status: 400, failure: { intent: 'propose', ...typed, error: outcome.message, warned: outcome.warned } }
  }
  return { ok: false, status: 409, failure: { intent: 'propose', ...typed, error: outcome.message, warned: false } }
}

/**
 * The «propose» intent of both match lists: a refusal goes back to the form that posted it, and a proposal (or the
 * case that was already there) back to the same page and filter at `#anchor`, with `melding` for ProposalNotice.
 */
export async function respondToPostedProposal(
  user: User,
  request: Request,
  formData: FormData,
  candidateFor: (candidateId: string) => Promise<Candidate>,
  anchor: string,
): Promise<TypedResponse<ProposalFailure>> {
  const proposed = await applyPostedProposal(user, formData, candidateFor)
  if (!proposed.ok) return json(proposed.failure, { status: proposed.status })
  const url = new URL(request.url)
  url.searchParams.set('melding', proposed.created ? 'foreslatt' : 'finnes')
  return redirect(`${url.pathname}${url.search}#${anchor}`)
}

export type VerdictOutcome = { ok: true } | { ok: false; message: string }

/**
 * The employer's verdict on a proposal (the route has checked that the case is on one of their openings). `version`
 * is the one the page showed: a page older than someone else's change is refused rather than overwriting it, and the
 * same verdict sent twice is stored (and told to the owner) once.
 */
export async function giveVerdict(user: User, caseId: string, input: { version: number; verdict: EmployerVerdict; reason: string }): Promise<VerdictOutcome> {
  return getSql().begin(async (tx): Promise<VerdictOutcome> => {
    const current = await findCase(tx, caseId)
    if (!current) return { ok: false, message: 'Saken finnes ikke lenger.' }
    if (!verdictAllowed(current.origin, current.status)) {
      return {
        ok: false,
        message:
          current.origin === 'specialist_proposal'
            ? 'Saken er avsluttet, så vurderingen kan ikke endres.'
            : 'Vurdering gis bare på kandidater som NAV har foreslått for dere.',
      }
    }
    if (current.version !== input.version) {
      return { ok: false, message: 'Saken er endret siden du åpnet siden. Se gjennom den nye statusen og gi vurderingen igjen om det fortsatt trengs.' }
    }
    const reason = input.reason.trim()
    if (current.employerVerdict === input.verdict && current.employerVerdictReason === reason) {
      return { ok: false, message: `Vurderingen «${employerVerdictLabels[input.verdict]}» er allerede lagret.` }
    }
    const newVersion = await storeEmployerVerdict(tx, {
      caseId,
      version: input.version,
      verdict: input.verdict,
      reason,
      eventReason: verdictEventReason(input.verdict, reason),
      actorUserId: user.id,
    })
    if (newVersion === undefined) return { ok: false, message: 'Saken ble endret samtidig av noen andre. Last siden på nytt.' }
    await appendAudit(tx, {
      actorUserId: user.id,
      action: 'case.verdict',
      subjectType: 'case',
      subjectId: caseId,
      details: { verdict: input.verdict, previous: current.employerVerdict },
    })
    if (current.ownerUserId) {
      await notify(tx, [current.ownerUserId], {
        kind: 'verdict_given',
        path: `/ansatt/saker/${caseId}`,
        eventKey: `case:${caseId}:verdict:${newVersion}`,
        caseId,
      })
    }
    return { ok: true }
  })
}

/** What the verdict form shows when a posted verdict is refused: what was chosen and typed, and why. */
export type VerdictFailure = { intent: 'verdict'; verdict: string; reason: string; error: string; field: 'reason' | 'form' }

/** Parses a verdict posted from the employer's case page and gives it; a refusal keeps what was chosen and typed. */
export async function applyPostedVerdict(
  user: User,
  found: Case,
  formData: FormData,
): Promise<{ ok: true } | { ok: false; status: 400 | 409; failure: VerdictFailure }> {
  const verdict = String(formData.get('verdict') ?? '')
  const reason = String(formData.get('reason') ?? '')
  const parsed = verdictSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      ok: false,
      status: 400,
      failure: { intent: 'verdict', verdict, reason, error: issue?.message ?? 'Ugyldig forespørsel.', field: issue?.path[0] === 'reason' ? 'reason' : 'form' },
    }
  }
  const given = await giveVerdict(user, found.id, parsed.data)
  return given.ok ? { ok: true } : { ok: false, status: 409, failure: { intent: 'verdict', verdict, reason, error: given.message, field: 'form' } }
}

/** What the case pages and lists show of a proposal: that it is one, the verdict, and the step it points NAV to. */
export type ProposalSummary = {
  proposal: boolean
  verdict: EmployerVerdict | null
  verdictReason: string
  /** For the staff page: the step the verdict points to, when the flow allows it now. */
  suggestedStep: CaseAction | null
}

export const proposalSummaryOf = (found: Pick<Case, 'origin' | 'status' | 'employerVerdict' | 'employerVerdictReason'>): ProposalSummary => ({
  proposal: found.origin === 'specialist_proposal',
  verdict: found.employerVerdict,
  verdictReason: found.employerVerdictReason,
  suggestedStep: found.origin === 'specialist_proposal' ? stepAfterVerdict(found.employerVerdict, found.status) : null,
})

export type ProposedCandidateView =
  | { status: 'shown'; candidate: AnonymisedCandidate }
  /** The employer has not accepted the terms that come before seeing candidate profiles. */
  | { status: 'terms' }
  /** No longer visible to employers (consent withdrawn, paused), or the search is unavailable. */
  | { status: 'hidden' }

/**
 * The proposed candidate as the employer may see them on the case page: only the anonymised document from the
 * search index (which holds visible candidates only), and only after the employer accepted the terms.
 */
export async function proposedCandidateFor(user: User, found: Case): Promise<ProposedCandidateView | null> {
  if (found.origin !== 'specialist_proposal') return null
  if (!(await hasAcceptedTerms(getSql(), user.id, CURRENT_TERMS_VERSION))) return { status: 'terms' }
  try {
    const candidate = (await getSearchBackend().candidateDocuments([found.candidateId])).get(found.candidateId)
    return candidate ? { status: 'shown', candidate } : { status: 'hidden' }
  } catch {
    return { status: 'hidden' }
  }
}

/** The candidate's cases by opening, for the specialist's list of openings (the candidate is at the user's office). */
export function casesOfCandidateForStaff(user: User, candidate: Candidate): Promise<Map<string, CandidateCase>> {
  assertCaseworker(user)
  if (candidate.officeId !== user.officeId) throw notFound()
  return casesOfCandidate(getSql(), candidate.id)
}
