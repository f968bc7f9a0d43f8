import { beforeAll, describe, expect, it } from 'vitest'
import { inviteEmployerColleague } from '~/modules/accounts.server'
import {
  acceptEmployerTerms,
  editOrganisationProfile,
  employerHome,
  employerTermsStatus,
  removeMember,
  requireAcceptedTerms,
} from '~/modules/organisations.server'
import { createOpening, todayInNorway } from '~/modules/openings.server'
import { createWorkplace } from '~/modules/workplaces.server'
import { CURRENT_TERMS_VERSION } from '../../prisma-free-sql/queries/employer-terms'
import { findOrganisationProfileForMember, insertMembership, listMembers } from '../../prisma-free-sql/queries/organisations'
import { findUserByEmail, findUserById, insertUser, type User } from '../../prisma-free-sql/queries/users'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation, workplaceInput } from '../support/employer-fixtures'
import { newEmail } from '../support/fixtures'
import { mailsTo } from '../support/mail'

const db = useTestDatabase()

async function activeMemberIds(organisationId: string): Promise<string[]> {
  return (await listMembers(db.sql, organisationId)).filter((member) => member.status === 'active').map((member) => member.userId)
}

describe('organisation profile', () => {
  it('saves the profile and writes it to the audit log', async () => {
    const { user, organisationId } = await newEmployerWithOrganisation(db.sql)
    const before = await findOrganisationProfileForMember(db.sql, organisationId, user.id)
    await editOrganisationProfile(user, organisationId, {
      naceSection: 'I',
      sector: 'public',
      sizeBand: '100-499',
      iaAgreement: true,
      description: 'Vi driver kantiner.',
    })
    expect(await findOrganisationProfileForMember(db.sql, organisationId, user.id)).toMatchObject({
      name: before?.name,
      orgNumber: before?.orgNumber,
      naceSection: 'I',
      sector: 'public',
      sizeBand: '100-499',
      iaAgreement: true,
      description: 'Vi driver kantiner.',
    })
    const [audit] = await db.sql`select action from audit_log where subject_id = ${organisationId} and action = 'organisation.updated'`
    expect(audit).toBeDefined()
  })
})

describe('colleagues', () => {
  let owner: { user: User; organisationId: string }

  beforeAll(async () => {
    owner = await newEmployerWithOrganisation(db.sql)
  })

  it('invites a new colleague by e-mail: an account without password, a membership, and a link with no personal data', async () => {
    const email = newEmail('kollega')
    expect(await inviteEmployerColleague(owner.user, { organisationId: owner.organisationId, name: 'Per Kollega', email })).toMatchObject({ outcome: 'invited' })
    const colleague = await findUserByEmail(db.sql, email)
    expect(await activeMemberIds(owner.organisationId)).toContain(colleague!.id)
    const [mail] = await mailsTo(db.mailDir, email)
    expect(mail?.text).toMatch(/https?:\/\/\S+/)
    expect(mail?.text).not.toContain('Per Kollega')
  })

  it('adds an existing employer user at once and tells them', async () => {
    const existing = await insertUser(db.sql, { email: newEmail('finnes'), name: 'Eva Eksisterende', accountType: 'employer', passwordHash: null })
    const user = (await findUserById(db.sql, existing))!
    expect(await inviteEmployerColleague(owner.user, { organisationId: owner.organisationId, name: 'Eva', email: user.email })).toMatchObject({ outcome: 'added' })
    expect(await mailsTo(db.mailDir, user.email)).toHaveLength(1)
    expect(await inviteEmployerColleague(owner.user, { organisationId: owner.organisationId, name: 'Eva', email: user.email })).toEqual({ outcome: 'already-member' })
  })

  it('never adds a staff account to an organisation', async () => {
    const staff = await insertUser(db.sql, { email: newEmail('nav'), name: 'Nav Ansatt', accountType: 'staff', passwordHash: null })
    const { email } = (await findUserById(db.sql, staff))!
    expect(await inviteEmployerColleague(owner.user, { organisationId: owner.organisationId, name: 'Nav', email })).toEqual({ outcome: 'staff-account' })
    expect(await activeMemberIds(owner.organisationId)).not.toContain(staff)
  })

  it('removes a member, but never the last one', async () => {
    const { user, organisationId } = await newEmployerWithOrganisation(db.sql)
    const other = await insertUser(db.sql, { email: newEmail('andre'), name: 'Andre', accountType: 'employer', passwordHash: null })
    await insertMembership(db.sql, { organisationId, userId: other, status: 'active' })
    expect(await removeMember(user, organisationId, other)).toBe('removed')
    expect(await activeMemberIds(organisationId)).toEqual([user.id])
    expect(await removeMember(user, organisationId, user.id)).toBe('last-member')
    expect(await activeMemberIds(organisationId)).toEqual([user.id])
  })

  it('keeps one member when two remove each other at the same time', async () => {
    const { user, organisationId } = await newEmployerWithOrganisation(db.sql)
    const otherId = await insertUser(db.sql, { email: newEmail('samtidig'), name: 'Samtidig', accountType: 'employer', passwordHash: null })
    await insertMembership(db.sql, { organisationId, userId: otherId, status: 'active' })
    const other = (await findUserById(db.sql, otherId))!
    const outcomes = await Promise.allSettled([removeMember(user, organisationId, otherId), removeMember(other, organisationId, user.id)])
    expect(await activeMemberIds(organisationId)).toHaveLength(1)
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled' && outcome.value === 'removed')).toHaveLength(1)
  })

  it('answers 404 when someone outside the organisation tries to remove a member', async () => {
    const stranger = await newEmployerWithOrganisation(db.sql)
    await expect(removeMember(stranger.user, owner.organisationId, owner.user.id)).rejects.toMatchObject({ status: 404 })
  })
})

describe('employer terms', () => {
  it('records who accepted which version when, once', async () => {
    const { user } = await newEmployerWithOrganisation(db.sql)
    expect((await employerTermsStatus(user)).acceptedAt).toBeUndefined()
    const request = new Request('http://localhost/arbeidsgiver/stillinger/x/kandidater?side=2')
    const redirect = await requireAcceptedTerms(user, request).catch((response: Response) => response)
    expect(redirect).toBeInstanceOf(Response)
    expect((redirect as Response).headers.get('Location')).toBe(`/arbeidsgiver/vilkar?tilbake=${encodeURIComponent('/arbeidsgiver/stillinger/x/kandidater?side=2')}`)

    await acceptEmployerTerms(user)
    await acceptEmployerTerms(user)
    const status = await employerTermsStatus(user)
    expect(status.version).toBe(CURRENT_TERMS_VERSION)
    expect(status.acceptedAt).toBeInstanceOf(Date)
    await expect(requireAcceptedTerms(user, request)).resolves.toBeUndefined()
    const rows = await db.sql`select terms_version from employer_terms_acceptances where user_id = ${user.id}`
    expect(rows.map((row) => row.terms_version)).toEqual([CURRENT_TERMS_VERSION])
  })
})

describe('employer home', () => {
  it('lists what needs attention and says no NAV contact is assigned yet', async () => {
    const { user, organisationId } = await newEmployerWithOrganisation(db.sql)
    let home = await employerHome(user)
    expect(home.organisations[0]?.attention.map((item) => item.href)).toEqual([`/arbeidsgiver/virksomheter/${organisationId}/arbeidssteder/ny`])
    expect(home.organisations[0]?.navContact).toBeNull()

    const created = await createWorkplace(user, organisationId, workplaceInput({ name: 'Butikken' }))
    if (created.outcome !== 'created') throw new Error('no workplace')
    home = await employerHome(user)
    expect(home.organisations[0]?.attention.map((item) => item.text)).toEqual(['Butikken har ingen arbeidsoppgaver ennå.'])

    const openingId = await createOpening(user, {
      workplaceId: created.workplaceId,
      carvedJobId: null,
      title: 'Butikkmedarbeider',
      description: '',
      openingType: 'ORDINAER',
      hoursMin: 10,
      hoursMax: 20,
      timesOfDay: [],
      days: [],
      flexibility: '',
      accommodations: [],
      mentorAvailable: false,
      measures: [],
      startDate: todayInNorway(),
      durationWeeks: null,
      places: 1,
      hireProspect: 'JA',
      contactName: 'Kari',
      contactPhone: '',
      contactEmail: '',
    })
    home = await employerHome(user)
    expect(home.organisations[0]?.openings).toEqual([expect.objectContaining({ id: openingId, status: 'draft' })])
    expect(home.organisations[0]?.attention.map((item) => item.href)).toContain(`/arbeidsgiver/stillinger/${openingId}`)
    expect(home.termsAccepted).toBe(false)
  })
})
