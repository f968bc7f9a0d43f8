import { beforeAll, describe, expect, it } from 'vitest'
import { registerEmployer } from '~/modules/accounts.server'
import { employerHome } from '~/modules/organisations.server'
import * as registerRoute from '~/routes/marked._index'
import * as addEmployerRoute from '~/routes/marked.ny'
import * as boardRoute from '~/routes/marked.tavle'
import * as organisationRoute from '~/routes/marked.virksomheter.$organisationId._index'
import * as contactRoute from '~/routes/marked.virksomheter.$organisationId.kontakt'
import { norwegianDate } from '~/utils/opening-form'
import { marketContactsForOpening } from '../../prisma-free-sql/queries/case-deadlines'
import { findRelationship, listContacts, listRelationshipEvents } from '../../prisma-free-sql/queries/employer-relationships'
import { insertOffice } from '../../prisma-free-sql/queries/offices'
import { findOrganisationByOrgNumber, insertOrganisation, isActiveMember } from '../../prisma-free-sql/queries/organisations'
import type { User } from '../../prisma-free-sql/queries/users'
import { resetSearchBackend } from '../../search-index/backends'
import { caseThrough, throughToTrial } from '../support/case-fixtures'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { createStaffUser, newEmail, newOrganisation, newOrgNumber, STRONG_PASSWORD } from '../support/fixtures'
import { createPublishedOpening, createVisibleCandidate, daysFromToday, today } from '../support/matching-fixtures'
import { getRoute, postRoute } from '../support/route-requests'

// Market coordination through the pages' own loaders and actions: the register scoped to the region, adding an
// employer that has no users (and its claim at registration), the 14-day contact warning, the contact log, ownership
// and the named contact the employer sees, the pipeline with its required reason and concurrent moves, and the
// traffic light's figures. The light's rules are tested by table in tests/unit/employer-traffic-light.test.ts.

const db = useTestDatabase()

let oslo: User
let osloColleague: User
let vestland: User
let specialist: User
let teamLead: User
let employer: { user: User; organisationId: string }
let bergenOrganisationId: string

const page = (organisationId: string) => `/marked/virksomheter/${organisationId}`
const params = (organisationId: string) => ({ params: { organisationId } })

async function loaderJson(route: unknown, user: User, path: string, routeParams: Record<string, string> = {}) {
  const response = await getRoute(route, user, path, routeParams)
  expect(response.status, path).toBe(200)
  return response.json()
}

async function organisationData(user: User, organisationId: string) {
  return loaderJson(organisationRoute.loader, user, page(organisationId), { organisationId })
}

const contactForm = (overrides: Record<string, string> = {}) => ({
  kind: 'visit',
  contactedOn: norwegianDate(today),
  contactedTime: '10:15',
  summary: 'Besøkte lageret, snakket om oppgaver i varemottaket.',
  nextStep: 'Sende forslag til jobbsnekring',
  nextStepDue: norwegianDate(daysFromToday(7)),
  ...overrides,
})

beforeAll(async () => {
  resetSearchBackend()
  const osloOffice = (await insertOffice(db.sql, { name: 'NAV Marked Oslo', countyNumber: '03' }))!
  const bergenOffice = (await insertOffice(db.sql, { name: 'NAV Marked Bergen', countyNumber: '46' }))!
  oslo = await createStaffUser(db.sql, { name: 'Jonas Marked', roles: ['market_contact'], officeId: osloOffice, countyNumbers: ['03'] })
  osloColleague = await createStaffUser(db.sql, { name: 'Mona Marked', roles: ['market_contact'], officeId: osloOffice, countyNumbers: ['03'] })
  vestland = await createStaffUser(db.sql, { name: 'Hanne Vest', roles: ['market_contact'], officeId: bergenOffice, countyNumbers: ['46'] })
  specialist = await createStaffUser(db.sql, { name: 'Ingrid Spesialist', roles: ['specialist'], officeId: osloOffice })
  teamLead = await createStaffUser(db.sql, { name: 'Lise Leder', roles: ['team_lead'], officeId: osloOffice })
  employer = await newEmployerWithOrganisation(db.sql)
  bergenOrganisationId = (await insertOrganisation(db.sql, newOrganisation({ name: 'Bergen Testbedrift AS', municipalityNumber: '4601' })))!
})

describe('the register', () => {
  it('lists the region’s employers only, with filters, and refuses staff without a region', async () => {
    const data = await loaderJson(registerRoute.loader, oslo, '/marked')
    const ids = data.employers.map((row: { id: string }) => row.id)
    expect(ids).toContain(employer.organisationId)
    expect(ids).not.toContain(bergenOrganisationId)
    const bergen = await loaderJson(registerRoute.loader, vestland, '/marked')
    expect(bergen.employers.map((row: { id: string }) => row.id)).toEqual([bergenOrganisationId])

    const unowned = await loaderJson(registerRoute.loader, oslo, '/marked?eier=ingen&steg=new&bransje=C&sektor=private&storrelse=5-19')
    expect(unowned.employers.map((row: { id: string }) => row.id)).toContain(employer.organisationId)
    const mine = await loaderJson(registerRoute.loader, oslo, '/marked?eier=meg')
    expect(mine.employers).toEqual([])
    // A bad filter value is dropped, not an error.
    const odd = await loaderJson(registerRoute.loader, oslo, '/marked?steg=%3Cscript%3E&lys=lilla&fylke=46')
    expect(odd.filter.steg).toBe('')
    expect(odd.employers.map((row: { id: string }) => row.id)).toContain(employer.organisationId)

    const nowhere = await createStaffUser(db.sql, { roles: ['market_contact'] })
    expect((await getRoute(registerRoute.loader, nowhere, '/marked')).status).toBe(403)
    expect((await getRoute(registerRoute.loader, employer.user, '/marked')).status).toBe(403)
  })

  it('opens an employer only inside the region: 404 outside, 404 for a malformed id', async () => {
    expect((await getRoute(organisationRoute.loader, vestland, page(employer.organisationId), { organisationId: employer.organisationId })).status).toBe(404)
    expect((await getRoute(organisationRoute.loader, oslo, page('ikke-en-id'), { organisationId: 'ikke-en-id' })).status).toBe(404)
    expect((await postRoute(organisationRoute.action, vestland, page(employer.organisationId), { intent: 'follow' }, params(employer.organisationId))).status).toBe(404)
    // A specialist works with employers in their office's county.
    expect((await getRoute(organisationRoute.loader, specialist, page(employer.organisationId), { organisationId: employer.organisationId })).status).toBe(200)
  })
})

describe('an employer added by staff', () => {
  it('is refused with clear messages, added once, and claimed by the first person who registers it', async () => {
    const orgNumber = newOrgNumber()
    const form = { orgNumber, orgName: 'Tøyen Sykkelverksted AS', naceSection: 'G', sector: 'private', sizeBand: '1-4', municipalityNumber: '0301', takeOwnership: 'on' }

    const badNumber = await postRoute(addEmployerRoute.action, oslo, '/marked/ny', { ...form, orgNumber: '123456789' })
    expect(badNumber.status).toBe(400)
    const badBody = await badNumber.json()
    expect(badBody.result.error.orgNumber).toEqual(['Organisasjonsnummeret er ikke gyldig. Sjekk at du har skrevet det riktig.'])
    expect(badBody.result.initialValue.orgName).toBe('Tøyen Sykkelverksted AS')

    const outside = await postRoute(addEmployerRoute.action, oslo, '/marked/ny', { ...form, municipalityNumber: '4601' })
    expect(outside.status).toBe(400)
    expect((await outside.json()).result.error.municipalityNumber[0]).toMatch(/utenfor fylkene du dekker/)

    const added = await postRoute(addEmployerRoute.action, oslo, '/marked/ny', form)
    expect(added.status).toBe(302)
    const organisation = (await findOrganisationByOrgNumber(db.sql, orgNumber))!
    expect(added.headers.get('Location')).toBe(`${page(organisation.id)}?melding=lagt-til`)
    const relationship = (await findRelationship(db.sql, organisation.id))!
    expect(relationship.ownerName).toBe('Jonas Marked')
    expect(relationship.activeMembers).toBe(0)

    const again = await postRoute(addEmployerRoute.action, osloColleague, '/marked/ny', form)
    expect(again.status).toBe(400)
    const againBody = await again.json()
    expect(againBody.existingId).toBe(organisation.id)
    expect(againBody.result.error.orgNumber[0]).toBe('Tøyen Sykkelverksted AS er allerede registrert med dette organisasjonsnummeret.')

    const registered = await registerEmployer({
      organisation: { orgNumber, name: 'Tøyen Sykkel', naceSection: 'G', sector: 'private', sizeBand: '1-4', municipalityNumber: '0301' },
      name: 'Sykkel-Siri',
      email: newEmail('sykkel'),
      password: STRONG_PASSWORD,
    })
    expect(registered.outcome).toBe('created')
    if (registered.outcome !== 'created') return
    expect(await isActiveMember(db.sql, organisation.id, registered.userId)).toBe(true)
    // A second person is an ordinary membership request to the first.
    const second = await registerEmployer({
      organisation: { orgNumber, name: 'Tøyen Sykkel', naceSection: 'G', sector: 'private', sizeBand: '1-4', municipalityNumber: '0301' },
      name: 'Sykkel-Sverre',
      email: newEmail('sykkel2'),
      password: STRONG_PASSWORD,
    })
    expect(second.outcome).toBe('membership-requested')
  })
})

describe('the contact log and the 14-day warning', () => {
  it('warns about someone else’s recent contact on the page and the form, never about one’s own', async () => {
    const fresh = await newEmployerWithOrganisation(db.sql)
    expect((await organisationData(oslo, fresh.organisationId)).warning).toBeNull()

    const logged = await postRoute(contactRoute.action, osloColleague, `${page(fresh.organisationId)}/kontakt`, contactForm(), params(fresh.organisationId))
    expect(logged.status).toBe(302)
    expect(logged.headers.get('Location')).toBe(`${page(fresh.organisationId)}?melding=kontakt-logget`)

    const seen = await organisationData(oslo, fresh.organisationId)
    expect(seen.warning).toMatchObject({ staffName: 'Mona Marked', kind: 'visit', others: 0 })
    const form = await loaderJson(contactRoute.loader, oslo, `${page(fresh.organisationId)}/kontakt`, { organisationId: fresh.organisationId })
    expect(form.warning.staffName).toBe('Mona Marked')
    expect((await organisationData(osloColleague, fresh.organisationId)).warning).toBeNull()

    // Everyone with access reads the whole log.
    expect(seen.contacts).toHaveLength(1)
    expect(seen.contacts[0]).toMatchObject({ staffName: 'Mona Marked', summary: contactForm().summary, nextStep: 'Sende forslag til jobbsnekring', nextStepDue: daysFromToday(7) })
    expect((await organisationData(specialist, fresh.organisationId)).contacts).toHaveLength(1)
  })

  it('does not warn about a contact 15 days ago', async () => {
    const fresh = await newEmployerWithOrganisation(db.sql)
    const old = await postRoute(contactRoute.action, osloColleague, `${page(fresh.organisationId)}/kontakt`, contactForm({ contactedOn: norwegianDate(daysFromToday(-15)), nextStepDue: '' , nextStep: '' }), params(fresh.organisationId))
    expect(old.status).toBe(302)
    expect((await organisationData(oslo, fresh.organisationId)).warning).toBeNull()
    const recent = await postRoute(contactRoute.action, osloColleague, `${page(fresh.organisationId)}/kontakt`, contactForm({ contactedOn: norwegianDate(daysFromToday(-13)) }), params(fresh.organisationId))
    expect(recent.status).toBe(302)
    expect((await organisationData(oslo, fresh.organisationId)).warning.staffName).toBe('Mona Marked')
  })

  it.each([
    ['no summary', { summary: '' }, 'summary', 'Skriv kort hva dere snakket om.'],
    ['no kind', { kind: '' }, 'kind', 'Velg hva slags kontakt det var.'],
    ['a kind that does not exist', { kind: 'brevdue' }, 'kind', 'Velg hva slags kontakt det var.'],
    ['a date in the future', { contactedOn: norwegianDate(daysFromToday(2)) }, 'contactedOn', 'Kontakten kan ikke være fram i tid. Planlagte kontakter skrives som neste steg.'],
    ['a date that does not exist', { contactedOn: '31.02.2026' }, 'contactedOn', 'Datoen finnes ikke.'],
    ['a date in the wrong format', { contactedOn: '2026/12/01' }, 'contactedOn', 'Skriv datoen som dd.mm.åååå, for eksempel 15.01.2027.'],
    ['a time in the wrong format', { contactedTime: '25:00' }, 'contactedTime', 'Skriv klokkeslettet som tt:mm, for eksempel 09:30.'],
    ['a next step due before the contact', { nextStepDue: norwegianDate(daysFromToday(-3)) }, 'nextStepDue', 'Fristen for neste steg kan ikke være før kontakten.'],
    ['a due date without a next step', { nextStep: '' }, 'nextStep', 'Skriv hva neste steg er, eller ta bort fristen.'],
    ['a summary that is too long', { summary: 'x'.repeat(2001) }, 'summary', 'Høyst 2000 tegn.'],
  ])('refuses %s with a message and keeps what was typed', async (_label, overrides, field, message) => {
    const response = await postRoute(contactRoute.action, oslo, `${page(employer.organisationId)}/kontakt`, contactForm(overrides), params(employer.organisationId))
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.error[field]).toEqual([message])
    const typed = Object.fromEntries(Object.entries(contactForm(overrides)).filter(([, value]) => value !== ''))
    expect(body.initialValue).toMatchObject(typed)
  })

  it('names only the logger’s own candidates, and shows them by label', async () => {
    const own = await createVisibleCandidate(db.sql, specialist)
    const someoneElses = await createVisibleCandidate(db.sql, await createStaffUser(db.sql, { roles: ['specialist'], officeId: specialist.officeId! }))
    const form = await loaderJson(contactRoute.loader, specialist, `${page(employer.organisationId)}/kontakt`, { organisationId: employer.organisationId })
    expect(form.candidates.map((candidate: { id: string }) => candidate.id)).toContain(own)

    const refused = await postRoute(contactRoute.action, specialist, `${page(employer.organisationId)}/kontakt`, contactForm({ candidateId: someoneElses }), params(employer.organisationId))
    expect(refused.status).toBe(400)
    expect((await refused.json()).error.candidateId).toEqual(['Du kan bare knytte kontakten til dine egne kandidater.'])

    const logged = await postRoute(contactRoute.action, specialist, `${page(employer.organisationId)}/kontakt`, contactForm({ kind: 'phone', candidateId: own }), params(employer.organisationId))
    expect(logged.status).toBe(302)
    const contacts = await listContacts(db.sql, employer.organisationId)
    expect(contacts.find((contact) => contact.candidateId === own)?.kind).toBe('phone')
    const shown = await organisationData(oslo, employer.organisationId)
    const entry = shown.contacts.find((contact: { candidateLabel: string | null }) => contact.candidateLabel !== null)
    expect(entry.candidateLabel).toMatch(/^Kandidat [0-9A-F]{6}$/)
    expect(JSON.stringify(shown)).not.toContain(own)
  })
})

describe('ownership', () => {
  it('is taken by a market contact, seen by the employer as the named contact, and transferred with history', async () => {
    const home = async () => (await employerHome(employer.user)).organisations.find((organisation) => organisation.id === employer.organisationId)!
    expect((await home()).navContact).toBeNull()
    await db.sql`update users set work_phone = '55 55 12 34' where id = ${oslo.id}`

    const bySpecialist = await postRoute(organisationRoute.action, specialist, page(employer.organisationId), { intent: 'take', seenOwner: '' }, params(employer.organisationId))
    expect(bySpecialist.status).toBe(403)

    const taken = await postRoute(organisationRoute.action, oslo, page(employer.organisationId), { intent: 'take', seenOwner: '' }, params(employer.organisationId))
    expect(taken.headers.get('Location')).toBe(`${page(employer.organisationId)}?melding=ansvar-tatt`)
    expect((await home()).navContact).toEqual({ name: 'Jonas Marked', email: oslo.email, phone: '55 55 12 34' })

    // A colleague who opened the page before Jonas took it cannot take it from him by accident.
    const late = await postRoute(organisationRoute.action, osloColleague, page(employer.organisationId), { intent: 'take', seenOwner: '' }, params(employer.organisationId))
    expect(late.status).toBe(409)
    expect((await late.json()).error).toBe('Ansvaret ble endret mens du så på siden. Nå har Jonas Marked ansvaret. Se over og prøv igjen.')
    // Seeing him as owner, she is told to ask him or the team lead.
    const asked = await postRoute(organisationRoute.action, osloColleague, page(employer.organisationId), { intent: 'take', seenOwner: oslo.id }, params(employer.organisationId))
    expect(asked.status).toBe(403)
    expect((await asked.json()).error).toBe('Jonas Marked har ansvaret. Be dem overføre det til deg, eller spør teamlederen.')

    const transferred = await postRoute(
      organisationRoute.action,
      oslo,
      page(employer.organisationId),
      { intent: 'transfer', seenOwner: oslo.id, toUserId: osloColleague.id },
      params(employer.organisationId),
    )
    expect(transferred.status).toBe(302)
    expect((await home()).navContact?.name).toBe('Mona Marked')
    const stale = await postRoute(organisationRoute.action, teamLead, page(employer.organisationId), { intent: 'transfer', seenOwner: oslo.id, toUserId: oslo.id }, params(employer.organisationId))
    expect(stale.status).toBe(409)
    expect((await stale.json()).error).toMatch(/Nå har Mona Marked ansvaret/)
    const notMarket = await postRoute(organisationRoute.action, osloColleague, page(employer.organisationId), { intent: 'transfer', seenOwner: osloColleague.id, toUserId: specialist.id }, params(employer.organisationId))
    expect(notMarket.status).toBe(400)

    const events = await listRelationshipEvents(db.sql, employer.organisationId)
    expect(events.filter((event) => event.kind.startsWith('owner')).map((event) => [event.kind, event.fromValue, event.toValue, event.actorName])).toEqual([
      ['owner_transferred', 'Jonas Marked', 'Mona Marked', 'Jonas Marked'],
      ['owner_taken', null, 'Jonas Marked', 'Jonas Marked'],
    ])
    const told = await db.sql`select user_id from notifications where kind = 'employer_owner_changed' order by id`
    expect(told.map((row) => row.user_id)).toEqual([osloColleague.id])
  })

  it('narrows who hears of new cases to the owner and followers', async () => {
    const other = await newEmployerWithOrganisation(db.sql)
    const opening = await createPublishedOpening(db.sql, other)
    expect((await marketContactsForOpening(db.sql, opening.id))!.recipients.sort()).toEqual([oslo.id, osloColleague.id].sort())
    await postRoute(organisationRoute.action, oslo, page(other.organisationId), { intent: 'take', seenOwner: '' }, params(other.organisationId))
    expect((await marketContactsForOpening(db.sql, opening.id))!.recipients).toEqual([oslo.id])
    await postRoute(organisationRoute.action, specialist, page(other.organisationId), { intent: 'follow' }, params(other.organisationId))
    expect((await marketContactsForOpening(db.sql, opening.id))!.recipients.sort()).toEqual([oslo.id, specialist.id].sort())

    // The owner hears of a colleague's contact; the one who logged it does not.
    await postRoute(contactRoute.action, osloColleague, `${page(other.organisationId)}/kontakt`, contactForm(), params(other.organisationId))
    const told = await db.sql`select user_id, link from notifications where kind = 'employer_contact_logged' and link = ${page(other.organisationId)}`
    expect(told.map((row) => row.user_id).sort()).toEqual([oslo.id, specialist.id].sort())
  })
})

describe('the pipeline', () => {
  it('refuses "not relevant" without a reason, keeps what was typed, and records the reason', async () => {
    const fresh = await newEmployerWithOrganisation(db.sql)
    const version = (await findRelationship(db.sql, fresh.organisationId))!.stageVersion
    const refused = await postRoute(boardRoute.action, oslo, '/marked/tavle', { intent: 'move', organisationId: fresh.organisationId, stage: 'not_relevant', reason: '  ', stageVersion: String(version) })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ organisationId: fresh.organisationId, stage: 'not_relevant', errors: { reason: 'Skriv hvorfor virksomheten ikke er aktuell. Begrunnelsen er påkrevd.' } })
    expect((await findRelationship(db.sql, fresh.organisationId))!.stage).toBe('new')

    const moved = await postRoute(boardRoute.action, oslo, '/marked/tavle?fylke=03', { intent: 'move', organisationId: fresh.organisationId, stage: 'not_relevant', reason: 'Nedbemanner i 2027', stageVersion: String(version) })
    expect(moved.headers.get('Location')).toBe('/marked/tavle?fylke=03&melding=flyttet')
    const after = (await findRelationship(db.sql, fresh.organisationId))!
    expect([after.stage, after.notRelevantReason, after.stageChangedByName]).toEqual(['not_relevant', 'Nedbemanner i 2027', 'Jonas Marked'])

    const back = await postRoute(organisationRoute.action, oslo, page(fresh.organisationId), { intent: 'move', stage: 'assessing', reason: '', stageVersion: String(after.stageVersion) }, params(fresh.organisationId))
    expect(back.status).toBe(302)
    expect((await findRelationship(db.sql, fresh.organisationId))!.notRelevantReason).toBe('')
    expect((await postRoute(boardRoute.action, vestland, '/marked/tavle', { intent: 'move', organisationId: fresh.organisationId, stage: 'done', stageVersion: '3' })).status).toBe(404)
  })

  it('keeps the first of two simultaneous moves and tells the second mover, who can still apply theirs', async () => {
    const fresh = await newEmployerWithOrganisation(db.sql)
    const seen = (await findRelationship(db.sql, fresh.organisationId))!.stageVersion
    const [first, second] = await Promise.all([
      postRoute(boardRoute.action, oslo, '/marked/tavle', { intent: 'move', organisationId: fresh.organisationId, stage: 'to_contact', stageVersion: String(seen) }),
      postRoute(boardRoute.action, osloColleague, '/marked/tavle', { intent: 'move', organisationId: fresh.organisationId, stage: 'mapping', stageVersion: String(seen) }),
    ])
    const statuses = [first.status, second.status].sort()
    expect(statuses).toEqual([302, 409])
    const loser = first.status === 409 ? first : second
    const winnerName = first.status === 409 ? 'Mona Marked' : 'Jonas Marked'
    const winnerStage = first.status === 409 ? 'mapping' : 'to_contact'
    const body = await loser.json()
    expect(body.conflict).toMatchObject({ movedBy: winnerName, movedTo: winnerStage, currentVersion: seen + 1 })
    expect(body.stage).toBe(winnerStage === 'mapping' ? 'to_contact' : 'mapping')

    const applied = await postRoute(boardRoute.action, winnerName === 'Jonas Marked' ? osloColleague : oslo, '/marked/tavle', {
      intent: 'move',
      organisationId: fresh.organisationId,
      stage: body.stage,
      stageVersion: String(body.conflict.currentVersion),
    })
    expect(applied.status).toBe(302)
    const moves = (await listRelationshipEvents(db.sql, fresh.organisationId)).filter((event) => event.kind === 'stage_moved')
    expect(moves.map((event) => event.toValue)).toEqual([body.stage, winnerStage])
  })

  it('shows every employer of the region in its column on the board', async () => {
    const board = await loaderJson(boardRoute.loader, oslo, '/marked/tavle')
    const card = board.cards.find((entry: { id: string }) => entry.id === employer.organisationId)
    expect(card).toMatchObject({ stage: 'new', ownerName: 'Mona Marked' })
    expect(board.cards.some((entry: { id: string }) => entry.id === bergenOrganisationId)).toBe(false)
  })
})

describe('the traffic light', () => {
  it('is computed from the employer’s contacts, openings and trials, and flags trainees above capacity', async () => {
    const busy = await newEmployerWithOrganisation(db.sql)
    const opening = await createPublishedOpening(db.sql, busy)
    const quiet = await organisationData(oslo, busy.organisationId)
    expect(quiet.trafficLight.light).toBe('yellow')
    expect(quiet.trafficLight.reasons.map((reason: { text: string }) => reason.text)).toEqual(['Ingen kontakt er logget ennå.', '1 åpen stilling.'])

    await postRoute(contactRoute.action, oslo, `${page(busy.organisationId)}/kontakt`, contactForm(), params(busy.organisationId))
    expect((await organisationData(oslo, busy.organisationId)).trafficLight.light).toBe('green')

    await caseThrough(db.sql, { specialist, employer: busy.user, opening }, throughToTrial)
    const capacity = await postRoute(organisationRoute.action, oslo, page(busy.organisationId), { intent: 'capacity', traineeCapacity: '0' }, params(busy.organisationId))
    expect(capacity.status).toBe(302)
    const strained = await organisationData(oslo, busy.organisationId)
    expect(strained.trafficLight).toMatchObject({ light: 'red', flags: ['above_capacity'] })
    expect(strained.trafficLight.reasons.map((reason: { text: string }) => reason.text)).toContain('1 tiltaksdeltaker mot en kapasitet på 0.')
    const red = await loaderJson(registerRoute.loader, oslo, '/marked?lys=red')
    expect(red.employers.map((row: { id: string }) => row.id)).toContain(busy.organisationId)

    const badCapacity = await postRoute(organisationRoute.action, oslo, page(busy.organisationId), { intent: 'capacity', traineeCapacity: 'tre' }, params(busy.organisationId))
    expect(badCapacity.status).toBe(400)
    expect(await badCapacity.json()).toMatchObject({ field: 'traineeCapacity', traineeCapacity: 'tre', error: 'Skriv et helt tall fra 0 til 200, eller la feltet stå tomt.' })
  })
})
