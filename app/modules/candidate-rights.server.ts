/**
 * Retention and rights (issue 8, part 4). Decision: docs/decisions/015-retention-and-candidate-rights.md.
 *
 * - Export: everything the portal holds about a candidate, as one JSON document, for the candidate's right of access.
 *   It holds the identity, so it is reachable for the same staff as the personalia page (caseworkers at the office
 *   that follows the candidate up) and every export is written to the audit log in the same transaction as the read.
 * - Deletion on request: only the responsible specialist or a team lead at the candidate's office, confirmed by typing
 *   the candidate's name and choosing a reason. Everything about the candidate goes in one transaction (the candidate
 *   row and all that cascades from it, e-mails and notices about them); the search index follows through the sync
 *   outbox, so Meilisearch gets the removal too; audit entries about them keep only the action, time and actor; one
 *   entry records the deletion with the reason category.
 * - Inactive accounts: warned 30 days ahead, disabled after 12 months without use (scheduled job).
 */
import { wakeEmailWorkersSoon } from '../../emails/outbox-worker'
import { getSql, type Queryable, type Sql } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import {
  auditEntriesAbout,
  caseEventsOf,
  caseIdsOfCandidate,
  casesOfCandidate,
  deleteCandidateRow,
  deleteEmailsAbout,
  deleteNoticesLinkingTo,
  deletionRecordedBy,
  disclosuresOf,
  emailsAbout,
  employerContactsAbout,
  exposuresOf,
  fullCandidateHistory,
  interestsIn,
  lockCandidateForDeletion,
  meetingMentionsOf,
  noticesAbout,
  readNameForConfirmation,
  scrubAuditEntriesAbout,
  shortlistEntriesOf,
  trialAgreementsOf,
} from '../../prisma-free-sql/queries/candidate-rights'
import { findProfile, listConsents, readIdentity, type Candidate } from '../../prisma-free-sql/queries/candidates'
import { enqueueEmail } from '../../prisma-free-sql/queries/email-outbox'
import { claimAccountsToWarn, disableWarnedInactiveAccounts } from '../../prisma-free-sql/queries/inactive-accounts'
import type { User } from '../../prisma-free-sql/queries/users'
import { candidateLabel } from '../../search-index/candidate-document'
import { enqueueSearchSync } from '../../search-index/sync'
import { forbidden } from '../utils/auth.server'
import { portalUrl } from '../utils/email.server'
import { assertCaseworker } from './candidates.server'
import { notFound, requireUuid } from './employer-access.server'
import { deletionReasons, readDeletionReason, type DeletionReason } from './candidate-rights'

// ---------------------------------------------------------------------------------------------
// Who may do what

/** Deleting is for good: only the responsible specialist, or a team lead at the candidate's office. */
export function mayDeleteCandidate(user: User, candidate: Pick<Candidate, 'officeId' | 'responsibleUserId'>): boolean {
  return (
    user.accountType === 'staff' &&
    user.officeId === candidate.officeId &&
    (candidate.responsibleUserId === user.id || user.roles.includes('team_lead'))
  )
}


// ---------------------------------------------------------------------------------------------
// Export

export const EXPORT_FORMAT_VERSION = 1

export type CandidateExport = Awaited<ReturnType<typeof readEverything>> & {
  format: { name: 'jobbsnekker-kandidateksport'; version: number }
  exportedAt: string
  exportedBy: string
}

const withoutCaseId = <T extends { caseId: string }>({ caseId: _caseId, ...rest }: T): Omit<T, 'caseId'> => rest

async function readEverything(tx: Queryable, candidate: Candidate) {
  const caseIds = await caseIdsOfCandidate(tx, candidate.id)
  const [identity, profile, consents, history, cases, caseEvents, disclosures, trials, interest, shortlists, exposures, meetings, contacts, notices, emails, audit] =
    await Promise.all([
      readIdentity(tx, candidate.id),
      findProfile(tx, candidate.id),
      listConsents(tx, candidate.id),
      fullCandidateHistory(tx, candidate.id),
      casesOfCandidate(tx, candidate.id),
      caseEventsOf(tx, caseIds),
      disclosuresOf(tx, caseIds),
      trialAgreementsOf(tx, caseIds),
      interestsIn(tx, candidate.id),
      shortlistEntriesOf(tx, candidate.id),
      exposuresOf(tx, candidate.id),
      meetingMentionsOf(tx, candidate.id),
      employerContactsAbout(tx, candidate.id),
      noticesAbout(tx, candidate.id, caseIds),
      emailsAbout(tx, candidate.id, caseIds),
      auditEntriesAbout(tx, candidate.id, caseIds),
    ])
  return {
    candidate: {
      id: candidate.id,
      label: candidateLabel(candidate.id),
      status: candidate.status,
      office: candidate.officeName,
      responsible: candidate.responsibleName,
      createdAt: candidate.createdAt,
      lastActivityAt: candidate.lastActivityAt,
    },
    identity: identity ?? null,
    profile: profile ?? null,
    consents,
    history,
    cases: cases.map((found) => {
      const trial = trials.find((item) => item.caseId === found.id)
      return {
        ...found,
        events: caseEvents.filter((event) => event.caseId === found.id).map(withoutCaseId),
        disclosures: disclosures.filter((item) => item.caseId === found.id).map(withoutCaseId),
        trialAgreement: trial ? withoutCaseId(trial) : null,
      }
    }),
    interest,
    shortlists,
    matchExposures: exposures,
    matchingMeetings: meetings,
    employerContacts: contacts,
    notices,
    emails,
    auditEntries: audit,
  }
}

/**
 * Everything about the candidate, for the candidate. A view of identified data: the audit entry
 * (`candidate.exported`) is written in the same transaction as the read, before anything is returned.
 */
export async function exportCandidate(user: User, candidate: Candidate, now = new Date()): Promise<CandidateExport> {
  assertCaseworker(user)
  if (candidate.officeId !== user.officeId) throw notFound()
  return getSql().begin(async (tx) => {
    await appendAudit(tx, {
      actorUserId: user.id,
      action: 'candidate.exported',
      subjectType: 'candidate',
      subjectId: candidate.id,
      details: { reason: 'innsyn', format: 'json' },
    })
    const everything = await readEverything(tx, candidate)
    return {
      format: { name: 'jobbsnekker-kandidateksport' as const, version: EXPORT_FORMAT_VERSION },
      exportedAt: now.toISOString(),
      exportedBy: user.name,
      ...everything,
    }
  })
}

/** `jobbsnekker-kandidat-AB12CD-2026-12-02.json`: no name in the file name, which lands in download lists and logs. */
export function exportFileName(candidate: Pick<Candidate, 'id'>, now = new Date()): string {
  const label = candidateLabel(candidate.id).replace(/^Kandidat /, '')
  return `jobbsnekker-kandidat-${label}-${now.toISOString().slice(0, 10)}.json`
}

// ---------------------------------------------------------------------------------------------
// Deletion

export type DeletionOutcome =
  | { status: 'deleted'; scrubbedAuditEntries: number; deletedEmails: number }
  | { status: 'refused'; field: 'confirmName' | 'reason' | 'form'; message: string }

/** Spaces, case and Unicode form do not matter when the name is typed to confirm. */
export function normaliseName(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb')
}

/**
 * Deletes the candidate and everything about them, in one transaction with the candidate row locked: a second
 * submit finds nothing (404). Refused, with a message, when the user may not, the name does not match or the reason
 * is not one of the list.
 */
export async function deleteCandidate(
  user: User,
  candidateId: string,
  input: { confirmName: string; reason: string },
  options: { now?: Date } = {},
): Promise<DeletionOutcome> {
  assertCaseworker(user)
  const now = options.now ?? new Date()
  const id = requireUuid(candidateId)
  return getSql().begin(async (tx): Promise<DeletionOutcome> => {
    const locked = await lockCandidateForDeletion(tx, id)
    if (!locked || locked.officeId !== user.officeId) throw notFound()
    if (!mayDeleteCandidate(user, locked)) {
      return { status: 'refused', field: 'form', message: 'Bare den som er ansvarlig for kandidaten, eller en teamleder ved kontoret, kan slette kandidaten.' }
    }
    const reason = readDeletionReason(input.reason)
    if (!reason) return { status: 'refused', field: 'reason', message: 'Velg hvorfor kandidaten slettes.' }
    const name = await readNameForConfirmation(tx, id)
    const typed = normaliseName(input.confirmName)
    if (typed === '') return { status: 'refused', field: 'confirmName', message: 'Skriv kandidatens fulle navn for å bekrefte slettingen.' }
    if (!name || typed !== normaliseName(`${name.firstName} ${name.lastName}`)) {
      return { status: 'refused', field: 'confirmName', message: 'Navnet stemmer ikke med kandidaten. Skriv fornavn og etternavn slik de er registrert.' }
    }

    const caseIds = await caseIdsOfCandidate(tx, id)
    const deletedEmails = await deleteEmailsAbout(tx, id, caseIds)
    await deleteNoticesLinkingTo(tx, id)
    const scrubbedAuditEntries = await scrubAuditEntriesAbout(tx, id, caseIds, now)
    if (!(await deleteCandidateRow(tx, id))) throw notFound()
    // The outbox row makes the sync remove the document from whichever backend is in use (the candidate is gone, so
    // the load decides "remove"); the neighbours left in a small municipality are refreshed as after a move.
    await enqueueSearchSync(tx, 'candidate', id, { hide: true, movedFrom: locked.homeMunicipalityNumber })
    await appendAudit(tx, { actorUserId: user.id, action: 'candidate.deleted', subjectType: 'candidate', subjectId: id, details: { reason } })
    return { status: 'deleted', scrubbedAuditEntries, deletedEmails }
  })
}

/** After the redirect: whether to show «slettet» for an id that no longer exists (only to the one who deleted it). */
export async function deletedBy(user: User, candidateId: string | undefined): Promise<boolean> {
  if (user.accountType !== 'staff') throw forbidden()
  return deletionRecordedBy(getSql(), requireUuid(candidateId), user.id)
}

// ---------------------------------------------------------------------------------------------
// Inactive accounts (scheduled jobs)

/**
 * DOMAIN.md names no period for accounts; 12 months covers a yearly rhythm of seasonal hiring and follow-up (an
 * employer who takes a trainee every summer), and 30 days' notice gives time to log in after a holiday.
 */
export const INACTIVE_ACCOUNT_MONTHS = 12
export const INACTIVITY_WARNING_DAYS = 30
const DAY_MS = 86_400_000

/** `months` calendar months before `from` (UTC), the 31st becoming the month's last day. */
export function monthsBefore(from: Date, months: number): Date {
  const year = from.getUTCFullYear()
  const month = from.getUTCMonth() - months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(Date.UTC(year, month, Math.min(from.getUTCDate(), lastDay), from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()))
}

/**
 * Queues the warning for every account that has 30 days or less left before it is disabled, once per period of
 * inactivity (logging in starts a new one). The e-mail says only that the account will be disabled, by when, and
 * links to the log-in page. Returns how many were warned now.
 */
export async function warnInactiveAccounts(sql: Sql, now: Date): Promise<number> {
  const activeSince = monthsBefore(now, INACTIVE_ACCOUNT_MONTHS)
  const inactiveSince = new Date(activeSince.getTime() + INACTIVITY_WARNING_DAYS * DAY_MS)
  const warned = await sql.begin(async (tx) => {
    const accounts = await claimAccountsToWarn(tx, { inactiveSince, activeSince, now })
    for (const account of accounts) {
      // Disabled no earlier than 12 months after the last use, and never less than 30 days after this warning.
      const disableFrom = new Date(Math.max(now.getTime() + INACTIVITY_WARNING_DAYS * DAY_MS, monthsBefore(account.lastActivityAt, -INACTIVE_ACCOUNT_MONTHS).getTime()))
      await enqueueEmail(tx, {
        idempotencyKey: `account_inactive:${account.id}:${account.lastActivityAt.toISOString()}`,
        recipientUserId: account.id,
        toAddress: account.email,
        template: 'account_inactive',
        params: { url: portalUrl('/logg-inn'), dueAt: disableFrom.toISOString() },
      })
      await appendAudit(tx, { actorUserId: null, action: 'user.inactivity_warned', subjectType: 'user', subjectId: account.id })
    }
    return accounts.length
  })
  if (warned > 0) wakeEmailWorkersSoon()
  return warned
}

/**
 * Disables employer and staff accounts not used for 12 months whose warning went out at least 30 days ago, and ends
 * their sessions; each is audited as a fact. Safe to run twice. Returns how many were disabled now.
 */
export async function disableInactiveAccounts(sql: Sql, now: Date): Promise<number> {
  const activeSince = monthsBefore(now, INACTIVE_ACCOUNT_MONTHS)
  const warnedBefore = new Date(now.getTime() - INACTIVITY_WARNING_DAYS * DAY_MS)
  return sql.begin(async (tx) => (await disableWarnedInactiveAccounts(tx, { activeSince, warnedBefore, now })).length)
}
