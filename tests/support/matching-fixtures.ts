import { createCandidate, recordConsent, saveCandidateProfile } from '~/modules/candidates.server'
import { createOpening, todayInNorway, transitionOpening } from '~/modules/openings.server'
import { addOwnTask, createWorkplace, saveCarvedJob } from '~/modules/workplaces.server'
import { defaultConsentExpiry } from '../../matching/visibility'
import type { Queryable } from '../../prisma-free-sql/db'
import { findCandidate, type ConsentInput, type ProfileInput } from '../../prisma-free-sql/queries/candidates'
import { findOpeningForMember, type Opening } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { randomSyntheticNationalId } from '../../scripts/synthetic-national-id'
import { workplaceInput } from './employer-fixtures'

export const today = todayInNorway()

export function daysFromToday(days: number): string {
  const date = new Date(`${today}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** A complete profile of someone in Oslo who wants warehouse work in the daytime; override what a test is about. */
export const candidateProfile = (overrides: Partial<ProfileInput> = {}): ProfileInput => ({
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

/** A candidate followed up by `specialist`, with a complete profile and consent to be shown to every employer. */
export async function createVisibleCandidate(sql: Queryable, specialist: User, overrides: Partial<ProfileInput> = {}): Promise<string> {
  const created = await createCandidate(specialist, {
    identity: { firstName: 'Test', lastName: 'Kandidat', nationalId: randomSyntheticNationalId(), phone: '', email: '' },
    homeMunicipalityNumber: overrides.homeMunicipalityNumber ?? '0301',
    responsibleUserId: specialist.id,
  })
  if (created.outcome !== 'created') throw new Error('not created')
  const candidate = (await findCandidate(sql, created.candidateId))!
  await saveCandidateProfile(specialist, candidate, candidate.version, candidateProfile(overrides))
  await recordConsent(specialist, candidate, consentForAllEmployers(specialist))
  return candidate.id
}

/** Consent given to `specialist` in a meeting today, for every employer, for the default six months. */
export function consentForAllEmployers(specialist: User): ConsentInput {
  return { givenToUserId: specialist.id, method: 'meeting', scope: 'all', scopeCounties: [], givenOn: today, expiresOn: defaultConsentExpiry(today) }
}

/** A published work-training opening in Oslo: «Lagerhjelp», carved from Varemottak (heavy lifting) and Merke paller. */
export async function createPublishedOpening(sql: Queryable, employer: { user: User; organisationId: string }): Promise<Opening> {
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
    startDate: daysFromToday(14),
    durationWeeks: 12,
    places: 1,
    hireProspect: 'KANSKJE',
    contactName: 'Kari Arbeidsgiver',
    contactPhone: '',
    contactEmail: '',
  })
  await transitionOpening(employer.user, (await findOpeningForMember(sql, openingId, employer.user.id))!, 'publish', '', today)
  return (await findOpeningForMember(sql, openingId, employer.user.id))!
}
