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
  'workplace_tasks', 'carved_jobs', 'carved_job_tasks', 'openings', 'opening_events',
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

  it('gives workplaces in at least five industries task inventories, carved jobs and openings in every status', async () => {
    const [inventory] = await db.sql`
      select count(distinct o.nace_section)::int as industries, count(distinct w.id)::int as workplaces
      from workplace_tasks t join workplaces w on w.id = t.workplace_id join organisations o on o.id = w.organisation_id`
    expect(inventory?.industries).toBeGreaterThanOrEqual(5)
    expect(inventory?.workplaces).toBeGreaterThanOrEqual(8)
    const statuses = await db.sql`select distinct status from openings order by status`
    expect(statuses.map((row) => row.status)).toEqual(['closed', 'draft', 'filled', 'paused', 'published'])
    const [carved] = await db.sql`select count(*)::int as n from carved_jobs`
    expect(carved?.n).toBeGreaterThanOrEqual(5)
  })

  it('gives the demo employer a bakery with two workplaces and a published work-training opening made from a carved job', async () => {
    const rows = await db.sql`
      select w.name as workplace, op.title, op.status, op.opening_type, cj.name as carved_job,
             (select sum(t.hours_per_week) from carved_job_tasks cjt join workplace_tasks t on t.id = cjt.task_id
              where cjt.carved_job_id = cj.id)::float as carved_hours, op.hours_min::float, op.hours_max::float,
             op.start_date > now() as starts_later
      from organisations o join workplaces w on w.organisation_id = o.id
      left join openings op on op.workplace_id = w.id left join carved_jobs cj on cj.id = op.carved_job_id
      where o.org_number = '912345742' order by w.name, op.title`
    expect(new Set(rows.map((row) => row.workplace))).toEqual(new Set(['Bakeriet på Birkelunden', 'Utsalg Torshov']))
    const training = rows.find((row) => row.status === 'published')
    expect(training).toMatchObject({ opening_type: 'ARBEIDSTRENING', carved_job: 'Bakeriassistent', starts_later: true })
    expect(training!.carved_hours).toBeGreaterThanOrEqual(training!.hours_min)
    expect(training!.carved_hours).toBeLessThanOrEqual(training!.hours_max)
    expect(rows.some((row) => row.status === 'draft')).toBe(true)
  })

  it('keeps each opening’s history in step with its status', async () => {
    const rows = await db.sql`
      select op.status, op.close_reason, array_agg(e.event order by e.id) as events
      from openings op join opening_events e on e.opening_id = op.id group by op.id`
    const expected: Record<string, string[]> = {
      draft: ['created'],
      published: ['created', 'published'],
      paused: ['created', 'published', 'paused'],
      filled: ['created', 'published', 'filled'],
      closed: ['created', 'published', 'closed'],
    }
    for (const row of rows) {
      expect(row.events, row.status).toEqual(expected[row.status])
      if (row.status === 'closed') expect(row.close_reason).toBeTruthy()
    }
  })
})
