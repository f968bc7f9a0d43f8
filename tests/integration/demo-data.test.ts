import { idnr } from '@navikt/fnrvalidator'
import { beforeAll, describe, expect, it } from 'vitest'
import { authenticate } from '~/modules/accounts.server'
import { todayInNorway } from '~/modules/openings.server'
import { isValidOrgNumber } from '~/utils/org-number'
import { employerVisibility, missingProfileParts, type Visibility } from '../../matching/visibility'
import type { Queryable } from '../../prisma-free-sql/db'
import { listVisibilityRows, type CandidateVisibilityRow } from '../../prisma-free-sql/queries/candidates'
import { findUserByEmail } from '../../prisma-free-sql/queries/users'
import { listMembershipsOfUser } from '../../prisma-free-sql/queries/organisations'
import { seedCandidateDemo } from '../../scripts/demo-candidates'
import { DEMO_PASSWORD, demoLogins, seedDemoData } from '../../scripts/demo-data'
import { useTestDatabase } from '../support/database'

const db = useTestDatabase()

const tables = [
  'organisations', 'workplaces', 'users', 'user_roles', 'organisation_memberships',
  'nav_offices', 'teams', 'staff_placements', 'market_contact_counties',
  'workplace_tasks', 'carved_jobs', 'carved_job_tasks', 'openings', 'opening_events',
  'candidates', 'candidate_identities', 'candidate_profiles', 'candidate_consents', 'candidate_events',
  'employer_relationships', 'employer_relationship_events', 'employer_contacts',
  'matching_meetings', 'matching_meeting_participants', 'matching_meeting_candidates', 'matching_meeting_openings', 'matching_meeting_minutes',
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
    const started = performance.now()
    expect(await seedDemoData(db.sql, { onlyIfEmpty: true })).toBe(true)
    console.log(`seedDemoData on ${db.kind}, 3000 candidates included: ${Math.round(performance.now() - started)} ms`)
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

  describe('synthetic candidates', () => {
    const today = todayInNorway()
    let rows: CandidateVisibilityRow[] = []
    let visibility = new Map<string, Visibility>()

    const visibilityOf = (row: CandidateVisibilityRow): Visibility =>
      employerVisibility({
        status: row.status,
        latestConsent: row.consentGivenOn
          ? {
              givenOn: row.consentGivenOn,
              expiresOn: row.consentExpiresOn ?? '',
              scope: row.consentScope ?? 'all',
              scopeCounties: row.consentScopeCounties ?? [],
              supersededAt: row.consentSupersededAt,
              withdrawnAt: row.consentWithdrawnAt,
            }
          : null,
        profile: row.hasProfile ? row : null,
        today,
      })

    beforeAll(async () => {
      const specialists = await db.sql<{ id: string }[]>`select distinct responsible_user_id as id from candidates`
      rows = await listVisibilityRows(db.sql, { responsibleUserIds: specialists.map((row) => row.id) })
      visibility = new Map(rows.map((row) => [row.id, visibilityOf(row)]))
    })

    it('has a few thousand candidates, each with an identity, a profile and a created event', async () => {
      const [counts] = await db.sql`
        select (select count(*)::int from candidates) as candidates,
               (select count(*)::int from candidate_identities) as identities,
               (select count(*)::int from candidate_profiles) as profiles,
               (select count(*)::int from candidate_events where kind = 'created') as created,
               (select count(*)::int from candidate_consents k
                where not exists (select 1 from candidate_events e where e.candidate_id = k.candidate_id and e.kind = 'consent_recorded')) as unrecorded,
               (select count(*)::int from candidate_events e join candidates c on c.id = e.candidate_id
                where e.kind = 'created' and (e.occurred_at <> c.created_at or e.actor_user_id <> c.responsible_user_id)) as misdated,
               (select count(*)::int from candidate_consents k join candidates c on c.id = k.candidate_id
                where k.given_to_user_id <> c.responsible_user_id or k.recorded_by_user_id <> c.responsible_user_id) as misattributed`
      expect(counts?.candidates).toBeGreaterThanOrEqual(2500)
      expect(counts).toMatchObject({
        identities: counts?.candidates,
        profiles: counts?.candidates,
        created: counts?.candidates,
        unrecorded: 0,
        misdated: 0,
        misattributed: 0,
      })
      expect(rows).toHaveLength(counts?.candidates)
    })

    it('gives every candidate a unique, valid synthetic (Test Norge) national ID number', async () => {
      const ids = await db.sql<{ nationalId: string }[]>`select national_id as "nationalId" from candidate_identities`
      expect(new Set(ids.map((row) => row.nationalId)).size).toBe(ids.length)
      for (const { nationalId } of ids) expect(idnr(nationalId), nationalId).toEqual({ status: 'valid', type: 'tnr' })
    })

    it('never gives a candidate the name of a user or of an opening’s contact person', async () => {
      const clashes = await db.sql`
        select i.first_name, i.last_name from candidate_identities i
        where lower(i.first_name || ' ' || i.last_name) in (select lower(name) from users union select lower(contact_name) from openings)`
      expect(clashes).toEqual([])
    })

    it('keeps pitches free of phone numbers, e-mail addresses and the candidate’s name', async () => {
      const pitches = await db.sql<{ pitch: string; firstName: string; lastName: string }[]>`
        select p.pitch, i.first_name as "firstName", i.last_name as "lastName"
        from candidate_profiles p join candidate_identities i on i.candidate_id = p.candidate_id`
      for (const { pitch, firstName, lastName } of pitches) {
        expect(pitch).not.toMatch(/\d{8,}|@/)
        expect(pitch).not.toContain(`${firstName} ${lastName}`)
        expect(pitch).not.toMatch(new RegExp(`\\b${firstName}\\b`, 'u'))
      }
    })

    it('shows between 60 % and 85 % of candidates to employers, and keeps some of every hidden kind', () => {
      const visible = rows.filter((row) => visibility.get(row.id)?.visible).length
      const share = visible / rows.length
      console.log(`visible to employers: ${visible} of ${rows.length} (${(share * 100).toFixed(1)} %)`)
      expect(share).toBeGreaterThanOrEqual(0.6)
      expect(share).toBeLessThanOrEqual(0.85)
      const reasons = new Set(
        [...visibility.values()].flatMap((v) => (v.visible ? [] : v.reasons.map((r) => (r.code === 'consent' ? `consent:${r.consent}` : r.code)))),
      )
      expect([...reasons].sort()).toEqual(['consent:expired', 'consent:none', 'consent:withdrawn', 'incomplete', 'status'])
      const incomplete = rows.filter((row) => missingProfileParts(row).length > 0).length / rows.length
      expect(incomplete).toBeGreaterThan(0.04)
      expect(incomplete).toBeLessThan(0.12)
    })

    it('gives Ingrid Solberg 18 candidates at NAV Grünerløkka in every state, and Marte Lie 12', async () => {
      const ingrid = await findUserByEmail(db.sql, demoLogins.specialist)
      const marte = await findUserByEmail(db.sql, demoLogins.teamLead)
      const own = rows.filter((row) => row.responsibleUserId === ingrid!.id)
      expect(own).toHaveLength(18)
      expect(rows.filter((row) => row.responsibleUserId === marte!.id)).toHaveLength(12)
      expect(new Set(own.map((row) => row.officeId))).toEqual(new Set([ingrid!.officeId]))
      const states = own.map((row) => visibility.get(row.id)!)
      expect(states.filter((v) => v.visible).length).toBeGreaterThanOrEqual(12)
      expect(own.filter((row) => row.consentGivenOn === null).length).toBeGreaterThanOrEqual(1)
      expect(own.filter((row) => row.status === 'paused').length).toBeGreaterThanOrEqual(1)
      expect(own.filter((row) => missingProfileParts(row).length > 0).length).toBeGreaterThanOrEqual(1)
      const in30Days = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10)
      expect(states.filter((v) => v.visible && v.consent.expiresOn <= in30Days).length).toBeGreaterThanOrEqual(1)
    })

    it('gives every specialist a caseload of 12–20, and synthetic specialists no password', async () => {
      const caseloads = await db.sql<{ n: number }[]>`select count(*)::int as n from candidates group by responsible_user_id`
      expect(caseloads.length).toBeGreaterThan(150)
      for (const { n } of caseloads) {
        expect(n).toBeGreaterThanOrEqual(12)
        expect(n).toBeLessThanOrEqual(20)
      }
      const [synthetic] = await db.sql`
        select count(*)::int as n, count(password_hash)::int as with_password from users where email ~ ${'^jobbspesialist[.][0-9]+@jobbsnekker[.]example$'}`
      expect(synthetic?.n).toBeGreaterThan(150)
      expect(synthetic?.with_password).toBe(0)
    })

    it('spreads candidates over every county, concentrated so some municipalities have five or more visible candidates', async () => {
      const counties = await db.sql`
        select c.number, count(p.candidate_id)::int as n from counties c
        left join municipalities m on m.county_number = c.number left join candidate_profiles p on p.home_municipality_number = m.number
        group by c.number`
      for (const county of counties) expect(county.n, county.number).toBeGreaterThan(0)
      const offices = await db.sql`
        select count(*)::int as n from candidates c join candidate_profiles p on p.candidate_id = c.id
        join municipalities m on m.number = p.home_municipality_number join nav_offices o on o.id = c.office_id
        where m.county_number <> o.county_number`
      expect(offices[0]?.n).toBe(0)
      const visibleByHome = new Map<string, number>()
      for (const row of rows) {
        if (visibility.get(row.id)?.visible) visibleByHome.set(row.homeMunicipalityNumber!, (visibleByHome.get(row.homeMunicipalityNumber!) ?? 0) + 1)
      }
      const shared = [...visibleByHome.values()]
      expect(shared.filter((n) => n >= 5).length).toBeGreaterThanOrEqual(30)
      expect(shared.filter((n) => n < 5).length).toBeGreaterThanOrEqual(30)
    })

    it('has activity spread over the last four months, so "no activity in 30 days" has hits', () => {
      const daysAgo = rows.map((row) => (Date.now() - row.lastActivityAt.getTime()) / 86_400_000)
      expect(Math.max(...daysAgo)).toBeLessThanOrEqual(122)
      const quiet = daysAgo.filter((days) => days > 30).length / rows.length
      expect(quiet).toBeGreaterThan(0.2)
      expect(quiet).toBeLessThan(0.8)
    })

    it('draws the same candidates on every fresh start, in well under the time budget', async () => {
      const fingerprint = async (sql: Queryable) => {
        const [row] = await sql`
          select md5(string_agg(c.id::text || i.national_id || i.first_name || i.last_name || p.pitch || coalesce(p.home_municipality_number, '')
                                || c.status || c.responsible_user_id::text, ',' order by c.id)) as hash
          from candidates c join candidate_identities i on i.candidate_id = c.id join candidate_profiles p on p.candidate_id = c.id`
        return row?.hash as string
      }
      const before = await fingerprint(db.sql)
      class Rollback extends Error {}
      let elapsed = 0
      let again = ''
      await db.sql
        .begin(async (tx) => {
          await tx`delete from candidates`
          const started = performance.now()
          await seedCandidateDemo(tx)
          elapsed = performance.now() - started
          again = await fingerprint(tx)
          throw new Rollback()
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error
        })
      console.log(`seedCandidateDemo on ${db.kind} (specialists already there): ${Math.round(elapsed)} ms`)
      expect(again).toBe(before)
      expect(elapsed).toBeLessThan(10_000)
    })
  })
})

describe('seedCaseDemo', () => {
  it('gives the demo specialist three cases in different states on another organisation\'s opening, and one unread notice', async () => {
    await seedDemoData(db.sql, { onlyIfEmpty: true })
    const rows = await db.sql`
      select c.status, o.title, owner.email as owner, c.acknowledged_at is not null as acknowledged,
             (select count(*)::int from case_events e where e.case_id = c.id) as events,
             (select count(*)::int from match_interests i where i.opening_id = c.opening_id and i.candidate_id = c.candidate_id) as interests
      from cases c join openings o on o.id = c.opening_id left join users owner on owner.id = c.owner_user_id
      order by c.created_at, c.id`
    expect(rows.map((row) => row.status).sort()).toEqual(['candidate_yes', 'new', 'trial_running'])
    for (const row of rows) {
      expect(row).toMatchObject({ title: 'Lagermedarbeider, emballasje og merking', owner: demoLogins.specialist, interests: 1 })
      expect(row.acknowledged).toBe(row.status !== 'new')
    }
    const specialist = (await findUserByEmail(db.sql, demoLogins.specialist))!
    const notices = await db.sql`select kind, read_at from notifications where user_id = ${specialist.id}`
    expect(notices).toEqual([{ kind: 'case_new', read_at: null }])
    // In the portal only: the demo does not e-mail its own accounts at the first start.
    expect((await db.sql`select count(*)::int as n from email_outbox`)[0]!.n).toBe(0)
  })
})

describe('seedMarketDemo', () => {
  it('gives employers owners with a direct line, pipeline stages with the required reason, and a contact history', async () => {
    await seedDemoData(db.sql, { onlyIfEmpty: true })
    const rows = await db.sql`
      select o.org_number, r.stage, r.not_relevant_reason as reason, owner.email as owner, owner.work_phone as phone,
             (select count(*)::int from employer_contacts c where c.organisation_id = o.id) as contacts
      from organisations o join employer_relationships r on r.organisation_id = o.id left join users owner on owner.id = r.owner_user_id
      order by o.org_number`
    const stages = new Set(rows.map((row) => row.stage))
    expect([...stages].sort()).toEqual(['assessing', 'assisting', 'done', 'mapping', 'new', 'not_relevant', 'to_contact'])
    for (const row of rows) {
      expect(row.stage === 'not_relevant', row.org_number).toBe(row.reason !== '')
      if (row.owner) expect(row.phone, row.org_number).not.toBe('')
    }
    expect(rows.filter((row) => row.owner === demoLogins.marketContact).length).toBeGreaterThanOrEqual(4)
    // The browser tests take ownership of Oslo Bilpleie after a specialist's visit three days ago.
    const bilpleie = rows.find((row) => row.org_number === '912345815')!
    expect(bilpleie).toMatchObject({ owner: null, stage: 'assessing', contacts: 1 })
    const aboutCandidates = await db.sql`
      select c.candidate_id, c.staff_user_id, k.responsible_user_id from employer_contacts c
      join candidates k on k.id = c.candidate_id`
    expect(aboutCandidates.length).toBeGreaterThanOrEqual(4)
    for (const row of aboutCandidates) expect(row.staff_user_id).toBe(row.responsible_user_id)
  })
})
