/**
 * Disclosure of identity in a case (issue 6, part 4). When the candidate has said yes to this employer, the
 * specialist shares the agreed details (name, phone, e-mail; never the national ID number, birth date, address or
 * anything about health) with the employer, for this case only. Every view by the employer is in the audit log; the
 * details disappear from the employer's view after 6 months or when the case ends without a hire, and
 * `purgeExpiredDisclosures` then deletes them. The rules are pure, in ./case-disclosure.ts.
 */
import { getSql, type Queryable } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { readIdentity } from '../../prisma-free-sql/queries/candidates'
import {
  findCurrentDisclosure,
  insertDisclosure,
  listDisclosuresOfCase,
  listUnpurgedDisclosures,
  lockCaseForDisclosure,
  purgeDisclosures,
  readDisclosureValues,
  revokeDisclosure,
  type Disclosure,
  type SharedValues,
} from '../../prisma-free-sql/queries/case-disclosures'
import { employerRecipientsForCase } from '../../prisma-free-sql/queries/case-deadlines'
import { caseHistory, findCase, type Case } from '../../prisma-free-sql/queries/cases'
import { findOpeningForMember } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { assertCaseworker } from './candidates.server'
import {
  canonicalFields,
  decideSharing,
  disclosureExpiry,
  disclosureFieldLabels,
  disclosureVisibility,
  purgeReasonFor,
  type DisclosureFacts,
  type DisclosureField,
  type DisclosureVisibility,
  type SharingDecision,
} from './case-disclosure'
import { notFound, requireUuid } from './employer-access.server'
import { notify } from './notifications.server'

/** Staff who may act on the case: its owner, or a team lead at the case's office (as on the staff case page). */
export function mayActOnCase(user: User, found: Pick<Case, 'officeId' | 'ownerUserId'>): boolean {
  return (
    user.accountType === 'staff' &&
    user.officeId === found.officeId &&
    (found.ownerUserId === user.id || user.roles.includes('team_lead'))
  )
}

const visibilityOf = (disclosure: Disclosure, caseStatus: string, now: Date): DisclosureVisibility =>
  disclosureVisibility({ caseStatus, sharedAt: disclosure.sharedAt, expiresAt: disclosure.expiresAt, revokedAt: disclosure.revokedAt, purgedAt: disclosure.purgedAt }, now)

/** Whether `user` may share in this case now, with the reason when not. */
async function sharingDecision(tx: Queryable, user: User, found: Case): Promise<SharingDecision> {
  const history = await caseHistory(tx, found.id)
  return decideSharing({ mayAct: mayActOnCase(user, found), status: found.status, historyActions: history.map((event) => event.action) })
}

/** The identity details that can be shared; the national ID number stays behind. */
type ShareableIdentity = { firstName: string; lastName: string; phone: string; email: string }

const missingValueMessages: Record<DisclosureField, string> = {
  name: 'Kandidaten har ikke registrert navn.',
  phone: 'Kandidaten har ikke registrert telefonnummer. Legg det inn under personopplysninger, eller del uten telefon.',
  email: 'Kandidaten har ikke registrert e-postadresse. Legg den inn under personopplysninger, eller del uten e-post.',
}

function hasValue(identity: ShareableIdentity, field: DisclosureField): boolean {
  if (field === 'name') return identity.firstName.trim() !== '' && identity.lastName.trim() !== ''
  return identity[field].trim() !== ''
}

// ---------------------------------------------------------------------------------------------
// Sharing and withdrawing

export type ShareOutcome =
  | { status: 'shared'; disclosureId: string; expiresAt: Date }
  /** A sharing was already in force (a double submit, or a colleague first): nothing new, no second notice. */
  | { status: 'already-shared'; disclosureId: string; expiresAt: Date }
  | { status: 'refused'; message: string }

/**
 * Shares the chosen fields of the candidate's identity with the employer of this case, as they are now (a snapshot;
 * see migration 0009), for six months. Writes the audit entry and the employer's notice in the same transaction.
 * The case row is locked first, so of two submits at once the second finds the first sharing and does nothing.
 */
export async function shareIdentity(
  user: User,
  caseId: string,
  chosenFields: readonly string[],
  options: { now?: Date } = {},
): Promise<ShareOutcome> {
  assertCaseworker(user)
  const now = options.now ?? new Date()
  return getSql().begin(async (tx): Promise<ShareOutcome> => {
    if (!(await lockCaseForDisclosure(tx, requireUuid(caseId)))) throw notFound()
    const found = await findCase(tx, caseId)
    if (!found || found.officeId !== user.officeId) throw notFound()
    const decision = await sharingDecision(tx, user, found)
    if (!decision.ok) return { status: 'refused', message: decision.message }
    const fields = canonicalFields(chosenFields)
    if (fields.length === 0) return { status: 'refused', message: 'Velg minst én opplysning å dele.' }

    const current = await findCurrentDisclosure(tx, found.id)
    if (current) {
      const purgeReason = purgeReasonFor(visibilityOf(current, found.status, now))
      if (purgeReason === undefined) return { status: 'already-shared', disclosureId: current.id, expiresAt: current.expiresAt }
      // Expired but not yet purged: delete it now, so the new sharing is the only one in force.
      await purgeDisclosures(tx, [{ id: current.id, reason: purgeReason }], now)
    }

    const identity = await readIdentity(tx, found.candidateId)
    if (!identity) return { status: 'refused', message: 'Kandidaten har ingen registrerte personopplysninger.' }
    const missing = fields.find((field) => !hasValue(identity, field))
    if (missing) return { status: 'refused', message: missingValueMessages[missing] }

    const expiresAt = disclosureExpiry(now)
    const disclosureId = await insertDisclosure(tx, {
      caseId: found.id,
      fields,
      values: { firstName: identity.firstName.trim(), lastName: identity.lastName.trim(), phone: identity.phone.trim(), email: identity.email.trim() },
      sharedByUserId: user.id,
      sharedAt: now,
      expiresAt,
    })
    if (!disclosureId) {
      const first = await findCurrentDisclosure(tx, found.id)
      if (!first) throw new Error(`A sharing in case ${found.id} was neither stored nor found`)
      return { status: 'already-shared', disclosureId: first.id, expiresAt: first.expiresAt }
    }
    await appendAudit(tx, {
      actorUserId: user.id,
      action: 'case.disclosure.shared',
      subjectType: 'case',
      subjectId: found.id,
      details: { disclosureId, candidateId: found.candidateId, fields: fields.join(','), expiresAt: expiresAt.toISOString() },
    })
    // The employer side: whoever opened the case, or else the organisation's active members (one query for every notice).
    await notify(tx, await employerRecipientsForCase(tx, found.id), {
      kind: 'identity_shared',
      path: `/arbeidsgiver/saker/${found.id}`,
      eventKey: `case:${found.id}:disclosure:${disclosureId}`,
      caseId: found.id,
    })
    return { status: 'shared', disclosureId, expiresAt }
  })
}

export type WithdrawOutcome = { status: 'withdrawn' | 'already-withdrawn' } | { status: 'refused'; message: string }

/** Withdraws the sharing: the employer stops seeing it at once, and its values are deleted in the same step. */
export async function withdrawDisclosure(user: User, caseId: string, disclosureId: string, options: { now?: Date } = {}): Promise<WithdrawOutcome> {
  assertCaseworker(user)
  const now = options.now ?? new Date()
  return getSql().begin(async (tx): Promise<WithdrawOutcome> => {
    if (!(await lockCaseForDisclosure(tx, requireUuid(caseId)))) throw notFound()
    const found = await findCase(tx, caseId)
    if (!found || found.officeId !== user.officeId) throw notFound()
    if (!mayActOnCase(user, found)) {
      return { status: 'refused', message: 'Bare den som har saken, eller teamlederen, kan trekke tilbake en deling.' }
    }
    const disclosure = (await listDisclosuresOfCase(tx, found.id)).find((item) => item.id === disclosureId)
    if (!disclosure) throw notFound()
    if (!(await revokeDisclosure(tx, disclosure.id, user.id, now))) return { status: 'already-withdrawn' }
    await appendAudit(tx, {
      actorUserId: user.id,
      action: 'case.disclosure.withdrawn',
      subjectType: 'case',
      subjectId: found.id,
      details: { disclosureId: disclosure.id, candidateId: found.candidateId },
    })
    return { status: 'withdrawn' }
  })
}

// ---------------------------------------------------------------------------------------------
// What staff see

const factsOf = (disclosure: Disclosure, caseStatus: string, now: Date): DisclosureFacts => ({
  id: disclosure.id,
  fields: disclosure.fields,
  sharedByName: disclosure.sharedByName,
  sharedAt: disclosure.sharedAt.toISOString(),
  expiresAt: disclosure.expiresAt.toISOString(),
  revokedAt: disclosure.revokedAt?.toISOString() ?? null,
  revokedByName: disclosure.revokedByName,
  endedAt: disclosure.endedAt?.toISOString() ?? null,
  purgedAt: disclosure.purgedAt?.toISOString() ?? null,
  purgeReason: disclosure.purgeReason,
  visible: visibilityOf(disclosure, caseStatus, now).visible,
})

export type StaffDisclosureSummary = {
  /** The sharing the employer sees now, if any. */
  current: DisclosureFacts | null
  history: DisclosureFacts[]
  /** Whether this user may share now, and why not. */
  sharing: SharingDecision
}

/** The facts of every sharing in the case, without the values, so reading them is not an identity read. */
export async function disclosureSummaryForStaff(user: User, found: Case, now = new Date()): Promise<StaffDisclosureSummary> {
  const sql = getSql()
  const [disclosures, sharing] = await Promise.all([listDisclosuresOfCase(sql, found.id), sharingDecision(sql, user, found)])
  const history = disclosures.map((disclosure) => factsOf(disclosure, found.status, now))
  // A sharing that is hidden but not yet purged (expired a moment ago) is history: it can be shared again.
  const current = history.find((item) => item.visible) ?? null
  return { current, history, sharing }
}

export type SharingView = StaffDisclosureSummary & {
  /** The candidate's current details to choose from (only when this user may share now and nothing is shared). */
  identity: ShareableIdentity | null
  /** What the employer has been given in the sharing in force (only for those who may act on the case). */
  sharedValues: SharedValues | null
}

/**
 * The sharing page. Reading the candidate's details (to choose from, or to see what was given) is an identity read
 * like the personalia page's: written to the audit log as `candidate.identity.viewed` with the reason «deling», in the
 * same transaction. Staff who may not act on the case get the facts only, and nothing is read.
 */
export async function sharingViewForStaff(user: User, found: Case, now = new Date()): Promise<SharingView> {
  const summary = await disclosureSummaryForStaff(user, found, now)
  const wantsIdentity = summary.sharing.ok && summary.current === null
  const wantsShared = summary.current !== null && mayActOnCase(user, found)
  if (!wantsIdentity && !wantsShared) return { ...summary, identity: null, sharedValues: null }
  return getSql().begin(async (tx) => {
    await appendAudit(tx, {
      actorUserId: user.id,
      action: 'candidate.identity.viewed',
      subjectType: 'candidate',
      subjectId: found.candidateId,
      details: { reason: 'deling', caseId: found.id },
    })
    const identity = wantsIdentity ? await readIdentity(tx, found.candidateId) : undefined
    const sharedValues = wantsShared && summary.current ? await readDisclosureValues(tx, summary.current.id) : undefined
    return {
      ...summary,
      identity: identity ? { firstName: identity.firstName, lastName: identity.lastName, phone: identity.phone, email: identity.email } : null,
      sharedValues: sharedValues ?? null,
    }
  })
}

// ---------------------------------------------------------------------------------------------
// What the employer sees

export type EmployerDisclosureNotice = { fields: DisclosureField[]; sharedAt: string; expiresAt: string }

/**
 * Whether the case page shows the box «Kontaktopplysninger delt av NAV», with which fields and until when. No values,
 * so this is not a view of the details; the page links to the one that is.
 */
export async function disclosureNoticeForEmployer(found: Case, now = new Date()): Promise<EmployerDisclosureNotice | null> {
  const current = await findCurrentDisclosure(getSql(), found.id)
  if (!current || !visibilityOf(current, found.status, now).visible) return null
  return { fields: current.fields, sharedAt: current.sharedAt.toISOString(), expiresAt: current.expiresAt.toISOString() }
}

export type SharedDetail = { field: DisclosureField; label: string; value: string }
export type EmployerDisclosureView = EmployerDisclosureNotice & { details: SharedDetail[] }

function valueOf(field: DisclosureField, values: SharedValues): string | null {
  if (field !== 'name') return values[field]
  return values.firstName && values.lastName ? `${values.firstName} ${values.lastName}` : null
}

function detailsOf(fields: readonly DisclosureField[], values: SharedValues): SharedDetail[] | undefined {
  const details: SharedDetail[] = []
  for (const field of fields) {
    const value = valueOf(field, values)
    // A chosen field without its value means the row is not what the rules expect: show nothing.
    if (!value) return undefined
    details.push({ field, label: disclosureFieldLabels[field], value })
  }
  return details
}

/**
 * The shared details of the case for its employer, when they are visible at `now`; null otherwise. Every time they
 * are returned, the view is written to the audit log (`case.disclosure.viewed`) in the same transaction as the read.
 * The case is read again inside it, so a case that ended a moment ago shows nothing. Anyone but an active member of
 * the organisation that owns the opening gets 404, as for the case page.
 */
export async function viewDisclosureAsEmployer(user: User, caseId: string, now = new Date()): Promise<EmployerDisclosureView | null> {
  if (user.accountType !== 'employer') throw notFound()
  return getSql().begin(async (tx) => {
    const found = await findCase(tx, requireUuid(caseId))
    if (!found || !(await findOpeningForMember(tx, found.openingId, user.id))) throw notFound()
    const current = await findCurrentDisclosure(tx, found.id)
    if (!current || !visibilityOf(current, found.status, now).visible) return null
    const values = await readDisclosureValues(tx, current.id)
    const details = values ? detailsOf(current.fields, values) : undefined
    if (!details) return null
    await appendAudit(tx, {
      actorUserId: user.id,
      action: 'case.disclosure.viewed',
      subjectType: 'case',
      subjectId: found.id,
      details: { disclosureId: current.id, fields: current.fields.join(',') },
    })
    return { fields: current.fields, sharedAt: current.sharedAt.toISOString(), expiresAt: current.expiresAt.toISOString(), details }
  })
}

// ---------------------------------------------------------------------------------------------
// The purge (called by the scheduled-jobs runner)

/**
 * Deletes the shared values that the employer can no longer see at `now` (expired, withdrawn, or the case ended
 * without a hire), keeping the fact that something was shared, by whom, when and why it ended. Each purge is written
 * to the audit log. Safe to run at any time and from several processes: a value is purged once. Returns how many
 * sharings were purged now.
 */
export async function purgeExpiredDisclosures(sql: Queryable, now: Date): Promise<number> {
  const unpurged = await listUnpurgedDisclosures(sql)
  const due = unpurged.flatMap((item) => {
    const reason = purgeReasonFor(disclosureVisibility(item, now))
    return reason ? [{ id: item.id, reason }] : []
  })
  return purgeDisclosures(sql, due, now)
}
