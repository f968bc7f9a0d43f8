import { beforeAll, describe, expect, it } from 'vitest'
import { addDays, completeWeeksBefore, monthsUpTo, osloMidnight, quarterOf, type WeekBucket } from '~/modules/market-dashboard'
import { OUTSIDE_REGION, regionalDashboard, type MarketDashboard } from '~/modules/market-dashboard.server'
import { osloWallClock } from '~/modules/working-days'
import * as dashboardRoute from '~/routes/marked.oversikt'
import { insertOffice } from '../../prisma-free-sql/queries/offices'
import type { Opening } from '../../prisma-free-sql/queries/openings'
import { insertOrganisation } from '../../prisma-free-sql/queries/organisations'
import type { User } from '../../prisma-free-sql/queries/users'
import { candidateLabel } from '../../search-index/candidate-document'
import { getSearchBackend, resetSearchBackend } from '../../search-index/backends'
import { processSearchOutbox } from '../../search-index/sync'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { createStaffUser, newOrganisation } from '../support/fixtures'
import { createPublishedOpening, createVisibleCandidate, today as fixtureToday } from '../support/matching-fixtures'
import { getRoute } from '../support/route-requests'

// The regional dashboard's figures from real rows: openings published and matched through the search index, cases
// and their events, contacts in the contact log (plain inserts, as the contact log's own module is not this test's
// subject), candidates and specialists at offices in and outside the region. Every figure is checked exactly for the
// whole region (Oslo and Akershus) and for one county of it, with Vestland's rows never counted; the page's loader
// answers 403 to staff without a region. The calendar arithmetic itself is tested in tests/unit/market-dashboard.test.ts.

const db = useTestDatabase()

const HOUR = 3_600_000
const now = new Date()
const today = osloWallClock(now).date
const weeks = completeWeeksBefore(now)
const months = monthsUpTo(now)
const quarter = quarterOf(now)

/** Noon in Oslo `days` days before today, plus `hours`. */
const daysAgo = (days: number, hours = 0) => new Date(osloMidnight(addDays(today, -days)).getTime() + 12 * HOUR + hours * HOUR)
const monthStart = (index: number) => osloMidnight(`${months[index]!.month}-01`)
const weekStart = (week: WeekBucket) => osloMidnight(week.start)

let marketContact: User
let anne: User
let berit: User
let carl: User
let outsideSpecialist: User
let officeOslo: string
let officeAkershus: string
let officeVestland: string
let openingOslo: Opening
let openingBaerum: Opening
let openingOsloTooLong: Opening
let openingBergen: Opening
let organisationNames: Record<'firstThisQuarter' | 'akershusNew', { id: string; name: string }>
let waitingCandidates: { over30: string; recent: string }

async function syncIndex(): Promise<void> {
  for (let pass = 0; pass < 10; pass += 1) {
    if ((await processSearchOutbox(db.sql, getSearchBackend(), { today: fixtureToday })).claimed === 0) return
  }
}

/** The employer of an opening as the dashboard lists it: its id (for the link to the register) and its name. */
async function employerOf(opening: Opening): Promise<{ organisationId: string; employerName: string }> {
  const [row] = await db.sql<{ id: string; name: string }[]>`
    select o.id, o.name from openings op join workplaces w on w.id = op.workplace_id join organisations o on o.id = w.organisation_id where op.id = ${opening.id}`
  return { organisationId: row!.id, employerName: row!.name }
}

async function workplaceOf(opening: Opening): Promise<string> {
  const [row] = await db.sql<{ id: string }[]>`select workplace_id as id from openings where id = ${opening.id}`
  return row!.id
}

/** A candidate row of its own (not visible to employers), registered at `createdAt`. */
async function insertCandidate(officeId: string, responsible: User, createdAt: Date, status = 'active'): Promise<string> {
  const [row] = await db.sql<{ id: string }[]>`
    insert into candidates (office_id, responsible_user_id, status, created_at) values (${officeId}, ${responsible.id}, ${status}, ${createdAt})
    returning id`
  return row!.id
}

const longAgo = () => daysAgo(500)

/** A case on `opening` for a new candidate of its own, created and acknowledged when given. */
async function insertCase(
  opening: Opening,
  officeId: string,
  fields: { status: string; createdAt: Date; acknowledgeBy?: Date; acknowledgedAfterHours?: number },
): Promise<string> {
  const candidateId = await insertCandidate(officeId, anne, longAgo())
  const acknowledgedAt = fields.acknowledgedAfterHours === undefined ? null : new Date(fields.createdAt.getTime() + fields.acknowledgedAfterHours * HOUR)
  const acknowledgeBy = fields.acknowledgeBy ?? new Date(fields.createdAt.getTime() + 6 * HOUR)
  const [row] = await db.sql<{ id: string }[]>`
    insert into cases (opening_id, candidate_id, origin, status, owner_user_id, routed_as, office_id, acknowledge_by, remind_at,
      acknowledged_at, created_by_user_id, created_at)
    values (${opening.id}, ${candidateId}, 'specialist_proposal', ${fields.status}, ${anne.id}, 'responsible', ${officeId}, ${acknowledgeBy},
      ${acknowledgeBy}, ${acknowledgedAt}, ${anne.id}, ${fields.createdAt})
    returning id`
  return row!.id
}

async function insertEvent(caseId: string, action: string, fromStatus: string, toStatus: string, at: Date): Promise<void> {
  await db.sql`
    insert into case_events (case_id, action, from_status, to_status, actor_user_id, at)
    values (${caseId}, ${action}, ${fromStatus}, ${toStatus}, ${anne.id}, ${at})`
}

async function insertContacts(rows: { organisationId: string; staff: User; at: Date; candidateId?: string | null }[]): Promise<void> {
  const values = rows.map((row) => ({
    organisation_id: row.organisationId,
    staff_user_id: row.staff.id,
    kind: 'phone',
    contacted_at: row.at,
    summary: 'Snakket om mulige oppgaver.',
    candidate_id: row.candidateId ?? null,
  }))
  await db.sql`insert into employer_contacts ${db.sql(values, 'organisation_id', 'staff_user_id', 'kind', 'contacted_at', 'summary', 'candidate_id')}`
}

async function newOrganisationIn(municipalityNumber: string, name: string): Promise<string> {
  return (await insertOrganisation(db.sql, newOrganisation({ municipalityNumber, name })))!
}

beforeAll(async () => {
  resetSearchBackend()
  officeOslo = (await insertOffice(db.sql, { name: 'NAV Oversikt Oslo', countyNumber: '03' }))!
  officeAkershus = (await insertOffice(db.sql, { name: 'NAV Oversikt Akershus', countyNumber: '32' }))!
  officeVestland = (await insertOffice(db.sql, { name: 'NAV Oversikt Vestland', countyNumber: '46' }))!
  marketContact = await createStaffUser(db.sql, { name: 'Mona Marked', roles: ['market_contact'], countyNumbers: ['03', '32'] })
  anne = await createStaffUser(db.sql, { name: 'Anne Aas', roles: ['specialist'], officeId: officeOslo })
  carl = await createStaffUser(db.sql, { name: 'Carl Carlsen', roles: ['specialist'], officeId: officeOslo })
  berit = await createStaffUser(db.sql, { name: 'Berit Berg', roles: ['specialist'], officeId: officeAkershus })
  outsideSpecialist = await createStaffUser(db.sql, { name: 'Vera Vest', roles: ['specialist'], officeId: officeVestland })
  const gone = await createStaffUser(db.sql, { name: 'Dag Deaktivert', roles: ['specialist'], officeId: officeOslo })
  await db.sql`update users set disabled_at = now() where id = ${gone.id}`
  // A team lead at the Oslo office is no specialist and is not listed.
  await createStaffUser(db.sql, { name: 'Lise Leder', roles: ['team_lead'], officeId: officeOslo })

  // 1. Openings. Oslo's has a visible candidate who matches; Bærum's is where no candidate wants to work; the other
  // Oslo one asks for more hours than any candidate has; Bergen's is outside the region; a paused one is not published.
  openingOslo = await createPublishedOpening(db.sql, await newEmployerWithOrganisation(db.sql))
  openingBaerum = await createPublishedOpening(db.sql, await newEmployerWithOrganisation(db.sql))
  openingOsloTooLong = await createPublishedOpening(db.sql, await newEmployerWithOrganisation(db.sql))
  openingBergen = await createPublishedOpening(db.sql, await newEmployerWithOrganisation(db.sql))
  const openingPaused = await createPublishedOpening(db.sql, await newEmployerWithOrganisation(db.sql))
  await db.sql`update workplaces set municipality_number = '3201' where id = ${await workplaceOf(openingBaerum)}`
  await db.sql`update workplaces set municipality_number = '4601' where id = ${await workplaceOf(openingBergen)}`
  await db.sql`update openings set hours_min = 30, hours_max = 37.5 where id = ${openingOsloTooLong.id}`
  await db.sql`update openings set hours_min = 30, hours_max = 37.5, status = 'paused' where id = ${openingPaused.id}`
  await db.sql`update openings set published_at = ${daysAgo(12)} where id = ${openingBaerum.id}`
  await db.sql`update openings set published_at = ${daysAgo(3)} where id = ${openingOsloTooLong.id}`
  const visible = await createVisibleCandidate(db.sql, anne)
  // Registered long ago, so the first-contact figures below are only the candidates made for them.
  await db.sql`update candidates set created_at = ${longAgo()} where id = ${visible}`
  await syncIndex()

  // 2. and 3. Cases and their events.
  await insertCase(openingOslo, officeOslo, { status: 'new', createdAt: new Date(now.getTime() - HOUR), acknowledgeBy: new Date(now.getTime() + 2 * HOUR) })
  await insertCase(openingBaerum, officeAkershus, { status: 'new', createdAt: daysAgo(1), acknowledgeBy: new Date(now.getTime() - 3 * HOUR) })
  await insertCase(openingOslo, officeOslo, { status: 'received', createdAt: daysAgo(10), acknowledgedAfterHours: 2 })
  await insertCase(openingOslo, officeOslo, { status: 'candidate_asked', createdAt: daysAgo(20), acknowledgedAfterHours: 5 })
  const trialBaerum = await insertCase(openingBaerum, officeAkershus, { status: 'trial_running', createdAt: daysAgo(40), acknowledgedAfterHours: 0.5 })
  await insertCase(openingBaerum, officeAkershus, { status: 'received', createdAt: daysAgo(30), acknowledgedAfterHours: 3 })
  // Older than 90 days: not in the median, though acknowledged.
  const hiredOslo = await insertCase(openingOslo, officeOslo, { status: 'hired', createdAt: daysAgo(100), acknowledgedAfterHours: 4 })
  // Withdrawn before anyone acknowledged it: not waiting.
  await insertCase(openingOslo, officeOslo, { status: 'withdrawn', createdAt: daysAgo(2), acknowledgeBy: daysAgo(2, 4) })
  const hiredBaerum = await insertCase(openingBaerum, officeAkershus, { status: 'hired', createdAt: daysAgo(400), acknowledgedAfterHours: 1 })
  // Vestland's: waiting past the deadline, acknowledged slowly, a trial this month; none of it counts.
  await insertCase(openingBergen, officeVestland, { status: 'new', createdAt: daysAgo(3), acknowledgeBy: daysAgo(3, 4) })
  const bergenTrial = await insertCase(openingBergen, officeVestland, { status: 'trial_running', createdAt: daysAgo(5), acknowledgedAfterHours: 100 })
  await insertEvent(bergenTrial, 'startTrial', 'meeting_agreed', 'trial_running', new Date(monthStart(11).getTime() + 60_000))

  await insertEvent(trialBaerum, 'startTrial', 'meeting_agreed', 'trial_running', new Date(monthStart(11).getTime() + 60_000))
  // A colleague taking over a running trial moves nothing.
  await insertEvent(trialBaerum, 'take', 'trial_running', 'trial_running', new Date(monthStart(11).getTime() + 120_000))
  await insertEvent(hiredOslo, 'startTrial', 'meeting_agreed', 'trial_running', new Date(monthStart(9).getTime() + 5 * 24 * HOUR))
  await insertEvent(hiredOslo, 'hire', 'trial_running', 'hired', new Date(monthStart(10).getTime() + 3 * 24 * HOUR))
  // The first instant of the twelve months counts; the last one before it does not.
  await insertEvent(hiredBaerum, 'startTrial', 'meeting_agreed', 'trial_running', monthStart(0))
  await insertEvent(hiredBaerum, 'startTrial', 'meeting_agreed', 'trial_running', new Date(monthStart(0).getTime() - 1000))
  await insertEvent(hiredBaerum, 'hire', 'trial_running', 'hired', new Date(monthStart(2).getTime() + 10 * 24 * HOUR))

  // 4. Employers first contacted this quarter.
  const quarterStart = osloMidnight(quarter.start)
  const firstThisQuarter = await newOrganisationIn('0301', 'Aaa Første Kontakt AS')
  const akershusNew = await newOrganisationIn('3201', 'Bbb Bærum Ny AS')
  const contactedBefore = await newOrganisationIn('0301', 'Ccc Kjent Fra Før AS')
  const bergenNew = await newOrganisationIn('4601', 'Ddd Bergen Ny AS')
  organisationNames = { firstThisQuarter: { id: firstThisQuarter, name: 'Aaa Første Kontakt AS' }, akershusNew: { id: akershusNew, name: 'Bbb Bærum Ny AS' } }
  await insertContacts([
    { organisationId: firstThisQuarter, staff: anne, at: quarterStart },
    { organisationId: akershusNew, staff: berit, at: new Date(quarterStart.getTime() + 2 * HOUR) },
    { organisationId: akershusNew, staff: marketContact, at: new Date(quarterStart.getTime() + 30 * HOUR) },
    { organisationId: contactedBefore, staff: marketContact, at: new Date(quarterStart.getTime() - 1000) },
    { organisationId: contactedBefore, staff: marketContact, at: new Date(quarterStart.getTime() + HOUR) },
    { organisationId: bergenNew, staff: outsideSpecialist, at: new Date(quarterStart.getTime() + HOUR) },
  ])

  // 5a. Candidate-specific contacts per specialist and week, for a Vestland candidate (whose own first contact is
  // not the region's), with the Oslo week's first and last instants inside and the ones around them outside.
  const filler = await insertCandidate(officeVestland, outsideSpecialist, longAgo())
  const weekly: { organisationId: string; staff: User; at: Date; candidateId?: string | null }[] = []
  weeks.forEach((week, index) => {
    for (let contact = 0; contact < 6; contact += 1) {
      const at = index === 7 && contact === 5 ? new Date(osloMidnight(week.end).getTime() - 1000) : new Date(weekStart(week).getTime() + contact * 3 * HOUR)
      weekly.push({ organisationId: contactedBefore, staff: anne, at, candidateId: filler })
    }
  })
  weekly.push(
    { organisationId: contactedBefore, staff: anne, at: new Date(weekStart(weeks[0]!).getTime() - 1000), candidateId: filler },
    { organisationId: contactedBefore, staff: anne, at: osloMidnight(weeks[7]!.end), candidateId: filler },
    { organisationId: contactedBefore, staff: anne, at: new Date(weekStart(weeks[3]!).getTime() + HOUR), candidateId: null },
  )
  for (let contact = 0; contact < 3; contact += 1) weekly.push({ organisationId: contactedBefore, staff: berit, at: new Date(weekStart(weeks[2]!).getTime() + 30 * HOUR), candidateId: filler })
  for (let contact = 0; contact < 2; contact += 1) weekly.push({ organisationId: contactedBefore, staff: berit, at: new Date(weekStart(weeks[7]!).getTime() + 50 * HOUR), candidateId: filler })
  for (let contact = 0; contact < 10; contact += 1) weekly.push({ organisationId: contactedBefore, staff: outsideSpecialist, at: new Date(weekStart(weeks[1]!).getTime() + HOUR), candidateId: filler })
  weekly.push({ organisationId: contactedBefore, staff: marketContact, at: new Date(weekStart(weeks[4]!).getTime() + HOUR), candidateId: filler })
  await insertContacts(weekly)

  // 5b. Candidates registered in the last 12 months at the region's offices, and their first contacts. The contacts
  // are the market contact's, so they stay out of the specialists' weeks, and with an employer known from before the
  // quarter, so they make no employer new (as with the weekly contacts above).
  const contactedIn10 = await insertCandidate(officeOslo, anne, daysAgo(100))
  const contactedIn45 = await insertCandidate(officeAkershus, berit, daysAgo(80))
  const over30 = await insertCandidate(officeOslo, anne, daysAgo(40))
  const recent = await insertCandidate(officeOslo, carl, daysAgo(5))
  await insertCandidate(officeOslo, anne, daysAgo(400))
  await insertCandidate(officeVestland, outsideSpecialist, daysAgo(10))
  await insertCandidate(officeOslo, anne, daysAgo(60), 'ended')
  waitingCandidates = { over30, recent }
  await insertContacts([
    { organisationId: contactedBefore, staff: marketContact, at: daysAgo(90), candidateId: contactedIn10 },
    { organisationId: contactedBefore, staff: marketContact, at: daysAgo(35), candidateId: contactedIn45 },
    { organisationId: contactedBefore, staff: marketContact, at: daysAgo(30), candidateId: contactedIn45 },
  ])
})

const dashboard = (fylke = '', user = marketContact) => regionalDashboard(user, { fylke }, { now })

function specialistRows(result: MarketDashboard) {
  return result.specialistContacts.specialists.map((specialist) => ({
    name: specialist.name,
    officeName: specialist.officeName,
    perWeek: specialist.weeks.map((week) => week.contacts),
    total: specialist.total,
    weeklyAverage: specialist.weeklyAverage,
    meetsTarget: specialist.meetsTarget,
  }))
}

describe('the whole region (Oslo and Akershus)', () => {
  it('is the market contact\'s counties, with no county chosen', async () => {
    const result = await dashboard()
    expect(result.region.map((county) => county.name)).toEqual(['Akershus', 'Oslo'])
    expect(result.shown.map((county) => county.number)).toEqual(['32', '03'])
    expect(result.fylkeError).toBeNull()
  })

  it('lists the published openings matching finds no visible candidate for, longest published first', async () => {
    const result = await dashboard()
    expect(result.openings).toEqual({
      status: 'ok',
      published: 3,
      withoutCandidate: [
        { id: openingBaerum.id, title: 'Lagerhjelp', ...(await employerOf(openingBaerum)), municipalityName: 'Bærum', daysPublished: 12 },
        { id: openingOsloTooLong.id, title: 'Lagerhjelp', ...(await employerOf(openingOsloTooLong)), municipalityName: 'Oslo', daysPublished: 3 },
      ],
    })
  })

  it('counts the cases waiting for acknowledgement and the median time to it over the last 90 days', async () => {
    expect((await dashboard()).cases).toEqual({ waiting: 2, pastDeadline: 1, acknowledgedInWindow: 4, medianAcknowledgementHours: 2.5 })
  })

  it('counts trials started and hires per Oslo month', async () => {
    const result = await dashboard()
    const expected = months.map((month) => ({ ...month, trials: 0, hires: 0 }))
    expected[0]!.trials = 1
    expected[2]!.hires = 1
    expected[9]!.trials = 1
    expected[10]!.hires = 1
    expected[11]!.trials = 1
    expect(result.trialsAndHires).toEqual({ months: expected, trials: 3, hires: 2 })
  })

  it('lists the employers whose first contact ever was this quarter', async () => {
    const { newEmployers } = await dashboard()
    expect(newEmployers.quarter).toEqual(quarter)
    expect(newEmployers.organisations.map((row) => [row.name, row.municipalityName, row.firstContactBy, row.firstContactAt, row.path])).toEqual([
      [organisationNames.firstThisQuarter.name, 'Oslo', 'Anne Aas', osloMidnight(quarter.start).toISOString(), `/marked/virksomheter/${organisationNames.firstThisQuarter.id}`],
      [
        organisationNames.akershusNew.name,
        'Bærum',
        'Berit Berg',
        new Date(osloMidnight(quarter.start).getTime() + 2 * HOUR).toISOString(),
        `/marked/virksomheter/${organisationNames.akershusNew.id}`,
      ],
    ])
  })

  it('counts each specialist\'s candidate-specific contacts per ISO week against the target of 6', async () => {
    const result = await dashboard()
    expect(result.specialistContacts.weeks).toEqual(weeks)
    expect(specialistRows(result)).toEqual([
      { name: 'Berit Berg', officeName: 'NAV Oversikt Akershus', perWeek: [0, 0, 3, 0, 0, 0, 0, 2], total: 5, weeklyAverage: 0.6, meetsTarget: false },
      { name: 'Anne Aas', officeName: 'NAV Oversikt Oslo', perWeek: [6, 6, 6, 6, 6, 6, 6, 6], total: 48, weeklyAverage: 6, meetsTarget: true },
      { name: 'Carl Carlsen', officeName: 'NAV Oversikt Oslo', perWeek: [0, 0, 0, 0, 0, 0, 0, 0], total: 0, weeklyAverage: 0, meetsTarget: false },
    ])
  })

  it('measures days from a candidate\'s start to the first employer contact about them', async () => {
    const { firstContacts } = await dashboard()
    expect(firstContacts).toEqual({
      since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      candidates: 5,
      contacted: 2,
      medianDays: 27.5,
      decided: 4,
      withinTarget: 1,
      shareWithinTarget: 0.25,
      waiting: 2,
      waitingBands: [
        { label: '0–30 dager', count: 1 },
        { label: '31–60 dager', count: 1 },
        { label: '61–90 dager', count: 0 },
        { label: 'Mer enn 90 dager', count: 0 },
      ],
      longestWaiting: [
        { candidateId: waitingCandidates.over30, label: candidateLabel(waitingCandidates.over30), officeName: 'NAV Oversikt Oslo', startedOn: addDays(today, -40), waitedDays: 40 },
        { candidateId: waitingCandidates.recent, label: candidateLabel(waitingCandidates.recent), officeName: 'NAV Oversikt Oslo', startedOn: addDays(today, -5), waitedDays: 5 },
      ],
    })
  })
})

describe('one county of the region', () => {
  it('Akershus alone has only Akershus\'s openings, cases, employers, specialists and candidates', async () => {
    const result = await dashboard('32')
    expect(result.shown.map((county) => county.name)).toEqual(['Akershus'])
    expect(result.fylke).toBe('32')
    expect(result.openings).toMatchObject({ status: 'ok', published: 1, withoutCandidate: [{ id: openingBaerum.id, daysPublished: 12 }] })
    expect(result.cases).toEqual({ waiting: 1, pastDeadline: 1, acknowledgedInWindow: 2, medianAcknowledgementHours: 1.8 })
    expect(result.trialsAndHires.months.map((month) => [month.trials, month.hires])).toEqual(
      months.map((_, index) => [index === 0 || index === 11 ? 1 : 0, index === 2 ? 1 : 0]),
    )
    expect(result.newEmployers.organisations.map((row) => row.name)).toEqual([organisationNames.akershusNew.name])
    expect(specialistRows(result).map((row) => row.name)).toEqual(['Berit Berg'])
    expect(result.firstContacts).toMatchObject({ candidates: 1, contacted: 1, medianDays: 45, decided: 1, withinTarget: 0, shareWithinTarget: 0, waiting: 0 })
  })

  it('a county outside the region shows the whole region and says why', async () => {
    const result = await dashboard('46')
    expect(result.fylke).toBe('')
    expect(result.fylkeError).toBe(OUTSIDE_REGION)
    expect(result.shown.map((county) => county.number)).toEqual(['32', '03'])
    expect(result.cases.waiting).toBe(2)
  })

  it('Vestland\'s own staff get exactly what the region\'s figures left out', async () => {
    const result = await dashboard('', outsideSpecialist)
    expect(result.shown.map((county) => county.name)).toEqual(['Vestland'])
    expect(result.openings).toEqual({
      status: 'ok',
      published: 1,
      withoutCandidate: [{ id: openingBergen.id, title: 'Lagerhjelp', ...(await employerOf(openingBergen)), municipalityName: 'Bergen', daysPublished: 0 }],
    })
    expect(result.cases).toEqual({ waiting: 1, pastDeadline: 1, acknowledgedInWindow: 1, medianAcknowledgementHours: 100 })
    expect(result.trialsAndHires).toMatchObject({ trials: 1, hires: 0 })
    expect(result.trialsAndHires.months[11]).toMatchObject({ trials: 1, hires: 0 })
    expect(result.newEmployers.organisations.map((row) => [row.name, row.firstContactBy])).toEqual([['Ddd Bergen Ny AS', 'Vera Vest']])
    expect(specialistRows(result)).toEqual([
      { name: 'Vera Vest', officeName: 'NAV Oversikt Vestland', perWeek: [0, 10, 0, 0, 0, 0, 0, 0], total: 10, weeklyAverage: 1.3, meetsTarget: false },
    ])
    expect(result.firstContacts).toMatchObject({ candidates: 1, contacted: 0, medianDays: null, decided: 0, shareWithinTarget: null, waiting: 1 })
    expect(result.firstContacts.longestWaiting.map((candidate) => candidate.waitedDays)).toEqual([10])
  })

  it('a specialist\'s region is their office\'s county', async () => {
    const result = await dashboard('', berit)
    expect(result.region.map((county) => county.name)).toEqual(['Akershus'])
    expect(result.cases.waiting).toBe(1)
  })
})

describe('the page', () => {
  it('answers a staff member with a region with the figures', async () => {
    const response = await getRoute(dashboardRoute.loader, marketContact, '/marked/oversikt?fylke=32')
    expect(response.status).toBe(200)
    const body = (await response.json()) as MarketDashboard
    expect(body.shown.map((county) => county.name)).toEqual(['Akershus'])
    expect(body.cases).toEqual({ waiting: 1, pastDeadline: 1, acknowledgedInWindow: 2, medianAcknowledgementHours: 1.8 })
    expect(specialistRows(body).map((row) => row.name)).toEqual(['Berit Berg'])
  })

  it.each([
    ['46', OUTSIDE_REGION],
    ['Oslo', OUTSIDE_REGION],
  ])('keeps the figures for the whole region when fylke=%s, with the message for the field', async (fylke, message) => {
    const response = await getRoute(dashboardRoute.loader, marketContact, `/marked/oversikt?fylke=${encodeURIComponent(fylke)}`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as MarketDashboard
    expect(body.fylkeError).toBe(message)
    expect(body.fylke).toBe('')
    expect(body.shown.map((county) => county.number)).toEqual(['32', '03'])
  })

  it('answers 403 to a staff member without a region', async () => {
    const homeless = await createStaffUser(db.sql, { name: 'Uten Region', roles: ['market_contact'] })
    const response = await getRoute(dashboardRoute.loader, homeless, '/marked/oversikt')
    expect(response.status).toBe(403)
    expect(await response.text()).toMatch(/Du dekker ingen fylker ennå/)
  })
})
