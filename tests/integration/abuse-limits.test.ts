import { randomUUID } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import * as forgotPasswordRoute from '~/routes/glemt-passord'
import * as interestRoute from '~/routes/arbeidsgiver.stillinger.$openingId.kandidater'
import * as loginRoute from '~/routes/logg-inn'
import * as newPasswordRoute from '~/routes/tilbakestill-passord'
import * as registrationRoute from '~/routes/registrer'
import { registerEmployer } from '~/modules/accounts.server'
import { acceptEmployerTerms, decideAccessRequest, removeMember } from '~/modules/organisations.server'
import { issueCsrfToken } from '~/utils/csrf.server'
import { RATE_LIMIT_RULES, resetRateLimits } from '~/utils/rate-limits.server'
import { getSessionUser } from '~/utils/session.server'
import { findUserByEmail } from '../../prisma-free-sql/queries/users'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { newEmail, newOrganisation, STRONG_PASSWORD } from '../support/fixtures'
import { createPublishedOpening } from '../support/matching-fixtures'
import { BASE, postRoute, sessionCookie, settle } from '../support/route-requests'

// Rate limits on the forms a script would repeat, and session rotation: what an attacker gets from trying again,
// from a planted cookie, or from a session issued before someone's rights changed.

const db = useTestDatabase()

type Action = (args: { request: Request; params: Record<string, string>; context: { clientAddress: string } }) => Promise<Response>

/** Posts a form as an anonymous visitor from `clientAddress`, with a valid CSRF token. */
async function postAnonymously(action: unknown, path: string, fields: Record<string, string>, clientAddress: string, cookie = ''): Promise<Response> {
  const [token, csrfSetCookie] = await issueCsrfToken(new Request(`${BASE}/`))
  const body = new FormData()
  body.set('csrf', token)
  for (const [name, value] of Object.entries(fields)) body.set(name, value)
  const cookies = [csrfSetCookie!.split(';')[0]!, cookie].filter(Boolean).join('; ')
  const request = new Request(`${BASE}${path}`, { method: 'POST', body, headers: { Cookie: cookies } })
  return settle(() => (action as Action)({ request, params: {}, context: { clientAddress } }))
}

async function formErrorsOf(response: Response): Promise<string[]> {
  const body = (await response.json()) as { error?: Record<string, string[] | null> }
  return Object.values(body.error ?? {}).flatMap((messages) => messages ?? [])
}

let addressCounter = 0
const newClientAddress = () => `203.0.113.${++addressCounter}`

beforeEach(async () => {
  await resetRateLimits()
})

describe('rate limits', () => {
  it('refuses registrations from one address past the limit, keeping what was typed and saying how long to wait', async () => {
    const address = newClientAddress()
    const { points } = RATE_LIMIT_RULES.registrationPerAddress
    // Invalid submissions count too: a script probing the form is refused as early as one sending real forms.
    for (let i = 0; i < points; i++) {
      const response = await postAnonymously(registrationRoute.action, '/registrer', { name: 'X' }, address)
      expect(response.status).toBe(400)
    }
    const organisation = newOrganisation()
    const email = newEmail('limited')
    const refused = await postAnonymously(
      registrationRoute.action,
      '/registrer',
      {
        orgNumber: organisation.orgNumber,
        orgName: organisation.name,
        naceSection: organisation.naceSection,
        sector: organisation.sector,
        sizeBand: organisation.sizeBand,
        municipalityNumber: organisation.municipalityNumber,
        name: 'Kari Nordmann',
        email,
        password: STRONG_PASSWORD,
        passwordRepeat: STRONG_PASSWORD,
      },
      address,
    )
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
    const reply = (await refused.clone().json()) as { initialValue?: Record<string, unknown> }
    expect(reply.initialValue?.orgName, 'the organisation name is kept').toBe(organisation.name)
    expect(reply.initialValue?.password, 'passwords are never sent back').toBeUndefined()
    expect((await formErrorsOf(refused)).join(' ')).toMatch(/Vent \d+ minutter? og prøv igjen/)
    expect(await findUserByEmail(db.sql, email), 'nothing was created').toBeUndefined()

    const otherAddress = await postAnonymously(registrationRoute.action, '/registrer', { name: 'X' }, newClientAddress())
    expect(otherAddress.status, 'another address is not affected').toBe(400)
  })

  it('sends at most three reset links per address per hour, and refuses requests from one address past its limit', async () => {
    const email = newEmail('reset')
    const address = newClientAddress()
    for (let i = 0; i < RATE_LIMIT_RULES.passwordResetPerEmail.points; i++) {
      const response = await postAnonymously(forgotPasswordRoute.action, '/glemt-passord', { email }, address)
      expect(response.status).toBe(302)
    }
    const refused = await postAnonymously(forgotPasswordRoute.action, '/glemt-passord', { email: ` ${email.toUpperCase()} ` }, newClientAddress())
    expect(refused.status, 'the same address, written differently, from elsewhere').toBe(429)

    const busyAddress = newClientAddress()
    for (let i = 0; i < RATE_LIMIT_RULES.passwordResetPerAddress.points; i++) {
      await postAnonymously(forgotPasswordRoute.action, '/glemt-passord', { email: newEmail(`r${i}`) }, busyAddress)
    }
    const fromBusy = await postAnonymously(forgotPasswordRoute.action, '/glemt-passord', { email: newEmail('next') }, busyAddress)
    expect(fromBusy.status).toBe(429)
    expect((await formErrorsOf(fromBusy)).join(' ')).toContain('prøv igjen')
  })

  it('limits guesses at a reset link from one address', async () => {
    const address = newClientAddress()
    const guess = { token: 'x'.repeat(43), password: STRONG_PASSWORD, passwordRepeat: STRONG_PASSWORD }
    for (let i = 0; i < RATE_LIMIT_RULES.newPasswordPerAddress.points; i++) {
      const response = await postAnonymously(newPasswordRoute.action, '/tilbakestill-passord', guess, address)
      expect(response.status).toBe(400)
    }
    const refused = await postAnonymously(newPasswordRoute.action, '/tilbakestill-passord', guess, address)
    expect(refused.status).toBe(429)
  })

  it('limits how often one employer can express interest, with the message kept on the form', async () => {
    const employer = await newEmployerWithOrganisation(db.sql)
    await acceptEmployerTerms(employer.user)
    const opening = await createPublishedOpening(db.sql, employer)
    const path = `/arbeidsgiver/stillinger/${opening.id}/kandidater`
    const post = (candidateId: string) => postRoute(interestRoute.action, employer.user, path, { candidateId, message: 'Hei!' }, { params: { openingId: opening.id } })
    for (let i = 0; i < RATE_LIMIT_RULES.interestPerUser.points; i++) {
      // Candidates that are not visible: each is a handled 409, and each counts.
      expect((await post(randomUUID())).status).toBe(409)
    }
    const candidateId = randomUUID()
    const refused = await post(candidateId)
    expect(refused.status).toBe(429)
    const body = (await refused.json()) as { candidateId: string; message: string; error: string }
    expect(body).toMatchObject({ candidateId, message: 'Hei!' })
    expect(body.error).toMatch(/Vent \d+ minutter? og prøv igjen/)
  })
})

describe('session rotation', () => {
  async function registeredEmployer() {
    const email = newEmail('rotation')
    const result = await registerEmployer({ organisation: newOrganisation(), name: 'Kari Nordmann', email, password: STRONG_PASSWORD })
    if (result.outcome !== 'created') throw new Error(result.outcome)
    return { email, userId: result.userId }
  }

  it('gives a new session at log-in and voids the one the browser brought', async () => {
    const { email } = await registeredEmployer()
    const user = (await findUserByEmail(db.sql, email))!
    const planted = await sessionCookie(user)
    const response = await postAnonymously(loginRoute.action, '/logg-inn', { email, password: STRONG_PASSWORD }, newClientAddress(), planted)
    expect(response.status).toBe(302)
    const issued = response.headers.get('Set-Cookie')!.split(';')[0]!
    expect(issued).not.toBe(planted)
    const withIssued = await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: issued } }))
    expect(withIssued?.id).toBe(user.id)
    const withPlanted = await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: planted } }))
    expect(withPlanted, 'the cookie from before the log-in no longer works').toBeNull()
  })

  it('ends the sessions of a member whose rights change: approved into an organisation, or removed from it', async () => {
    const owner = await registeredEmployer()
    const ownerUser = (await findUserByEmail(db.sql, owner.email))!
    const [membership] = await db.sql<{ organisationId: string; orgNumber: string }[]>`
      select m.organisation_id as "organisationId", o.org_number as "orgNumber"
      from organisation_memberships m join organisations o on o.id = m.organisation_id where m.user_id = ${owner.userId}`
    const org = await db.sql<{ name: string; nace_section: string; sector: string; size_band: string; municipality_number: string }[]>`
      select name, nace_section, sector, size_band, municipality_number from organisations where id = ${membership!.organisationId}`
    const applicantEmail = newEmail('applicant')
    const applied = await registerEmployer({
      organisation: {
        orgNumber: membership!.orgNumber,
        name: org[0]!.name,
        naceSection: org[0]!.nace_section,
        sector: org[0]!.sector as 'private',
        sizeBand: org[0]!.size_band as '5-19',
        municipalityNumber: org[0]!.municipality_number,
      },
      name: 'Ola Nordmann',
      email: applicantEmail,
      password: STRONG_PASSWORD,
    })
    expect(applied.outcome).toBe('membership-requested')
    const applicant = (await findUserByEmail(db.sql, applicantEmail))!
    const before = await sessionCookie(applicant)
    const ownerSession = await sessionCookie(ownerUser)

    await decideAccessRequest(ownerUser, { organisationId: membership!.organisationId, userId: applicant.id, approve: true })
    expect(await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: before } })), 'approval voids the old session').toBeNull()
    expect((await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: ownerSession } })))?.id, 'the approver stays logged in').toBe(ownerUser.id)

    const afterApproval = await sessionCookie(applicant)
    expect(await removeMember(ownerUser, membership!.organisationId, applicant.id)).toBe('removed')
    expect(await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: afterApproval } })), 'removal voids the session too').toBeNull()
  })
})
