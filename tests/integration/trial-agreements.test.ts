import { beforeAll, describe, expect, it } from 'vitest'
import { moveCaseAs } from '~/modules/cases.server'
import { markEmployerInterest } from '~/modules/matching.server'
import { applyPostedAgreement, recordFollowUpHeld, saveTrialAgreement, trialPageOf } from '~/modules/trial-agreements.server'
import { followUpDates } from '~/modules/trial-follow-up'
import { sendDueFollowUps } from '~/modules/trial-follow-up.server'
import { osloInstant } from '~/modules/working-days'
import { norwegianDate } from '~/utils/opening-form'
import { issueCsrfToken } from '~/utils/csrf.server'
import { startSession } from '~/utils/session.server'
import * as staffTrialRoute from '~/routes/ansatt.saker.$caseId_.utproving'
import * as employerTrialRoute from '~/routes/arbeidsgiver.saker.$caseId_.utproving'
import type { Sql } from '../../prisma-free-sql/db'
import { caseHistory, findCase, type Case } from '../../prisma-free-sql/queries/cases'
import { insertOffice, insertTeam } from '../../prisma-free-sql/queries/offices'
import type { Opening } from '../../prisma-free-sql/queries/openings'
import { insertMembership } from '../../prisma-free-sql/queries/organisations'
import { carvedTasksOfOpening, findTrialAgreement } from '../../prisma-free-sql/queries/trial-agreements'
import { findUserById, insertUser, type User } from '../../prisma-free-sql/queries/users'
import { getSearchBackend, resetSearchBackend } from '../../search-index/backends'
import { processSearchOutbox } from '../../search-index/sync'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { createStaffUser, newEmail } from '../support/fixtures'
import { createPublishedOpening, createVisibleCandidate, daysFromToday, today } from '../support/matching-fixtures'

// The trial agreement and its follow-ups as both sides meet them: written by NAV and by the employer through the same
// form parsing as the pages, refused for outsiders (404), in the wrong status, from a stale page and with bad input,
// and the follow-up notices sent once per due date however often and however concurrently the job runs. The
// schedule itself is tested by table in tests/unit/trial-follow-up.test.ts.

const db = useTestDatabase()

let employer: { user: User; organisationId: string }
let colleague: User
let otherEmployer: { user: User; organisationId: string }
let opening: Opening
let taskIds: string[]
let owner: User
let officeMate: User
let teamLead: User
let elsewhere: User

async function syncIndex(): Promise<void> {
  for (let pass = 0; pass < 10; pass += 1) {
    if ((await processSearchOutbox(db.sql, getSearchBackend(), { today })).claimed === 0) return
  }
}

const toMeeting = [
  [() => owner, 'staff', 'acknowledge'],
  [() => owner, 'staff', 'askCandidate'],
  [() => owner, 'staff', 'candidateSaidYes'],
  [() => employer.user, 'employer', 'agreeMeeting'],
] as const

/** A new case from the employer's interest, moved through the flow to `status`. */
async function caseAt(status: 'received' | 'meeting_agreed' | 'trial_running'): Promise<Case> {
  const candidateId = await createVisibleCandidate(db.sql, owner)
  await syncIndex()
  const outcome = await markEmployerInterest(employer.user, opening, candidateId, '')
  if (outcome.status === 'not-visible') throw new Error('The new candidate is not visible')
  const steps = status === 'received' ? toMeeting.slice(0, 1) : status === 'meeting_agreed' ? toMeeting : [...toMeeting, [() => employer.user, 'employer', 'startTrial'] as const]
  let found = (await findCase(db.sql, outcome.case.id))!
  for (const [user, actor, action] of steps) {
    const moved = await moveCaseAs(user(), actor, { caseId: found.id, version: found.version, action, reason: '' })
    if (!moved.ok) throw new Error(`${action}: ${moved.message}`)
    found = moved.case
  }
  return found
}

async function move(found: Case, user: User, actor: 'staff' | 'employer', action: 'hire' | 'endWithoutHire', reason: string): Promise<Case> {
  const current = (await findCase(db.sql, found.id))!
  const moved = await moveCaseAs(user, actor, { caseId: found.id, version: current.version, action, reason })
  if (!moved.ok) throw new Error(moved.message)
  return moved.case
}

type FormValues = Record<string, string | string[]>

/** The form as a browser posts it; dates in Norwegian form, as people type them. */
function agreementForm(overrides: FormValues = {}): FormData {
  const values: FormValues = {
    version: '0',
    goals: 'Bli trygg på varemottaket og finne en arbeidstid som passer.',
    taskIds,
    otherTasks: '',
    startDate: norwegianDate(daysFromToday(-20)),
    endDate: norwegianDate(daysFromToday(70)),
    'meetingPoints[0].meetsOn': norwegianDate(daysFromToday(10)),
    'meetingPoints[0].note': 'Midtveissamtale',
    'meetingPoints[1].meetsOn': '',
    'meetingPoints[1].note': '',
    employerContactName: 'Per Skiftleder',
    employerContactPhone: '22 33 44 55',
    employerContactEmail: 'per@lager.example',
    accommodationPromises: 'NAV følger opp hver fjortende dag og dekker vernesko.',
    ...overrides,
  }
  const form = new FormData()
  for (const [name, value] of Object.entries(values)) {
    for (const entry of Array.isArray(value) ? value : [value]) form.append(name, entry)
  }
  return form
}

async function save(user: User, side: 'staff' | 'employer', found: Case, overrides: FormValues = {}) {
  return applyPostedAgreement(user, side, found, agreementForm(overrides))
}

async function followUpNotices(caseId: string) {
  return db.sql<{ userId: string; link: string; key: string }[]>`
    select user_id as "userId", link, idempotency_key as key from notifications
    where kind = 'follow_up_due' and case_id = ${caseId} order by id`
}

beforeAll(async () => {
  resetSearchBackend()
  const officeId = (await insertOffice(db.sql, { name: 'NAV Utprøving', countyNumber: '03' }))!
  const teamId = (await insertTeam(db.sql, { officeId, name: 'IPS' }))!
  owner = await createStaffUser(db.sql, { name: 'Kari Ansvarlig', roles: ['specialist'], officeId, teamId })
  officeMate = await createStaffUser(db.sql, { name: 'Ola Kollega', roles: ['specialist'], officeId, teamId })
  teamLead = await createStaffUser(db.sql, { name: 'Lise Leder', roles: ['team_lead'], officeId, teamId })
  const otherOffice = (await insertOffice(db.sql, { name: 'NAV Et annet sted', countyNumber: '03' }))!
  elsewhere = await createStaffUser(db.sql, { roles: ['specialist'], officeId: otherOffice })
  employer = await newEmployerWithOrganisation(db.sql)
  const colleagueId = await insertUser(db.sql, { email: newEmail('kollega'), name: 'Per Skiftleder', accountType: 'employer', passwordHash: null })
  await insertMembership(db.sql, { organisationId: employer.organisationId, userId: colleagueId, status: 'active' })
  colleague = (await findUserById(db.sql, colleagueId))!
  otherEmployer = await newEmployerWithOrganisation(db.sql)
  opening = await createPublishedOpening(db.sql, employer)
  taskIds = (await carvedTasksOfOpening(db.sql, opening.id)).map((task) => task.id)
})

describe('writing the agreement', () => {
  it('NAV writes it while the trial runs; the employer edits it; the follow-ups follow the dates', async () => {
    const found = await caseAt('trial_running')
    expect(taskIds).toHaveLength(2)
    expect(await save(owner, 'staff', found)).toEqual({ ok: true, created: true })
    let agreement = (await findTrialAgreement(db.sql, found.id))!
    expect(agreement).toMatchObject({
      goals: 'Bli trygg på varemottaket og finne en arbeidstid som passer.',
      startDate: daysFromToday(-20),
      endDate: daysFromToday(70),
      employerContactName: 'Per Skiftleder',
      employerContactPhone: '22 33 44 55',
      // NAV wrote it first: the employer who showed interest gets the notices until the employer chooses.
      employerContactUserId: employer.user.id,
      createdByName: 'Kari Ansvarlig',
      version: 1,
      meetingPoints: [{ meetsOn: daysFromToday(10), note: 'Midtveissamtale' }],
    })
    expect([...agreement.taskIds].sort()).toEqual([...taskIds].sort())
    expect(agreement.followUps.map((followUp) => followUp.dueOn)).toEqual(followUpDates(daysFromToday(-20), daysFromToday(70)))

    // The employer shortens the trial, keeps one task and names a colleague for the notices.
    const edited = await save(employer.user, 'employer', found, {
      version: '1',
      taskIds: [taskIds[0]!],
      otherTasks: 'Rydde pauserommet',
      endDate: norwegianDate(daysFromToday(30)),
      employerContactUserId: colleague.id,
    })
    expect(edited).toEqual({ ok: true, created: false })
    agreement = (await findTrialAgreement(db.sql, found.id))!
    expect(agreement).toMatchObject({ version: 2, taskIds: [taskIds[0]], otherTasks: 'Rydde pauserommet', employerContactUserId: colleague.id, updatedByName: employer.user.name })
    expect(agreement.followUps.map((followUp) => followUp.dueOn)).toEqual(followUpDates(daysFromToday(-20), daysFromToday(30)))
    // NAV's later edit keeps the employer's choice of contact.
    expect(await save(teamLead, 'staff', found, { version: '2', endDate: norwegianDate(daysFromToday(30)) })).toMatchObject({ ok: true })
    expect((await findTrialAgreement(db.sql, found.id))!.employerContactUserId).toBe(colleague.id)
    expect((await caseHistory(db.sql, found.id)).map((event) => event.action).slice(-3)).toEqual([
      'trialAgreementCreated',
      'trialAgreementUpdated',
      'trialAgreementUpdated',
    ])
  })

  it('can be prepared once the meeting is agreed, and is read-only when the case has moved on', async () => {
    const preparing = await caseAt('meeting_agreed')
    expect((await trialPageOf(employer.user, 'employer', preparing)).editable).toBe(true)
    expect(await save(employer.user, 'employer', preparing)).toMatchObject({ ok: true, created: true })
    const early = await caseAt('received')
    const refusedEarly = await save(owner, 'staff', early)
    expect(refusedEarly).toMatchObject({ ok: false, status: 409 })
    expect(refusedEarly.ok || refusedEarly.reply.error?.['']).toEqual([expect.stringMatching(/bare endres mens møtet er avtalt eller utprøvingen pågår/)])
    expect(await findTrialAgreement(db.sql, early.id)).toBeUndefined()

    const ended = await move(preparing, employer.user, 'employer', 'hire', 'Fast stilling')
    expect((await trialPageOf(owner, 'staff', ended)).editable).toBe(false)
    const refusedAfter = await save(owner, 'staff', ended, { version: '1', goals: 'Endret etterpå' })
    expect(refusedAfter).toMatchObject({ ok: false, status: 409 })
    expect((await findTrialAgreement(db.sql, ended.id))!.goals).not.toBe('Endret etterpå')
  })

  it('NAV staff who neither own the case nor lead the team may read but not edit', async () => {
    const found = await caseAt('trial_running')
    expect((await trialPageOf(officeMate, 'staff', found)).editable).toBe(false)
    const refused = await save(officeMate, 'staff', found)
    expect(refused).toMatchObject({ ok: false, status: 403 })
    expect(await findTrialAgreement(db.sql, found.id)).toBeUndefined()
  })

  it('refuses a stale page and two first saves at once, keeping what was typed', async () => {
    const found = await caseAt('trial_running')
    const both = await Promise.all([save(owner, 'staff', found), save(employer.user, 'employer', found, { goals: 'Arbeidsgiverens egne mål for perioden.' })])
    expect(both.filter((outcome) => outcome.ok)).toHaveLength(1)
    const loser = both.find((outcome) => !outcome.ok)!
    expect(loser).toMatchObject({ ok: false, status: 409 })

    expect(await save(owner, 'staff', found, { version: '1', goals: 'Første endring av målene.' })).toMatchObject({ ok: true })
    const stale = await save(employer.user, 'employer', found, { version: '1', goals: 'Skrevet på en gammel side.' })
    expect(stale).toMatchObject({ ok: false, status: 409 })
    if (stale.ok) throw new Error('unreachable')
    expect(stale.reply.error?.['']).toEqual([expect.stringMatching(/endret av noen andre siden du åpnet siden/)])
    expect(stale.reply.initialValue).toMatchObject({ goals: 'Skrevet på en gammel side.' })
    expect((await findTrialAgreement(db.sql, found.id))!).toMatchObject({ version: 2, goals: 'Første endring av målene.' })
  })

  it('refuses bad input with a message on each field, keeping what was typed', async () => {
    const found = await caseAt('trial_running')
    const refused = await save(owner, 'staff', found, {
      goals: ' ',
      taskIds: [],
      otherTasks: '',
      startDate: '12.03.2026',
      endDate: '01.03.2026',
      'meetingPoints[0].meetsOn': '31.02.2026',
      'meetingPoints[0].note': '',
      'meetingPoints[1].meetsOn': '',
      'meetingPoints[1].note': 'Sluttsamtale uten dato',
      employerContactName: '',
      employerContactPhone: '123',
      employerContactEmail: 'ikke en adresse',
      accommodationPromises: 'x'.repeat(2001),
    })
    expect(refused).toMatchObject({ ok: false, status: 400 })
    if (refused.ok) throw new Error('unreachable')
    const errors = refused.reply.error!
    expect(errors.goals?.[0]).toMatch(/Skriv hva dere vil oppnå/)
    expect(errors.otherTasks).toEqual(['Velg minst én oppgave fra jobben, eller skriv hvilke oppgaver kandidaten skal gjøre.'])
    expect(errors.endDate).toEqual(['Sluttdatoen må være etter startdatoen.'])
    expect(errors['meetingPoints[0].meetsOn']).toEqual(['Datoen finnes ikke.'])
    expect(errors['meetingPoints[0].note']).toEqual(['Skriv kort hva møtet gjelder.'])
    expect(errors['meetingPoints[1].meetsOn']).toEqual(['Skriv datoen for møtet.'])
    expect(errors.employerContactName?.[0]).toMatch(/kontaktperson/)
    expect(errors.employerContactPhone?.[0]).toMatch(/telefonnummer/)
    expect(errors.employerContactEmail).toEqual(['Skriv en gyldig e-postadresse.'])
    expect(errors.accommodationPromises).toEqual(['Høyst 2000 tegn.'])
    expect(refused.reply.initialValue).toMatchObject({ startDate: '12.03.2026', employerContactEmail: 'ikke en adresse' })

    // A task from another job, and a notice recipient outside the organisation, are refused on the server.
    const otherOpening = await createPublishedOpening(db.sql, otherEmployer)
    const [foreignTask] = await carvedTasksOfOpening(db.sql, otherOpening.id)
    const foreign = await save(employer.user, 'employer', found, { taskIds: [foreignTask!.id] })
    expect(foreign.ok || foreign.reply.error?.taskIds).toEqual([expect.stringMatching(/hører ikke til jobben/)])
    const outsider = await save(employer.user, 'employer', found, { employerContactUserId: otherEmployer.user.id })
    expect(outsider.ok || outsider.reply.error?.employerContactUserId).toEqual(['Velg en person som er med i virksomheten.'])
    expect(await findTrialAgreement(db.sql, found.id)).toBeUndefined()

    // Written tasks alone are enough, and empty meeting-point rows are dropped.
    expect(await save(owner, 'staff', found, { taskIds: [], otherTasks: 'Pakke ut varer', 'meetingPoints[0].meetsOn': '', 'meetingPoints[0].note': '' })).toMatchObject({ ok: true })
    expect((await findTrialAgreement(db.sql, found.id))!).toMatchObject({ taskIds: [], otherTasks: 'Pakke ut varer', meetingPoints: [] })
  })
})

describe('the trial pages', () => {
  const cookieFor = async (user: User) => (await startSession(new Request('http://localhost/logg-inn'), user.id, '/')).headers.get('Set-Cookie')!.split(';')[0]!
  const load = async (route: { loader: (args: never) => unknown }, user: User, caseId: string) => {
    const request = new Request(`http://localhost/x/${caseId}/utproving`, { headers: { Cookie: await cookieFor(user) } })
    try {
      const response = (await route.loader({ request, params: { caseId }, context: {} } as never)) as Response
      return { status: response.status, body: await response.text() }
    } catch (thrown) {
      if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text() }
      throw thrown
    }
  }

  it('show the agreement to both sides and answer 404 to other offices and other organisations', async () => {
    const found = await caseAt('trial_running')
    expect(await save(owner, 'staff', found)).toMatchObject({ ok: true })
    const staffPage = await load(staffTrialRoute, owner, found.id)
    expect(staffPage.status).toBe(200)
    expect(staffPage.body).toContain('Per Skiftleder')
    const employerPage = await load(employerTrialRoute, employer.user, found.id)
    expect(employerPage.status).toBe(200)
    expect(employerPage.body).toContain('Kari Ansvarlig')
    expect(employerPage.body).toContain('Midtveissamtale')
    expect((await load(staffTrialRoute, elsewhere, found.id)).status).toBe(404)
    expect((await load(employerTrialRoute, otherEmployer.user, found.id)).status).toBe(404)
    expect((await load(employerTrialRoute, employer.user, 'not-a-uuid')).status).toBe(404)
    expect((await load(staffTrialRoute, employer.user, found.id)).status).toBe(403)
    expect((await load(employerTrialRoute, owner, found.id)).status).toBe(403)
  })
})

describe('ending the trial from the employer\'s trial page', () => {
  /** Posts the page's own form, with a real CSRF token and session, to the route's action as the browser would. */
  async function post(user: User, caseId: string, fields: Record<string, string>) {
    const session = (await startSession(new Request('http://localhost/logg-inn'), user.id, '/')).headers.get('Set-Cookie')!.split(';')[0]!
    const [token, csrfCookie] = await issueCsrfToken(new Request('http://localhost/'))
    const body = new FormData()
    body.set('csrf', token)
    for (const [name, value] of Object.entries(fields)) body.set(name, value)
    const request = new Request(`http://localhost/arbeidsgiver/saker/${caseId}/utproving`, {
      method: 'POST',
      body,
      headers: { Cookie: `${session}; ${csrfCookie!.split(';')[0]}` },
    })
    const response = (await employerTrialRoute.action({ request, params: { caseId }, context: {} } as never)) as Response
    return { status: response.status, location: response.headers.get('Location'), body: response.status < 300 || response.status >= 400 ? await response.text() : '' }
  }

  it('asks for a reason, then ends it in one click with the reason in the history', async () => {
    const found = await caseAt('trial_running')
    const withoutReason = await post(employer.user, found.id, { intent: 'endTrial', version: String(found.version), reason: ' ' })
    expect(withoutReason.status).toBe(409)
    expect(JSON.parse(withoutReason.body)).toMatchObject({ endTrial: { error: 'Skriv en begrunnelse for «Avslutt uten ansettelse».' } })
    expect((await findCase(db.sql, found.id))!.status).toBe('trial_running')

    const ended = await post(employer.user, found.id, { intent: 'endTrial', version: String(found.version), reason: 'Vi har ikke nok oppgaver likevel.' })
    expect(ended).toMatchObject({ status: 302, location: `/arbeidsgiver/saker/${found.id}?melding=oppdatert` })
    expect((await findCase(db.sql, found.id))!.status).toBe('not_hired')
    expect((await caseHistory(db.sql, found.id)).at(-1)).toMatchObject({ action: 'endWithoutHire', reason: 'Vi har ikke nok oppgaver likevel.', actorAccountType: 'employer' })

    // The same click again (a double click, the back button) ends nothing twice.
    const again = await post(employer.user, found.id, { intent: 'endTrial', version: String(found.version), reason: 'Igjen' })
    expect(again.status).toBe(409)
    // Another organisation's employer never reaches the action.
    const foreign = await employerTrialRoute
      .action({ request: new Request(`http://localhost/arbeidsgiver/saker/${found.id}/utproving`, { method: 'POST', body: new FormData() }), params: { caseId: found.id }, context: {} } as never)
      .then(() => undefined, (thrown: unknown) => thrown)
    expect(foreign).toBeInstanceOf(Response)
    const outsider = await post(otherEmployer.user, found.id, { intent: 'endTrial', version: '1', reason: 'x' }).then(() => undefined, (thrown: unknown) => thrown)
    expect((outsider as Response).status).toBe(404)
  })
})

describe('follow-up notices', () => {
  it('go once per due date to the case owner and the employer contact, however often the job runs', async () => {
    const found = await caseAt('trial_running')
    const start = daysFromToday(-20)
    expect(await save(owner, 'staff', found, { startDate: norwegianDate(start), employerContactUserId: colleague.id })).toMatchObject({ ok: true })
    // The employer names the colleague who receives the notices.
    expect(await save(employer.user, 'employer', found, { version: '1', startDate: norwegianDate(start), employerContactUserId: colleague.id })).toMatchObject({ ok: true })
    const [first, second, third] = followUpDates(start, daysFromToday(70))
    expect(first! <= today && second! > today).toBe(true)

    await sendDueFollowUps(db.sql, new Date())
    expect(await sendDueFollowUps(db.sql, new Date())).toBe(0)
    expect(await followUpNotices(found.id)).toEqual([
      { userId: owner.id, link: `/ansatt/saker/${found.id}/utproving`, key: `follow_up_due:case:${found.id}:follow-up:${first}:${owner.id}` },
      { userId: colleague.id, link: `/arbeidsgiver/saker/${found.id}/utproving`, key: `follow_up_due:case:${found.id}:follow-up:${first}:${colleague.id}` },
    ])
    const emails = await db.sql<{ count: number }[]>`
      select count(*)::int as count from email_outbox where template = 'follow_up_due' and idempotency_key like ${`%case:${found.id}:%`}`
    expect(emails[0]!.count).toBe(2)

    // The second date, reached in Oslo just after midnight: concurrent runs notify it once between them.
    const atSecond = osloInstant(second!, '00:01')
    const other = db.kind === 'server' ? (await db.scratch.connectAgain()).sql : db.sql
    const runs = await Promise.all([sendDueFollowUps(db.sql, atSecond), sendDueFollowUps(other as Sql, atSecond), sendDueFollowUps(db.sql, atSecond)])
    expect(runs.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(1)
    expect((await followUpNotices(found.id)).map((notice) => notice.key.split(':')[4])).toEqual([first, first, second, second])
    // Just before midnight in Oslo the third is not due yet.
    const beforeThird = new Date(osloInstant(third!, '00:00').getTime() - 60_000)
    await sendDueFollowUps(db.sql, beforeThird)
    expect(await followUpNotices(found.id)).toHaveLength(4)

    const page = await trialPageOf(owner, 'staff', found)
    expect(page.agreement!.followUps.slice(0, 3).map((followUp) => [followUp.dueOn, followUp.notifiedAt !== null])).toEqual([
      [first, true],
      [second, true],
      [third, false],
    ])
    expect(await recordFollowUpHeld(owner, found, first!)).toEqual({ ok: true })
    expect(await recordFollowUpHeld(officeMate, found, first!)).toMatchObject({ ok: false })
    expect((await findTrialAgreement(db.sql, found.id))!.followUps[0]).toMatchObject({ doneByName: 'Kari Ansvarlig' })
  })

  it('send one notice, not a pile, for an agreement written late, and stop when the trial ends', async () => {
    const found = await caseAt('trial_running')
    const start = daysFromToday(-60)
    expect(await save(owner, 'staff', found, { startDate: norwegianDate(start) })).toMatchObject({ ok: true })
    const dates = followUpDates(start, daysFromToday(70))
    const due = dates.filter((date) => date <= today)
    expect(due.length).toBeGreaterThanOrEqual(3)
    await sendDueFollowUps(db.sql, new Date())
    // The newest due date, to the owner and to the employer who showed interest (the default contact).
    expect((await followUpNotices(found.id)).map((notice) => [notice.userId, notice.key.split(':')[4]])).toEqual([
      [owner.id, due.at(-1)],
      [employer.user.id, due.at(-1)],
    ])
    const stored = (await findTrialAgreement(db.sql, found.id))!.followUps
    expect(stored.filter((followUp) => followUp.skipped).map((followUp) => followUp.dueOn)).toEqual(due.slice(0, -1))

    // The employer ends the trial with a reason; no later date is notified after that.
    await move(found, employer.user, 'employer', 'endWithoutHire', 'Oppgavene passet ikke likevel.')
    const afterEnd = osloInstant(dates.at(-1)!, '12:00')
    await sendDueFollowUps(db.sql, afterEnd)
    expect(await followUpNotices(found.id)).toHaveLength(2)
    const [pending] = await db.sql<{ count: number }[]>`
      select count(*)::int as count from trial_follow_ups where case_id = ${found.id} and notified_at is null`
    expect(pending!.count).toBe(dates.length - due.length)
  })
})
