import { beforeAll, describe, expect, it } from 'vitest'
import { authenticate } from '~/modules/accounts.server'
import { isValidOrgNumber } from '~/utils/org-number'
import { findUserByEmail } from '../../prisma-free-sql/queries/users'
import { listMembershipsOfUser } from '../../prisma-free-sql/queries/organisations'
import { DEMO_PASSWORD, demoLogins, seedDemoData } from '../../scripts/demo-data'
import { useTestDatabase } from '../support/database'

const db = useTestDatabase()

const tables = [
  'organisations', 'workplaces', 'users', 'user_roles', 'organisation_memberships',
  'nav_offices', 'teams', 'staff_placements', 'market_contact_counties',
] as const

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const [row] = await db.sql`select count(*)::int as n from ${db.sql(table)}`
    counts[table] = Number(row?.n)
  }
  return counts
}

describe('seedDemoData', () => {
  beforeAll(async () => {
    expect(await seedDemoData(db.sql, { onlyIfEmpty: true })).toBe(true)
  })

  it('changes nothing when it runs again', async () => {
    const before = await tableCounts()
    expect(before.organisations).toBeGreaterThan(0)
    expect(await seedDemoData(db.sql, { onlyIfEmpty: false })).toBe(true)
    expect(await seedDemoData(db.sql, { onlyIfEmpty: false })).toBe(true)
    expect(await tableCounts()).toEqual(before)
  })

  it('skips a database that already has users when asked to', async () => {
    const before = await tableCounts()
    expect(await seedDemoData(db.sql, { onlyIfEmpty: true })).toBe(false)
    expect(await tableCounts()).toEqual(before)
  })

  it.each([
    ['employer', demoLogins.employer, []],
    ['specialist', demoLogins.specialist, ['specialist']],
    ['market contact', demoLogins.marketContact, ['market_contact']],
    ['team lead', demoLogins.teamLead, ['specialist', 'team_lead']],
    ['admin', demoLogins.admin, ['admin']],
  ])('has the %s log-in %s with its roles, and it accepts the demo password', async (_role, email, roles) => {
    const user = await findUserByEmail(db.sql, email)
    expect(user?.accountType).toBe(email === demoLogins.employer ? 'employer' : 'staff')
    expect(user?.roles).toEqual(roles)
    const login = await authenticate({ email, password: DEMO_PASSWORD, clientAddress: '192.0.2.10' })
    expect(login.outcome).toBe('ok')
  })

  it('places staff at offices, and the market contact in counties', async () => {
    for (const email of [demoLogins.specialist, demoLogins.marketContact, demoLogins.teamLead, demoLogins.admin]) {
      expect((await findUserByEmail(db.sql, email))?.officeName, email).toBe('NAV Grünerløkka')
    }
    expect((await findUserByEmail(db.sql, demoLogins.specialist))?.teamName).toBe('IPS-teamet')
    expect((await findUserByEmail(db.sql, demoLogins.marketContact))?.countyNumbers).toEqual(['03', '32'])
  })

  it('makes the demo employer an active member of two organisations and leaves one request pending', async () => {
    const employer = await findUserByEmail(db.sql, demoLogins.employer)
    const memberships = await listMembershipsOfUser(db.sql, employer!.id)
    expect(memberships.map((m) => [m.orgNumber, m.status])).toEqual([
      ['912345742', 'active'],
      ['912345815', 'active'],
    ])
    const newcomer = await findUserByEmail(db.sql, 'ny.medarbeider@bakeri.example')
    const requests = await listMembershipsOfUser(db.sql, newcomer!.id)
    expect(requests.map((m) => [m.orgNumber, m.status])).toEqual([['912345742', 'requested']])
  })

  it('gives every organisation a valid organisation number and at least one workplace', async () => {
    const rows = await db.sql`
      select o.org_number, o.name, (select count(*)::int from workplaces w where w.organisation_id = o.id) as workplaces
      from organisations o`
    expect(rows.length).toBeGreaterThanOrEqual(10)
    for (const row of rows) {
      expect(isValidOrgNumber(row.org_number), `${row.name} ${row.org_number}`).toBe(true)
      expect(row.workplaces, row.name).toBeGreaterThan(0)
    }
  })

  it('spreads organisations and offices over at least two counties', async () => {
    const rows = await db.sql`
      select c.number from counties c
      where exists (select 1 from organisations o join municipalities m on m.number = o.municipality_number
                    where m.county_number = c.number)
        and exists (select 1 from nav_offices n where n.county_number = c.number)
      order by c.number`
    expect(rows.length).toBeGreaterThanOrEqual(2)
    expect(rows.map((row) => row.number)).toEqual(expect.arrayContaining(['03', '46']))
  })
})
