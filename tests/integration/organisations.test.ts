import { beforeAll, describe, expect, it } from 'vitest'
import {
  decideMembershipRequest,
  insertMembership,
  insertOrganisation,
  listMembers,
  listOrganisationsInCounties,
  type MembershipStatus,
} from '../../prisma-free-sql/queries/organisations'
import { insertUser } from '../../prisma-free-sql/queries/users'
import { useTestDatabase } from '../support/database'
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
