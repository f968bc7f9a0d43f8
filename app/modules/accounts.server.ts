import { getSql } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import {
  consumePasswordToken,
  countRecentFailures,
  findPasswordToken,
  insertPasswordToken,
  recordLoginAttempt,
  type TokenPurpose,
} from '../../prisma-free-sql/queries/credentials'
import {
  activateMembership,
  countActiveMembers,
  findOrganisationByOrgNumber,
  insertMembership,
  isActiveMember,
  insertOrganisation,
  listMembers,
  type NewOrganisation,
} from '../../prisma-free-sql/queries/organisations'
import { deleteSessionsOfUser } from '../../prisma-free-sql/queries/sessions'
import { isDisabledForInactivity, reactivateInactiveAccount } from '../../prisma-free-sql/queries/inactive-accounts'
import {
  assignStaff,
  emailIsTaken,
  findPasswordHash,
  findUserByEmail,
  findUserById,
  insertUser,
  recordLogin,
  setPasswordHash,
  type StaffAssignment,
  type User,
} from '../../prisma-free-sql/queries/users'
import { decoyPasswordHash, hashPassword, randomToken, sha256, verifyPassword } from '../utils/crypto.server'
import { deliverAccountEmail, portalUrl } from '../utils/email.server'
import { notFound } from './employer-access.server'
import { RESET_LINK_MINUTES } from '../utils/password-policy'

export const LOGIN_WINDOW_MINUTES = 15
export const MAX_FAILURES_PER_EMAIL = 5
export const MAX_FAILURES_PER_ADDRESS = 30
export { RESET_LINK_MINUTES }
export const INVITATION_DAYS = 7

export type LoginResult =
  | { outcome: 'ok'; user: User }
  | { outcome: 'invalid' }
  | { outcome: 'locked'; minutes: number }

export async function authenticate(input: { email: string; password: string; clientAddress: string }): Promise<LoginResult> {
  const sql = getSql()
  const failures = await countRecentFailures(sql, {
    email: input.email,
    clientAddress: input.clientAddress,
    windowMinutes: LOGIN_WINDOW_MINUTES,
  })
  if (failures.byEmail >= MAX_FAILURES_PER_EMAIL || failures.byAddress >= MAX_FAILURES_PER_ADDRESS) {
    return { outcome: 'locked', minutes: LOGIN_WINDOW_MINUTES }
  }
  const user = await findUserByEmail(sql, input.email)
  const storedHash = user && !user.disabledAt ? await findPasswordHash(sql, user.id) : null
  const passwordMatches = await verifyPassword(storedHash ?? (await decoyPasswordHash()), input.password)
  const succeeded = Boolean(user && storedHash && passwordMatches)
  await recordLoginAttempt(sql, { email: input.email, clientAddress: input.clientAddress, succeeded })
  if (!succeeded || !user) return { outcome: 'invalid' }
  await recordLogin(sql, user.id)
  await appendAudit(sql, { actorUserId: user.id, action: 'user.logged_in', subjectType: 'user', subjectId: user.id })
  return { outcome: 'ok', user }
}

export type EmployerRegistration = {
  organisation: NewOrganisation
  name: string
  email: string
  password: string
}

export type RegistrationResult =
  | { outcome: 'created'; userId: string }
  | { outcome: 'membership-requested'; userId: string; organisationName: string }
  | { outcome: 'email-taken' }

/**
 * Registers an employer user. A second registration of an organisation that already
 * exists becomes a membership request that a current member approves.
 */
export async function registerEmployer(input: EmployerRegistration): Promise<RegistrationResult> {
  const passwordHash = await hashPassword(input.password)
  const result = await getSql().begin(async (tx): Promise<RegistrationResult & { notify?: { email: string; userId: string }[] }> => {
    if (await emailIsTaken(tx, input.email)) return { outcome: 'email-taken' }
    const userId = await insertUser(tx, { email: input.email, name: input.name, accountType: 'employer', passwordHash })
    const organisationId = await insertOrganisation(tx, input.organisation)
    if (organisationId) {
      await insertMembership(tx, { organisationId, userId, status: 'active' })
      await appendAudit(tx, { actorUserId: userId, action: 'organisation.registered', subjectType: 'organisation', subjectId: organisationId })
      return { outcome: 'created', userId }
    }
    const existing = await findOrganisationByOrgNumber(tx, input.organisation.orgNumber)
    if (!existing) throw new Error('Organisation vanished during registration')
    // Added by NAV staff before anyone there had an account: the first to register claims it.
    if ((await countActiveMembers(tx, existing.id)) === 0) {
      await insertMembership(tx, { organisationId: existing.id, userId, status: 'active' })
      await appendAudit(tx, { actorUserId: userId, action: 'organisation.claimed', subjectType: 'organisation', subjectId: existing.id })
      return { outcome: 'created', userId }
    }
    await insertMembership(tx, { organisationId: existing.id, userId, status: 'requested' })
    await appendAudit(tx, { actorUserId: userId, action: 'membership.requested', subjectType: 'organisation', subjectId: existing.id })
    const members = await listMembers(tx, existing.id)
    return {
      outcome: 'membership-requested',
      userId,
      organisationName: existing.name,
      notify: members.filter((member) => member.status === 'active').map((member) => ({ email: member.email, userId: member.userId })),
    }
  })
  const { notify, ...outcome } = result
  for (const member of notify ?? []) {
    await deliverAccountEmail('account_membership_request', member.email, { url: portalUrl('/arbeidsgiver/medlemmer') }, member.userId)
  }
  return outcome
}

async function issuePasswordToken(userId: string, purpose: TokenPurpose, validMinutes: number): Promise<string> {
  const token = randomToken()
  await insertPasswordToken(getSql(), {
    tokenHash: sha256(token),
    userId,
    purpose,
    expiresAt: new Date(Date.now() + validMinutes * 60_000),
  })
  return token
}

function passwordLink(token: string): string {
  return portalUrl(`/tilbakestill-passord?${new URLSearchParams({ token })}`)
}

/**
 * Sends a reset link when the account exists; the caller answers the same either way. An account the inactivity job
 * disabled gets one too: setting the password brings it back.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await findUserByEmail(getSql(), email)
  if (!user) return
  if (user.disabledAt && !(await isDisabledForInactivity(getSql(), user.id))) return
  const token = await issuePasswordToken(user.id, 'reset', RESET_LINK_MINUTES)
  await deliverAccountEmail('account_password_reset', user.email, { url: passwordLink(token), validMinutes: RESET_LINK_MINUTES }, user.id)
}

export type TokenState = 'valid' | 'expired' | 'used' | 'unknown'

export async function passwordTokenState(token: string): Promise<TokenState> {
  const row = await findPasswordToken(getSql(), sha256(token))
  if (!row) return 'unknown'
  if (row.usedAt) return 'used'
  if (row.expiresAt.getTime() <= Date.now()) return 'expired'
  return 'valid'
}

/** Sets the new password and ends every session of the account; returns the user id or the token's problem. */
export async function resetPassword(token: string, password: string): Promise<{ userId: string } | { problem: TokenState }> {
  const tokenHash = sha256(token)
  const passwordHash = await hashPassword(password)
  return getSql().begin(async (tx) => {
    const row = await findPasswordToken(tx, tokenHash)
    if (!row) return { problem: 'unknown' as const }
    if (!(await consumePasswordToken(tx, tokenHash))) {
      return { problem: row.usedAt ? ('used' as const) : ('expired' as const) }
    }
    await setPasswordHash(tx, row.userId, passwordHash)
    await deleteSessionsOfUser(tx, row.userId)
    if (await reactivateInactiveAccount(tx, row.userId)) {
      await appendAudit(tx, { actorUserId: row.userId, action: 'user.reactivated', subjectType: 'user', subjectId: row.userId, details: { via: 'password_reset' } })
    }
    // Proving control of the mailbox lifts a lock-out, so failed guesses cannot keep the owner out.
    const user = await findUserById(tx, row.userId)
    if (user) await recordLoginAttempt(tx, { email: user.email, clientAddress: 'password-reset', succeeded: true })
    await appendAudit(tx, { actorUserId: row.userId, action: 'user.password_set', subjectType: 'user', subjectId: row.userId, details: { via: row.purpose } })
    return { userId: row.userId }
  })
}

export type StaffInvitation = StaffAssignment & { name: string; email: string }

/** Creates a staff account without a password and e-mails a link to choose one. */
export async function inviteStaff(actor: User, invitation: StaffInvitation): Promise<{ outcome: 'invited'; userId: string } | { outcome: 'email-taken' }> {
  const created = await getSql().begin(async (tx) => {
    if (await emailIsTaken(tx, invitation.email)) return undefined
    const userId = await insertUser(tx, { email: invitation.email, name: invitation.name, accountType: 'staff', passwordHash: null })
    await assignStaff(tx, userId, invitation)
    await appendAudit(tx, {
      actorUserId: actor.id,
      action: 'staff.invited',
      subjectType: 'user',
      subjectId: userId,
      details: { roles: invitation.roles.join(',') },
    })
    return userId
  })
  if (!created) return { outcome: 'email-taken' }
  const token = await issuePasswordToken(created, 'invitation', INVITATION_DAYS * 24 * 60)
  await deliverAccountEmail('account_invitation', invitation.email, { url: passwordLink(token), validDays: INVITATION_DAYS }, created)
  return { outcome: 'invited', userId: created }
}

export type ColleagueInvitationResult =
  | { outcome: 'invited'; userId: string }
  | { outcome: 'added'; userId: string }
  | { outcome: 'already-member' }
  | { outcome: 'staff-account' }

/**
 * Gives a colleague access to the organisation: an existing employer account becomes a member at once
 * (and is told by e-mail); a new address gets an account without a password and a link to choose one.
 * The caller has checked that the actor is an active member.
 */
export async function inviteEmployerColleague(
  actor: User,
  invitation: { organisationId: string; name: string; email: string },
): Promise<ColleagueInvitationResult> {
  const result = await getSql().begin(async (tx): Promise<ColleagueInvitationResult> => {
    if (!(await isActiveMember(tx, invitation.organisationId, actor.id))) throw notFound()
    const existing = await findUserByEmail(tx, invitation.email)
    if (existing && existing.accountType !== 'employer') return { outcome: 'staff-account' }
    if (existing && (await isActiveMember(tx, invitation.organisationId, existing.id))) return { outcome: 'already-member' }
    const userId =
      existing?.id ?? (await insertUser(tx, { email: invitation.email, name: invitation.name, accountType: 'employer', passwordHash: null }))
    await activateMembership(tx, invitation.organisationId, userId, actor.id)
    await appendAudit(tx, {
      actorUserId: actor.id,
      action: 'membership.invited',
      subjectType: 'organisation',
      subjectId: invitation.organisationId,
      details: { userId, newAccount: !existing },
    })
    return existing ? { outcome: 'added', userId } : { outcome: 'invited', userId }
  })
  if (result.outcome === 'invited') {
    const token = await issuePasswordToken(result.userId, 'invitation', INVITATION_DAYS * 24 * 60)
    await deliverAccountEmail('account_invitation', invitation.email, { url: passwordLink(token), validDays: INVITATION_DAYS }, result.userId)
  } else if (result.outcome === 'added') {
    await deliverAccountEmail('account_membership_granted', invitation.email, { url: portalUrl('/arbeidsgiver') }, result.userId)
  }
  return result
}
