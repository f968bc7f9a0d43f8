import { beforeAll, describe, expect, it } from 'vitest'
import {
  candidateConsents,
  changeCandidateStatus,
  changeIdentity,
  createCandidate,
  employerPreview,
  recordConsent,
  requireCandidateForStaff,
  saveCandidateProfile,
  viewIdentity,
  withdrawConsent,
} from '~/modules/candidates.server'
import { consentSchema, identitySchema, newCandidateSchema, profileInputFrom, profileSchema } from '~/utils/candidate-form'
import { defaultConsentExpiry } from '../../matching/visibility'
import { findCandidate, findProfile, listCandidateEvents, type Candidate, type ProfileInput } from '../../prisma-free-sql/queries/candidates'
import { insertOffice } from '../../prisma-free-sql/queries/offices'
import type { User } from '../../prisma-free-sql/queries/users'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { createStaffUser } from '../support/fixtures'
import { randomSyntheticNationalId } from '../../scripts/synthetic-national-id'

const db = useTestDatabase()
const today = '2026-12-01'

const syntheticNationalId = () => randomSyntheticNationalId()

function completeProfile(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    homeMunicipalityNumber: '0301',
    pitch: 'Jeg er nøyaktig, liker faste rutiner og å jobbe med hendene. Jeg trives med rolig tempo.',
    wantedTasks: ['varemottak'],
    possibleTasks: [],
    occupations: ['4321'],
    workExperience: 'Tre år på lager.',
    informalCompetence: '',
    educationLevel: 'upper_secondary',
    certificates: ['driversLicenceB'],
    canObtainPoliceCertificate: true,
    hoursMin: 10,
    hoursMax: 20,
    gradualIncrease: true,
    timesOfDay: ['DAG'],
    days: ['UKEDAGER'],
    workMunicipalities: ['0301'],
    workCounties: [],
    earliestStart: '2027-01-04',
    demandTolerances: { lifting: 1 },
    accommodationNeeds: ['FASTE_RUTINER'],
    oralNorwegian: 2,
    writtenNorwegian: 1,
    measures: ['MENTORTILSKUDD'],
    ...overrides,
  }
}

let specialist: User
let colleague: User
let elsewhere: User
let officeId: string

beforeAll(async () => {
  officeId = (await insertOffice(db.sql, { name: 'NAV Testkontor', countyNumber: '03' }))!
  const otherOffice = (await insertOffice(db.sql, { name: 'NAV Annet kontor', countyNumber: '46' }))!
  specialist = await createStaffUser(db.sql, { roles: ['specialist'], officeId, name: 'Spesialist En' })
  colleague = await createStaffUser(db.sql, { roles: ['specialist'], officeId, name: 'Spesialist To' })
  elsewhere = await createStaffUser(db.sql, { roles: ['specialist'], officeId: otherOffice, name: 'Spesialist Bergen' })
})

async function newCandidate(firstName = 'Ola', lastName = 'Testesen'): Promise<Candidate> {
  const result = await createCandidate(specialist, {
    identity: { firstName, lastName, nationalId: syntheticNationalId(), phone: '41234567', email: '' },
    homeMunicipalityNumber: '0301',
    responsibleUserId: specialist.id,
  })
  if (result.outcome !== 'created') throw new Error('not created')
  return (await findCandidate(db.sql, result.candidateId))!
}

async function statusOf(thrown: Promise<unknown>): Promise<number> {
  try {
    await thrown
  } catch (error) {
    if (error instanceof Response) return error.status
    throw error
  }
  return 200
}

describe('the identity form', () => {
  const form = { firstName: 'Kari', lastName: 'Nordmann', nationalId: '', phone: '', email: '' }
  it.each([
    ['too few digits', '1234567890', /11 siffer/],
    ['a wrong checksum', '12345678901', /ikke et gyldig/],
    ['letters', 'abcdefghijk', /11 siffer/],
  ])('refuses a national ID with %s', (_case, nationalId, message) => {
    const parsed = identitySchema.safeParse({ ...form, nationalId })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.find((issue) => issue.path[0] === 'nationalId')?.message).toMatch(message)
  })

  it('accepts a valid number written as 6+5 digits', () => {
    const id = syntheticNationalId()
    const parsed = identitySchema.parse({ ...form, nationalId: `${id.slice(0, 6)} ${id.slice(6)}` })
    expect(parsed.nationalId).toBe(id)
  })

  it('asks for the home municipality and the responsible specialist', () => {
    const parsed = newCandidateSchema.safeParse({ ...form, nationalId: syntheticNationalId() })
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toEqual(expect.arrayContaining(['homeMunicipalityNumber', 'responsibleUserId']))
  })
})

describe('candidates and their identity', () => {
  it('creates a candidate with an empty profile and a history entry, and refuses a national ID twice', async () => {
    const candidate = await newCandidate()
    expect(candidate.responsibleUserId).toBe(specialist.id)
    expect((await findProfile(db.sql, candidate.id))?.homeMunicipalityNumber).toBe('0301')
    expect((await listCandidateEvents(db.sql, candidate.id)).map((event) => event.kind)).toEqual(['created'])
    const identity = await viewIdentity(specialist, candidate, 'kontakt')
    const again = await createCandidate(specialist, {
      identity: { ...identity!, firstName: 'Annen' },
      homeMunicipalityNumber: '0301',
      responsibleUserId: specialist.id,
    })
    expect(again.outcome).toBe('duplicate-national-id')
  })

  it('writes who read the identity, when and why, on every read', async () => {
    const candidate = await newCandidate()
    await viewIdentity(colleague, candidate, 'samtykke')
    await viewIdentity(colleague, candidate, 'kontakt')
    const rows = await db.sql<{ actor: string; reason: string }[]>`
      select actor_user_id as actor, details->>'reason' as reason from audit_log
      where action = 'candidate.identity.viewed' and subject_id = ${candidate.id} order by id`
    expect(rows).toEqual([
      { actor: colleague.id, reason: 'samtykke' },
      { actor: colleague.id, reason: 'kontakt' },
    ])
  })

  it('changes the identity but not to another candidate’s national ID', async () => {
    const first = await newCandidate()
    const second = await newCandidate()
    const firstIdentity = (await viewIdentity(specialist, first, 'retting'))!
    const secondIdentity = (await viewIdentity(specialist, second, 'retting'))!
    expect(await changeIdentity(specialist, second, { ...secondIdentity, nationalId: firstIdentity.nationalId })).toBe('duplicate-national-id')
    expect(await changeIdentity(specialist, second, { ...secondIdentity, phone: '99887766' })).toBe('saved')
    expect((await viewIdentity(specialist, second, 'retting'))?.phone).toBe('99887766')
  })

  it('answers 404 to staff at another office and 403 to staff who do not follow candidates up', async () => {
    const candidate = await newCandidate()
    expect(await statusOf(requireCandidateForStaff(elsewhere, candidate.id))).toBe(404)
    expect(await statusOf(requireCandidateForStaff(specialist, 'not-a-uuid'))).toBe(404)
    const marketContact = await createStaffUser(db.sql, { roles: ['market_contact'], officeId, countyNumbers: ['03'] })
    expect(await statusOf(requireCandidateForStaff(marketContact, candidate.id))).toBe(403)
    const { user: employer } = await newEmployerWithOrganisation(db.sql)
    expect(await statusOf(requireCandidateForStaff(employer, candidate.id))).toBe(403)
  })
})

describe('the profile form', () => {
  const formValues = (overrides: Record<string, unknown> = {}) => ({
    version: '1',
    homeMunicipalityNumber: '0301',
    pitch: 'Jeg liker å jobbe med hendene og har god orden.',
    wantedTasks: ['varemottak'],
    occupations: ['4321 Lagermedarbeidere', ''],
    hoursMin: '7,5',
    hoursMax: '15',
    timesOfDay: ['DAG'],
    days: ['UKEDAGER'],
    earliestStart: '4.1.2027',
    tolerance_lifting: '1',
    oralNorwegian: '2',
    writtenNorwegian: '1',
    canObtainPoliceCertificate: 'uavklart',
    ...overrides,
  })

  it('reads the form into a profile', () => {
    const input = profileInputFrom(profileSchema.parse(formValues()))
    expect(input).toMatchObject({
      hoursMin: 7.5,
      occupations: ['4321'],
      earliestStart: '2027-01-04',
      demandTolerances: { lifting: 1 },
      canObtainPoliceCertificate: null,
    })
  })

  it.each([
    ['minimum above maximum', { hoursMin: '20', hoursMax: '10' }, 'hoursMax', /lavere enn minst/],
    ['an unknown occupation', { occupations: ['Astronaut'] }, 'occupations', /finnes ikke i yrkeslisten/],
    ['an impossible date', { earliestStart: '31.02.2027' }, 'earliestStart', /finnes ikke/],
    ['a level outside the scale', { oralNorwegian: '7' }, 'oralNorwegian', /muntlig norsk/],
    ['an unknown task', { wantedTasks: ['flyging'] }, 'wantedTasks', /Ukjent oppgave/],
  ])('explains %s on the right field', (_case, overrides, field, message) => {
    const parsed = profileSchema.safeParse(formValues(overrides))
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.find((issue) => issue.path[0] === field)?.message).toMatch(message)
  })

  it('saves from the version it was made from and refuses a stale one', async () => {
    const candidate = await newCandidate()
    expect(await saveCandidateProfile(specialist, candidate, candidate.version, completeProfile())).toBe('saved')
    expect(await saveCandidateProfile(colleague, candidate, candidate.version, completeProfile({ pitch: 'Eldre versjon av teksten som ikke skal vinne over.' }))).toBe('stale')
    expect((await findProfile(db.sql, candidate.id))?.pitch).toMatch(/nøyaktig/)
  })
})

describe('the consent form', () => {
  const consentForm = (overrides: Record<string, unknown> = {}) => ({
    givenToUserId: '00000000-0000-4000-8000-000000000000',
    method: 'meeting',
    scope: 'all',
    givenOn: '1.12.2026',
    ...overrides,
  })

  it('reads Norwegian dates and leaves the expiry to the six-month default', () => {
    const parsed = consentSchema(today).parse(consentForm())
    expect(parsed.givenOn).toBe('2026-12-01')
    expect(parsed.expiresOn).toBeUndefined()
  })

  it.each([
    ['a date in the future', { givenOn: '2.12.2026' }, 'givenOn', /fram i tid/],
    ['no method', { method: undefined }, 'method', /hvordan samtykket/],
    ['counties chosen without any county', { scope: 'counties' }, 'scopeCounties', /minst ett fylke/],
    ['an expiry that has passed', { expiresOn: '1.12.2026' }, 'expiresOn', /etter i dag/],
    ['an expiry beyond six months', { expiresOn: '2.6.2027' }, 'expiresOn', /høyst seks måneder, til 01\.06\.2027/],
    ['an expiry that is not a date', { expiresOn: '30.02.2027' }, 'expiresOn', /finnes ikke/],
  ])('explains %s on the right field', (_case, overrides, field, message) => {
    const parsed = consentSchema(today).safeParse(consentForm(overrides))
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.find((issue) => issue.path[0] === field)?.message).toMatch(message)
  })
})

describe('consent and visibility', () => {
  it('is hidden until the profile is complete and consent is recorded, and hidden again at once on withdrawal or pause', async () => {
    const candidate = await newCandidate()
    let preview = await employerPreview(candidate, today)
    expect(preview.visibility.visible).toBe(false)

    await saveCandidateProfile(specialist, candidate, candidate.version, completeProfile())
    preview = await employerPreview(candidate, today)
    expect(preview.visibility).toMatchObject({ visible: false, reasons: [{ code: 'consent', consent: 'none' }] })

    await recordConsent(specialist, candidate, {
      givenToUserId: specialist.id,
      method: 'meeting',
      scope: 'counties',
      scopeCounties: ['03', '32'],
      givenOn: today,
      expiresOn: defaultConsentExpiry(today),
    })
    preview = await employerPreview(candidate, today)
    expect(preview.visibility.visible).toBe(true)
    expect(preview.document?.consentScope).toEqual({ scope: 'counties', counties: ['03', '32'] })

    await withdrawConsent(specialist, candidate, 'Vil vente til etter sommeren.')
    preview = await employerPreview(candidate, today)
    expect(preview.visibility).toMatchObject({ visible: false, reasons: [{ code: 'consent', consent: 'withdrawn' }] })

    await recordConsent(specialist, candidate, { givenToUserId: colleague.id, method: 'written', scope: 'all', scopeCounties: [], givenOn: today, expiresOn: '2027-03-01' })
    expect((await employerPreview(candidate, today)).visibility.visible).toBe(true)
    const current = (await findCandidate(db.sql, candidate.id))!
    await changeCandidateStatus(specialist, current, 'paused', '')
    expect((await employerPreview((await findCandidate(db.sql, candidate.id))!, today)).visibility).toMatchObject({ visible: false })

    const kinds = (await listCandidateEvents(db.sql, candidate.id)).map((event) => event.kind)
    expect(kinds).toEqual(['status_changed', 'consent_recorded', 'consent_withdrawn', 'consent_recorded', 'profile_updated', 'created'])
  })

  it('renewal supersedes the consent in force and keeps the old one in the history', async () => {
    const candidate = await newCandidate()
    const consent = { givenToUserId: specialist.id, method: 'meeting' as const, scope: 'all' as const, scopeCounties: [], givenOn: '2026-07-01', expiresOn: '2027-01-01' }
    await recordConsent(specialist, candidate, consent)
    await recordConsent(specialist, candidate, { ...consent, givenOn: today, expiresOn: defaultConsentExpiry(today) })
    const consents = await candidateConsents(candidate)
    expect(consents).toHaveLength(2)
    expect(consents[0]?.supersededAt).toBeNull()
    expect(consents[1]?.supersededAt).not.toBeNull()
    expect((await listCandidateEvents(db.sql, candidate.id)).map((event) => event.kind)).toContain('consent_renewed')
  })

  it('shows the municipality only when at least five visible candidates live there', async () => {
    // Bjørnafjorden (4624) has no other test candidates.
    const created: Candidate[] = []
    for (let index = 0; index < 5; index += 1) {
      const candidate = await newCandidate()
      await saveCandidateProfile(specialist, candidate, candidate.version, completeProfile({ homeMunicipalityNumber: '4624' }))
      created.push(candidate)
    }
    const first = (await findCandidate(db.sql, created[0]!.id))!
    // Four visible neighbours at most: the candidate previewed counts itself.
    for (const candidate of created.slice(1, 4)) {
      await recordConsent(specialist, candidate, { givenToUserId: specialist.id, method: 'meeting', scope: 'all', scopeCounties: [], givenOn: today, expiresOn: defaultConsentExpiry(today) })
    }
    expect((await employerPreview(first, today)).document?.location).toMatchObject({ level: 'county', name: 'Vestland' })
    await recordConsent(specialist, created[4]!, { givenToUserId: specialist.id, method: 'meeting', scope: 'all', scopeCounties: [], givenOn: today, expiresOn: defaultConsentExpiry(today) })
    expect((await employerPreview(first, today)).document?.location).toMatchObject({ level: 'municipality', name: 'Bjørnafjorden' })
  })

  it('never puts the identity in the document employers get', async () => {
    const candidate = await newCandidate('Sigrunn', 'Bakkeløkken')
    await saveCandidateProfile(specialist, candidate, candidate.version, completeProfile())
    const identity = (await viewIdentity(specialist, candidate, 'kontakt'))!
    const text = JSON.stringify((await employerPreview(candidate, today)).document)
    for (const secret of ['Sigrunn', 'Bakkeløkken', identity.nationalId, identity.phone]) expect(text).not.toContain(secret)
  })
})
