import { beforeAll, describe, expect, it } from 'vitest'
import { shareIdentity } from '~/modules/case-disclosure.server'
import { changeIdentity, createCandidate } from '~/modules/candidates.server'
import { moveCaseAs } from '~/modules/cases.server'
import { markEmployerInterest } from '~/modules/matching.server'
import { acceptEmployerTerms } from '~/modules/organisations.server'
import { loader as exportLoader } from '~/routes/ansatt.kandidater.$candidateId.eksport[.]json'
import { action as rightsAction, loader as rightsLoader } from '~/routes/ansatt.kandidater.$candidateId.personvern'
import { loader as candidateLoader } from '~/routes/ansatt.kandidater.$candidateId._index'
import { findCandidate } from '../../prisma-free-sql/queries/candidates'
import { findCase } from '../../prisma-free-sql/queries/cases'
import { enqueueEmail } from '../../prisma-free-sql/queries/email-outbox'
import { insertOffice, insertTeam } from '../../prisma-free-sql/queries/offices'
import type { Opening } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { getSearchBackend, resetSearchBackend } from '../../search-index/backends'
import { processSearchOutbox } from '../../search-index/sync'
import { randomSyntheticNationalId } from '../../scripts/synthetic-national-id'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { createStaffUser } from '../support/fixtures'
import { createPublishedOpening, createVisibleCandidate, today } from '../support/matching-fixtures'
import { getRoute as get, postRoute as post } from '../support/route-requests'

// The candidate's rights on the personvern page: an export of everything (audited, for the staff who may see the
// identity) and deletion on request (only the responsible specialist or a team lead), cascading to the search
// backend, the e-mail outbox, shared details, cases and interest, with the audit log keeping only that things happened.
// The search backend is the real PostgreSQL one (no MEILISEARCH_URL in tests), reached through the real sync.

const db = useTestDatabase()

let responsible: User
let colleague: User
let teamLead: User
let elsewhere: User
let employer: { user: User; organisationId: string }
let opening: Opening
let serial = 0

type Identity = { firstName: string; lastName: string; nationalId: string; phone: string; email: string }

async function syncIndex(): Promise<void> {
  for (let pass = 0; pass < 10; pass += 1) {
    if ((await processSearchOutbox(db.sql, getSearchBackend(), { today })).claimed === 0) return
  }
}

/**
 * A visible candidate of the responsible specialist with a name of their own, in the index, with the employer's
 * interest turned into a case where the candidate said yes and the name and phone were shared; a trial agreement, a
 * matching-meeting entry, an employer contact about them and e-mails about the case in the outbox.
 */
async function candidateWithEverything(): Promise<{ candidateId: string; caseId: string; identity: Identity }> {
  serial += 1
  const candidateId = await createVisibleCandidate(db.sql, responsible)
  const candidate = (await findCandidate(db.sql, candidateId))!
  const identity = {
    firstName: 'Ragnhild',
    lastName: `Slettebakk${'q'.repeat(serial)}`,
    nationalId: randomSyntheticNationalId(),
    phone: `9${String(2_000_000 + serial * 104_729).padStart(7, '0')}`,
    email: `ragnhild.${serial}@kandidat.example`,
  }
  expect(await changeIdentity(responsible, candidate, identity)).toBe('saved')
  await syncIndex()
  const outcome = await markEmployerInterest(employer.user, opening, candidateId, 'Vi trenger noen på lageret.')
  if (outcome.status === 'not-visible') throw new Error('The new candidate is not visible')
  const caseId = outcome.case.id
  for (const action of ['acknowledge', 'askCandidate', 'candidateSaidYes'] as const) {
    const current = (await findCase(db.sql, caseId))!
    const moved = await moveCaseAs(responsible, 'staff', { caseId, version: current.version, action, reason: '' })
    if (!moved.ok) throw new Error(moved.message)
  }
  expect(await shareIdentity(responsible, caseId, ['name', 'phone'])).toMatchObject({ status: 'shared' })
  await db.sql`
    insert into trial_agreements (case_id, goals, start_date, end_date, employer_contact_name, created_by_user_id, updated_by_user_id)
    values (${caseId}, 'Lære varemottak', ${today}, ${today}::date + 60, 'Per Lagersjef', ${responsible.id}, ${responsible.id})`
  await db.sql`insert into trial_meeting_points (case_id, meets_on, note) values (${caseId}, ${today}::date + 30, 'Midtveis')`
  const [meeting] = await db.sql<{ id: string }[]>`
    insert into matching_meetings (title, meets_on, starts_at, county_number, created_by_user_id)
    values ('Matchemøte Oslo', ${today}, '09:00', '03', ${responsible.id}) returning id`
  await db.sql`insert into matching_meeting_candidates (meeting_id, candidate_id, added_by_user_id) values (${meeting!.id}, ${candidateId}, ${responsible.id})`
  await db.sql`
    insert into matching_meeting_minutes (meeting_id, candidate_id, decision, recorded_by_user_id)
    values (${meeting!.id}, ${candidateId}, 'Presenteres for lageret neste uke', ${responsible.id})`
  await db.sql`
    insert into employer_contacts (organisation_id, staff_user_id, kind, contacted_at, summary, candidate_id)
    values (${employer.organisationId}, ${responsible.id}, 'phone', now(), 'Snakket om en kandidat til lageret', ${candidateId})`
  return { candidateId, caseId, identity }
}

async function auditRows(candidateId: string, caseId: string) {
  return db.sql<{ id: string; action: string; actorUserId: string | null; details: Record<string, unknown>; scrubbedAt: Date | null; occurredAt: Date }[]>`
    select id::text, action, actor_user_id as "actorUserId", details, scrubbed_at as "scrubbedAt", occurred_at as "occurredAt" from audit_log
    where (subject_type = 'candidate' and subject_id = ${candidateId}) or (subject_type = 'case' and subject_id = ${caseId})
       or details ->> 'candidateId' = ${candidateId} or details ->> 'caseId' = ${caseId}
    order by id`
}

async function count(query: Promise<{ n: number }[]>): Promise<number> {
  return (await query)[0]!.n
}

beforeAll(async () => {
  resetSearchBackend()
  const officeId = (await insertOffice(db.sql, { name: 'NAV Personvern', countyNumber: '03' }))!
  const teamId = (await insertTeam(db.sql, { officeId, name: 'IPS' }))!
  responsible = await createStaffUser(db.sql, { name: 'Kari Ansvarlig', roles: ['specialist'], officeId, teamId })
  colleague = await createStaffUser(db.sql, { name: 'Ola Kollega', roles: ['specialist'], officeId, teamId })
  teamLead = await createStaffUser(db.sql, { name: 'Lise Leder', roles: ['team_lead'], officeId, teamId })
  const otherOffice = (await insertOffice(db.sql, { name: 'NAV Et annet sted', countyNumber: '03' }))!
  elsewhere = await createStaffUser(db.sql, { roles: ['specialist', 'team_lead'], officeId: otherOffice })
  employer = await newEmployerWithOrganisation(db.sql)
  await acceptEmployerTerms(employer.user)
  opening = await createPublishedOpening(db.sql, employer)
})

describe('the export', () => {
  it('holds everything about the candidate, is a no-store attachment, and every download is audited', async () => {
    const { candidateId, caseId, identity } = await candidateWithEverything()
    const path = `/ansatt/kandidater/${candidateId}/eksport.json`
    const exportsBefore = await count(db.sql`select count(*)::int as n from audit_log where action = 'candidate.exported' and subject_id = ${candidateId}`)

    const response = await get(exportLoader, colleague, path, { candidateId })
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="jobbsnekker-kandidat-[0-9A-F]{6}-\d{4}-\d{2}-\d{2}\.json"$/)
    expect(response.headers.get('Content-Disposition')).not.toContain('Slettebakk')
    expect(response.headers.get('Cache-Control')).toMatch(/no-store/)
    const document = await response.json()

    expect(document.format).toEqual({ name: 'jobbsnekker-kandidateksport', version: 1 })
    expect(document.candidate).toMatchObject({ id: candidateId, status: 'active', responsible: 'Kari Ansvarlig', office: 'NAV Personvern' })
    expect(document.identity).toMatchObject(identity)
    expect(document.profile).toMatchObject({ homeMunicipalityNumber: '0301', occupations: ['4321'] })
    expect(document.consents).toHaveLength(1)
    expect(document.history.map((event: { kind: string }) => event.kind)).toEqual(expect.arrayContaining(['created', 'profile_updated', 'consent_recorded', 'identity_updated']))
    expect(document.cases).toHaveLength(1)
    const [exportedCase] = document.cases
    expect(exportedCase).toMatchObject({ id: caseId, status: 'candidate_yes', openingTitle: 'Lagerhjelp', employerMessage: 'Vi trenger noen på lageret.' })
    expect(exportedCase.events.map((event: { action: string }) => event.action)).toEqual(expect.arrayContaining(['acknowledge', 'askCandidate', 'candidateSaidYes']))
    expect(exportedCase.disclosures).toEqual([
      expect.objectContaining({ fields: ['name', 'phone'], firstName: 'Ragnhild', lastName: identity.lastName, phone: identity.phone, email: null, sharedByName: 'Kari Ansvarlig' }),
    ])
    expect(exportedCase.trialAgreement).toMatchObject({ goals: 'Lære varemottak', employerContactName: 'Per Lagersjef', meetingPoints: [expect.objectContaining({ note: 'Midtveis' })] })
    expect(document.interest).toEqual([expect.objectContaining({ openingId: opening.id, message: 'Vi trenger noen på lageret.' })])
    expect(document.matchingMeetings).toEqual([
      expect.objectContaining({ title: 'Matchemøte Oslo', minutes: [expect.objectContaining({ decision: 'Presenteres for lageret neste uke' })] }),
    ])
    expect(document.employerContacts).toEqual([expect.objectContaining({ summary: 'Snakket om en kandidat til lageret', kind: 'phone' })])
    expect(document.notices.map((notice: { kind: string }) => notice.kind)).toEqual(expect.arrayContaining(['case_new', 'identity_shared']))
    expect(document.emails.length).toBeGreaterThan(0)
    expect(document.auditEntries.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(['candidate.created', 'case.opened', 'case.disclosure.shared', 'candidate.exported']),
    )

    const [audited] = await db.sql<{ actorUserId: string; details: Record<string, string> }[]>`
      select actor_user_id as "actorUserId", details from audit_log where action = 'candidate.exported' and subject_id = ${candidateId} order by id desc limit 1`
    expect(audited).toEqual({ actorUserId: colleague.id, details: { reason: 'innsyn', format: 'json' } })
    await get(exportLoader, responsible, path, { candidateId })
    expect(await count(db.sql`select count(*)::int as n from audit_log where action = 'candidate.exported' and subject_id = ${candidateId}`)).toBe(exportsBefore + 2)
  })

  it('is 404 for staff at another office, 403 for an employer, and neither is audited', async () => {
    const { candidateId } = await candidateWithEverything()
    const path = `/ansatt/kandidater/${candidateId}/eksport.json`
    expect((await get(exportLoader, elsewhere, path, { candidateId })).status).toBe(404)
    expect((await get(exportLoader, employer.user, path, { candidateId })).status).toBe(403)
    expect((await get(exportLoader, responsible, '/ansatt/kandidater/ikke-en-id/eksport.json', { candidateId: 'ikke-en-id' })).status).toBe(404)
    expect(await count(db.sql`select count(*)::int as n from audit_log where action = 'candidate.exported' and subject_id = ${candidateId}`)).toBe(0)
  })
})

describe('the personvern page', () => {
  it('is linked from the candidate page and offers deletion only to the responsible specialist and the team lead', async () => {
    const { candidateId } = await candidateWithEverything()
    const path = `/ansatt/kandidater/${candidateId}/personvern`
    expect((await get(candidateLoader, responsible, `/ansatt/kandidater/${candidateId}`, { candidateId })).status).toBe(200)
    for (const [user, mayDelete] of [[responsible, true], [teamLead, true], [colleague, false]] as const) {
      const page = await get(rightsLoader, user, path, { candidateId })
      expect(page.status).toBe(200)
      expect(await page.json()).toMatchObject({ deleted: false, candidateId, mayDelete })
    }
    expect((await get(rightsLoader, elsewhere, path, { candidateId })).status).toBe(404)
    expect((await get(rightsLoader, employer.user, path, { candidateId })).status).toBe(403)
  })
})

describe('deletion on request', () => {
  it('is refused without the right person, name, reason or CSRF token, and then nothing is deleted', async () => {
    const { candidateId, identity } = await candidateWithEverything()
    const path = `/ansatt/kandidater/${candidateId}/personvern`
    const fullName = `${identity.firstName} ${identity.lastName}`
    const form = { intent: 'delete', reason: 'candidate_request', confirmName: fullName }
    const colleagueTry = await post(rightsAction, colleague, path, form, { params: { candidateId } })
    expect(colleagueTry.status).toBe(403)
    expect(await colleagueTry.json()).toMatchObject({ field: 'form', message: expect.stringMatching(/ansvarlig/) })
    expect((await post(rightsAction, elsewhere, path, form, { params: { candidateId } })).status).toBe(404)
    expect((await post(rightsAction, employer.user, path, form, { params: { candidateId } })).status).toBe(403)
    expect((await post(rightsAction, responsible, path, form, { params: { candidateId }, csrf: false })).status).toBe(403)

    const wrongName = await post(rightsAction, responsible, path, { ...form, confirmName: 'Ragnhild Feilnavn' }, { params: { candidateId } })
    expect(wrongName.status).toBe(400)
    expect(await wrongName.json()).toMatchObject({ field: 'confirmName', message: expect.stringMatching(/stemmer ikke/) })
    const noName = await post(rightsAction, responsible, path, { ...form, confirmName: '   ' }, { params: { candidateId } })
    expect(await noName.json()).toMatchObject({ field: 'confirmName' })
    const noReason = await post(rightsAction, responsible, path, { ...form, reason: 'fordi' }, { params: { candidateId } })
    expect(noReason.status).toBe(400)
    expect(await noReason.json()).toMatchObject({ field: 'reason' })
    const unknownIntent = await post(rightsAction, responsible, path, { ...form, intent: 'drop' }, { params: { candidateId } })
    expect(unknownIntent.status).toBe(400)
    const tooLong = await post(rightsAction, responsible, path, { ...form, confirmName: 'x'.repeat(400) }, { params: { candidateId } })
    expect(tooLong.status).toBe(400)

    expect(await findCandidate(db.sql, candidateId)).toBeDefined()
    expect(await count(db.sql`select count(*)::int as n from audit_log where action = 'candidate.deleted' and subject_id = ${candidateId}`)).toBe(0)
  })

  it('removes the candidate and everything about them, everywhere, and the audit log keeps only the facts', async () => {
    const { candidateId, caseId, identity } = await candidateWithEverything()
    const other = await candidateWithEverything()
    const path = `/ansatt/kandidater/${candidateId}/personvern`
    const backend = getSearchBackend()
    expect((await backend.candidateDocuments([candidateId])).has(candidateId)).toBe(true)

    // A digest held for the specialist with a notice about this case and one about another: only this one goes.
    const caseLink = `http://localhost:3000/ansatt/saker/${caseId}`
    const otherLink = `http://localhost:3000/ansatt/saker/${other.caseId}`
    await enqueueEmail(db.sql, {
      idempotencyKey: `daily_digest:${responsible.id}:test-${serial}`,
      recipientUserId: responsible.id,
      toAddress: responsible.email,
      template: 'daily_digest',
      params: { url: 'http://localhost:3000/varsler', items: [{ kind: 'case_new', url: caseLink }, { kind: 'case_new', url: otherLink }] },
    })
    const mentions = (id: string) => db.sql<{ n: number }[]>`
      select count(*)::int as n from email_outbox where idempotency_key like ${`%${id}%`} or params::text like ${`%${id}%`}`
    expect(await count(mentions(caseId))).toBeGreaterThan(1)
    const auditBefore = await auditRows(candidateId, caseId)
    expect(auditBefore.some((row) => Object.keys(row.details).length > 0)).toBe(true)

    // Typed with other spaces and case: still the same name.
    const response = await post(
      rightsAction,
      responsible,
      path,
      { intent: 'delete', reason: 'candidate_request', confirmName: `  ${identity.firstName.toUpperCase()}   ${identity.lastName.toLowerCase()} ` },
      { params: { candidateId } },
    )
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`${path}?melding=slettet`)

    // Gone from the database, with everything that hung on it.
    expect(await findCandidate(db.sql, candidateId)).toBeUndefined()
    for (const [table, column] of [
      ['candidate_identities', 'candidate_id'],
      ['candidate_profiles', 'candidate_id'],
      ['candidate_consents', 'candidate_id'],
      ['candidate_events', 'candidate_id'],
      ['match_interests', 'candidate_id'],
      ['match_exposures', 'candidate_id'],
      ['cases', 'candidate_id'],
      ['matching_meeting_candidates', 'candidate_id'],
      ['matching_meeting_minutes', 'candidate_id'],
      ['employer_contacts', 'candidate_id'],
    ] as const) {
      expect(await count(db.sql`select count(*)::int as n from ${db.sql(table)} where ${db.sql(column)} = ${candidateId}`), table).toBe(0)
    }
    for (const table of ['case_disclosures', 'case_events', 'trial_agreements', 'trial_meeting_points', 'notifications'] as const) {
      expect(await count(db.sql`select count(*)::int as n from ${db.sql(table)} where case_id = ${caseId}`), table).toBe(0)
    }
    expect(await count(db.sql`select count(*)::int as n from case_disclosures where first_name = 'Ragnhild' and last_name = ${identity.lastName}`)).toBe(0)
    expect(await count(db.sql`select count(*)::int as n from notifications where link like ${`%${candidateId}%`}`)).toBe(0)
    // The employer's contact log keeps the contact, no longer tied to the person.
    expect(await count(db.sql`select count(*)::int as n from employer_contacts where summary = 'Snakket om en kandidat til lageret' and candidate_id is null`)).toBe(1)

    // The outbox: nothing about the candidate or the case; the digest keeps the other candidate's notice.
    expect(await count(mentions(caseId))).toBe(0)
    expect(await count(mentions(candidateId))).toBe(0)
    const [digest] = await db.sql<{ params: { items: { url: string }[] } }[]>`
      select params from email_outbox where template = 'daily_digest' and recipient_user_id = ${responsible.id} order by id desc limit 1`
    expect(digest!.params.items).toEqual([{ kind: 'case_new', url: otherLink }])
    // The other candidate is untouched.
    expect(await findCandidate(db.sql, other.candidateId)).toBeDefined()
    expect(await count(mentions(other.caseId))).toBeGreaterThan(0)

    // The search backend: the removal goes through the outbox, as it would to Meilisearch.
    const [queued] = await db.sql<{ priority: number }[]>`
      select priority from search_outbox where entity = 'candidate' and entity_id = ${candidateId} and processed_at is null`
    expect(queued).toEqual({ priority: 0 })
    expect((await backend.candidateDocuments([candidateId])).has(candidateId)).toBe(true)
    await syncIndex()
    expect((await backend.candidateDocuments([candidateId])).has(candidateId)).toBe(false)
    expect(await count(db.sql`select count(*)::int as n from search_candidates where id = ${candidateId}`)).toBe(0)
    expect((await backend.candidateDocuments([other.candidateId])).has(other.candidateId)).toBe(true)

    // The audit log: every entry is still there, with action, time and actor, but without details.
    // Entries linked to the candidate only through their details (interest marked, with the opening as subject) are
    // kept too, but nothing links them to the candidate any more; they are found here by the ids read before.
    const deletion = (await auditRows(candidateId, caseId)).filter((row) => row.action === 'candidate.deleted')
    expect(deletion).toEqual([expect.objectContaining({ actorUserId: responsible.id, details: { reason: 'candidate_request' }, scrubbedAt: null })])
    const kept = await db.sql<{ id: string; action: string; actorUserId: string | null; details: Record<string, unknown>; scrubbedAt: Date | null; occurredAt: Date }[]>`
      select id::text, action, actor_user_id as "actorUserId", details, scrubbed_at as "scrubbedAt", occurred_at as "occurredAt"
      from audit_log where id = any(${db.sql.array(auditBefore.map((row) => row.id))}::bigint[]) order by id`
    expect(kept.map(({ action, actorUserId, occurredAt }) => ({ action, actorUserId, occurredAt }))).toEqual(
      auditBefore.map(({ action, actorUserId, occurredAt }) => ({ action, actorUserId, occurredAt })),
    )
    expect(kept.every((row) => Object.keys(row.details).length === 0 && row.scrubbedAt instanceof Date)).toBe(true)
    const everywhere = await db.sql`select 1 from audit_log where details::text like ${`%${candidateId}%`} or details::text like ${`%${caseId}%`}`
    expect(everywhere).toHaveLength(0)

    // The confirmation is shown to the one who deleted, and to nobody else; the id is otherwise simply not there.
    const confirmation = await get(rightsLoader, responsible, `${path}?melding=slettet`, { candidateId })
    expect(confirmation.status).toBe(200)
    expect(await confirmation.json()).toEqual({ deleted: true })
    expect((await get(rightsLoader, teamLead, `${path}?melding=slettet`, { candidateId })).status).toBe(404)
    expect((await get(rightsLoader, responsible, path, { candidateId })).status).toBe(404)
    expect((await get(exportLoader, responsible, `/ansatt/kandidater/${candidateId}/eksport.json`, { candidateId })).status).toBe(404)

    // A second submit (back button, double click) finds nothing to delete.
    const again = await post(rightsAction, responsible, path, { intent: 'delete', reason: 'candidate_request', confirmName: `${identity.firstName} ${identity.lastName}` }, { params: { candidateId } })
    expect(again.status).toBe(404)
    expect(await count(db.sql`select count(*)::int as n from audit_log where action = 'candidate.deleted' and subject_id = ${candidateId}`)).toBe(1)
  })

  it('is allowed for the team lead at the office, and records the reason category only', async () => {
    const { candidateId, identity } = await candidateWithEverything()
    const response = await post(
      rightsAction,
      teamLead,
      `/ansatt/kandidater/${candidateId}/personvern`,
      { intent: 'delete', reason: 'registered_by_mistake', confirmName: `${identity.firstName} ${identity.lastName}` },
      { params: { candidateId } },
    )
    expect(response.status).toBe(302)
    expect(await findCandidate(db.sql, candidateId)).toBeUndefined()
    const [entry] = await db.sql`select actor_user_id, details from audit_log where action = 'candidate.deleted' and subject_id = ${candidateId}`
    expect(entry).toEqual({ actor_user_id: teamLead.id, details: { reason: 'registered_by_mistake' } })
  })
})

describe('a candidate with nothing but the basics', () => {
  it('is exported and deleted just the same (no cases, not in the index)', async () => {
    const created = await createCandidate(responsible, {
      identity: { firstName: 'Åse', lastName: 'Østby', nationalId: randomSyntheticNationalId(), phone: '', email: '' },
      homeMunicipalityNumber: '0301',
      responsibleUserId: responsible.id,
    })
    if (created.outcome !== 'created') throw new Error(created.outcome)
    const { candidateId } = created
    const exported = await get(exportLoader, responsible, `/ansatt/kandidater/${candidateId}/eksport.json`, { candidateId })
    expect(await exported.json()).toMatchObject({ identity: { firstName: 'Åse' }, cases: [], interest: [], notices: [], emails: [] })
    const response = await post(
      rightsAction,
      responsible,
      `/ansatt/kandidater/${candidateId}/personvern`,
      { intent: 'delete', reason: 'no_longer_needed', confirmName: 'åse ØSTBY' },
      { params: { candidateId } },
    )
    expect(response.status).toBe(302)
    expect(await findCandidate(db.sql, candidateId)).toBeUndefined()
    await syncIndex()
    expect(await count(db.sql`select count(*)::int as n from search_outbox where entity_id = ${candidateId} and processed_at is null`)).toBe(0)
  })
})

describe('the audit log after migration 0013', () => {
  it('allows only emptying the details once, and refuses every other change', async () => {
    await db.sql`insert into audit_log (actor_user_id, action, subject_type, subject_id, details) values (null, 'test.scrub', 'test', 'a', '{"x": 1}')`
    const row = () => db.sql`select id from audit_log where action = 'test.scrub'`
    await expect(db.sql`update audit_log set details = '{}' where action = 'test.scrub'`).rejects.toThrow(/append-only/)
    await expect(db.sql`update audit_log set details = '{"y": 2}', scrubbed_at = now() where action = 'test.scrub'`).rejects.toThrow(/append-only/)
    await expect(db.sql`update audit_log set details = '{}', scrubbed_at = now(), subject_id = 'b' where action = 'test.scrub'`).rejects.toThrow(/append-only/)
    await db.sql`update audit_log set details = '{}', scrubbed_at = now() where action = 'test.scrub'`
    await expect(db.sql`update audit_log set scrubbed_at = now() - interval '1 day' where action = 'test.scrub'`).rejects.toThrow(/append-only/)
    await expect(db.sql`update audit_log set action = 'test.rewritten' where action = 'test.scrub'`).rejects.toThrow(/append-only/)
    await expect(db.sql`delete from audit_log where action = 'test.scrub'`).rejects.toThrow(/append-only/)
    expect(await row()).toHaveLength(1)
  })
})
