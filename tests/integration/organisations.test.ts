import { beforeAll, describe, expect, it } from 'vitest'
import { inviteEmployerColleague } from '~/modules/accounts.server'
import {
  acceptEmployerTerms,
  decideAccessRequest,
  editOrganisationProfile,
  employerHome,
  employerTermsStatus,
  removeMember,
} from '~/modules/organisations.server'
import { createWorkplace } from '~/modules/workplaces.server'
import { CURRENT_TERMS_VERSION } from '../../prisma-free-sql/queries/employer-terms'
import { insertOpening, type OpeningInput } from '../../prisma-free-sql/queries/openings'
import {
  decideMembershipRequest,
  insertMembership,
  insertOrganisation,
  listMembers,
  listOrganisationsInCounties,
  type MembershipStatus,
} from '../../prisma-free-sql/queries/organisations'
import { findUserByEmail, findUserById, insertUser, type User } from '../../prisma-free-sql/queries/users'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation, workplaceInput } from '../support/employer-fixtures'
import { newEmail, newOrganisation } from '../support/fixtures'

const db = useTestDatabase()

async function newEmployer(name: string): Promise<string> {
  return insertUser(db.sql, { email: newEmail('employer'), name, accountType: 'employer', passwordHash: null })
}

async function statusOf(organisationId: string, userId: string): Promise<{ status: MembershipStatus; decidedBy: string | null } | undefined> {
  const [row] = await db.sql`
    select status, decided_by from organisation_memberships where organisation_id = ${organisationId} and user_id = ${userId}`
  return row ? { status: row.status, decidedBy: row.decided_by } : undefined
}

describe('decideMembershipRequest', () => {
  let organisationId: string
  let member: string

  beforeAll(async () => {
    organisationId = (await insertOrganisation(db.sql, newOrganisation()))!
    member = await newEmployer('Aktiv Medlem')
    await insertMembership(db.sql, { organisationId, userId: member, status: 'active' })
  })

  async function requester(status: MembershipStatus = 'requested'): Promise<string> {
    const userId = await newEmployer('Ny Søker')
    await insertMembership(db.sql, { organisationId, userId, status })
    return userId
  }

  it('approves a pending request and records who decided', async () => {
    const userId = await requester()
    expect(await decideMembershipRequest(db.sql, { organisationId, userId, approve: true, decidedBy: member })).toBe(true)
    expect(await statusOf(organisationId, userId)).toEqual({ status: 'active', decidedBy: member })
  })

  it('rejects a pending request', async () => {
    const userId = await requester()
    expect(await decideMembershipRequest(db.sql, { organisationId, userId, approve: false, decidedBy: member })).toBe(true)
    expect(await statusOf(organisationId, userId)).toEqual({ status: 'rejected', decidedBy: member })
    expect((await listMembers(db.sql, organisationId)).map((m) => m.userId)).not.toContain(userId)
  })

  it.each<[string, MembershipStatus, boolean]>([
    ['an active membership', 'active', true],
    ['an active membership', 'active', false],
    ['a rejected request', 'rejected', true],
    ['a rejected request', 'rejected', false],
  ])('leaves %s alone (approve=%s)', async (_what, status, approve) => {
    const userId = await requester(status)
    expect(await decideMembershipRequest(db.sql, { organisationId, userId, approve, decidedBy: member })).toBe(false)
    expect((await statusOf(organisationId, userId))?.status).toBe(status)
  })

  it('decides a request only once', async () => {
    const userId = await requester()
    expect(await decideMembershipRequest(db.sql, { organisationId, userId, approve: true, decidedBy: member })).toBe(true)
    expect(await decideMembershipRequest(db.sql, { organisationId, userId, approve: false, decidedBy: member })).toBe(false)
    expect((await statusOf(organisationId, userId))?.status).toBe('active')
  })

  it('does nothing for a user without a membership, or for another organisation', async () => {
    const outsider = await newEmployer('Utenforstående')
    expect(await decideMembershipRequest(db.sql, { organisationId, userId: outsider, approve: true, decidedBy: member })).toBe(false)
    expect(await statusOf(organisationId, outsider)).toBeUndefined()
    const userId = await requester()
    const otherId = (await insertOrganisation(db.sql, newOrganisation()))!
    expect(await decideMembershipRequest(db.sql, { organisationId: otherId, userId, approve: true, decidedBy: member })).toBe(false)
    expect((await statusOf(organisationId, userId))?.status).toBe('requested')
  })
})

describe('listOrganisationsInCounties', () => {
  beforeAll(async () => {
    await db.sql`delete from organisations`
    for (const [name, municipalityNumber] of [
      ['Bergen Bakeri AS', '4601'],
      ['Oslo Rør AS', '0301'],
      ['Asker Verksted AS', '3203'],
      ['Aker Kantine AS', '0301'],
      ['Tromsø Fisk AS', '5501'],
    ] as const) {
      await insertOrganisation(db.sql, newOrganisation({ name, municipalityNumber }))
    }
  })

  it.each([
    [['03'], ['Aker Kantine AS', 'Oslo Rør AS']],
    [['03', '46'], ['Aker Kantine AS', 'Bergen Bakeri AS', 'Oslo Rør AS']],
    [['32', '55'], ['Asker Verksted AS', 'Tromsø Fisk AS']],
    [['15'], []],
    [[], []],
  ])('lists the organisations in %j, by name', async (counties, names) => {
    const organisations = await listOrganisationsInCounties(db.sql, counties)
    expect(organisations.map((o) => o.name)).toEqual(names)
    for (const organisation of organisations) expect(counties).toContain(organisation.countyNumber)
  })

  it('tells the municipality and county of each organisation', async () => {
    const [bergen] = await listOrganisationsInCounties(db.sql, ['46'])
    expect(bergen).toMatchObject({
      name: 'Bergen Bakeri AS',
      municipalityNumber: '4601',
      municipalityName: 'Bergen',
      countyNumber: '46',
      countyName: 'Vestland',
    })
  })
})

async function employerUser(name: string): Promise<User> {
  return (await findUserById(db.sql, await newEmployer(name)))!
}

describe('decideAccessRequest', () => {
  it('lets a member decide once, and answers 404 to anyone outside the organisation', async () => {
    const { user, organisationId } = await newEmployerWithOrganisation(db.sql)
    const applicant = await newEmployer('Søker Søkersen')
    await insertMembership(db.sql, { organisationId, userId: applicant, status: 'requested' })
    const stranger = await newEmployerWithOrganisation(db.sql)

    await expect(decideAccessRequest(stranger.user, { organisationId, userId: applicant, approve: true })).rejects.toMatchObject({ status: 404 })
    expect((await statusOf(organisationId, applicant))?.status).toBe('requested')

    expect(await decideAccessRequest(user, { organisationId, userId: applicant, approve: true })).toBe('decided')
    expect(await decideAccessRequest(user, { organisationId, userId: applicant, approve: false })).toBe('already-decided')
    expect(await statusOf(organisationId, applicant)).toEqual({ status: 'active', decidedBy: user.id })
  })

  it('does not let someone who only asked for access decide', async () => {
    const { organisationId } = await newEmployerWithOrganisation(db.sql)
    const asking = await employerUser('Spør Også')
    const other = await newEmployer('Spør Først')
    await insertMembership(db.sql, { organisationId, userId: asking.id, status: 'requested' })
    await insertMembership(db.sql, { organisationId, userId: other, status: 'requested' })
    await expect(decideAccessRequest(asking, { organisationId, userId: other, approve: true })).rejects.toMatchObject({ status: 404 })
    await expect(decideAccessRequest(asking, { organisationId, userId: asking.id, approve: true })).rejects.toMatchObject({ status: 404 })
  })
})

describe('editOrganisationProfile', () => {
  const change = { naceSection: 'Q', sector: 'public', sizeBand: '20-99', iaAgreement: true, description: 'Sykehjem med kjøkken.' } as const

  it('keeps the registered name and organisation number', async () => {
    const { user, organisationId } = await newEmployerWithOrganisation(db.sql)
    const [before] = await db.sql`select name, org_number from organisations where id = ${organisationId}`
    await editOrganisationProfile(user, organisationId, change)
    const [after] = await db.sql`select name, org_number, nace_section, ia_agreement, description from organisations where id = ${organisationId}`
    expect(after).toEqual({ ...before, nace_section: 'Q', ia_agreement: true, description: 'Sykehjem med kjøkken.' })
    const [audit] = await db.sql`
      select actor_user_id, details from audit_log where subject_id = ${organisationId} and action = 'organisation.updated'`
    expect(audit).toMatchObject({ actor_user_id: user.id, details: { naceSection: 'Q', iaAgreement: true } })
  })

  it('answers 404 to an employer of another organisation and changes nothing', async () => {
    const { organisationId } = await newEmployerWithOrganisation(db.sql)
    const stranger = await newEmployerWithOrganisation(db.sql)
    await expect(editOrganisationProfile(stranger.user, organisationId, change)).rejects.toMatchObject({ status: 404 })
    const [row] = await db.sql`select description from organisations where id = ${organisationId}`
    expect(row?.description).toBe('')
  })
})

describe('inviting and removing members', () => {
  it('gives an existing user with a pending request access at once', async () => {
    const { user, organisationId } = await newEmployerWithOrganisation(db.sql)
    const asking = await employerUser('Venter Fortsatt')
    await insertMembership(db.sql, { organisationId, userId: asking.id, status: 'requested' })
    expect(await inviteEmployerColleague(user, { organisationId, name: 'Venter', email: asking.email })).toEqual({ outcome: 'added', userId: asking.id })
    expect(await statusOf(organisationId, asking.id)).toEqual({ status: 'active', decidedBy: user.id })
    // The invited person keeps the name they chose themselves.
    expect((await findUserById(db.sql, asking.id))?.name).toBe('Venter Fortsatt')
  })

  it('answers 404 when someone outside the organisation invites, and creates no account', async () => {
    const { organisationId } = await newEmployerWithOrganisation(db.sql)
    const stranger = await newEmployerWithOrganisation(db.sql)
    const email = newEmail('uinvitert')
    await expect(inviteEmployerColleague(stranger.user, { organisationId, name: 'Ingen', email })).rejects.toMatchObject({ status: 404 })
    expect(await findUserByEmail(db.sql, email)).toBeUndefined()
  })

  it('lets a member leave while someone else stays, but not the last one', async () => {
    const { user, organisationId } = await newEmployerWithOrganisation(db.sql)
    const colleague = await employerUser('Blir Igjen')
    await insertMembership(db.sql, { organisationId, userId: colleague.id, status: 'active' })
    expect(await removeMember(user, organisationId, user.id)).toBe('removed')
    expect(await statusOf(organisationId, user.id)).toBeUndefined()
    // The one who left is now an outsider.
    await expect(removeMember(user, organisationId, colleague.id)).rejects.toMatchObject({ status: 404 })
    expect(await removeMember(colleague, organisationId, colleague.id)).toBe('last-member')
    expect((await statusOf(organisationId, colleague.id))?.status).toBe('active')
  })

  it('does not count a pending request as a member who could be removed', async () => {
    const { user, organisationId } = await newEmployerWithOrganisation(db.sql)
    const colleague = await newEmployer('Aktiv To')
    const asking = await newEmployer('Bare Spurt')
    await insertMembership(db.sql, { organisationId, userId: colleague, status: 'active' })
    await insertMembership(db.sql, { organisationId, userId: asking, status: 'requested' })
    expect(await removeMember(user, organisationId, asking)).toBe('not-member')
    expect((await statusOf(organisationId, asking))?.status).toBe('requested')
  })
})

describe('employer terms', () => {
  it('records the user, the version and the time of acceptance', async () => {
    const { user } = await newEmployerWithOrganisation(db.sql)
    const before = new Date()
    await acceptEmployerTerms(user)
    const rows = await db.sql`select terms_version, accepted_at from employer_terms_acceptances where user_id = ${user.id}`
    expect(rows).toHaveLength(1)
    expect(rows[0]?.terms_version).toBe(CURRENT_TERMS_VERSION)
    const acceptedAt = rows[0]?.accepted_at as Date
    expect(acceptedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000)
    expect(acceptedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000)
    expect(await employerTermsStatus(user)).toEqual({ version: CURRENT_TERMS_VERSION, acceptedAt })
    expect((await employerHome(user)).termsAccepted).toBe(true)
    const [audit] = await db.sql`select details from audit_log where actor_user_id = ${user.id} and action = 'terms.accepted'`
    expect(audit?.details).toEqual({ version: CURRENT_TERMS_VERSION })
  })

  it('asks again when the user has only accepted an older version', async () => {
    const { user } = await newEmployerWithOrganisation(db.sql)
    await db.sql`insert into employer_terms_acceptances (user_id, terms_version) values (${user.id}, '2000-01')`
    expect((await employerTermsStatus(user)).acceptedAt).toBeUndefined()
    expect((await employerHome(user)).termsAccepted).toBe(false)
  })
})

describe('employerHome', () => {
  const opening = (startDate: string): OpeningInput => ({
    title: 'Lagermedarbeider',
    description: '',
    openingType: 'ARBEIDSTRENING',
    hoursMin: 10,
    hoursMax: 20,
    timesOfDay: [],
    days: [],
    flexibility: '',
    accommodations: [],
    mentorAvailable: false,
    measures: [],
    startDate,
    durationWeeks: null,
    places: 1,
    hireProspect: 'KANSKJE',
    contactName: 'Kari',
    contactPhone: '',
    contactEmail: '',
  })

  it('points to pending requests, paused openings and published openings whose start date has passed', async () => {
    const { user, organisationId } = await newEmployerWithOrganisation(db.sql)
    await insertMembership(db.sql, { organisationId, userId: await newEmployer('Spør Én'), status: 'requested' })
    await insertMembership(db.sql, { organisationId, userId: await newEmployer('Spør To'), status: 'requested' })
    const created = await createWorkplace(user, organisationId, workplaceInput({ name: 'Lageret' }))
    if (created.outcome !== 'created') throw new Error('no workplace')
    const workplaceId = created.workplaceId
    const paused = await insertOpening(db.sql, { ...opening('2099-01-01'), title: 'Pauset plass', workplaceId, carvedJobId: null, createdBy: user.id })
    const late = await insertOpening(db.sql, { ...opening('2020-01-01'), title: 'Gammel plass', workplaceId, carvedJobId: null, createdBy: user.id })
    const fine = await insertOpening(db.sql, { ...opening('2099-01-01'), title: 'Fin plass', workplaceId, carvedJobId: null, createdBy: user.id })
    await db.sql`update openings set status = 'paused' where id = ${paused}`
    await db.sql`update openings set status = 'published' where id in (${late}, ${fine})`

    const [home] = (await employerHome(user)).organisations
    const hrefs = home?.attention.map((item) => item.href) ?? []
    expect(home?.attention[0]).toEqual({ text: '2 personer ber om tilgang til virksomheten.', href: '/arbeidsgiver/medlemmer' })
    expect(hrefs).toContain(`/arbeidsgiver/stillinger/${paused}`)
    expect(hrefs).toContain(`/arbeidsgiver/stillinger/${late}`)
    expect(hrefs).not.toContain(`/arbeidsgiver/stillinger/${fine}`)
    expect(home?.openings.map((o) => [o.title, o.status]).sort()).toEqual([
      ['Fin plass', 'published'],
      ['Gammel plass', 'published'],
      ['Pauset plass', 'paused'],
    ])
  })

  it('shows only the organisations the user is an active member of, and lists requests that wait', async () => {
    const { user, organisationId } = await newEmployerWithOrganisation(db.sql)
    const other = await newEmployerWithOrganisation(db.sql)
    await insertMembership(db.sql, { organisationId: other.organisationId, userId: user.id, status: 'requested' })
    const home = await employerHome(user)
    expect(home.organisations.map((organisation) => organisation.id)).toEqual([organisationId])
    expect(home.waiting.map((organisation) => [organisation.id, organisation.status])).toEqual([[other.organisationId, 'requested']])
  })
})
