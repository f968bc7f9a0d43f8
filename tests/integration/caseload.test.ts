import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { action as staffHomeAction, loader as staffHomeLoader } from '~/routes/ansatt._index'
import { action as handoverAction, loader as handoverLoader } from '~/routes/ansatt.kandidater.$candidateId.overfor'
import { loader as caseloadLoader } from '~/routes/ansatt.kandidater._index'
import { candidateHistory, createCandidate, emptyProfile, recordConsent } from '~/modules/candidates.server'
import { todayInNorway } from '~/modules/openings.server'
import {
  findCandidate,
  insertCandidate,
  insertConsent,
  insertIdentity,
  saveProfile,
  withdrawCurrentConsent,
  type CandidateIdentityInput,
  type CandidateStatus,
  type ProfileInput,
} from '../../prisma-free-sql/queries/candidates'
import { insertOffice, insertTeam } from '../../prisma-free-sql/queries/offices'
import type { StaffRole, User } from '../../prisma-free-sql/queries/users'
import { useTestDatabase } from '../support/database'
import { createStaffUser, newEmail } from '../support/fixtures'
import { linkIn, mailsTo } from '../support/mail'
import { getRoute as get, postRoute as post } from '../support/route-requests'

const db = useTestDatabase()



type CaseloadRow = {
  id: string
  label: string
  wantedTasks: string[]
  home: string | null
  hours: string
  status: CandidateStatus
  consent: string
  consentExpiresOn: string | null
  consentExpiringSoon: boolean
  visible: boolean
  missingCount: number
  responsibleName: string
}
type CaseloadData = {
  view: string
  messages: string[]
  total: number
  matched: number
  page: number
  pageCount: number
  rows: CaseloadRow[]
  filters: Record<string, string>
  standingInFor: string[]
}

async function caseloadOf(user: User, query = ''): Promise<CaseloadData> {
  const response = await get(caseloadLoader, user, `/ansatt/kandidater${query}`)
  expect(response.status).toBe(200)
  return (await response.json()) as CaseloadData
}

const ids = (data: CaseloadData) => data.rows.map((row) => row.id).sort()

// ---------------------------------------------------------------------------------------------
// Fixtures: candidates made directly through the query module

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

let nationalIdCounter = 0
function newIdentity(): CandidateIdentityInput {
  nationalIdCounter += 1
  const suffix = randomBytes(3).toString('hex')
  return {
    firstName: `Ingeborg${suffix}`,
    lastName: `Særnavnsen${suffix}`,
    nationalId: `${String(10_000 + nationalIdCounter).padStart(5, '0')}${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`,
    phone: '99 88 77 66',
    email: `${suffix}@kandidat.example`,
  }
}

/** A profile complete enough to be shown, living in Oslo, who can work 10–20 hours. */
function completeProfile(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    ...emptyProfile(),
    homeMunicipalityNumber: '0301',
    pitch: 'Stødig og blid, liker faste rutiner og å jobbe med hendene sammen med andre.',
    wantedTasks: ['post-internpost'],
    educationLevel: 'upper_secondary',
    hoursMin: 10,
    hoursMax: 20,
    timesOfDay: ['DAG'],
    days: ['UKEDAGER'],
    workMunicipalities: ['0301'],
    earliestStart: '2027-01-01',
    oralNorwegian: 2,
    writtenNorwegian: 1,
    ...overrides,
  }
}

type Consent = 'active' | 'expiring' | 'expired' | 'withdrawn' | 'none'

type CandidateSpec = {
  responsible: User
  officeId: string
  status?: CandidateStatus
  consent?: Consent
  profile?: Partial<ProfileInput> | null
  inactiveDays?: number
}

const identities = new Map<string, CandidateIdentityInput>()

async function makeCandidate(spec: CandidateSpec): Promise<string> {
  const sql = db.sql
  const id = await insertCandidate(sql, { officeId: spec.officeId, responsibleUserId: spec.responsible.id })
  const identity = newIdentity()
  identities.set(id, identity)
  await insertIdentity(sql, id, identity)
  if (spec.profile !== null) await saveProfile(sql, id, completeProfile(spec.profile ?? {}))
  if (spec.status && spec.status !== 'active') await sql`update candidates set status = ${spec.status} where id = ${id}`
  const today = todayInNorway()
  const consent = spec.consent ?? 'active'
  const record = (givenOn: string, expiresOn: string) =>
    insertConsent(sql, id, spec.responsible.id, {
      givenToUserId: spec.responsible.id,
      method: 'meeting',
      scope: 'all',
      scopeCounties: [],
      givenOn,
      expiresOn,
    })
  if (consent === 'active') await record(addDays(today, -10), addDays(today, 150))
  if (consent === 'expiring') await record(addDays(today, -150), addDays(today, 10))
  if (consent === 'expired') await record(addDays(today, -200), addDays(today, -1))
  if (consent === 'withdrawn') {
    await record(addDays(today, -10), addDays(today, 150))
    await withdrawCurrentConsent(sql, id, spec.responsible.id, 'Ombestemte seg')
  }
  if (spec.inactiveDays) {
    await sql`update candidates set last_activity_at = now() - make_interval(days => ${spec.inactiveDays}) where id = ${id}`
  }
  return id
}

async function newOffice(countyNumber = '03'): Promise<string> {
  return (await insertOffice(db.sql, { name: `NAV Test ${randomBytes(4).toString('hex')}`, countyNumber }))!
}

async function newStaff(officeId: string | null, roles: StaffRole[], extra: { teamId?: string; name?: string } = {}): Promise<User> {
  return createStaffUser(db.sql, {
    roles,
    officeId,
    teamId: extra.teamId ?? null,
    name: extra.name ?? `Ansatt ${randomBytes(2).toString('hex')}`,
    email: newEmail(roles[0] ?? 'ansatt'),
  })
}

/** Nothing that identifies a candidate may reach the caseload page. */
function expectNoIdentity(text: string, candidateIds: string[]) {
  for (const id of candidateIds) {
    const identity = identities.get(id)!
    expect(text).not.toContain(identity.firstName)
    expect(text).not.toContain(identity.lastName)
    expect(text).not.toContain(identity.nationalId)
    expect(text).not.toContain(identity.email)
  }
}

// ---------------------------------------------------------------------------------------------

describe('the caseload', () => {
  let officeId: string
  let specialist: User
  let colleague: User
  const made: Record<string, string> = {}

  beforeAll(async () => {
    officeId = await newOffice()
    specialist = await newStaff(officeId, ['specialist'], { name: 'Siri Spesialist' })
    colleague = await newStaff(officeId, ['specialist'], { name: 'Kåre Kollega' })
    const mine = { responsible: specialist, officeId }
    made.active = await makeCandidate({ ...mine })
    made.paused = await makeCandidate({ ...mine, status: 'paused' })
    made.inWork = await makeCandidate({ ...mine, status: 'in_work', consent: 'expired' })
    made.expiring = await makeCandidate({ ...mine, consent: 'expiring' })
    made.withdrawn = await makeCandidate({ ...mine, consent: 'withdrawn' })
    made.noConsent = await makeCandidate({ ...mine, consent: 'none', profile: null })
    made.bergen = await makeCandidate({ ...mine, profile: { homeMunicipalityNumber: '4601', hoursMin: 30, hoursMax: 37.5 } })
    made.idle = await makeCandidate({ ...mine, inactiveDays: 75 })
    made.colleagues = await makeCandidate({ responsible: colleague, officeId })
  })

  it("shows the specialist's own candidates by default, anonymised and complete", async () => {
    const data = await caseloadOf(specialist)
    expect(data.view).toBe('mine')
    expect(data.total).toBe(8)
    expect(ids(data)).not.toContain(made.colleagues)
    const active = data.rows.find((row) => row.id === made.active)!
    expect(active).toMatchObject({
      label: expect.stringMatching(/^Kandidat [0-9A-F]{6}$/),
      home: 'Oslo',
      hours: '10–20 t',
      status: 'active',
      consent: 'active',
      consentExpiringSoon: false,
      visible: true,
      missingCount: 0,
    })
    expect(active.wantedTasks).toEqual(['Sortere og levere internpost'])
    expect(data.rows.find((row) => row.id === made.bergen)).toMatchObject({ home: 'Bergen', hours: '30–37,5 t' })
    expect(data.rows.find((row) => row.id === made.noConsent)).toMatchObject({ consent: 'none', visible: false, missingCount: 9, home: null })
    expect(data.rows.find((row) => row.id === made.expiring)).toMatchObject({ consent: 'active', consentExpiringSoon: true })
  })

  it('never sends a name, national ID number or contact detail of a candidate', async () => {
    const response = await get(caseloadLoader, specialist, '/ansatt/kandidater')
    expectNoIdentity(await response.text(), Object.values(made))
  })

  it.each<[string, string, string[]]>([
    ['status', '?status=paused', ['paused']],
    ['status in work', '?status=in_work', ['inWork']],
    ['active consent', '?samtykke=active', ['active', 'paused', 'expiring', 'bergen', 'idle']],
    ['consent expiring within 30 days', '?samtykke=expiring', ['expiring']],
    ['expired consent', '?samtykke=expired', ['inWork']],
    ['withdrawn consent', '?samtykke=withdrawn', ['withdrawn']],
    ['no consent', '?samtykke=none', ['noConsent']],
    ['hours a week', '?timer=15', ['active', 'paused', 'inWork', 'expiring', 'withdrawn', 'idle']],
    ['hours with a decimal comma', '?timer=37,5', ['bergen']],
    ['county', '?fylke=46', ['bergen']],
    ['inactive for 60 days', '?inaktiv=60', ['idle']],
    ['inactive for 90 days', '?inaktiv=90', []],
    ['several filters at once', '?status=active&samtykke=active&fylke=03&timer=12', ['active', 'expiring', 'idle']],
  ])('filters by %s', async (_name, query, expected) => {
    const data = await caseloadOf(specialist, query)
    expect(ids(data)).toEqual(expected.map((key) => made[key]).sort())
    expect(data.matched).toBe(expected.length)
    expect(data.total).toBe(8)
    expect(data.messages).toEqual([])
  })

  it('ignores bad filter values with a message instead of failing', async () => {
    const data = await caseloadOf(specialist, '?status=tull&samtykke=kanskje&timer=mange&fylke=99&inaktiv=7&side=x&visning=alle')
    expect(data.total).toBe(8)
    expect(data.matched).toBe(8)
    expect(data.filters).toEqual({})
    expect(data.view).toBe('mine')
    const text = data.messages.join(' ')
    for (const label of ['Status', 'Samtykke', 'Timer per uke', 'Fylke', 'Ingen aktivitet']) expect(text).toContain(label)
    expect(text).toMatch(/Visningen finnes ikke/)
    expect(text).toMatch(/Sidetallet var ugyldig/)
  })

  it('keeps the valid filters when another one is bad', async () => {
    const data = await caseloadOf(specialist, '?status=paused&timer=999')
    expect(ids(data)).toEqual([made.paused])
    expect(data.filters).toEqual({ status: 'paused' })
    expect(data.messages.join(' ')).toContain('Timer per uke')
  })

  it('refuses staff who do not follow candidates up', async () => {
    const marketContact = await newStaff(officeId, ['market_contact'])
    expect((await get(caseloadLoader, marketContact, '/ansatt/kandidater')).status).toBe(403)
    const withoutOffice = await newStaff(null, ['specialist'])
    expect((await get(caseloadLoader, withoutOffice, '/ansatt/kandidater')).status).toBe(403)
  })
})

describe('paging', () => {
  it('shows 25 a page, keeps the filters and falls back to the last page', async () => {
    const officeId = await newOffice()
    const specialist = await newStaff(officeId, ['specialist'])
    for (let i = 0; i < 27; i++) await makeCandidate({ responsible: specialist, officeId, status: i < 26 ? 'active' : 'paused' })
    const first = await caseloadOf(specialist)
    expect(first).toMatchObject({ total: 27, matched: 27, page: 1, pageCount: 2 })
    expect(first.rows).toHaveLength(25)
    const second = await caseloadOf(specialist, '?side=2')
    expect(second.rows).toHaveLength(2)
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(27)
    const filtered = await caseloadOf(specialist, '?status=active&side=2')
    expect(filtered).toMatchObject({ total: 27, matched: 26, page: 2, pageCount: 2, filters: { status: 'active' } })
    expect(filtered.rows).toHaveLength(1)
    const beyond = await caseloadOf(specialist, '?side=9')
    expect(beyond.page).toBe(2)
    expect(beyond.messages.join(' ')).toMatch(/bare 2 sider/)
  })
})

describe('the team view', () => {
  it("is for team leads only, and shows every team member's candidates with who is responsible", async () => {
    const officeId = await newOffice()
    const teamId = (await insertTeam(db.sql, { officeId, name: 'IPS-teamet' }))!
    const lead = await newStaff(officeId, ['team_lead'], { teamId, name: 'Liv Leder' })
    const member = await newStaff(officeId, ['specialist'], { teamId, name: 'Mona Medlem' })
    const outsider = await newStaff(officeId, ['specialist'], { name: 'Otto Utenfor' })
    const leadWithoutTeam = await newStaff(officeId, ['team_lead'])
    const membersCandidate = await makeCandidate({ responsible: member, officeId })
    const outsidersCandidate = await makeCandidate({ responsible: outsider, officeId })

    expect((await get(caseloadLoader, member, '/ansatt/kandidater?visning=team')).status).toBe(403)
    expect((await get(caseloadLoader, outsider, '/ansatt/kandidater?visning=team')).status).toBe(403)
    expect((await get(caseloadLoader, leadWithoutTeam, '/ansatt/kandidater?visning=team')).status).toBe(403)

    const team = await caseloadOf(lead, '?visning=team')
    expect(team.view).toBe('team')
    expect(ids(team)).toEqual([membersCandidate])
    expect(team.rows[0]!.responsibleName).toBe('Mona Medlem')
    expectNoIdentity(JSON.stringify(team), [membersCandidate, outsidersCandidate])
    expect(ids(await caseloadOf(lead))).toEqual([])
  })
})

describe('handing a candidate over', () => {
  let officeId: string
  let from: User
  let to: User
  let away: User
  let stranger: User
  let candidateId: string

  beforeAll(async () => {
    officeId = await newOffice()
    from = await newStaff(officeId, ['specialist'], { name: 'Frida Fra' })
    to = await newStaff(officeId, ['specialist'], { name: 'Tore Til' })
    away = await newStaff(officeId, ['team_lead'], { name: 'Berit Borte' })
    await db.sql`insert into staff_absences (user_id, stand_in_user_id) values (${away.id}, ${from.id})`
    stranger = await newStaff(await newOffice('46'), ['specialist'], { name: 'Sigve Annetsted' })
    const identity = newIdentity()
    const created = await createCandidate(from, { identity, homeMunicipalityNumber: '0301', responsibleUserId: from.id })
    if (created.outcome !== 'created') throw new Error('no candidate')
    candidateId = created.candidateId
    identities.set(candidateId, identity)
    const candidate = (await findCandidate(db.sql, candidateId))!
    const today = todayInNorway()
    await recordConsent(from, candidate, {
      givenToUserId: from.id,
      method: 'written',
      scope: 'all',
      scopeCounties: [],
      givenOn: today,
      expiresOn: addDays(today, 180),
    })
  })

  const path = () => `/ansatt/kandidater/${candidateId}/overfor`
  const params = () => ({ candidateId })

  it('shows who is responsible and the colleagues who can take over, with those away marked', async () => {
    const response = await get(handoverLoader, from, path(), params())
    expect(response.status).toBe(200)
    const data = (await response.json()) as { candidate: { responsibleName: string; label: string }; colleagues: { id: string; away: boolean }[] }
    expect(data.candidate.responsibleName).toBe('Frida Fra')
    expect(data.colleagues.map((colleague) => colleague.id).sort()).toEqual([to.id, away.id].sort())
    expect(data.colleagues.find((colleague) => colleague.id === away.id)?.away).toBe(true)
    expectNoIdentity(JSON.stringify(data), [candidateId])
  })

  it('gives a specialist at another office 404, for the page and the form', async () => {
    expect((await get(handoverLoader, stranger, path(), params())).status).toBe(404)
    expect((await post(handoverAction, stranger, path(), { responsibleUserId: stranger.id }, { params: params() })).status).toBe(404)
    expect((await get(handoverLoader, from, '/ansatt/kandidater/ikke-en-id/overfor', { candidateId: 'ikke-en-id' })).status).toBe(404)
  })

  it('refuses a form without the CSRF token', async () => {
    const response = await post(handoverAction, from, path(), { responsibleUserId: to.id }, { params: params(), csrf: false })
    expect(response.status).toBe(403)
    expect((await findCandidate(db.sql, candidateId))!.responsibleUserId).toBe(from.id)
  })

  it.each([
    ['the person already responsible', () => from.id, /allerede ansvaret/],
    ['someone at another office', () => stranger.id, /bare overføres til en jobbspesialist/],
    ['nobody', () => '', /Velg hvem/],
    ['something that is not an id', () => 'tull', /Velg en kollega fra listen/],
  ])('refuses %s on the field, keeping the note', async (_who, responsibleUserId, message) => {
    const response = await post(handoverAction, from, path(), { responsibleUserId: responsibleUserId(), note: 'Avtalt møte fredag.' }, { params: params() })
    expect(response.status).toBe(400)
    const result = (await response.json()) as { error: Record<string, string[]>; initialValue: Record<string, string> }
    expect(result.error.responsibleUserId?.[0]).toMatch(message)
    expect(result.initialValue.note).toBe('Avtalt møte fredag.')
    expect((await findCandidate(db.sql, candidateId))!.responsibleUserId).toBe(from.id)
  })

  it('refuses a note over 500 characters', async () => {
    const response = await post(handoverAction, from, path(), { responsibleUserId: to.id, note: 'x'.repeat(501) }, { params: params() })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: Record<string, string[]> }).error.note?.[0]).toMatch(/500 tegn/)
  })

  it('changes the responsible, keeps the history, and tells the new specialist without personal data', async () => {
    const before = await candidateHistory((await findCandidate(db.sql, candidateId))!)
    expect(before.map((event) => event.kind)).toEqual(['consent_recorded', 'created'])

    const response = await post(handoverAction, from, path(), { responsibleUserId: to.id, note: 'Avtalt møte fredag.' }, { params: params() })
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/ansatt/kandidater/${candidateId}?melding=overfort`)

    const candidate = (await findCandidate(db.sql, candidateId))!
    expect(candidate).toMatchObject({ responsibleUserId: to.id, responsibleName: 'Tore Til', officeId })
    const history = await candidateHistory(candidate)
    expect(history.map((event) => event.kind)).toEqual(['handed_over', 'consent_recorded', 'created'])
    expect(history.slice(1).map((event) => event.id)).toEqual(before.map((event) => event.id))
    expect(history[0]).toMatchObject({ actorName: 'Frida Fra', details: { from: 'Frida Fra', to: 'Tore Til', note: 'Avtalt møte fredag.' } })

    const mails = await mailsTo(db.mailDir, to.email)
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    const identity = identities.get(candidateId)!
    for (const secret of [identity.firstName, identity.lastName, identity.nationalId, identity.email, identity.phone]) {
      expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(secret)
    }
    expect(linkIn(mail).pathname).toBe(`/ansatt/kandidater/${candidateId}`)
    expect(await mailsTo(db.mailDir, from.email)).toHaveLength(0)

    expect(ids(await caseloadOf(to))).toContain(candidateId)
    expect(ids(await caseloadOf(from))).not.toContain(candidateId)
  })
})

describe('absence and stand-ins', () => {
  let officeId: string
  let specialist: User
  let standIn: User
  let elsewhere: User
  let candidateIds: string[]

  beforeAll(async () => {
    officeId = await newOffice()
    specialist = await newStaff(officeId, ['specialist'], { name: 'Anne Avreise' })
    standIn = await newStaff(officeId, ['specialist', 'team_lead'], { name: 'Stian Stedfortreder' })
    elsewhere = await newStaff(await newOffice(), ['specialist'])
    candidateIds = [await makeCandidate({ responsible: specialist, officeId }), await makeCandidate({ responsible: specialist, officeId, status: 'paused' })]
    await makeCandidate({ responsible: standIn, officeId })
  })

  type Home = {
    absence: {
      away: { standInName: string; untilDate: string | null } | null
      standingInFor: { name: string }[]
      standInOptions: { id: string }[]
    } | null
  }
  const homeOf = async (user: User) => (await (await get(staffHomeLoader, user, '/ansatt')).json()) as Home

  const start = (fields: Record<string, string>) => post(staffHomeAction, specialist, '/ansatt', { intent: 'start-absence', ...fields })

  it('offers office colleagues other than oneself as stand-ins', async () => {
    const home = await homeOf(specialist)
    expect(home.absence?.away).toBeNull()
    expect(home.absence?.standInOptions.map((option) => option.id)).toEqual([standIn.id])
  })

  it.each([
    ['oneself', () => ({ standInUserId: specialist.id }), 'standInUserId', /annen jobbspesialist/],
    ['someone at another office', () => ({ standInUserId: elsewhere.id }), 'standInUserId', /annen jobbspesialist/],
    ['nobody', () => ({}), 'standInUserId', /Velg hvem/],
    ['a date that does not exist', () => ({ standInUserId: standIn.id, untilDate: '31.02.2099' }), 'untilDate', /finnes ikke/],
    ['a date in the past', () => ({ standInUserId: standIn.id, untilDate: '01.01.2020' }), 'untilDate', /tilbake i tid/],
    ['a date in another format', () => ({ standInUserId: standIn.id, untilDate: 'neste uke' }), 'untilDate', /dd\.mm\.åååå/],
  ])('refuses %s', async (_what, fields, field, message) => {
    const response = await start(fields())
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: Record<string, string[]> }).error[field]?.[0]).toMatch(message)
    expect((await homeOf(specialist)).absence?.away).toBeNull()
  })

  it('starts an absence, lets the stand-in see the candidates, and ends it', async () => {
    expect(ids(await caseloadOf(standIn, '?visning=vikar'))).toEqual([])

    const started = await start({ standInUserId: standIn.id, untilDate: '31.12.2099' })
    expect(started.status).toBe(302)
    expect(started.headers.get('Location')).toBe('/ansatt?melding=fravaer-registrert')
    expect((await homeOf(specialist)).absence?.away).toEqual({ standInName: 'Stian Stedfortreder', untilDate: '2099-12-31' })
    expect((await homeOf(standIn)).absence?.standingInFor.map((colleague) => colleague.name)).toEqual(['Anne Avreise'])

    const covering = await caseloadOf(standIn, '?visning=vikar')
    expect(covering.view).toBe('vikar')
    expect(covering.standingInFor).toEqual(['Anne Avreise'])
    expect(ids(covering)).toEqual([...candidateIds].sort())
    expect(covering.rows.every((row) => row.responsibleName === 'Anne Avreise')).toBe(true)
    expectNoIdentity(JSON.stringify(covering), candidateIds)
    expect(ids(await caseloadOf(standIn, '?visning=vikar&status=paused'))).toEqual([candidateIds[1]])
    // The stand-in's own caseload is unchanged, and nobody else sees the absent colleague's candidates.
    expect(ids(await caseloadOf(standIn))).not.toContain(candidateIds[0])
    expect(ids(await caseloadOf(elsewhere, '?visning=vikar'))).toEqual([])

    const ended = await post(staffHomeAction, specialist, '/ansatt', { intent: 'end-absence' })
    expect(ended.status).toBe(302)
    expect(ended.headers.get('Location')).toBe('/ansatt?melding=fravaer-avsluttet')
    expect((await homeOf(specialist)).absence?.away).toBeNull()
    expect(ids(await caseloadOf(standIn, '?visning=vikar'))).toEqual([])
  })

  it('needs the CSRF token', async () => {
    const response = await post(staffHomeAction, specialist, '/ansatt', { intent: 'start-absence', standInUserId: standIn.id }, { csrf: false })
    expect(response.status).toBe(403)
  })

  it('leaves the page as before for staff who follow no candidates up', async () => {
    const marketContact = await newStaff(officeId, ['market_contact'])
    const home = await homeOf(marketContact)
    expect(home.absence).toBeNull()
    const response = await post(staffHomeAction, marketContact, '/ansatt', { intent: 'end-absence' })
    expect(response.status).toBe(403)
  })
})
