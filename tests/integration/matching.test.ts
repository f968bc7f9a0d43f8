import { beforeAll, describe, expect, it } from 'vitest'
import { createCandidate, recordConsent, saveCandidateProfile, withdrawConsent } from '~/modules/candidates.server'
import { candidatesForOpening, markEmployerInterest, openingsForCandidate } from '~/modules/matching.server'
import { createOpening, todayInNorway, transitionOpening } from '~/modules/openings.server'
import { addOwnTask, createWorkplace, saveCarvedJob } from '~/modules/workplaces.server'
import { defaultConsentExpiry } from '../../matching/visibility'
import { findCandidate, type ProfileInput } from '../../prisma-free-sql/queries/candidates'
import { insertOffice } from '../../prisma-free-sql/queries/offices'
import { findOpeningForMember, type Opening } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { randomSyntheticNationalId } from '../../scripts/synthetic-national-id'
import { getSearchBackend, resetSearchBackend } from '../../search-index/backends'
import { processSearchOutbox } from '../../search-index/sync'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation, workplaceInput } from '../support/employer-fixtures'
import { createStaffUser } from '../support/fixtures'

const db = useTestDatabase()
const today = todayInNorway()

function later(days: number): string {
  const date = new Date(`${today}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

const profile = (overrides: Partial<ProfileInput> = {}): ProfileInput => ({
  homeMunicipalityNumber: '0301',
  pitch: 'Jeg liker praktisk arbeid, har god orden og trives med faste rutiner på lager.',
  wantedTasks: [],
  possibleTasks: [],
  occupations: ['4321'],
  workExperience: 'To år med varemottak på lager.',
  informalCompetence: '',
  educationLevel: 'upper_secondary',
  certificates: [],
  canObtainPoliceCertificate: null,
  hoursMin: 8,
  hoursMax: 20,
  gradualIncrease: false,
  timesOfDay: ['DAG'],
  days: ['UKEDAGER'],
  workMunicipalities: ['0301'],
  workCounties: [],
  earliestStart: today,
  demandTolerances: {},
  accommodationNeeds: [],
  oralNorwegian: 2,
  writtenNorwegian: 2,
  measures: [],
  ...overrides,
})

let employer: { user: User; organisationId: string }
let specialist: User
let opening: Opening

/** What the portal's worker does every 250 ms, run here at once. */
async function syncIndex(): Promise<void> {
  for (let pass = 0; pass < 10; pass += 1) {
    const result = await processSearchOutbox(db.sql, getSearchBackend(), { today })
    if (result.claimed === 0) return
  }
}

async function visibleCandidate(overrides: Partial<ProfileInput>): Promise<string> {
  const created = await createCandidate(specialist, {
    identity: { firstName: 'Test', lastName: 'Kandidat', nationalId: randomSyntheticNationalId(), phone: '', email: '' },
    homeMunicipalityNumber: '0301',
    responsibleUserId: specialist.id,
  })
  if (created.outcome !== 'created') throw new Error('not created')
  const candidate = (await findCandidate(db.sql, created.candidateId))!
  await saveCandidateProfile(specialist, candidate, candidate.version, profile(overrides))
  await recordConsent(specialist, candidate, { givenToUserId: specialist.id, method: 'meeting', scope: 'all', scopeCounties: [], givenOn: today, expiresOn: defaultConsentExpiry(today) })
  return candidate.id
}

let canLift: string
let mustAvoidLifting: string
let elsewhere: string

beforeAll(async () => {
  resetSearchBackend()
  const officeId = (await insertOffice(db.sql, { name: 'NAV Matching', countyNumber: '03' }))!
  specialist = await createStaffUser(db.sql, { roles: ['specialist'], officeId })
  employer = await newEmployerWithOrganisation(db.sql)
  const created = await createWorkplace(employer.user, employer.organisationId, workplaceInput({ name: 'Lageret på Alnabru' }))
  if (created.outcome !== 'created') throw new Error('no workplace')
  const base = { styrk08: '4321', timesOfDay: ['DAG'], days: ['UKEDAGER'], requirements: [], separable: true, currentRole: 'Lagermedarbeider' }
  const receiving = await addOwnTask(employer.user, created.workplaceId, { ...base, name: 'Varemottak', hoursPerWeek: 8, demands: { lifting: 2 } })
  const labels = await addOwnTask(employer.user, created.workplaceId, { ...base, name: 'Merke paller', hoursPerWeek: 4, demands: { lifting: 0 } })
  const carvedJobId = await saveCarvedJob(employer.user, created.workplaceId, { name: 'Lagerhjelp', targetHours: 12, taskIds: [receiving, labels] })
  const openingId = await createOpening(employer.user, {
    workplaceId: created.workplaceId,
    carvedJobId,
    title: 'Lagerhjelp',
    description: 'Varemottak og merking av paller.',
    openingType: 'ARBEIDSTRENING',
    hoursMin: 10,
    hoursMax: 15,
    timesOfDay: ['DAG'],
    days: ['UKEDAGER'],
    flexibility: '',
    accommodations: ['FASTE_RUTINER'],
    mentorAvailable: true,
    measures: [],
    startDate: later(14),
    durationWeeks: 12,
    places: 1,
    hireProspect: 'KANSKJE',
    contactName: 'Kari Arbeidsgiver',
    contactPhone: '',
    contactEmail: '',
  })
  await transitionOpening(employer.user, (await findOpeningForMember(db.sql, openingId, employer.user.id))!, 'publish', '', today)
  opening = (await findOpeningForMember(db.sql, openingId, employer.user.id))!

  canLift = await visibleCandidate({ demandTolerances: { lifting: 2 } })
  mustAvoidLifting = await visibleCandidate({ demandTolerances: { lifting: 1 } })
  elsewhere = await visibleCandidate({ homeMunicipalityNumber: '4601', workMunicipalities: ['4601'] })
  await syncIndex()
})

const page = { side: 1, minScore: 0 }

describe('matching an opening and candidates', () => {
  it('ranks visible candidates in the region with reasons, and the one who must avoid heavy lifting lower', async () => {
    const result = await candidatesForOpening(opening, page, { today })
    if (result.status !== 'ok') throw new Error(result.status)
    const ids = result.results.map((match) => match.candidate.id)
    expect(ids).toContain(canLift)
    expect(ids).toContain(mustAvoidLifting)
    expect(ids).not.toContain(elsewhere)
    expect(ids.indexOf(canLift)).toBeLessThan(ids.indexOf(mustAvoidLifting))
    const lower = result.results.find((match) => match.candidate.id === mustAvoidLifting)!
    expect(lower.explanation.score).toBeGreaterThan(0)
    expect(JSON.stringify(lower.explanation)).toMatch(/Varemottak/)
    expect(lower.explanation.whatWouldMakeItFit.join(' ')).toMatch(/Uten oppgaven Varemottak/)
  })

  it('never hands the employer anything but the anonymised document', async () => {
    const result = await candidatesForOpening(opening, page, { today })
    if (result.status !== 'ok') throw new Error(result.status)
    const text = JSON.stringify(result)
    expect(text).not.toMatch(/nationalId|firstName|lastName|"phone"|"email"/)
  })

  it('records interest once, and not for a candidate who is no longer visible', async () => {
    expect(await markEmployerInterest(employer.user, opening, canLift, 'Kan vi møtes?')).toBe('recorded')
    expect(await markEmployerInterest(employer.user, opening, canLift, '')).toBe('already-recorded')
    expect(await markEmployerInterest(employer.user, opening, elsewhere, '')).toBe('not-visible')
    const result = await candidatesForOpening(opening, page, { today })
    if (result.status !== 'ok') throw new Error(result.status)
    expect(result.results.find((match) => match.candidate.id === canLift)?.interested).toBe(true)
  })

  it('shows the specialist ranked openings for a candidate', async () => {
    const candidate = (await findCandidate(db.sql, canLift))!
    const result = await openingsForCandidate(specialist, candidate, page, { today })
    if (result.status !== 'ok') throw new Error(result.status)
    expect(result.results.map((match) => match.opening.id)).toContain(opening.id)
    expect(result.results[0]?.explanation.summary.length).toBeGreaterThan(0)
  })

  it('takes a candidate out of the employer’s list as soon as consent is withdrawn and the outbox is applied', async () => {
    const candidate = (await findCandidate(db.sql, mustAvoidLifting))!
    await withdrawConsent(specialist, candidate, '')
    await syncIndex()
    const result = await candidatesForOpening(opening, page, { today })
    if (result.status !== 'ok') throw new Error(result.status)
    expect(result.results.map((match) => match.candidate.id)).not.toContain(mustAvoidLifting)
    expect(await markEmployerInterest(employer.user, opening, mustAvoidLifting, '')).toBe('not-visible')
  })

  it('shows nothing for an opening that is not published', async () => {
    expect(await candidatesForOpening({ ...opening, status: 'paused' }, page, { today })).toEqual({ status: 'not-published' })
  })
})
