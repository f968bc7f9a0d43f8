/**
 * The trial agreement of a case (DOMAIN.md §3.7): written by NAV's specialist and the employer together while the
 * meeting is agreed (to prepare it) and while the trial runs, read-only once the case has moved on. Who reaches a
 * case at all is decided by cases.server.ts (404 for anyone else); this adds who may edit and checks what is saved.
 */
import { calendarDateProblem } from '../utils/opening-form'
import type { SubmissionResult } from '@conform-to/react'
import { getSql } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { appendCaseEvent, type Case } from '../../prisma-free-sql/queries/cases'
import {
  carvedTasksOfOpening,
  findTrialAgreement,
  insertTrialAgreement,
  lockCaseStatus,
  markFollowUpDone,
  openingContactOf,
  rescheduleFollowUps,
  updateTrialAgreement,
  type CarvedTask,
  type TrialAgreement,
} from '../../prisma-free-sql/queries/trial-agreements'
import { activeMembersOfOpening } from '../../prisma-free-sql/queries/organisations'
import { findUserById, type User } from '../../prisma-free-sql/queries/users'
import { candidateLabel } from '../../search-index/candidate-document'
import { trialAgreementInputFrom, trialAgreementSchema, type TrialAgreementFormValue } from '../utils/trial-agreement-form'
import type { TrialPageCase, TrialPageData } from '../components/trial-agreement-form'
import { caseStatusLabels, type CaseActorKind, type CaseStatus } from './case-flow'
import { followUpDates } from './trial-follow-up'
import { parseForm } from '../utils/form-text'

/** The agreement can be written from the agreed meeting (to prepare it) until the trial ends. */
export const agreementEditableStatuses: readonly CaseStatus[] = ['meeting_agreed', 'trial_running']
export const isAgreementEditable = (status: CaseStatus) => agreementEditableStatuses.includes(status)

/** Staff may change a case they own, or any case of their office as team lead (as on the case page). */
export const staffMayEdit = (user: User, found: Case) => found.ownerUserId === user.id || user.roles.includes('team_lead')

export type TrialPage = {
  agreement: TrialAgreement | undefined
  carvedTasks: CarvedTask[]
  openingTitle: string
  /** NAV's named contact: the case owner (work name and e-mail), or nobody yet while the case is in the queue. */
  navContact: { name: string; email: string } | undefined
  /** The organisation's members who may receive the follow-up notices (the employer's form only). */
  members: { userId: string; name: string }[]
  /** Defaults for a first agreement, from what the opening already says. */
  fallback: { contactName: string; contactPhone: string; contactEmail: string; taskIds: string[]; employerContactUserId: string | null }
  editable: boolean
}

/** What the trial page of a case shows to `side`; the case has already been checked as reachable for `user`. */
export async function trialPageOf(user: User, side: CaseActorKind, found: Case): Promise<TrialPage> {
  const sql = getSql()
  const [agreement, carvedTasks, opening, owner, members] = await Promise.all([
    findTrialAgreement(sql, found.id),
    carvedTasksOfOpening(sql, found.openingId),
    openingContactOf(sql, found.openingId),
    found.ownerUserId ? findUserById(sql, found.ownerUserId) : Promise.resolve(undefined),
    activeMembersOfOpening(sql, found.openingId),
  ])
  return {
    agreement,
    carvedTasks,
    openingTitle: opening.title,
    navContact: owner ? { name: owner.name, email: owner.email } : undefined,
    members: side === 'employer' ? members : [],
    fallback: {
      contactName: opening.contactName,
      contactPhone: opening.contactPhone,
      contactEmail: opening.contactEmail,
      taskIds: carvedTasks.map((task) => task.id),
      employerContactUserId: side === 'employer' ? user.id : defaultEmployerContact(found, members),
    },
    editable: isAgreementEditable(found.status) && (side === 'employer' || staffMayEdit(user, found)),
  }
}

/** When NAV writes the agreement first, the employer who showed interest gets the notices until the employer chooses. */
function defaultEmployerContact(found: Case, members: { userId: string }[]): string | null {
  return members.some((member) => member.userId === found.createdByUserId) ? found.createdByUserId : null
}

export type SaveOutcome =
  | { ok: true; created: boolean }
  | { ok: false; status: 400 | 403 | 409; formErrors?: string[]; fieldErrors?: Record<string, string[]> }

const staleMessage = 'Avtalen er endret av noen andre siden du åpnet siden. Det du skrev er ikke lagret: se gjennom den nye versjonen og gjør endringen på nytt.'

/**
 * Saves the agreement from a parsed form. The case is locked against a status change for the transaction, the
 * chosen tasks must belong to the carved job, and `value.version` must be the version the form was opened at (0 for
 * a first agreement), so two people editing at once cannot overwrite each other. The follow-up dates follow the
 * saved start and end.
 */
export async function saveTrialAgreement(user: User, side: CaseActorKind, found: Case, value: TrialAgreementFormValue): Promise<SaveOutcome> {
  if (side === 'staff' && !staffMayEdit(user, found)) {
    return { ok: false, status: 403, formErrors: ['Bare den som har saken, eller teamlederen, kan endre avtalen. Ta saken fra køen først.'] }
  }
  return getSql().begin(async (tx): Promise<SaveOutcome> => {
    const status = await lockCaseStatus(tx, found.id)
    if (!status) return { ok: false, status: 409, formErrors: ['Saken finnes ikke lenger.'] }
    if (!isAgreementEditable(status)) {
      return {
        ok: false,
        status: 409,
        formErrors: [`Avtalen kan bare endres mens møtet er avtalt eller utprøvingen pågår. Saken har status «${caseStatusLabels[status]}».`],
      }
    }
    const carvedTaskIds = new Set((await carvedTasksOfOpening(tx, found.openingId)).map((task) => task.id))
    if (value.taskIds.some((taskId) => !carvedTaskIds.has(taskId))) {
      return { ok: false, status: 400, fieldErrors: { taskIds: ['En av oppgavene hører ikke til jobben. Last siden på nytt og velg igjen.'] } }
    }
    const existing = await findTrialAgreement(tx, found.id)
    const members = await activeMembersOfOpening(tx, found.openingId)
    let contactUserId: string | null
    if (side === 'employer') {
      contactUserId = value.employerContactUserId ?? null
      if (contactUserId && !members.some((member) => member.userId === contactUserId)) {
        return { ok: false, status: 400, fieldErrors: { employerContactUserId: ['Velg en person som er med i virksomheten.'] } }
      }
    } else {
      contactUserId = existing ? existing.employerContactUserId : defaultEmployerContact(found, members)
    }
    const input = trialAgreementInputFrom(value, contactUserId)
    const saved =
      value.version === 0
        ? !existing && (await insertTrialAgreement(tx, found.id, input, user.id))
        : existing?.version === value.version && (await updateTrialAgreement(tx, found.id, value.version, input, user.id))
    if (!saved) return { ok: false, status: 409, formErrors: [staleMessage] }
    await rescheduleFollowUps(tx, found.id, followUpDates(input.startDate, input.endDate))
    const created = value.version === 0
    await appendCaseEvent(tx, { caseId: found.id, action: created ? 'trialAgreementCreated' : 'trialAgreementUpdated', fromStatus: status, toStatus: status, actorUserId: user.id })
    await appendAudit(tx, {
      actorUserId: user.id,
      action: created ? 'trial_agreement.created' : 'trial_agreement.updated',
      subjectType: 'case',
      subjectId: found.id,
      details: { side, startDate: input.startDate, endDate: input.endDate },
    })
    return { ok: true, created }
  })
}

/** NAV records that a follow-up was held (the employer sees it). */
export async function recordFollowUpHeld(user: User, found: Case, dueOn: string): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!staffMayEdit(user, found)) return { ok: false, message: 'Bare den som har saken, eller teamlederen, kan registrere oppfølgingen.' }
  if (calendarDateProblem(dueOn)) return { ok: false, message: 'Ukjent oppfølgingsdato. Last siden på nytt.' }
  return getSql().begin(async (tx) => {
    if (!(await markFollowUpDone(tx, found.id, dueOn, user.id))) return { ok: false as const, message: 'Oppfølgingsdatoen finnes ikke lenger. Last siden på nytt.' }
    await appendAudit(tx, { actorUserId: user.id, action: 'trial_follow_up.held', subjectType: 'case', subjectId: found.id, details: { dueOn } })
    return { ok: true as const }
  })
}

/**
 * Parses an agreement posted from a trial page and saves it. Every refusal is conform's reply to the same
 * submission, so the form comes back with what was typed and a message on the field (or the form) it concerns.
 */
export async function applyPostedAgreement(
  user: User,
  side: CaseActorKind,
  found: Case,
  formData: FormData,
): Promise<{ ok: true; created: boolean } | { ok: false; status: 400 | 403 | 409; reply: SubmissionResult<string[]> }> {
  const submission = parseForm(formData, { schema: trialAgreementSchema() })
  if (submission.status !== 'success') return { ok: false, status: 400, reply: submission.reply() }
  const saved = await saveTrialAgreement(user, side, found, submission.value)
  if (saved.ok) return saved
  return { ok: false, status: saved.status, reply: submission.reply({ formErrors: saved.formErrors, fieldErrors: saved.fieldErrors }) }
}

/** The trial page's data as both loaders send it (dates as ISO strings), with the case it belongs to. */
export function trialPageData(found: Case, page: TrialPage): TrialPageData & TrialPageCase {
  const { agreement } = page
  return {
    caseId: found.id,
    candidateLabel: candidateLabel(found.candidateId),
    openingTitle: page.openingTitle,
    status: found.status,
    // Only shown when the form is not: on the employer's side that is always for the status.
    lockedReason: isAgreementEditable(found.status)
      ? 'Bare den som har saken, eller teamlederen, kan endre avtalen.'
      : 'Avtalen kan skrives og endres når møtet er avtalt og mens utprøvingen pågår.',
    agreement: agreement
      ? {
          ...agreement,
          updatedAt: agreement.updatedAt.toISOString(),
          followUps: agreement.followUps.map((followUp) => ({
            ...followUp,
            notifiedAt: followUp.notifiedAt?.toISOString() ?? null,
            doneAt: followUp.doneAt?.toISOString() ?? null,
          })),
        }
      : null,
    carvedTasks: page.carvedTasks,
    navContact: page.navContact ?? null,
    members: page.members,
    fallback: page.fallback,
    editable: page.editable,
  }
}

/** What a case page needs to link to the trial: whether there is an agreement, and whether one can be written now. */
export async function trialSummaryOf(found: Case): Promise<{ hasAgreement: boolean; editable: boolean; running: boolean }> {
  const agreement = await findTrialAgreement(getSql(), found.id)
  return { hasAgreement: agreement !== undefined, editable: isAgreementEditable(found.status), running: found.status === 'trial_running' }
}
