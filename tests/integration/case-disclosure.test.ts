import { beforeAll, describe, expect, it } from 'vitest'
import {
  disclosureNoticeForEmployer,
  purgeExpiredDisclosures,
  shareIdentity,
  sharingViewForStaff,
  viewDisclosureAsEmployer,
  withdrawDisclosure,
} from '~/modules/case-disclosure.server'
import { disclosureExpiry } from '~/modules/case-disclosure'
import { changeIdentity } from '~/modules/candidates.server'
import { moveCaseAs } from '~/modules/cases.server'
import { markEmployerInterest } from '~/modules/matching.server'
import { acceptEmployerTerms } from '~/modules/organisations.server'
import { loader as employerCaseLoader } from '~/routes/arbeidsgiver.saker.$caseId'
import { loader as contactLoader } from '~/routes/arbeidsgiver.saker.$caseId.kontakt'
import { action as sharingAction, loader as sharingLoader } from '~/routes/ansatt.saker.$caseId.deling'
import { loader as staffCaseLoader } from '~/routes/ansatt.saker.$caseId'
import { findCandidate } from '../../prisma-free-sql/queries/candidates'
import { findCase } from '../../prisma-free-sql/queries/cases'
import { insertOffice, insertTeam } from '../../prisma-free-sql/queries/offices'
import { insertMembership } from '../../prisma-free-sql/queries/organisations'
import type { Opening } from '../../prisma-free-sql/queries/openings'
import { findUserById, insertUser, type User } from '../../prisma-free-sql/queries/users'
import { getSearchBackend, resetSearchBackend } from '../../search-index/backends'
import { processSearchOutbox } from '../../search-index/sync'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { createStaffUser, newEmail } from '../support/fixtures'
import { createPublishedOpening, createVisibleCandidate, today } from '../support/matching-fixtures'
import { getRoute as get, postRoute as post } from '../support/route-requests'

// Disclosure of identity in a case, as the specialist and the employer meet it: shared only after the candidate's yes
// and only by whoever may act on the case; shown to that case's employer only, every view logged; gone after six
// months, a withdrawal or an end without a hire; purged afterwards, keeping only the fact. The rules themselves are
// tested by table in tests/unit/case-disclosure.test.ts.

const db = useTestDatabase()
const DAY = 86_400_000

let employer: { user: User; organisationId: string }
/** A second active member of the employer's organisation, who did not open the cases. */
let colleagueOfEmployer: User
let otherEmployer: { user: User; organisationId: string }
let opening: Opening
let responsible: User
let colleague: User
let teamLead: User
let elsewhere: User
let leadElsewhere: User

type Identity = { firstName: string; lastName: string; phone: string; email: string }
let serial = 0

async function syncIndex(): Promise<void> {
  for (let pass = 0; pass < 10; pass += 1) {
    if ((await processSearchOutbox(db.sql, getSearchBackend(), { today })).claimed === 0) return
  }
}

/** A new candidate of the responsible specialist with a name, phone and e-mail, and the employer's interest in them. */
async function newCase(): Promise<{ caseId: string; candidateId: string; identity: Identity }> {
  serial += 1
  const candidateId = await createVisibleCandidate(db.sql, responsible)
  const candidate = (await findCandidate(db.sql, candidateId))!
  const identity = {
    firstName: 'Sunniva',
    lastName: `Deleberg${'x'.repeat(serial)}`,
    phone: `9${String(1_000_000 + serial * 7919).padStart(7, '0')}`,
    email: `sunniva.${serial}@kandidat.example`,
  }
  const current = (await db.sql<{ nationalId: string }[]>`select national_id as "nationalId" from candidate_identities where candidate_id = ${candidateId}`)[0]!
  expect(await changeIdentity(responsible, candidate, { ...identity, nationalId: current.nationalId })).toBe('saved')
  await syncIndex()
  const outcome = await markEmployerInterest(employer.user, opening, candidateId, '')
  if (outcome.status === 'not-visible') throw new Error('The new candidate is not visible')
  return { caseId: outcome.case.id, candidateId, identity }
}

/** Moves the case as the responsible specialist (or the employer, for the steps that are theirs too). */
async function move(caseId: string, ...actions: ([string, string] | string)[]): Promise<void> {
  for (const step of actions) {
    const [action, reason] = Array.isArray(step) ? step : [step, '']
    const current = (await findCase(db.sql, caseId))!
    const moved = await moveCaseAs(responsible, 'staff', { caseId, version: current.version, action: action as never, reason })
    if (!moved.ok) throw new Error(`${action}: ${moved.message}`)
  }
}

const toYes = ['acknowledge', 'askCandidate', 'candidateSaidYes']

async function caseAtYes() {
  const created = await newCase()
  await move(created.caseId, ...toYes)
  return created
}

async function count(action: string, caseId: string, actorUserId?: string): Promise<number> {
  const [row] = await db.sql<{ count: number }[]>`
    select count(*)::int as count from audit_log
    where action = ${action} and (subject_id = ${caseId} or details ->> 'caseId' = ${caseId})
      ${actorUserId ? db.sql`and actor_user_id = ${actorUserId}` : db.sql``}`
  return row!.count
}

async function identitySharedNotices(caseId: string): Promise<{ userId: string }[]> {
  return db.sql<{ userId: string }[]>`
    select user_id as "userId" from notifications where case_id = ${caseId} and kind = 'identity_shared' order by user_id`
}

async function storedDisclosures(caseId: string) {
  return db.sql<
    { fields: string[]; firstName: string | null; lastName: string | null; phone: string | null; email: string | null; purgedAt: Date | null; purgeReason: string | null; revokedAt: Date | null; endedAt: Date | null }[]
  >`
    select fields, first_name as "firstName", last_name as "lastName", phone, email, purged_at as "purgedAt",
           purge_reason as "purgeReason", revoked_at as "revokedAt", ended_at as "endedAt"
    from case_disclosures where case_id = ${caseId} order by shared_at`
}


async function contactPage(user: User, caseId: string) {
  const response = await get(contactLoader, user, `/arbeidsgiver/saker/${caseId}/kontakt`, { caseId })
  return { status: response.status, text: response.status === 200 ? await response.text() : '', response }
}

beforeAll(async () => {
  resetSearchBackend()
  const officeId = (await insertOffice(db.sql, { name: 'NAV Deling', countyNumber: '03' }))!
  const teamId = (await insertTeam(db.sql, { officeId, name: 'IPS' }))!
  responsible = await createStaffUser(db.sql, { name: 'Kari Ansvarlig', roles: ['specialist'], officeId, teamId })
  colleague = await createStaffUser(db.sql, { name: 'Ola Kollega', roles: ['specialist'], officeId, teamId })
  teamLead = await createStaffUser(db.sql, { name: 'Lise Leder', roles: ['team_lead'], officeId, teamId })
  const otherOffice = (await insertOffice(db.sql, { name: 'NAV Et annet sted', countyNumber: '03' }))!
  elsewhere = await createStaffUser(db.sql, { roles: ['specialist'], officeId: otherOffice })
  leadElsewhere = await createStaffUser(db.sql, { roles: ['team_lead'], officeId: otherOffice })
  employer = await newEmployerWithOrganisation(db.sql)
  const colleagueId = await insertUser(db.sql, { email: newEmail('kollega'), name: 'Per Arbeidsgiver', accountType: 'employer', passwordHash: null })
  await insertMembership(db.sql, { organisationId: employer.organisationId, userId: colleagueId, status: 'active' })
  colleagueOfEmployer = (await findUserById(db.sql, colleagueId))!
  otherEmployer = await newEmployerWithOrganisation(db.sql)
  for (const user of [employer.user, colleagueOfEmployer, otherEmployer.user]) await acceptEmployerTerms(user)
  opening = await createPublishedOpening(db.sql, employer)
})

describe('who may share, and when', () => {
  it('is refused before the candidate has said yes, and after a no', async () => {
    const { caseId } = await newCase()
    expect(await shareIdentity(responsible, caseId, ['name'])).toMatchObject({ status: 'refused' })
    await move(caseId, 'acknowledge')
    expect(await shareIdentity(responsible, caseId, ['name'])).toMatchObject({ status: 'refused' })
    await move(caseId, 'askCandidate')
    expect(await shareIdentity(responsible, caseId, ['name', 'phone'])).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/kandidaten har sagt ja/),
    })
    await move(caseId, ['candidateSaidNo', 'Vil heller jobbe i butikk.'])
    expect(await shareIdentity(responsible, caseId, ['name'])).toMatchObject({ status: 'refused' })
    expect(await storedDisclosures(caseId)).toEqual([])
    expect(await count('case.disclosure.shared', caseId)).toBe(0)
    expect(await identitySharedNotices(caseId)).toEqual([])
  })

  it('is refused for a colleague who does not hold the case, and is 404 for staff at another office', async () => {
    const { caseId } = await caseAtYes()
    expect(await shareIdentity(colleague, caseId, ['name'])).toEqual({
      status: 'refused',
      message: 'Bare den som har saken, eller teamlederen, kan dele kontaktopplysninger.',
    })
    for (const stranger of [elsewhere, leadElsewhere]) {
      await expect(shareIdentity(stranger, caseId, ['name'])).rejects.toMatchObject({ status: 404 })
    }
    // Not staff at all.
    await expect(shareIdentity(employer.user, caseId, ['name'])).rejects.toMatchObject({ status: 403 })
    expect(await storedDisclosures(caseId)).toEqual([])

    // The page refuses the same way, and the colleague reads no identity on it.
    const before = await count('candidate.identity.viewed', caseId)
    const page = await get(sharingLoader, colleague, `/ansatt/saker/${caseId}/deling`, { caseId })
    expect(page.status).toBe(200)
    const data = await page.json()
    expect(data).toMatchObject({ identity: null, sharedDetails: null, sharing: { ok: false } })
    expect(JSON.stringify(data)).not.toContain('Deleberg')
    expect(await count('candidate.identity.viewed', caseId)).toBe(before)
    const posted = await post(sharingAction, colleague, `/ansatt/saker/${caseId}/deling`, [['intent', 'share'], ['fields', 'name'], ['confirmed', 'ja']], { params: { caseId } })
    expect(posted.status).toBe(409)
    expect((await get(sharingLoader, elsewhere, `/ansatt/saker/${caseId}/deling`, { caseId })).status).toBe(404)
    expect(await storedDisclosures(caseId)).toEqual([])
  })

  it('is allowed for the team lead at the case\'s office, and refuses a field the candidate has no value for', async () => {
    const { caseId, candidateId, identity } = await caseAtYes()
    const candidate = (await findCandidate(db.sql, candidateId))!
    const [stored] = await db.sql<{ nationalId: string }[]>`select national_id as "nationalId" from candidate_identities where candidate_id = ${candidateId}`
    await changeIdentity(responsible, candidate, { ...identity, email: '', nationalId: stored!.nationalId })
    expect(await shareIdentity(teamLead, caseId, ['name', 'email'])).toMatchObject({ status: 'refused', message: expect.stringMatching(/e-post/) })
    expect(await shareIdentity(teamLead, caseId, [])).toMatchObject({ status: 'refused' })
    // Only name, phone and e-mail can be shared, whatever is posted.
    expect(await shareIdentity(teamLead, caseId, ['nationalId', 'address'])).toMatchObject({ status: 'refused' })
    expect(await shareIdentity(teamLead, caseId, ['name', 'nationalId'])).toMatchObject({ status: 'shared' })
    expect(await storedDisclosures(caseId)).toEqual([
      expect.objectContaining({ fields: ['name'], firstName: 'Sunniva', lastName: identity.lastName, phone: null, email: null }),
    ])
  })
})

describe('sharing, as the specialist does it on the case page', () => {
  it('reads the identity with an audit entry, shares what was chosen, and tells the employer once however often it is posted', async () => {
    const { caseId, identity } = await caseAtYes()
    const path = `/ansatt/saker/${caseId}/deling`

    const viewsBefore = await count('candidate.identity.viewed', caseId, responsible.id)
    const page = await get(sharingLoader, responsible, path, { caseId })
    expect(page.status).toBe(200)
    expect(page.headers.get('Cache-Control')).toMatch(/no-store/)
    const data = await page.json()
    expect(data.identity).toEqual(identity)
    expect(JSON.stringify(data)).not.toMatch(/nationalId/)
    expect(await count('candidate.identity.viewed', caseId, responsible.id)).toBe(viewsBefore + 1)
    const [viewed] = await db.sql<{ details: Record<string, string> }[]>`
      select details from audit_log where action = 'candidate.identity.viewed' and details ->> 'caseId' = ${caseId} order by id desc limit 1`
    expect(viewed!.details).toMatchObject({ reason: 'deling' })

    // Without the confirmation nothing is shared.
    const unconfirmed = await post(sharingAction, responsible, path, [['intent', 'share'], ['fields', 'name']], { params: { caseId } })
    expect(unconfirmed.status).toBe(400)
    expect(await storedDisclosures(caseId)).toEqual([])

    // A double submit: the same form twice in a row, then twice at once.
    const form: [string, string][] = [['intent', 'share'], ['fields', 'name'], ['fields', 'phone'], ['confirmed', 'ja']]
    const first = await post(sharingAction, responsible, path, form, { params: { caseId } })
    expect(first.status).toBe(302)
    expect(first.headers.get('Location')).toBe(`${path}?melding=delt`)
    const second = await post(sharingAction, responsible, path, form, { params: { caseId } })
    expect(second.headers.get('Location')).toBe(`${path}?melding=allerede-delt`)
    const atOnce = await Promise.all([shareIdentity(responsible, caseId, ['name', 'phone']), shareIdentity(teamLead, caseId, ['name'])])
    expect(atOnce.map((outcome) => outcome.status)).toEqual(['already-shared', 'already-shared'])

    expect(await storedDisclosures(caseId)).toEqual([
      expect.objectContaining({ fields: ['name', 'phone'], firstName: identity.firstName, lastName: identity.lastName, phone: identity.phone, email: null, purgedAt: null }),
    ])
    expect(await count('case.disclosure.shared', caseId, responsible.id)).toBe(1)
    // The employer who opened the case hears of it, once; their colleague does not (the case is the creator's).
    expect(await identitySharedNotices(caseId)).toEqual([{ userId: employer.user.id }])
    const [notice] = await db.sql<{ link: string; idempotencyKey: string }[]>`
      select link, idempotency_key as "idempotencyKey" from notifications where case_id = ${caseId} and kind = 'identity_shared'`
    expect(notice!.link).toBe(`/arbeidsgiver/saker/${caseId}`)
    expect(notice!.idempotencyKey).toMatch(new RegExp(`^identity_shared:case:${caseId}:disclosure:[0-9a-f-]{36}:${employer.user.id}$`))
    // The notice (and its e-mail) carries no personal data.
    const [mail] = await db.sql<{ params: unknown }[]>`select params from email_outbox where idempotency_key = ${notice!.idempotencyKey}`
    expect(JSON.stringify(mail?.params ?? {})).not.toMatch(/Sunniva|Deleberg|kandidat\.example/)
    expect(JSON.stringify(mail?.params ?? {})).not.toContain(identity.phone)

    // The staff case page says what is shared and until when, without the values.
    const staffPage = await (await get(staffCaseLoader, responsible, `/ansatt/saker/${caseId}`, { caseId })).json()
    expect(staffPage.disclosure.current).toMatchObject({ fields: ['name', 'phone'], visible: true })
    expect(JSON.stringify(staffPage)).not.toContain('Deleberg')

    // The sharing page shows what was given (an identity read, audited again).
    const again = await (await get(sharingLoader, responsible, path, { caseId })).json()
    expect(again.sharedDetails.map((detail: { value: string }) => detail.value)).toEqual([`${identity.firstName} ${identity.lastName}`, identity.phone])
    expect(await count('candidate.identity.viewed', caseId, responsible.id)).toBe(viewsBefore + 2)
  })

  it('two submits at once, before anything is shared: one sharing, one notice', async () => {
    const { caseId } = await caseAtYes()
    const outcomes = await Promise.all([
      shareIdentity(responsible, caseId, ['name']),
      shareIdentity(responsible, caseId, ['name']),
      shareIdentity(teamLead, caseId, ['name', 'phone']),
    ])
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['already-shared', 'already-shared', 'shared'])
    expect(new Set(outcomes.map((outcome) => 'disclosureId' in outcome && outcome.disclosureId)).size).toBe(1)
    expect(await storedDisclosures(caseId)).toHaveLength(1)
    expect(await count('case.disclosure.shared', caseId)).toBe(1)
    expect(await identitySharedNotices(caseId)).toEqual([{ userId: employer.user.id }])
  })

  it('notifies the organisation\'s active members when the employer who opened the case has left it', async () => {
    const { caseId } = await caseAtYes()
    await db.sql`delete from organisation_memberships where organisation_id = ${employer.organisationId} and user_id = ${employer.user.id}`
    try {
      expect(await shareIdentity(responsible, caseId, ['name'])).toMatchObject({ status: 'shared' })
      expect(await identitySharedNotices(caseId)).toEqual([{ userId: colleagueOfEmployer.id }])
    } finally {
      await insertMembership(db.sql, { organisationId: employer.organisationId, userId: employer.user.id, status: 'active' })
    }
  })
})

describe('what the employer sees', () => {
  it('shows the shared details to that case\'s employer only, and logs every view', async () => {
    const { caseId, identity } = await caseAtYes()
    const shared = await shareIdentity(responsible, caseId, ['name', 'email'])
    expect(shared.status).toBe('shared')

    // The case page says that details are shared and until when, without them.
    const casePage = await get(employerCaseLoader, employer.user, `/arbeidsgiver/saker/${caseId}`, { caseId })
    const caseData = await casePage.json()
    expect(caseData.disclosure).toMatchObject({ fields: ['name', 'email'] })
    expect(caseData.disclosure.expiresAt).toBe((shared as { expiresAt: Date }).expiresAt.toISOString())
    expect(JSON.stringify(caseData)).not.toMatch(/Deleberg|kandidat\.example/)

    const viewsBefore = await count('case.disclosure.viewed', caseId)
    const first = await contactPage(employer.user, caseId)
    expect(first.status).toBe(200)
    expect(first.response.headers.get('Cache-Control')).toMatch(/no-store/)
    expect(first.text).toContain(`${identity.firstName} ${identity.lastName}`)
    expect(first.text).toContain(identity.email)
    // What was not chosen is not there.
    expect(first.text).not.toContain(identity.phone)
    expect(await count('case.disclosure.viewed', caseId, employer.user.id)).toBe(viewsBefore + 1)
    await contactPage(employer.user, caseId)
    // A colleague in the same organisation may see them too; every view is a row of its own.
    expect((await contactPage(colleagueOfEmployer, caseId)).text).toContain(identity.email)
    expect(await count('case.disclosure.viewed', caseId)).toBe(viewsBefore + 3)
    expect(await count('case.disclosure.viewed', caseId, colleagueOfEmployer.id)).toBe(1)

    // Another organisation's employer: 404, nothing read, nothing logged for them.
    const stranger = await contactPage(otherEmployer.user, caseId)
    expect(stranger.status).toBe(404)
    await expect(viewDisclosureAsEmployer(otherEmployer.user, caseId)).rejects.toMatchObject({ status: 404 })
    expect((await get(employerCaseLoader, otherEmployer.user, `/arbeidsgiver/saker/${caseId}`, { caseId })).status).toBe(404)
    // Staff never get the employer's view.
    expect((await contactPage(responsible, caseId)).status).toBe(403)
    expect(await count('case.disclosure.viewed', caseId)).toBe(viewsBefore + 3)
  })

  it('shows nothing after six months, and a hired candidate\'s details until then', async () => {
    const { caseId, identity } = await caseAtYes()
    const shared = await shareIdentity(responsible, caseId, ['name', 'phone'])
    if (shared.status !== 'shared') throw new Error(shared.status)
    await move(caseId, 'agreeMeeting', ['hire', 'Fast stilling, 60 %'])
    expect(shared.expiresAt.getTime()).toBe(disclosureExpiry((await storedSharedAt(caseId))).getTime())
    const justBefore = new Date(shared.expiresAt.getTime() - 60_000)
    expect(await viewDisclosureAsEmployer(employer.user, caseId, justBefore)).toMatchObject({
      details: [
        { field: 'name', value: `${identity.firstName} ${identity.lastName}` },
        { field: 'phone', value: identity.phone },
      ],
    })
    const viewsBefore = await count('case.disclosure.viewed', caseId)
    for (const later of [shared.expiresAt, new Date(shared.expiresAt.getTime() + 30 * DAY)]) {
      expect(await viewDisclosureAsEmployer(employer.user, caseId, later)).toBeNull()
      const found = (await findCase(db.sql, caseId))!
      expect(await disclosureNoticeForEmployer(found, later)).toBeNull()
    }
    // Nothing shown is nothing viewed.
    expect(await count('case.disclosure.viewed', caseId)).toBe(viewsBefore)
  })

  it.each([
    ['the candidate and employer end it without a hire', ['agreeMeeting', ['endWithoutHire', 'Passet ikke likevel.']]],
    ['NAV withdraws the case', [['withdraw', 'Kandidaten flyttet.']]],
  ] as const)('shows nothing once %s, and the purge deletes the values', async (_name, steps) => {
    const { caseId, identity } = await caseAtYes()
    expect(await shareIdentity(responsible, caseId, ['name', 'phone', 'email'])).toMatchObject({ status: 'shared' })
    expect((await contactPage(employer.user, caseId)).text).toContain(identity.phone)
    await move(caseId, ...(steps as unknown as ([string, string] | string)[]))

    const viewsBefore = await count('case.disclosure.viewed', caseId)
    const page = await contactPage(employer.user, caseId)
    expect(page.status).toBe(200)
    expect(JSON.parse(page.text)).toEqual({ caseId, view: null })
    const caseData = await (await get(employerCaseLoader, employer.user, `/arbeidsgiver/saker/${caseId}`, { caseId })).json()
    expect(caseData.disclosure).toBeNull()
    expect(await count('case.disclosure.viewed', caseId)).toBe(viewsBefore)
    // Nor can it be shared again.
    expect(await shareIdentity(responsible, caseId, ['name'])).toMatchObject({ status: 'refused' })

    expect(await purgeExpiredDisclosures(db.sql, new Date())).toBeGreaterThanOrEqual(1)
    const [stored] = await storedDisclosures(caseId)
    expect(stored).toMatchObject({ fields: ['name', 'phone', 'email'], firstName: null, lastName: null, phone: null, email: null, purgeReason: 'case_ended' })
    expect(stored!.purgedAt).toBeInstanceOf(Date)
    // When the case ended, from its history.
    const [ended] = await db.sql<{ at: Date }[]>`select max(at) as at from case_events where case_id = ${caseId}`
    expect(stored!.endedAt?.getTime()).toBe(ended!.at.getTime())
    expect(await count('case.disclosure.purged', caseId)).toBe(1)
  })
})

async function storedSharedAt(caseId: string): Promise<Date> {
  const [row] = await db.sql<{ sharedAt: Date }[]>`select shared_at as "sharedAt" from case_disclosures where case_id = ${caseId} order by shared_at desc limit 1`
  return row!.sharedAt
}

describe('withdrawing and purging', () => {
  it('withdrawing hides and deletes at once; sharing again is a new sharing with its own notice', async () => {
    const { caseId, candidateId, identity } = await caseAtYes()
    const first = await shareIdentity(responsible, caseId, ['name', 'phone'])
    if (first.status !== 'shared') throw new Error(first.status)
    expect(await withdrawDisclosure(colleague, caseId, first.disclosureId)).toMatchObject({ status: 'refused' })
    await expect(withdrawDisclosure(elsewhere, caseId, first.disclosureId)).rejects.toMatchObject({ status: 404 })

    const path = `/ansatt/saker/${caseId}/deling`
    const withdrawn = await post(sharingAction, responsible, path, [['intent', 'withdraw'], ['disclosureId', first.disclosureId]], { params: { caseId } })
    expect(withdrawn.headers.get('Location')).toBe(`${path}?melding=trukket`)
    expect(await withdrawDisclosure(responsible, caseId, first.disclosureId)).toEqual({ status: 'already-withdrawn' })
    expect(await viewDisclosureAsEmployer(employer.user, caseId)).toBeNull()
    expect(await storedDisclosures(caseId)).toEqual([
      expect.objectContaining({ fields: ['name', 'phone'], firstName: null, phone: null, purgeReason: 'revoked', revokedAt: expect.any(Date) }),
    ])
    expect(await count('case.disclosure.withdrawn', caseId, responsible.id)).toBe(1)

    // The candidate's new phone number reaches the employer only by sharing again (the sharing is a snapshot).
    const candidate = (await findCandidate(db.sql, candidateId))!
    const [stored] = await db.sql<{ nationalId: string }[]>`select national_id as "nationalId" from candidate_identities where candidate_id = ${candidateId}`
    const second = await shareIdentity(responsible, caseId, ['phone'])
    if (second.status !== 'shared') throw new Error(second.status)
    expect(second.disclosureId).not.toBe(first.disclosureId)
    await changeIdentity(responsible, candidate, { ...identity, phone: '40000000', nationalId: stored!.nationalId })
    const seen = await viewDisclosureAsEmployer(employer.user, caseId)
    expect(seen?.details).toEqual([{ field: 'phone', label: 'Telefon', value: identity.phone }])
    expect(await identitySharedNotices(caseId)).toEqual([{ userId: employer.user.id }, { userId: employer.user.id }])
  })

  it('purges what is no longer visible, keeps the rest, and counts each once', async () => {
    const running = await caseAtYes()
    const expiring = await caseAtYes()
    const sharedAt = new Date(Date.now() - 200 * DAY)
    // Shared long ago (passing `now`), so six months have passed today.
    expect(await shareIdentity(responsible, expiring.caseId, ['name'], { now: sharedAt })).toMatchObject({ status: 'shared' })
    expect(await shareIdentity(responsible, running.caseId, ['name', 'phone'])).toMatchObject({ status: 'shared' })
    expect(await viewDisclosureAsEmployer(employer.user, expiring.caseId)).toBeNull()

    const now = new Date()
    const purged = await purgeExpiredDisclosures(db.sql, now)
    expect(purged).toBeGreaterThanOrEqual(1)
    expect(await storedDisclosures(expiring.caseId)).toEqual([
      expect.objectContaining({ fields: ['name'], firstName: null, lastName: null, purgedAt: now, purgeReason: 'expired', endedAt: null }),
    ])
    expect(await storedDisclosures(running.caseId)).toEqual([expect.objectContaining({ firstName: 'Sunniva', phone: running.identity.phone, purgedAt: null })])
    expect(await viewDisclosureAsEmployer(employer.user, running.caseId)).not.toBeNull()
    // Run again (say by a second process): nothing left to do.
    expect(await purgeExpiredDisclosures(db.sql, now)).toBe(0)
    expect(await count('case.disclosure.purged', expiring.caseId)).toBe(1)

    // A clock behind the one that shared deletes nothing.
    expect(await purgeExpiredDisclosures(db.sql, new Date(now.getTime() - 3_600_000))).toBe(0)
    expect(await storedDisclosures(running.caseId)).toEqual([expect.objectContaining({ purgedAt: null })])

    // Once six months have passed for it too, it goes, and sharing can start again after an expiry.
    const later = new Date(now.getTime() + 190 * DAY)
    expect(await purgeExpiredDisclosures(db.sql, later)).toBeGreaterThanOrEqual(1)
    expect(await storedDisclosures(running.caseId)).toEqual([expect.objectContaining({ phone: null, purgeReason: 'expired' })])
    expect(await shareIdentity(responsible, expiring.caseId, ['name'])).toMatchObject({ status: 'shared' })
  })

  it('an expired sharing not yet purged does not block a new one: it is purged first', async () => {
    const { caseId } = await caseAtYes()
    expect(await shareIdentity(responsible, caseId, ['name'], { now: new Date(Date.now() - 190 * DAY) })).toMatchObject({ status: 'shared' })
    const view = await sharingViewForStaff(responsible, (await findCase(db.sql, caseId))!)
    expect(view.current).toBeNull()
    expect(view.identity).not.toBeNull()
    expect(await shareIdentity(responsible, caseId, ['phone'])).toMatchObject({ status: 'shared' })
    expect((await storedDisclosures(caseId)).map((row) => [row.fields, row.purgeReason])).toEqual([
      [['name'], 'expired'],
      [['phone'], null],
    ])
  })
})

describe('the table', () => {
  it('refuses values for fields that were not chosen, values after a purge, and more than six months', async () => {
    const { caseId } = await caseAtYes()
    type Row = { fields: string[]; first_name: string | null; last_name: string | null; phone: string | null; expires_at: Date; purged_at: Date | null; purge_reason: string | null }
    const insert = (overrides: Partial<Row>) => {
      const row: Row = { fields: ['name'], first_name: 'A', last_name: 'B', phone: null, expires_at: new Date('2026-07-01T00:00:00Z'), purged_at: null, purge_reason: null, ...overrides }
      return db.sql`
        insert into case_disclosures (case_id, fields, first_name, last_name, phone, shared_by_user_id, shared_at, expires_at, purged_at, purge_reason)
        values (${caseId}, ${db.sql.array(row.fields)}::text[], ${row.first_name}, ${row.last_name}, ${row.phone}, ${responsible.id},
          ${new Date('2026-01-01T00:00:00Z')}, ${row.expires_at}, ${row.purged_at}, ${row.purge_reason})`
    }
    // The row as the module writes it is accepted (and removed again).
    await insert({})
    await db.sql`delete from case_disclosures where case_id = ${caseId}`
    await expect(insert({ phone: '12345678' })).rejects.toThrow(/check/)
    await expect(insert({ fields: ['name', 'nationalId'] })).rejects.toThrow(/check/)
    await expect(insert({ fields: [] })).rejects.toThrow(/check/)
    await expect(insert({ purged_at: new Date(), purge_reason: 'expired' })).rejects.toThrow(/check/)
    await expect(insert({ first_name: null, last_name: null, purged_at: new Date(), purge_reason: 'whatever' })).rejects.toThrow(/check/)
    await expect(insert({ expires_at: new Date('2026-07-05T00:00:00Z') })).rejects.toThrow(/check/)
    await expect(insert({ last_name: null })).rejects.toThrow(/check/)
    expect(await storedDisclosures(caseId)).toEqual([])
  })
})
