import { beforeAll, describe, expect, it } from 'vitest'
import { markEmployerInterest } from '~/modules/matching.server'
import { moveCaseAs, requireCaseForEmployer, requireCaseForStaff, staffInbox, takeCase } from '~/modules/cases.server'
import { acknowledgeDeadline, reminderTime } from '~/modules/working-days'
import { clearAbsence, setAbsence } from '../../prisma-free-sql/queries/candidates'
import { caseHistory, findCase } from '../../prisma-free-sql/queries/cases'
import { insertOffice, insertTeam } from '../../prisma-free-sql/queries/offices'
import type { Opening } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { getSearchBackend, resetSearchBackend } from '../../search-index/backends'
import { processSearchOutbox } from '../../search-index/sync'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { createStaffUser } from '../support/fixtures'
import { createPublishedOpening, createVisibleCandidate, today } from '../support/matching-fixtures'

// Cases as the employer and the specialists meet them: opened by the employer's interest (the real path through
// markEmployerInterest), routed to the right person, moved through the flow, and refused when a move is stale or not
// theirs to make. The rules themselves are tested by table in tests/unit/case-flow.test.ts and case-routing.test.ts.

const db = useTestDatabase()

let employer: { user: User; organisationId: string }
let otherEmployer: { user: User; organisationId: string }
let opening: Opening
let responsible: User
let standIn: User
let teamLead: User
let elsewhere: User

async function syncIndex(): Promise<void> {
  for (let pass = 0; pass < 10; pass += 1) {
    if ((await processSearchOutbox(db.sql, getSearchBackend(), { today })).claimed === 0) return
  }
}

/** A new visible candidate of the responsible specialist, indexed, and the employer's interest in them. */
async function interestInNewCandidate(message = '') {
  const candidateId = await createVisibleCandidate(db.sql, responsible)
  await syncIndex()
  const outcome = await markEmployerInterest(employer.user, opening, candidateId, message)
  if (outcome.status === 'not-visible') throw new Error('The new candidate is not visible')
  return { candidateId, caseId: outcome.case.id }
}

beforeAll(async () => {
  resetSearchBackend()
  const officeId = (await insertOffice(db.sql, { name: 'NAV Saker', countyNumber: '03' }))!
  const teamId = (await insertTeam(db.sql, { officeId, name: 'IPS' }))!
  responsible = await createStaffUser(db.sql, { name: 'Kari Ansvarlig', roles: ['specialist'], officeId, teamId })
  standIn = await createStaffUser(db.sql, { name: 'Ola Vikar', roles: ['specialist'], officeId, teamId })
  teamLead = await createStaffUser(db.sql, { name: 'Lise Leder', roles: ['team_lead'], officeId, teamId })
  const otherOffice = (await insertOffice(db.sql, { name: 'NAV Et annet sted', countyNumber: '03' }))!
  elsewhere = await createStaffUser(db.sql, { roles: ['specialist'], officeId: otherOffice })
  employer = await newEmployerWithOrganisation(db.sql)
  otherEmployer = await newEmployerWithOrganisation(db.sql)
  opening = await createPublishedOpening(db.sql, employer)
})

describe('opening a case from an employer\'s interest', () => {
  it('goes to the responsible specialist with a same-day deadline, once however often the employer clicks', async () => {
    const before = new Date()
    const { candidateId, caseId } = await interestInNewCandidate('Vi kan starte på mandag.')
    const after = new Date()
    const again = await Promise.all([1, 2, 3].map(() => markEmployerInterest(employer.user, opening, candidateId, 'Dobbeltklikk')))
    expect(again.map((outcome) => outcome.status !== 'not-visible' && outcome.case.id)).toEqual([caseId, caseId, caseId])

    const found = (await findCase(db.sql, caseId))!
    expect(found).toMatchObject({
      status: 'new',
      origin: 'employer_interest',
      ownerUserId: responsible.id,
      ownerName: 'Kari Ansvarlig',
      routedAs: 'responsible',
      employerMessage: 'Vi kan starte på mandag.',
      acknowledgedAt: null,
    })
    // Computed from the moment the case was opened, by the Norwegian working-day rules.
    expect([acknowledgeDeadline(before).getTime(), acknowledgeDeadline(after).getTime()]).toContain(found.acknowledgeBy.getTime())
    // An hour before the deadline, or when the case came in if that is later (the clock moved while it was opened).
    expect(found.remindAt.getTime()).toBeGreaterThanOrEqual(reminderTime(before, found.acknowledgeBy).getTime())
    expect(found.remindAt.getTime()).toBeLessThanOrEqual(reminderTime(after, found.acknowledgeBy).getTime())
    const [row] = await db.sql<{ count: number }[]>`select count(*)::int as count from cases where candidate_id = ${candidateId}`
    expect(row?.count).toBe(1)
    expect((await caseHistory(db.sql, caseId)).map((event) => event.action)).toEqual(['open'])
  })

  it('goes to the stand-in while the specialist is away, and to the team queue when the stand-in is away too', async () => {
    await setAbsence(db.sql, responsible.id, standIn.id, null)
    try {
      const toStandIn = (await findCase(db.sql, (await interestInNewCandidate()).caseId))!
      expect(toStandIn).toMatchObject({ ownerUserId: standIn.id, routedAs: 'stand_in' })

      await setAbsence(db.sql, standIn.id, teamLead.id, null)
      const queued = (await findCase(db.sql, (await interestInNewCandidate()).caseId))!
      expect(queued).toMatchObject({ ownerUserId: null, routedAs: 'team_queue', teamId: responsible.teamId })

      const inbox = await staffInbox(teamLead)
      expect(inbox.queue.map((item) => item.id)).toContain(queued.id)
      const taken = await takeCase(teamLead, queued, queued.version)
      expect(taken).toMatchObject({ ok: true, case: { ownerUserId: teamLead.id } })
      // A colleague's page from before is refused: the case has been taken.
      expect(await takeCase(responsible, queued, queued.version)).toMatchObject({ ok: false })
    } finally {
      await clearAbsence(db.sql, standIn.id)
      await clearAbsence(db.sql, responsible.id)
    }
  })
})

describe('moving a case', () => {
  it('follows the flow to a hire, with every step, actor and reason in the history', async () => {
    const { caseId } = await interestInNewCandidate()
    let version = (await findCase(db.sql, caseId))!.version
    const steps = [
      [responsible, 'staff', 'acknowledge', ''],
      [responsible, 'staff', 'askCandidate', ''],
      [responsible, 'staff', 'candidateSaidYes', ''],
      [employer.user, 'employer', 'agreeMeeting', ''],
      [employer.user, 'employer', 'startTrial', ''],
      [employer.user, 'employer', 'hire', 'Fast stilling, 60 %'],
    ] as const
    for (const [user, actor, action, reason] of steps) {
      const moved = await moveCaseAs(user, actor, { caseId, version, action, reason })
      if (!moved.ok) throw new Error(`${action}: ${moved.message}`)
      version = moved.case.version
    }
    const found = (await findCase(db.sql, caseId))!
    expect(found.status).toBe('hired')
    expect(found.acknowledgedAt).not.toBeNull()
    const history = await caseHistory(db.sql, caseId)
    expect(history.map((event) => [event.action, event.toStatus, event.actorName])).toEqual([
      ['open', 'new', employer.user.name],
      ['acknowledge', 'received', 'Kari Ansvarlig'],
      ['askCandidate', 'candidate_asked', 'Kari Ansvarlig'],
      ['candidateSaidYes', 'candidate_yes', 'Kari Ansvarlig'],
      ['agreeMeeting', 'meeting_agreed', employer.user.name],
      ['startTrial', 'trial_running', employer.user.name],
      ['hire', 'hired', employer.user.name],
    ])
    expect(history.at(-1)).toMatchObject({ reason: 'Fast stilling, 60 %', actorAccountType: 'employer' })
  })

  it('refuses a repeated submit, a step that is not the employer\'s, and an end without a reason, with a message each', async () => {
    const { caseId } = await interestInNewCandidate()
    const { version } = (await findCase(db.sql, caseId))!
    expect(await moveCaseAs(employer.user, 'employer', { caseId, version, action: 'acknowledge', reason: '' })).toEqual({
      ok: false,
      message: '«Bekreft at saken er mottatt» gjøres av NAV, ikke av arbeidsgiveren.',
    })
    expect(await moveCaseAs(responsible, 'staff', { caseId, version, action: 'acknowledge', reason: '' })).toMatchObject({ ok: true })
    // The same form sent again (a double click, or the back button) carries the old version.
    expect(await moveCaseAs(responsible, 'staff', { caseId, version, action: 'acknowledge', reason: '' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/endret siden du åpnet siden/),
    })
    const current = (await findCase(db.sql, caseId))!
    expect(await moveCaseAs(employer.user, 'employer', { caseId, version: current.version, action: 'withdraw', reason: ' ' })).toEqual({
      ok: false,
      message: 'Skriv en begrunnelse for «Trekk saken».',
    })
    expect((await caseHistory(db.sql, caseId)).map((event) => event.action)).toEqual(['open', 'acknowledge'])
  })

  it('two concurrent moves from the same page: exactly one wins', async () => {
    const { caseId } = await interestInNewCandidate()
    const { version } = (await findCase(db.sql, caseId))!
    const outcomes = await Promise.all([
      moveCaseAs(responsible, 'staff', { caseId, version, action: 'acknowledge', reason: '' }),
      moveCaseAs(responsible, 'staff', { caseId, version, action: 'acknowledge', reason: '' }),
    ])
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1)
    expect((await caseHistory(db.sql, caseId)).filter((event) => event.action === 'acknowledge')).toHaveLength(1)
  })
})

describe('who reaches a case', () => {
  it('staff at the candidate\'s office and the employer who owns the opening; everyone else gets 404', async () => {
    const { caseId } = await interestInNewCandidate()
    await expect(requireCaseForStaff(responsible, caseId)).resolves.toMatchObject({ id: caseId })
    await expect(requireCaseForEmployer(employer.user, caseId)).resolves.toMatchObject({ id: caseId, openingTitle: 'Lagerhjelp' })
    for (const attempt of [
      () => requireCaseForStaff(elsewhere, caseId),
      () => requireCaseForEmployer(otherEmployer.user, caseId),
      () => requireCaseForStaff(responsible, 'not-a-uuid'),
    ]) {
      const refusal = await attempt().then(
        () => undefined,
        (thrown: unknown) => thrown,
      )
      expect(refusal).toBeInstanceOf(Response)
      expect((refusal as Response).status).toBe(404)
    }
    // An employer is not staff at all.
    await expect(requireCaseForStaff(employer.user, caseId)).rejects.toMatchObject({ status: 403 })
  })

  it('the inbox counts what waits for the owner, and what is past its deadline', async () => {
    const { caseId } = await interestInNewCandidate()
    const found = (await findCase(db.sql, caseId))!
    const inbox = await staffInbox(responsible, new Date(found.acknowledgeBy.getTime() + 60_000))
    expect(inbox.mine.map((item) => item.id)).toContain(caseId)
    expect(inbox.overdue).toBeGreaterThanOrEqual(1)
    expect(inbox.unacknowledged).toBeGreaterThanOrEqual(inbox.overdue)
  })
})
