import { beforeAll, describe, expect, it } from 'vitest'
import { loader as employerCaseLoader } from '~/routes/arbeidsgiver.saker.$caseId'
import { loader as employerCasesLoader } from '~/routes/arbeidsgiver.saker._index'
import { withdrawConsent } from '~/modules/candidates.server'
import { applyPostedProposal, applyPostedVerdict, giveVerdict, proposeCandidate } from '~/modules/case-proposals.server'
import { moveCaseAs, requireCaseForEmployer, requireCaseForStaff, staffInbox } from '~/modules/cases.server'
import { markEmployerInterest } from '~/modules/matching.server'
import { acceptEmployerTerms } from '~/modules/organisations.server'
import { findCandidate, updateIdentity, type Candidate } from '../../prisma-free-sql/queries/candidates'
import { activeMembersOfOpening } from '../../prisma-free-sql/queries/organisations'
import { caseHistory, findCase, type Case } from '../../prisma-free-sql/queries/cases'
import { insertOffice, insertTeam } from '../../prisma-free-sql/queries/offices'
import type { Opening } from '../../prisma-free-sql/queries/openings'
import { insertMembership } from '../../prisma-free-sql/queries/organisations'
import { findUserById, insertUser, type User } from '../../prisma-free-sql/queries/users'
import { randomSyntheticNationalId } from '../../scripts/synthetic-national-id'
import { getSearchBackend, resetSearchBackend } from '../../search-index/backends'
import { processSearchOutbox } from '../../search-index/sync'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { createStaffUser, newEmail } from '../support/fixtures'
import { createPublishedOpening, createVisibleCandidate, today } from '../support/matching-fixtures'
import { sessionCookie } from '../support/route-requests'

// Proposals as the specialist makes them and the employer answers them, through the domain module the pages call:
// one case per candidate and opening whoever acts first, only visible candidates of the specialist's own office, the
// employer organisation's members told (and nobody else), and the verdict stored once, with its notice once.

const db = useTestDatabase()

// Identity details unusual enough that finding one in what the employer gets is no coincidence.
const identity = { firstName: 'Solveig', lastName: 'Brattvollsen', phone: '41234567', email: 'solveig.b@privat.example' }

let employer: { user: User; organisationId: string }
let colleague: User
let requested: User
let otherEmployer: { user: User; organisationId: string }
let opening: Opening
let otherOpening: Opening
let specialist: User
let teamLead: User
let elsewhere: User

async function syncIndex(): Promise<void> {
  for (let pass = 0; pass < 10; pass += 1) {
    if ((await processSearchOutbox(db.sql, getSearchBackend(), { today })).claimed === 0) return
  }
}

async function newCandidate(owner = specialist): Promise<Candidate> {
  const candidateId = await createVisibleCandidate(db.sql, owner)
  await updateIdentity(db.sql, candidateId, { ...identity, nationalId: randomSyntheticNationalId() })
  await syncIndex()
  return (await findCandidate(db.sql, candidateId))!
}

async function employerMember(organisationId: string, status: 'active' | 'requested'): Promise<User> {
  const userId = await insertUser(db.sql, { email: newEmail('medlem'), name: 'Per Medlem', accountType: 'employer', passwordHash: null })
  await insertMembership(db.sql, { organisationId, userId, status })
  return (await findUserById(db.sql, userId))!
}

async function noticesOf(caseId: string, kind: string): Promise<string[]> {
  const rows = await db.sql<{ userId: string }[]>`
    select user_id as "userId" from notifications where case_id = ${caseId} and kind = ${kind} order by user_id`
  return rows.map((row) => row.userId)
}

async function casesOfPair(candidateId: string, openingId: string): Promise<number> {
  const [row] = await db.sql<{ count: number }[]>`
    select count(*)::int as count from cases where candidate_id = ${candidateId} and opening_id = ${openingId}`
  return row!.count
}

async function propose(candidate: Candidate, message = '', onOpening = opening, by = specialist) {
  const outcome = await proposeCandidate(by, candidate, { openingId: onOpening.id, message })
  if (outcome.status !== 'proposed') throw new Error(`Not proposed: ${JSON.stringify(outcome)}`)
  return (await findCase(db.sql, outcome.caseId))!
}

function verdictForm(fields: Record<string, string | number>): FormData {
  const form = new FormData()
  form.set('intent', 'verdict')
  for (const [name, value] of Object.entries(fields)) form.set(name, String(value))
  return form
}

async function refusalOf(attempt: () => Promise<unknown>): Promise<Response> {
  const thrown = await attempt().then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(thrown).toBeInstanceOf(Response)
  return thrown as Response
}

beforeAll(async () => {
  resetSearchBackend()
  const officeId = (await insertOffice(db.sql, { name: 'NAV Forslag', countyNumber: '03' }))!
  const teamId = (await insertTeam(db.sql, { officeId, name: 'IPS' }))!
  specialist = await createStaffUser(db.sql, { name: 'Kari Forslagsen', roles: ['specialist'], officeId, teamId })
  teamLead = await createStaffUser(db.sql, { name: 'Lise Leder', roles: ['team_lead'], officeId, teamId })
  const otherOffice = (await insertOffice(db.sql, { name: 'NAV Et annet sted', countyNumber: '03' }))!
  elsewhere = await createStaffUser(db.sql, { roles: ['specialist'], officeId: otherOffice })
  employer = await newEmployerWithOrganisation(db.sql)
  colleague = await employerMember(employer.organisationId, 'active')
  requested = await employerMember(employer.organisationId, 'requested')
  otherEmployer = await newEmployerWithOrganisation(db.sql)
  opening = await createPublishedOpening(db.sql, employer)
  otherOpening = await createPublishedOpening(db.sql, otherEmployer)
  await syncIndex()
})

describe('proposing a candidate', () => {
  it('opens one case owned by the proposer, received at once, and tells the organisation\'s active members only', async () => {
    const candidate = await newCandidate()
    const proposed = await propose(candidate, 'Har erfaring fra varemottak og liker faste rutiner.')
    expect(proposed).toMatchObject({
      origin: 'specialist_proposal',
      status: 'received',
      ownerUserId: specialist.id,
      ownerName: 'Kari Forslagsen',
      routedAs: 'responsible',
      teamId: specialist.teamId,
      createdByUserId: specialist.id,
      employerMessage: 'Har erfaring fra varemottak og liker faste rutiner.',
      employerVerdict: null,
      version: 2,
    })
    // The specialist acted: nothing waits for an acknowledgement, so no reminder or escalation will come.
    expect(proposed.acknowledgedAt).not.toBeNull()
    expect((await staffInbox(specialist)).unacknowledged).toBe(0)
    expect((await caseHistory(db.sql, proposed.id)).map((event) => [event.action, event.toStatus, event.actorName])).toEqual([
      ['open', 'new', 'Kari Forslagsen'],
      ['propose', 'received', 'Kari Forslagsen'],
    ])
    expect(await noticesOf(proposed.id, 'candidate_proposed')).toEqual([employer.user.id, colleague.id].sort())
    expect((await activeMembersOfOpening(db.sql, opening.id)).map((member) => member.userId)).not.toContain(requested.id)
    // The e-mail carries the link and nothing else (emails/notices.ts).
    const mails = await db.sql<{ template: string; params: Record<string, unknown> }[]>`
      select template, params from email_outbox where idempotency_key like ${`candidate_proposed:case:${proposed.id}:proposed:%`}`
    expect(mails).toHaveLength(2)
    for (const mail of mails) {
      expect(mail.template).toBe('candidate_proposed')
      expect(Object.keys(mail.params)).toEqual(['url'])
      expect(String(mail.params.url)).toMatch(new RegExp(`/arbeidsgiver/saker/${proposed.id}$`))
    }
    const [audit] = await db.sql<{ actorUserId: string }[]>`
      select actor_user_id as "actorUserId" from audit_log where action = 'case.proposed' and subject_id = ${proposed.id}`
    expect(audit?.actorUserId).toBe(specialist.id)

    // To another organisation's opening: that organisation hears of it, this one does not.
    const elsewhereProposed = await propose(await newCandidate(), '', otherOpening)
    expect(await noticesOf(elsewhereProposed.id, 'candidate_proposed')).toEqual([otherEmployer.user.id])
  })

  it('never makes a second case: proposing again, concurrently, or by a colleague finds the first', async () => {
    const candidate = await newCandidate()
    const first = await propose(candidate)
    const again = await Promise.all([
      proposeCandidate(specialist, candidate, { openingId: opening.id, message: 'Igjen' }),
      proposeCandidate(teamLead, candidate, { openingId: opening.id, message: 'Fra lederen' }),
    ])
    expect(again).toEqual([
      { status: 'already-a-case', caseId: first.id },
      { status: 'already-a-case', caseId: first.id },
    ])
    expect(await casesOfPair(candidate.id, opening.id)).toBe(1)
    expect((await findCase(db.sql, first.id))!).toMatchObject({ ownerUserId: specialist.id, employerMessage: '', version: 2 })
    expect(await noticesOf(first.id, 'candidate_proposed')).toHaveLength(2)

    // Concurrent first proposals (a double click, two colleagues at once): exactly one opens the case.
    const fresh = await newCandidate()
    const racing = await Promise.all([1, 2, 3].map(() => proposeCandidate(specialist, fresh, { openingId: opening.id, message: '' })))
    expect(racing.filter((outcome) => outcome.status === 'proposed')).toHaveLength(1)
    const caseIds = new Set(racing.map((outcome) => ('caseId' in outcome ? outcome.caseId : undefined)))
    expect(caseIds.size).toBe(1)
    expect(await casesOfPair(fresh.id, opening.id)).toBe(1)
    const [caseId] = [...caseIds] as string[]
    expect((await caseHistory(db.sql, caseId!)).map((event) => event.action)).toEqual(['open', 'propose'])
    expect(await noticesOf(caseId!, 'candidate_proposed')).toHaveLength(2)
  })

  it('after an employer\'s interest the interest\'s case is reported, not replaced, and an interest after a proposal finds the proposal', async () => {
    const candidate = await newCandidate()
    const interest = await markEmployerInterest(employer.user, opening, candidate.id, 'Vi er interessert')
    if (interest.status === 'not-visible') throw new Error('not visible')
    expect(await proposeCandidate(specialist, candidate, { openingId: opening.id, message: '' })).toEqual({
      status: 'already-a-case',
      caseId: interest.case.id,
    })
    expect((await findCase(db.sql, interest.case.id))!).toMatchObject({ origin: 'employer_interest', status: 'new', acknowledgedAt: null })
    expect(await noticesOf(interest.case.id, 'candidate_proposed')).toEqual([])

    const proposedFirst = await newCandidate()
    const proposed = await propose(proposedFirst)
    const later = await markEmployerInterest(employer.user, opening, proposedFirst.id, 'Vi vil gjerne møte kandidaten')
    expect(later).toMatchObject({ case: { id: proposed.id } })
    expect(await casesOfPair(proposedFirst.id, opening.id)).toBe(1)
    expect((await findCase(db.sql, proposed.id))!.origin).toBe('specialist_proposal')
  })

  it('refuses a candidate who is not visible to employers, or does not meet the opening\'s requirements', async () => {
    const hidden = await newCandidate()
    await withdrawConsent(specialist, hidden, 'Kandidaten trakk samtykket')
    const withdrawn = (await findCandidate(db.sql, hidden.id))!
    expect(await proposeCandidate(specialist, withdrawn, { openingId: opening.id, message: '' })).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/ikke synlig for arbeidsgivere/),
    })
    // At most five hours a week: the opening's 10–15 hours are a hard requirement.
    const fewHours = (await findCandidate(db.sql, await createVisibleCandidate(db.sql, specialist, { hoursMin: 2, hoursMax: 5 })))!
    expect(await proposeCandidate(specialist, fewHours, { openingId: opening.id, message: '' })).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/oppfyller ikke kravene/),
    })
    expect(await casesOfPair(withdrawn.id, opening.id)).toBe(0)
    expect(await casesOfPair(fewHours.id, opening.id)).toBe(0)
  })

  it('refuses a candidate at another office with 404, and the route\'s parsing keeps what was typed', async () => {
    const candidate = await newCandidate()
    expect((await refusalOf(() => proposeCandidate(elsewhere, candidate, { openingId: opening.id, message: '' }))).status).toBe(404)
    expect((await refusalOf(() => requireCaseForStaff(elsewhere, '00000000-0000-4000-8000-000000000000'))).status).toBe(404)
    const form = new FormData()
    form.set('intent', 'propose')
    form.set('candidateId', candidate.id)
    form.set('openingId', 'ikke-en-id')
    form.set('message', 'Passer godt')
    expect(await applyPostedProposal(specialist, form, async () => candidate)).toEqual({
      ok: false,
      status: 400,
      failure: { intent: 'propose', candidateId: candidate.id, openingId: 'ikke-en-id', message: 'Passer godt', error: 'Ukjent stilling. Last siden på nytt.', warned: false },
    })
    expect(await casesOfPair(candidate.id, opening.id)).toBe(0)
  })

  it('keeps the candidate\'s identity out of the message to the employer, and asks before a word that looks like a diagnosis', async () => {
    const candidate = await newCandidate()
    for (const message of [`${identity.firstName} passer godt`, `Ring meg på ${identity.phone}`, `Skriv til ${identity.email}`]) {
      expect(await proposeCandidate(specialist, candidate, { openingId: opening.id, message })).toMatchObject({
        status: 'message-refused',
        warned: false,
        message: expect.stringMatching(/ikke skal vite hvem kandidaten er/),
      })
    }
    const diagnosis = 'Har ADHD, men trives med faste rutiner.'
    expect(await proposeCandidate(specialist, candidate, { openingId: opening.id, message: diagnosis })).toMatchObject({ status: 'message-refused', warned: true })
    expect(await casesOfPair(candidate.id, opening.id)).toBe(0)
    expect(await proposeCandidate(specialist, candidate, { openingId: opening.id, message: 'x'.repeat(1001) })).toMatchObject({ status: 'message-refused' })

    const form = new FormData()
    form.set('intent', 'propose')
    form.set('candidateId', candidate.id)
    form.set('openingId', opening.id)
    form.set('message', diagnosis)
    const warned = await applyPostedProposal(specialist, form, async () => candidate)
    expect(warned).toMatchObject({ ok: false, status: 400, failure: { warned: true, message: diagnosis } })
    form.set('diagnosisWarningSeen', 'ja')
    expect(await applyPostedProposal(specialist, form, async () => candidate)).toMatchObject({ ok: true, created: true })
  })
})

describe('the employer\'s verdict', () => {
  let proposed: Case

  beforeAll(async () => {
    proposed = await propose(await newCandidate(), 'Stødig og blid.')
  })

  it('reaches the employer who owns the opening; any other employer gets 404', async () => {
    await expect(requireCaseForEmployer(employer.user, proposed.id)).resolves.toMatchObject({ id: proposed.id })
    await expect(requireCaseForEmployer(colleague, proposed.id)).resolves.toMatchObject({ id: proposed.id })
    for (const outsider of [otherEmployer.user, requested]) {
      expect((await refusalOf(() => requireCaseForEmployer(outsider, proposed.id))).status).toBe(404)
    }
  })

  it('«Ikke aktuell» needs a reason; a verdict is stored with an event, and the owner is told exactly once', async () => {
    const missing = await applyPostedVerdict(employer.user, proposed, verdictForm({ version: proposed.version, verdict: 'not_relevant', reason: '  ' }))
    expect(missing).toMatchObject({ ok: false, status: 400, failure: { intent: 'verdict', verdict: 'not_relevant', field: 'reason', error: expect.stringMatching(/Skriv hvorfor/) } })
    expect((await findCase(db.sql, proposed.id))!).toMatchObject({ employerVerdict: null, version: proposed.version })

    const given = await applyPostedVerdict(employer.user, proposed, verdictForm({ version: proposed.version, verdict: 'not_relevant', reason: 'Vi trenger noen med truckførerbevis.' }))
    expect(given).toEqual({ ok: true })
    const stored = (await findCase(db.sql, proposed.id))!
    expect(stored).toMatchObject({
      employerVerdict: 'not_relevant',
      employerVerdictReason: 'Vi trenger noen med truckførerbevis.',
      status: 'received',
      version: proposed.version + 1,
    })
    expect((await caseHistory(db.sql, proposed.id)).at(-1)).toMatchObject({
      action: 'verdict',
      fromStatus: 'received',
      toStatus: 'received',
      actorAccountType: 'employer',
      reason: 'Ikke aktuell: Vi trenger noen med truckførerbevis.',
    })
    expect(await noticesOf(proposed.id, 'verdict_given')).toEqual([specialist.id])

    // The same form sent again (a double click, the back button) carries the old version: refused, nothing told twice.
    const repeated = await applyPostedVerdict(employer.user, proposed, verdictForm({ version: proposed.version, verdict: 'not_relevant', reason: 'Vi trenger noen med truckførerbevis.' }))
    expect(repeated).toMatchObject({ ok: false, status: 409, failure: { error: expect.stringMatching(/endret siden du åpnet siden/) } })
    // The same verdict from a fresh page changes nothing either.
    expect(await giveVerdict(employer.user, proposed.id, { version: stored.version, verdict: 'not_relevant', reason: 'Vi trenger noen med truckførerbevis.' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/allerede lagret/),
    })
    expect(await noticesOf(proposed.id, 'verdict_given')).toEqual([specialist.id])
    const [audit] = await db.sql<{ count: number }[]>`select count(*)::int as count from audit_log where action = 'case.verdict' and subject_id = ${proposed.id}`
    expect(audit?.count).toBe(1)
  })

  it('a changed mind is a new verdict with its own notice; two at once from the same page: one wins', async () => {
    const current = (await findCase(db.sql, proposed.id))!
    const racing = await Promise.all([
      giveVerdict(colleague, proposed.id, { version: current.version, verdict: 'relevant', reason: '' }),
      giveVerdict(employer.user, proposed.id, { version: current.version, verdict: 'to_consider', reason: '' }),
    ])
    expect(racing.filter((outcome) => outcome.ok)).toHaveLength(1)
    const after = (await findCase(db.sql, proposed.id))!
    expect(after.version).toBe(current.version + 1)
    expect(['relevant', 'to_consider']).toContain(after.employerVerdict)
    expect(after.employerVerdictReason).toBe('')
    const [row] = await db.sql<{ count: number }[]>`
      select count(*)::int as count from notifications where case_id = ${proposed.id} and kind = 'verdict_given'`
    expect(row?.count).toBe(2)
    expect((await caseHistory(db.sql, proposed.id)).filter((event) => event.action === 'verdict')).toHaveLength(2)
  })

  it('«Fikk jobben» does not hire: the flow still needs its steps, and a closed case takes no verdict', async () => {
    const other = await propose(await newCandidate())
    expect(await giveVerdict(employer.user, other.id, { version: other.version, verdict: 'got_the_job', reason: '' })).toEqual({ ok: true })
    const after = (await findCase(db.sql, other.id))!
    expect(after).toMatchObject({ status: 'received', employerVerdict: 'got_the_job' })
    const withdrawn = await moveCaseAs(specialist, 'staff', { caseId: other.id, version: after.version, action: 'withdraw', reason: 'Kandidaten har fått jobb et annet sted.' })
    if (!withdrawn.ok) throw new Error(withdrawn.message)
    expect(await giveVerdict(employer.user, other.id, { version: withdrawn.case.version, verdict: 'relevant', reason: '' })).toEqual({
      ok: false,
      message: 'Saken er avsluttet, så vurderingen kan ikke endres.',
    })
  })

  it('is not given on a case that came from the employer\'s own interest', async () => {
    const candidate = await newCandidate()
    const interest = await markEmployerInterest(employer.user, opening, candidate.id, '')
    if (interest.status === 'not-visible') throw new Error('not visible')
    const found = (await findCase(db.sql, interest.case.id))!
    expect(await giveVerdict(employer.user, found.id, { version: found.version, verdict: 'relevant', reason: '' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/bare på kandidater som NAV har foreslått/),
    })
    expect((await findCase(db.sql, found.id))!.employerVerdict).toBeNull()
  })
})

describe('what the employer sees of a proposal', () => {
  it('the anonymised profile, the verdict form and the proposal in the list; never the identity or NAV\'s own reasons', async () => {
    const candidate = await newCandidate()
    const proposed = await propose(candidate, 'Liker å jobbe tidlig om morgenen.')
    // A second proposal NAV closes with a reason that names the candidate: the employer sees the step, not the reason.
    const closed = await propose(await newCandidate())
    const withdrawn = await moveCaseAs(specialist, 'staff', { caseId: closed.id, version: closed.version, action: 'withdraw', reason: `${identity.firstName} ${identity.lastName} har flyttet` })
    if (!withdrawn.ok) throw new Error(withdrawn.message)

    const cookie = await sessionCookie(employer.user)
    const request = (path: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })
    const args = (path: string, params: Record<string, string>) => ({ request: request(path), params, context: { clientAddress: '127.0.0.1' } })

    // Before the terms are accepted the profile is not shown, only the way to the terms.
    const beforeTerms = await (await employerCaseLoader(args(`/arbeidsgiver/saker/${proposed.id}`, { caseId: proposed.id }))).json()
    expect(beforeTerms.proposedCandidate).toEqual({ status: 'terms' })
    await acceptEmployerTerms(employer.user)

    const page = await (await employerCaseLoader(args(`/arbeidsgiver/saker/${proposed.id}`, { caseId: proposed.id }))).json()
    expect(page).toMatchObject({
      proposal: { proposal: true, verdict: null },
      verdictOpen: true,
      employerMessage: 'Liker å jobbe tidlig om morgenen.',
      proposedCandidate: { status: 'shown', candidate: { id: candidate.id } },
    })
    const closedPage = await (await employerCaseLoader(args(`/arbeidsgiver/saker/${closed.id}`, { caseId: closed.id }))).json()
    expect(closedPage.verdictOpen).toBe(false)
    const list = await (await employerCasesLoader(args('/arbeidsgiver/saker', {}))).json()
    expect(list.cases.find((row: { id: string }) => row.id === proposed.id)).toMatchObject({ origin: 'specialist_proposal', verdict: null })

    const everything = JSON.stringify([beforeTerms, page, closedPage, list])
    const nationalIds = await db.sql<{ nationalId: string }[]>`select national_id as "nationalId" from candidate_identities`
    for (const forbidden of [identity.firstName, identity.lastName, identity.phone, identity.email, ...nationalIds.map((row) => row.nationalId)]) {
      expect(everything).not.toContain(forbidden)
    }
    expect(everything).not.toContain('har flyttet')

    // Another organisation's member reaches neither the page nor the case.
    const outsiderCookie = await sessionCookie(otherEmployer.user)
    const refused = await refusalOf(async () =>
      employerCaseLoader({
        request: new Request(`http://localhost/arbeidsgiver/saker/${proposed.id}`, { headers: { Cookie: outsiderCookie } }),
        params: { caseId: proposed.id },
        context: { clientAddress: '127.0.0.1' },
      }),
    )
    expect(refused.status).toBe(404)
  })
})
