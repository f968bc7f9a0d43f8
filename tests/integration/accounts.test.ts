import { describe, expect, it } from 'vitest'
import {
  authenticate,
  inviteStaff,
  MAX_FAILURES_PER_EMAIL,
  passwordTokenState,
  registerEmployer,
  requestPasswordReset,
  resetPassword,
  type EmployerRegistration,
} from '~/modules/accounts.server'
import { randomToken, sha256 } from '~/utils/crypto.server'
import { listDevelopmentMailbox } from '../../emails/mailer'
import { listRecentAudit } from '../../prisma-free-sql/queries/audit'
import { insertOffice, insertTeam } from '../../prisma-free-sql/queries/offices'
import { findOrganisationByOrgNumber, listMembers, listMembershipsOfUser } from '../../prisma-free-sql/queries/organisations'
import { insertSession } from '../../prisma-free-sql/queries/sessions'
import { findUserByEmail, findUserById } from '../../prisma-free-sql/queries/users'
import { useTestDatabase } from '../support/database'
import { createStaffUser, newEmail, newOrganisation, STRONG_PASSWORD } from '../support/fixtures'
import { linkIn, mailsTo, tokenIn } from '../support/mail'

const db = useTestDatabase()

let addressCounter = 0
/** A client address per test, so the per-address lock-out never couples tests. */
const newClientAddress = () => `198.51.100.${++addressCounter}`

function registration(overrides: Partial<EmployerRegistration> = {}): EmployerRegistration {
  return {
    organisation: newOrganisation(),
    name: 'Kari Nordmann',
    email: newEmail('kari'),
    password: STRONG_PASSWORD,
    ...overrides,
  }
}

async function registeredEmployer(): Promise<{ email: string; userId: string }> {
  const input = registration()
  const result = await registerEmployer(input)
  if (result.outcome !== 'created') throw new Error(`Registration failed: ${result.outcome}`)
  return { email: input.email, userId: result.userId }
}

async function organisationCount(orgNumber: string): Promise<number> {
  const [row] = await db.sql`select count(*)::int as n from organisations where org_number = ${orgNumber}`
  return Number(row?.n)
}

async function sessionCount(userId: string): Promise<number> {
  const [row] = await db.sql`select count(*)::int as n from sessions where user_id = ${userId}`
  return Number(row?.n)
}

describe('registerEmployer', () => {
  it('creates the organisation with the new user as an active member', async () => {
    const input = registration()
    const result = await registerEmployer(input)
    expect(result.outcome).toBe('created')
    const user = await findUserByEmail(db.sql, input.email)
    expect(user).toMatchObject({ name: 'Kari Nordmann', accountType: 'employer', roles: [] })
    const memberships = await listMembershipsOfUser(db.sql, user!.id)
    expect(memberships.map((m) => [m.orgNumber, m.status])).toEqual([[input.organisation.orgNumber, 'active']])
    expect(memberships[0]).toMatchObject({ name: input.organisation.name, municipalityNumber: '0301', countyNumber: '03' })
  })

  it('turns a second registration of the organisation into a membership request and tells the members', async () => {
    const first = registration()
    await registerEmployer(first)
    const second = registration({
      organisation: { ...newOrganisation(), orgNumber: first.organisation.orgNumber, name: 'Et annet navn AS' },
      name: 'Ola Søkersen',
      email: newEmail('ola.sokersen'),
    })
    const result = await registerEmployer(second)
    expect(result).toMatchObject({ outcome: 'membership-requested', organisationName: first.organisation.name })
    expect(await organisationCount(first.organisation.orgNumber)).toBe(1)

    const organisation = await findOrganisationByOrgNumber(db.sql, first.organisation.orgNumber)
    const members = await listMembers(db.sql, organisation!.id)
    expect(members.map((m) => [m.email, m.status]).sort()).toEqual(
      [[first.email, 'active'], [second.email, 'requested']].sort(),
    )

    const [notice, ...more] = await mailsTo(db.mailDir, first.email)
    expect(more).toHaveLength(0)
    expect(notice!.subject).toBe('Ny forespørsel om tilgang til virksomheten din')
    expect(linkIn(notice!).pathname).toBe('/arbeidsgiver/medlemmer')
    for (const body of [notice!.subject, notice!.text, notice!.html]) {
      expect(body).not.toContain(second.email)
      expect(body).not.toContain(second.email.split('@')[0])
      expect(body).not.toMatch(/Ola|Søkersen/)
    }
    // The requester is told on screen; they get no mail, and nor does anyone else.
    expect(await mailsTo(db.mailDir, second.email)).toHaveLength(0)
  })

  it('notifies only active members, not other requesters', async () => {
    const first = registration()
    await registerEmployer(first)
    const waiting = registration({ organisation: { ...first.organisation }, email: newEmail('waiting') })
    await registerEmployer(waiting)
    await registerEmployer(registration({ organisation: { ...first.organisation }, email: newEmail('third') }))
    expect(await mailsTo(db.mailDir, first.email)).toHaveLength(2)
    expect(await mailsTo(db.mailDir, waiting.email)).toHaveLength(0)
  })

  it.each([
    ['the same e-mail', (email: string) => email],
    ['the e-mail in capitals', (email: string) => email.toUpperCase()],
  ])('answers email-taken for %s, and registers nothing', async (_case, variant) => {
    const first = registration()
    await registerEmployer(first)
    const again = registration({ email: variant(first.email) })
    expect(await registerEmployer(again)).toEqual({ outcome: 'email-taken' })
    expect(await organisationCount(again.organisation.orgNumber)).toBe(0)
    const [row] = await db.sql`select count(*)::int as n from users where lower(email) = lower(${first.email})`
    expect(row?.n).toBe(1)
  })

  it('writes the registration to the audit log', async () => {
    const { userId } = await registeredEmployer()
    const entries = await listRecentAudit(db.sql, 50)
    expect(entries.some((e) => e.actorUserId === userId && e.action === 'organisation.registered')).toBe(true)
  })
})

describe('authenticate', () => {
  it('accepts the right password, in any case of the e-mail', async () => {
    const { email, userId } = await registeredEmployer()
    const result = await authenticate({ email: email.toUpperCase(), password: STRONG_PASSWORD, clientAddress: newClientAddress() })
    expect(result).toMatchObject({ outcome: 'ok', user: { id: userId, email } })
    const [row] = await db.sql`select last_login_at from users where id = ${userId}`
    expect(row?.last_login_at).toBeInstanceOf(Date)
  })

  it('answers invalid for a wrong password and for an unknown e-mail alike', async () => {
    const { email } = await registeredEmployer()
    const clientAddress = newClientAddress()
    expect(await authenticate({ email, password: `${STRONG_PASSWORD}x`, clientAddress })).toEqual({ outcome: 'invalid' })
    expect(await authenticate({ email: newEmail('nobody'), password: STRONG_PASSWORD, clientAddress })).toEqual({ outcome: 'invalid' })
  })

  it(`locks the e-mail after ${MAX_FAILURES_PER_EMAIL} failures, even for the right password`, async () => {
    const { email } = await registeredEmployer()
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      // Each attempt from its own address: the lock follows the e-mail, not the client.
      expect((await authenticate({ email, password: 'feil-passord-123', clientAddress: newClientAddress() })).outcome).toBe('invalid')
    }
    const locked = await authenticate({ email, password: STRONG_PASSWORD, clientAddress: newClientAddress() })
    expect(locked).toMatchObject({ outcome: 'locked' })
    expect((await authenticate({ email: email.toUpperCase(), password: STRONG_PASSWORD, clientAddress: newClientAddress() })).outcome).toBe('locked')
  })

  it('counts failures only since the last successful log-in', async () => {
    const { email } = await registeredEmployer()
    const clientAddress = newClientAddress()
    const fail = () => authenticate({ email, password: 'feil-passord-123', clientAddress })
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await fail()
    expect((await authenticate({ email, password: STRONG_PASSWORD, clientAddress })).outcome).toBe('ok')
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await fail()
    expect((await authenticate({ email, password: STRONG_PASSWORD, clientAddress })).outcome).toBe('ok')
  })

  it('refuses a disabled account', async () => {
    const { email, userId } = await registeredEmployer()
    await db.sql`update users set disabled_at = now() where id = ${userId}`
    expect((await authenticate({ email, password: STRONG_PASSWORD, clientAddress: newClientAddress() })).outcome).toBe('invalid')
  })
})

describe('password reset', () => {
  async function requestedToken(email: string): Promise<string> {
    await requestPasswordReset(email)
    const [mail] = await mailsTo(db.mailDir, email)
    expect(mail?.subject).toBe('Tilbakestill passordet ditt i Jobbsnekker')
    return tokenIn(mail!)
  }

  it('mails a link with a token that sets a new password once', async () => {
    const { email, userId } = await registeredEmployer()
    const token = await requestedToken(email)
    const [mail] = await mailsTo(db.mailDir, email)
    expect(linkIn(mail!).pathname).toBe('/tilbakestill-passord')
    expect(token.length).toBeGreaterThanOrEqual(32)
    // Only the hash is stored.
    const stored = await db.sql`select token_hash from password_reset_tokens where user_id = ${userId}`
    expect(stored.map((row) => row.token_hash)).toEqual([sha256(token)])

    expect(await passwordTokenState(token)).toBe('valid')
    const newPassword = 'Nytt-og-bedre-passord-42'
    expect(await resetPassword(token, newPassword)).toEqual({ userId })
    expect(await passwordTokenState(token)).toBe('used')
    expect(await resetPassword(token, 'Enda-et-passord-43')).toEqual({ problem: 'used' })

    const clientAddress = newClientAddress()
    expect((await authenticate({ email, password: newPassword, clientAddress })).outcome).toBe('ok')
    expect((await authenticate({ email, password: STRONG_PASSWORD, clientAddress })).outcome).toBe('invalid')
  })

  it('refuses an expired token', async () => {
    const { email } = await registeredEmployer()
    const token = await requestedToken(email)
    await db.sql`update password_reset_tokens set expires_at = now() - interval '1 minute' where token_hash = ${sha256(token)}`
    expect(await passwordTokenState(token)).toBe('expired')
    expect(await resetPassword(token, 'Nytt-og-bedre-passord-42')).toEqual({ problem: 'expired' })
    expect((await authenticate({ email, password: STRONG_PASSWORD, clientAddress: newClientAddress() })).outcome).toBe('ok')
  })

  it('refuses an unknown token', async () => {
    const token = randomToken()
    expect(await passwordTokenState(token)).toBe('unknown')
    expect(await resetPassword(token, 'Nytt-og-bedre-passord-42')).toEqual({ problem: 'unknown' })
  })

  it('ends every session of the account', async () => {
    const { email, userId } = await registeredEmployer()
    const other = await registeredEmployer()
    const later = new Date(Date.now() + 3600_000)
    for (const user of [userId, userId, other.userId]) await insertSession(db.sql, sha256(randomToken()), user, later)
    expect(await sessionCount(userId)).toBe(2)
    expect(await resetPassword(await requestedToken(email), 'Nytt-og-bedre-passord-42')).toEqual({ userId })
    expect(await sessionCount(userId)).toBe(0)
    expect(await sessionCount(other.userId)).toBe(1)
  })

  it('sends nothing for an unknown e-mail', async () => {
    const before = (await listDevelopmentMailbox(db.mailDir)).length
    const unknown = newEmail('unknown')
    await requestPasswordReset(unknown)
    expect(await mailsTo(db.mailDir, unknown)).toHaveLength(0)
    expect(await listDevelopmentMailbox(db.mailDir)).toHaveLength(before)
  })

  it('sends nothing for a disabled account', async () => {
    const { email, userId } = await registeredEmployer()
    await db.sql`update users set disabled_at = now() where id = ${userId}`
    await requestPasswordReset(email)
    expect(await mailsTo(db.mailDir, email)).toHaveLength(0)
  })
})

describe('inviteStaff', () => {
  it('creates a staff member with roles, office, team and counties and mails an invitation', async () => {
    const officeId = (await insertOffice(db.sql, { name: 'NAV Testby', countyNumber: '46' }))!
    const teamId = (await insertTeam(db.sql, { officeId, name: 'Markedsteamet' }))!
    const admin = await createStaffUser(db.sql, { roles: ['admin'], officeId })
    const email = newEmail('ny.ansatt')

    const result = await inviteStaff(admin, {
      name: 'Nina Ny',
      email,
      roles: ['market_contact', 'specialist'],
      officeId,
      teamId,
      countyNumbers: ['46', '11'],
    })
    expect(result.outcome).toBe('invited')
    if (result.outcome !== 'invited') return
    expect(await findUserById(db.sql, result.userId)).toMatchObject({
      email,
      name: 'Nina Ny',
      accountType: 'staff',
      roles: ['market_contact', 'specialist'],
      officeId,
      officeName: 'NAV Testby',
      teamId,
      teamName: 'Markedsteamet',
      countyNumbers: ['11', '46'],
    })

    const [mail, ...more] = await mailsTo(db.mailDir, email)
    expect(more).toHaveLength(0)
    expect(mail!.subject).toBe('Du har fått tilgang til Jobbsnekker')
    expect(mail!.text).not.toContain('Nina')
    const token = tokenIn(mail!)
    expect(await passwordTokenState(token)).toBe('valid')
    const [stored] = await db.sql`select purpose from password_reset_tokens where token_hash = ${sha256(token)}`
    expect(stored?.purpose).toBe('invitation')

    // No password until the invitation is used.
    const clientAddress = newClientAddress()
    expect((await authenticate({ email, password: STRONG_PASSWORD, clientAddress })).outcome).toBe('invalid')
    expect(await resetPassword(token, STRONG_PASSWORD)).toEqual({ userId: result.userId })
    expect((await authenticate({ email, password: STRONG_PASSWORD, clientAddress })).outcome).toBe('ok')

    const entries = await listRecentAudit(db.sql, 50)
    expect(entries).toContainEqual(
      expect.objectContaining({ action: 'staff.invited', actorUserId: admin.id, subjectId: result.userId, details: { roles: 'market_contact,specialist' } }),
    )
  })

  it('answers email-taken for an address in use, whatever its case, and sends nothing', async () => {
    const admin = await createStaffUser(db.sql, { roles: ['admin'] })
    const { email } = await registeredEmployer()
    const invitation = { name: 'Dobbel', email: email.toUpperCase(), roles: ['specialist' as const], officeId: null, teamId: null, countyNumbers: [] }
    expect(await inviteStaff(admin, invitation)).toEqual({ outcome: 'email-taken' })
    expect(await mailsTo(db.mailDir, email)).toHaveLength(0)
  })
})
