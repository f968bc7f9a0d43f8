import { getSql, type Queryable } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { employerRecipientsForCase, marketContactsForOpening, queueHoldersFor } from '../../prisma-free-sql/queries/case-deadlines'
import { findAbsence, findCandidate } from '../../prisma-free-sql/queries/candidates'
import {
  appendCaseEvent,
  caseHistory,
  findCase,
  listCasesForEmployer,
  listCasesForStaff,
  moveCase,
  openCase,
  takeCaseFromQueue,
  type Case,
  type CaseEvent,
  type ListedCase,
} from '../../prisma-free-sql/queries/cases'
import { findOpeningForMember } from '../../prisma-free-sql/queries/openings'
import { findUserById, type User } from '../../prisma-free-sql/queries/users'
import { assertCaseworker } from './candidates.server'
import { caseMoveSchema, decideTransition, isEnded, type CaseAction, type CaseActorKind } from './case-flow'
import { notFound, requireUuid } from './employer-access.server'
import { routeCase, type Routing, type StaffMember } from './case-routing'
import { notify } from './notifications.server'
import { acknowledgeDeadline, reminderTime } from './working-days'
import { organisationPath } from '../utils/market-paths'

const asStaffMember = (user: User): StaffMember => ({ userId: user.id, name: user.name, active: user.disabledAt === null })

/** Who should take a new case about this candidate now: the responsible specialist, their stand-in, or the queue. */
export async function routingFor(sql: Queryable, candidateId: string): Promise<{ routing: Routing; officeId: string; teamId: string | undefined }> {
  const candidate = await findCandidate(sql, candidateId)
  if (!candidate) throw new Error(`No candidate ${candidateId}`)
  const responsible = await findUserById(sql, candidate.responsibleUserId)
  const absence = responsible ? await findAbsence(sql, responsible.id) : undefined
  const standIn = absence ? await findUserById(sql, absence.standInUserId) : undefined
  const standInAway = standIn ? (await findAbsence(sql, standIn.id)) !== undefined : false
  // The queue is the responsible specialist's team at the candidate's office, or the office's when they have none.
  const teamId = responsible?.officeId === candidate.officeId ? (responsible.teamId ?? undefined) : undefined
  const routing = routeCase({
    responsible: responsible ? asStaffMember(responsible) : undefined,
    responsibleAway: absence !== undefined,
    standIn: standIn ? { ...asStaffMember(standIn), alsoAway: standInAway } : undefined,
    officeId: candidate.officeId,
    teamId,
  })
  return { routing, officeId: candidate.officeId, teamId }
}

/**
 * Opens (or finds) the case for an employer's interest, routed and with its deadline, without telling anyone: the
 * demo data opens its cases this way (scripts/demo-cases.ts); the portal goes through openCaseForInterest.
 */
export async function openRoutedInterestCase(
  tx: Queryable,
  input: { openingId: string; candidateId: string; employerUserId: string; message: string; now?: Date },
): Promise<{ case: Case; created: boolean }> {
  const now = input.now ?? new Date()
  const { routing, officeId, teamId } = await routingFor(tx, input.candidateId)
  const acknowledgeBy = acknowledgeDeadline(now)
  return openCase(tx, {
    openingId: input.openingId,
    candidateId: input.candidateId,
    origin: 'employer_interest',
    routing,
    officeId,
    teamId,
    acknowledgeBy,
    remindAt: reminderTime(now, acknowledgeBy),
    employerMessage: input.message,
    createdByUserId: input.employerUserId,
  })
}

/**
 * The case behind an employer's interest, opened in the caller's transaction (with the interest itself), so an
 * interest is never recorded without someone to answer it. A repeated interest finds the case already open.
 */
export async function openCaseForInterest(
  tx: Queryable,
  input: { openingId: string; candidateId: string; employer: User; message: string; now?: Date },
): Promise<{ case: Case; created: boolean }> {
  const opened = await openRoutedInterestCase(tx, { ...input, employerUserId: input.employer.id })
  if (opened.created) {
    await appendAudit(tx, {
      actorUserId: input.employer.id,
      action: 'case.opened',
      subjectType: 'case',
      subjectId: opened.case.id,
      details: { openingId: input.openingId, candidateId: input.candidateId, routedAs: opened.case.routedAs },
    })
    await notifyCaseOpened(tx, opened.case)
  }
  return opened
}

/** A new case reaches whoever holds it (or the queue's specialists), and the employer's market contacts. */
async function notifyCaseOpened(tx: Queryable, opened: Case): Promise<void> {
  const path = `/ansatt/saker/${opened.id}`
  const eventKey = `case:${opened.id}:opened`
  if (opened.ownerUserId) {
    await notify(tx, [opened.ownerUserId], { kind: 'case_new', path, eventKey, caseId: opened.id, dueAt: opened.acknowledgeBy })
  } else {
    const queue = await queueHoldersFor(tx, { officeId: opened.officeId, teamId: opened.teamId })
    await notify(tx, queue, { kind: 'case_new_in_queue', path, eventKey, caseId: opened.id, dueAt: opened.acknowledgeBy })
  }
  const market = await marketContactsForOpening(tx, opened.openingId)
  if (market) await notify(tx, market.recipients, { kind: 'case_new_for_market', path: organisationPath(market.organisationId), eventKey, caseId: opened.id })
}

/**
 * The other side hears of a move: NAV's moves reach the employer in the portal's inbox; the employer's reach the case
 * holder by e-mail too, and ending a trial is its own, urgent notice (the specialist follows up at once).
 */
async function notifyCaseMoved(tx: Queryable, moved: Case, actor: CaseActorKind, from: Case['status']): Promise<void> {
  const eventKey = `case:${moved.id}:v${moved.version}`
  if (actor === 'staff') {
    const employers = await employerRecipientsForCase(tx, moved.id)
    await notify(tx, employers, { kind: 'case_status_changed', path: `/arbeidsgiver/saker/${moved.id}`, eventKey, caseId: moved.id, inAppOnly: true })
    return
  }
  const holders = moved.ownerUserId ? [moved.ownerUserId] : await queueHoldersFor(tx, { officeId: moved.officeId, teamId: moved.teamId })
  const kind = from === 'trial_running' && isEnded(moved.status) ? 'trial_ending' : 'case_status_changed'
  await notify(tx, holders, { kind, path: `/ansatt/saker/${moved.id}`, eventKey, caseId: moved.id })
}

export type MoveOutcome = { ok: true; case: Case } | { ok: false; message: string }

/**
 * One step of the flow (case-flow.ts decides whether it is allowed). `version` is the one the page showed: a second
 * submit, or a page older than someone else's move, is refused with a message instead of moving the case twice.
 */
export async function moveCaseAs(
  user: User,
  actor: CaseActorKind,
  input: { caseId: string; version: number; action: CaseAction; reason: string },
): Promise<MoveOutcome> {
  return getSql().begin(async (tx) => {
    const current = await findCase(tx, input.caseId)
    if (!current) return { ok: false, message: 'Saken finnes ikke lenger.' }
    if (current.version !== input.version) {
      return { ok: false, message: 'Saken er endret siden du åpnet siden. Se gjennom den nye statusen og prøv igjen om det fortsatt trengs.' }
    }
    const decision = decideTransition(current.status, input.action, actor, input.reason)
    if (!decision.ok) return { ok: false, message: decision.message }
    const moved = await moveCase(tx, {
      caseId: current.id,
      version: current.version,
      action: input.action,
      from: current.status,
      to: decision.to,
      actorUserId: user.id,
      reason: input.reason.trim(),
    })
    if (!moved) return { ok: false, message: 'Saken ble endret samtidig av noen andre. Last siden på nytt.' }
    await appendAudit(tx, {
      actorUserId: user.id,
      action: `case.${input.action}`,
      subjectType: 'case',
      subjectId: current.id,
      details: { from: current.status, to: decision.to },
    })
    const after = (await findCase(tx, current.id))!
    await notifyCaseMoved(tx, after, actor, current.status)
    return { ok: true, case: after }
  })
}

/** A case is reachable for staff at the office that follows the candidate up; anyone else gets 404. */
export async function requireCaseForStaff(user: User, caseId: string | undefined): Promise<Case> {
  assertCaseworker(user)
  const found = await findCase(getSql(), requireUuid(caseId))
  if (!found || found.officeId !== user.officeId) throw notFound()
  return found
}

/** A case is reachable for the employer whose organisation owns the opening; anyone else gets 404. */
export async function requireCaseForEmployer(user: User, caseId: string | undefined): Promise<Case & { openingTitle: string }> {
  const sql = getSql()
  const found = await findCase(sql, requireUuid(caseId))
  const opening = found ? await findOpeningForMember(sql, found.openingId, user.id) : undefined
  if (!found || !opening) throw notFound()
  return { ...found, openingTitle: opening.title }
}

export function caseHistoryOf(caseId: string): Promise<CaseEvent[]> {
  return caseHistory(getSql(), caseId)
}

export type StaffInbox = { mine: ListedCase[]; queue: ListedCase[]; team: ListedCase[]; overdue: number; unacknowledged: number }

/** The specialist's inbox: their own open cases, the queue they can take from, and for team leads the whole team's. */
export async function staffInbox(user: User, now = new Date()): Promise<StaffInbox> {
  assertCaseworker(user)
  const wholeTeam = user.roles.includes('team_lead')
  const cases = await listCasesForStaff(getSql(), { userId: user.id, officeId: user.officeId, teamId: user.teamId, wholeTeam })
  const open = cases.filter((item) => !isEnded(item.status))
  const mine = cases.filter((item) => item.ownerUserId === user.id)
  const queue = open.filter((item) => item.ownerUserId === null)
  const team = wholeTeam ? cases.filter((item) => item.ownerUserId !== null && item.ownerUserId !== user.id) : []
  const unacknowledged = open.filter((item) => item.acknowledgedAt === null && (item.ownerUserId === user.id || item.ownerUserId === null))
  return {
    mine,
    queue,
    team,
    unacknowledged: unacknowledged.length,
    overdue: unacknowledged.filter((item) => item.acknowledgeBy.getTime() < now.getTime()).length,
  }
}

export function employerCases(user: User): Promise<ListedCase[]> {
  return listCasesForEmployer(getSql(), user.id)
}

/** Takes a case nobody holds (the team queue). */
export async function takeCase(user: User, found: Case, version: number): Promise<MoveOutcome> {
  return getSql().begin(async (tx) => {
    if (!(await takeCaseFromQueue(tx, found.id, user.id, version))) {
      return { ok: false, message: 'Saken er allerede tatt av en kollega, eller endret siden du åpnet siden.' }
    }
    await appendCaseEvent(tx, { caseId: found.id, action: 'take', fromStatus: found.status, toStatus: found.status, actorUserId: user.id })
    await appendAudit(tx, { actorUserId: user.id, action: 'case.take', subjectType: 'case', subjectId: found.id })
    return { ok: true, case: (await findCase(tx, found.id))! }
  })
}

/** What a case page shows when a posted step is refused: which form, what was typed, and why. */
export type CaseMoveFailure = { intent: string; reason: string; error: string }

/** Parses a step posted from a case page (`intent`, `version`, `reason`) and applies it; a refusal keeps what was typed. */
export async function applyPostedMove(
  user: User,
  actor: CaseActorKind,
  found: Case,
  formData: FormData,
): Promise<{ ok: true } | { ok: false; status: 400 | 409; failure: CaseMoveFailure }> {
  const intent = String(formData.get('intent') ?? '')
  const reason = String(formData.get('reason') ?? '')
  const parsed = caseMoveSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return { ok: false, status: 400, failure: { intent, reason, error: parsed.error.issues[0]?.message ?? 'Ugyldig forespørsel.' } }
  const moved = await moveCaseAs(user, actor, { caseId: found.id, version: parsed.data.version, action: parsed.data.intent, reason: parsed.data.reason })
  return moved.ok ? { ok: true } : { ok: false, status: 409, failure: { intent, reason, error: moved.message } }
}
