import { getSql } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import {
  appendCandidateEvent,
  candidateWithNationalId,
  clearAbsence,
  findAbsence,
  findCandidate,
  findProfile,
  insertCandidate,
  insertConsent,
  insertIdentity,
  listCandidateEvents,
  listConsents,
  listOfficeSpecialists,
  listStandInFor,
  listVisibilityRows,
  readIdentity,
  readNamesForTextGuard,
  saveProfile,
  setAbsence,
  touchCandidate,
  updateCandidateStatus,
  updateIdentity,
  updateResponsible,
  withdrawCurrentConsent,
  type Candidate,
  type CandidateIdentityInput,
  type CandidateStatus,
  type CandidateVisibilityRow,
  type ConsentInput,
  type ProfileInput,
  type StoredProfile,
} from '../../prisma-free-sql/queries/candidates'
import { listCounties, listMunicipalities } from '../../prisma-free-sql/queries/geography'
import { findUserById, type User } from '../../prisma-free-sql/queries/users'
import {
  CONSENT_EXPIRING_WITHIN_DAYS,
  consentRecordOfRow,
  consentState,
  MIN_CANDIDATES_SHARING_MUNICIPALITY,
  employerVisibility,
  visibilityOfRow,
  type ConsentFilter,
  type ConsentRecord,
  type Visibility,
} from '../../matching/visibility'
import { buildCandidateDocument, type AnonymisedCandidate, type Geography } from '../../search-index/candidate-document'
import { visibleCandidateIdsIn } from '../../search-index/load-documents'
import { enqueueSearchSync } from '../../search-index/sync'
import type { IdentityReadReason } from '../utils/candidate-form'
import { deliverAccountEmail, portalUrl } from '../utils/email.server'
import { forbidden } from '../utils/auth.server'
import { notFound, requireUuid } from './employer-access.server'
import { todayInNorway } from './openings.server'

/** Staff who follow candidates up: specialists and team leads, placed at an office. */
export function assertCaseworker(user: User): asserts user is User & { officeId: string } {
  if (user.accountType !== 'staff' || !user.roles.some((role) => role === 'specialist' || role === 'team_lead')) throw forbidden()
  if (!user.officeId) throw forbidden('Du er ikke knyttet til et NAV-kontor ennå. Be en administrator om å legge deg til.')
}

/**
 * A candidate is reachable for the staff of the office that follows them up. Anyone else gets 404,
 * so an id from another office reveals nothing.
 */
export async function requireCandidateForStaff(user: User, candidateId: string | undefined): Promise<Candidate> {
  assertCaseworker(user)
  const candidate = await findCandidate(getSql(), requireUuid(candidateId))
  if (!candidate || candidate.officeId !== user.officeId) throw notFound()
  return candidate
}

// ---------------------------------------------------------------------------------------------
// Creating a candidate and the identity

export type CreateCandidateResult = { outcome: 'created'; candidateId: string } | { outcome: 'duplicate-national-id' }

/** Two people saving the same national ID number at once: the unique index decides, and the loser is told kindly. */
function isDuplicateNationalId(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505' &&
    String((error as { constraint_name?: string }).constraint_name ?? '').includes('national_id')
}

export async function createCandidate(
  user: User,
  input: { identity: CandidateIdentityInput; homeMunicipalityNumber: string; responsibleUserId: string },
): Promise<CreateCandidateResult> {
  assertCaseworker(user)
  return insertNewCandidate(user, input).catch((error: unknown) => {
    if (isDuplicateNationalId(error)) return { outcome: 'duplicate-national-id' } as const
    throw error
  })
}

function insertNewCandidate(
  user: User & { officeId: string },
  input: { identity: CandidateIdentityInput; homeMunicipalityNumber: string; responsibleUserId: string },
): Promise<CreateCandidateResult> {
  return getSql().begin(async (tx): Promise<CreateCandidateResult> => {
    if (await candidateWithNationalId(tx, input.identity.nationalId)) return { outcome: 'duplicate-national-id' }
    const colleagues = await listOfficeSpecialists(tx, user.officeId)
    if (!colleagues.some((colleague) => colleague.id === input.responsibleUserId)) throw new Response('Ugyldig ansvarlig.', { status: 400 })
    const candidateId = await insertCandidate(tx, { officeId: user.officeId, responsibleUserId: input.responsibleUserId })
    await insertIdentity(tx, candidateId, input.identity)
    await saveProfile(tx, candidateId, { ...emptyProfile(), homeMunicipalityNumber: input.homeMunicipalityNumber })
    await appendCandidateEvent(tx, { candidateId, actorUserId: user.id, kind: 'created' })
    await appendAudit(tx, { actorUserId: user.id, action: 'candidate.created', subjectType: 'candidate', subjectId: candidateId })
    await enqueueSearchSync(tx, 'candidate', candidateId)
    return { outcome: 'created', candidateId }
  })
}

export function emptyProfile(): ProfileInput {
  return {
    homeMunicipalityNumber: null,
    pitch: '',
    wantedTasks: [],
    possibleTasks: [],
    occupations: [],
    workExperience: '',
    informalCompetence: '',
    educationLevel: null,
    certificates: [],
    canObtainPoliceCertificate: null,
    hoursMin: null,
    hoursMax: null,
    gradualIncrease: false,
    timesOfDay: [],
    days: [],
    workMunicipalities: [],
    workCounties: [],
    earliestStart: null,
    demandTolerances: {},
    accommodationNeeds: [],
    oralNorwegian: null,
    writtenNorwegian: null,
    measures: [],
  }
}

export async function viewIdentity(user: User, candidate: Candidate, reason: IdentityReadReason) {
  return getSql().begin(async (tx) => {
    await appendAudit(tx, {
      actorUserId: user.id,
      action: 'candidate.identity.viewed',
      subjectType: 'candidate',
      subjectId: candidate.id,
      details: { reason },
    })
    return readIdentity(tx, candidate.id)
  })
}

export async function changeIdentity(
  user: User,
  candidate: Candidate,
  identity: CandidateIdentityInput,
): Promise<'saved' | 'duplicate-national-id'> {
  return saveIdentityChange(user, candidate, identity).catch((error: unknown) => {
    if (isDuplicateNationalId(error)) return 'duplicate-national-id' as const
    throw error
  })
}

function saveIdentityChange(user: User, candidate: Candidate, identity: CandidateIdentityInput): Promise<'saved' | 'duplicate-national-id'> {
  return getSql().begin(async (tx) => {
    const holder = await candidateWithNationalId(tx, identity.nationalId)
    if (holder && holder !== candidate.id) return 'duplicate-national-id'
    await updateIdentity(tx, candidate.id, identity)
    await touchCandidate(tx, candidate.id)
    await appendCandidateEvent(tx, { candidateId: candidate.id, actorUserId: user.id, kind: 'identity_updated' })
    await appendAudit(tx, { actorUserId: user.id, action: 'candidate.identity.updated', subjectType: 'candidate', subjectId: candidate.id })
    // The identity is never indexed; the candidate is synced like after any other change, to keep the rule simple.
    await enqueueSearchSync(tx, 'candidate', candidate.id)
    return 'saved'
  })
}

/** The candidate's own names, which the free-text guard keeps out of the profile; reading them is not a view. */
export function namesForTextGuard(candidate: Candidate): Promise<string[]> {
  return readNamesForTextGuard(getSql(), candidate.id)
}

// ---------------------------------------------------------------------------------------------
// Profile, consent, status

export async function candidateProfile(candidate: Candidate): Promise<StoredProfile | undefined> {
  return findProfile(getSql(), candidate.id)
}

export async function saveCandidateProfile(user: User, candidate: Candidate, version: number, profile: ProfileInput): Promise<'saved' | 'stale'> {
  return getSql().begin(async (tx) => {
    if (!(await touchCandidate(tx, candidate.id, version))) return 'stale'
    const previousHome = (await findProfile(tx, candidate.id))?.homeMunicipalityNumber ?? null
    await saveProfile(tx, candidate.id, profile)
    await appendCandidateEvent(tx, { candidateId: candidate.id, actorUserId: user.id, kind: 'profile_updated' })
    await enqueueSearchSync(tx, 'candidate', candidate.id, {
      movedFrom: previousHome !== profile.homeMunicipalityNumber ? previousHome : null,
    })
    return 'saved'
  })
}

export async function recordConsent(user: User, candidate: Candidate, consent: ConsentInput): Promise<void> {
  await getSql().begin(async (tx) => {
    const previous = (await listConsents(tx, candidate.id))[0]
    const renewal = previous !== undefined && !previous.withdrawnAt && !previous.supersededAt
    await insertConsent(tx, candidate.id, user.id, consent)
    await touchCandidate(tx, candidate.id)
    await appendCandidateEvent(tx, {
      candidateId: candidate.id,
      actorUserId: user.id,
      kind: renewal ? 'consent_renewed' : 'consent_recorded',
      details: { scope: consent.scope, counties: consent.scopeCounties.join(','), expiresOn: consent.expiresOn, method: consent.method },
    })
    await appendAudit(tx, {
      actorUserId: user.id,
      action: renewal ? 'candidate.consent.renewed' : 'candidate.consent.recorded',
      subjectType: 'candidate',
      subjectId: candidate.id,
      details: { scope: consent.scope, expiresOn: consent.expiresOn },
    })
    // A renewal may narrow the counties or start later: applied with the hides.
    await enqueueSearchSync(tx, 'candidate', candidate.id, { hide: renewal })
  })
}

/** Hides the profile everywhere at once: visibility is computed from the consent on every read. */
export async function withdrawConsent(user: User, candidate: Candidate, note: string): Promise<boolean> {
  return getSql().begin(async (tx) => {
    if (!(await withdrawCurrentConsent(tx, candidate.id, user.id, note))) return false
    await touchCandidate(tx, candidate.id)
    await appendCandidateEvent(tx, { candidateId: candidate.id, actorUserId: user.id, kind: 'consent_withdrawn', details: { note } })
    await appendAudit(tx, { actorUserId: user.id, action: 'candidate.consent.withdrawn', subjectType: 'candidate', subjectId: candidate.id })
    await enqueueSearchSync(tx, 'candidate', candidate.id, { hide: true })
    return true
  })
}

export async function changeCandidateStatus(user: User, candidate: Candidate, status: CandidateStatus, note: string): Promise<void> {
  if (status === candidate.status) return
  await getSql().begin(async (tx) => {
    await updateCandidateStatus(tx, candidate.id, status)
    await touchCandidate(tx, candidate.id)
    await appendCandidateEvent(tx, {
      candidateId: candidate.id,
      actorUserId: user.id,
      kind: 'status_changed',
      details: { from: candidate.status, to: status, note },
    })
    await enqueueSearchSync(tx, 'candidate', candidate.id, { hide: status !== 'active' })
  })
}

export async function candidateConsents(candidate: Candidate) {
  return listConsents(getSql(), candidate.id)
}

export async function candidateHistory(candidate: Candidate) {
  return listCandidateEvents(getSql(), candidate.id)
}

// ---------------------------------------------------------------------------------------------
// Visibility and the employer's view


let geographyCache: Promise<Geography> | undefined
function geography(): Promise<Geography> {
  geographyCache ??= (async () => {
    const sql = getSql()
    const [municipalities, counties] = await Promise.all([listMunicipalities(sql), listCounties(sql)])
    return {
      municipalities: new Map(municipalities.map((m) => [m.number, { name: m.name, countyNumber: m.countyNumber }])),
      counties: new Map(counties.map((c) => [c.number, c.name])),
    }
  })()
  return geographyCache
}

export type EmployerPreview = {
  visibility: Visibility
  /** What an employer sees once the candidate is visible; undefined while the profile lacks the basics. */
  document: AnonymisedCandidate | undefined
}

/**
 * Exactly the anonymised document employers get. While the candidate is hidden the preview still shows
 * what would be shown, counting the candidate as visible for the location rule.
 */
export async function employerPreview(candidate: Candidate, today = todayInNorway()): Promise<EmployerPreview> {
  const sql = getSql()
  const profile = await findProfile(sql, candidate.id)
  const consents = await listConsents(sql, candidate.id)
  const latest = consents[0]
  const visibility = employerVisibility({
    status: candidate.status,
    latestConsent: latest ?? null,
    profile: profile ?? null,
    today,
  })
  if (!profile?.homeMunicipalityNumber) return { visibility, document: undefined }
  // The location rule only asks whether enough share the home: counting stops there, as in the index.
  const neighbours = await visibleCandidateIdsIn(sql, profile.homeMunicipalityNumber, { today, atLeast: MIN_CANDIDATES_SHARING_MUNICIPALITY })
  const othersVisible = neighbours.filter((id) => id !== candidate.id).length
  const consentScope =
    latest && !latest.withdrawnAt ? { scope: latest.scope, counties: latest.scopeCounties } : { scope: 'all' as const, counties: [] }
  const document = buildCandidateDocument(
    { id: candidate.id, profile, consentScope, visibleCandidatesSharingHome: othersVisible + 1 },
    await geography(),
  )
  return { visibility, document }
}

// ---------------------------------------------------------------------------------------------
// Caseload

export type CaseloadFilters = {
  status?: CandidateStatus
  consent?: ConsentFilter
  /** Candidates who could work this many hours a week. */
  hours?: number
  countyNumber?: string
  /** Only candidates with no activity for this many days. */
  inactiveDays?: number
}

export type CaseloadEntry = {
  id: string
  responsibleUserId: string
  responsibleName: string
  status: CandidateStatus
  homeMunicipalityNumber: string | null
  hoursMin: number | null
  hoursMax: number | null
  consent: ReturnType<typeof consentState>['kind']
  consentExpiresOn: string | null
  visible: boolean
  missingCount: number
  lastActivityAt: Date
  wantedTasks: string[]
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/**
 * `responsibleUserIds`: the specialist's own, or a team's, or those a stand-in covers; always only candidates of the
 * office `officeId`, the only ones the viewer can open.
 */
export async function caseload(
  officeId: string,
  responsibleUserIds: readonly string[],
  filters: CaseloadFilters,
  today = todayInNorway(),
  now = new Date(),
) {
  if (responsibleUserIds.length === 0) return []
  const sql = getSql()
  const rows = await listVisibilityRows(sql, { responsibleUserIds, officeId })
  const municipalities = (await geography()).municipalities
  const entries: CaseloadEntry[] = rows.map((row) => {
    const consent = consentState(consentRecordOfRow(row), today)
    const visibility = visibilityOfRow(row, today)
    const missing = visibility.visible ? [] : visibility.reasons.flatMap((reason) => (reason.code === 'incomplete' ? reason.missing : []))
    return {
      id: row.id,
      responsibleUserId: row.responsibleUserId,
      responsibleName: row.responsibleName,
      status: row.status,
      homeMunicipalityNumber: row.homeMunicipalityNumber,
      hoursMin: row.hoursMin,
      hoursMax: row.hoursMax,
      consent: consent.kind,
      consentExpiresOn: consent.kind === 'active' ? consent.expiresOn : null,
      visible: visibility.visible,
      missingCount: missing.length,
      lastActivityAt: row.lastActivityAt,
      wantedTasks: row.wantedTasks,
    }
  })
  const expiringBefore = addDays(today, CONSENT_EXPIRING_WITHIN_DAYS)
  const inactiveSince = filters.inactiveDays ? new Date(now.getTime() - filters.inactiveDays * 86_400_000) : undefined
  return entries.filter((entry) => {
    if (filters.status && entry.status !== filters.status) return false
    if (filters.consent === 'expiring') {
      if (entry.consent !== 'active' || !entry.consentExpiresOn || entry.consentExpiresOn > expiringBefore) return false
    } else if (filters.consent === 'none') {
      if (entry.consent !== 'none' && entry.consent !== 'not-yet-valid') return false
    } else if (filters.consent && entry.consent !== filters.consent) return false
    if (filters.hours !== undefined) {
      if (entry.hoursMin === null || entry.hoursMax === null || filters.hours < entry.hoursMin || filters.hours > entry.hoursMax) return false
    }
    if (filters.countyNumber) {
      const home = entry.homeMunicipalityNumber ? municipalities.get(entry.homeMunicipalityNumber) : undefined
      if (home?.countyNumber !== filters.countyNumber) return false
    }
    if (inactiveSince && entry.lastActivityAt > inactiveSince) return false
    return true
  })
}

export async function municipalityNames(): Promise<Record<string, string>> {
  return Object.fromEntries([...(await geography()).municipalities].map(([number, m]) => [number, m.name]))
}

// ---------------------------------------------------------------------------------------------
// Handover and absence

export async function officeSpecialists(officeId: string) {
  return listOfficeSpecialists(getSql(), officeId)
}

export type HandoverResult = 'handed-over' | 'same-person' | 'not-a-colleague'

/** The candidate keeps the whole history; only the responsible person changes, and they are told by e-mail. */
export async function handOverCandidate(user: User, candidate: Candidate, newResponsibleId: string, note: string): Promise<HandoverResult> {
  const result = await getSql().begin(async (tx): Promise<HandoverResult> => {
    if (newResponsibleId === candidate.responsibleUserId) return 'same-person'
    const colleagues = await listOfficeSpecialists(tx, candidate.officeId)
    const successor = colleagues.find((colleague) => colleague.id === newResponsibleId)
    if (!successor) return 'not-a-colleague'
    await updateResponsible(tx, candidate.id, successor.id, candidate.officeId)
    await touchCandidate(tx, candidate.id)
    await appendCandidateEvent(tx, {
      candidateId: candidate.id,
      actorUserId: user.id,
      kind: 'handed_over',
      details: { from: candidate.responsibleName, to: successor.name, note },
    })
    await appendAudit(tx, {
      actorUserId: user.id,
      action: 'candidate.handed_over',
      subjectType: 'candidate',
      subjectId: candidate.id,
      details: { fromUserId: candidate.responsibleUserId, toUserId: successor.id },
    })
    await enqueueSearchSync(tx, 'candidate', candidate.id)
    return 'handed-over'
  })
  if (result === 'handed-over') {
    const successor = await findUserById(getSql(), newResponsibleId)
    if (successor) await deliverAccountEmail('account_candidate_handover', successor.email, { url: portalUrl(`/ansatt/kandidater/${candidate.id}`) }, successor.id)
  }
  return result
}

export async function ownAbsence(user: User) {
  const sql = getSql()
  const [absence, standingInFor] = await Promise.all([findAbsence(sql, user.id), listStandInFor(sql, user.id)])
  return { absence, standingInFor }
}

export async function startAbsence(user: User, standInUserId: string, untilDate: string | null): Promise<'saved' | 'not-a-colleague'> {
  assertCaseworker(user)
  return getSql().begin(async (tx) => {
    const colleagues = await listOfficeSpecialists(tx, user.officeId!)
    if (standInUserId === user.id || !colleagues.some((colleague) => colleague.id === standInUserId)) return 'not-a-colleague'
    await setAbsence(tx, user.id, standInUserId, untilDate)
    await appendAudit(tx, { actorUserId: user.id, action: 'staff.absence.started', subjectType: 'user', subjectId: user.id, details: { standInUserId } })
    return 'saved'
  })
}

export async function endAbsence(user: User): Promise<void> {
  await getSql().begin(async (tx) => {
    await clearAbsence(tx, user.id)
    await appendAudit(tx, { actorUserId: user.id, action: 'staff.absence.ended', subjectType: 'user', subjectId: user.id })
  })
}
