import { z } from 'zod'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import {
  appendRelationshipEvent,
  contactsByOthersSince,
  findRelationship,
  insertContact,
  lastStageMove,
  listContacts,
  listFollowers,
  listMarketContactsCovering,
  listOwnCandidateIds,
  listRelationshipEvents,
  listRelationships,
  markOrganisationAddedBy,
  moveStage,
  ownerAndFollowersOf,
  replaceOwner,
  setFollowing,
  setTraineeCapacity,
  type ContactKind,
  type EmployerRelationship,
  type PipelineStage,
  type RegisterFilter,
} from '../../prisma-free-sql/queries/employer-relationships'
import { countyOfMunicipality } from '../../prisma-free-sql/queries/geography'
import { findOrganisationByOrgNumber, insertOrganisation } from '../../prisma-free-sql/queries/organisations'
import type { User } from '../../prisma-free-sql/queries/users'
import { candidateLabel } from '../../search-index/candidate-document'
import { trafficLightOf, type TrafficLight, type TrafficLightResult } from './employer-traffic-light'
import { regionOf } from './market-region.server'
import { notify } from './notifications.server'
import { todayInNorway } from './openings.server'
import { osloInstant, osloWallClock } from './working-days'
import { getSql } from '../utils/db.server'
import { organisationPath } from '../utils/market-paths'
import { stageMoveSchema, type AddEmployerValue, type ContactLogValue, type StageMove } from '../utils/employer-market-forms'

/** Someone else's contact this recent is shown before anyone opens the employer or starts to log a contact. */
export const RECENT_CONTACT_WARNING_DAYS = 14

const notFound = () => new Response('Fant ikke virksomheten.', { status: 404, statusText: 'Not Found' })

/** The organisation, if it lies in the staff member's region; otherwise a 404, as if it did not exist. */
export async function requireOrganisationForStaff(user: User, organisationId: string | undefined): Promise<EmployerRelationship> {
  if (!z.string().uuid().safeParse(organisationId).success) throw notFound()
  const sql = getSql()
  const relationship = await findRelationship(sql, organisationId!)
  const region = await regionOf(sql, user)
  if (!relationship || !region.some((county) => county.number === relationship.countyNumber)) throw notFound()
  return relationship
}

export type RegisterRow = EmployerRelationship & { trafficLight: TrafficLightResult }

export async function employerRegister(filter: RegisterFilter & { light?: TrafficLight }, now = new Date()): Promise<RegisterRow[]> {
  const rows = await listRelationships(getSql(), filter)
  return rows
    .map((row) => ({ ...row, trafficLight: trafficLightOf(row, now) }))
    .filter((row) => !filter.light || row.trafficLight.light === filter.light)
}

export type RecentContactWarning = { staffName: string; kind: ContactKind; contactedAt: Date; others: number }

/** The latest contact by someone else within the warning window, and how many more there were. */
export async function recentContactWarning(user: User, organisationId: string, now = new Date()): Promise<RecentContactWarning | null> {
  const since = new Date(now.getTime() - RECENT_CONTACT_WARNING_DAYS * 24 * 60 * 60 * 1000)
  const [latest, ...rest] = await contactsByOthersSince(getSql(), organisationId, user.id, since)
  return latest ? { staffName: latest.staffName, kind: latest.kind, contactedAt: latest.contactedAt, others: rest.length } : null
}

/** Only market contacts covering the employer's county can own it: the owner is the employer's named contact. */
export function mayOwn(user: User, relationship: EmployerRelationship): boolean {
  return user.roles.includes('market_contact') && user.countyNumbers.includes(relationship.countyNumber)
}

/** The owner hands over; team leads and admins reassign when the owner is away or gone. */
export function mayReassign(user: User, relationship: EmployerRelationship): boolean {
  return relationship.ownerUserId === user.id || user.roles.includes('team_lead') || user.roles.includes('admin')
}

export async function organisationPage(user: User, relationship: EmployerRelationship, now = new Date()) {
  const sql = getSql()
  const [contacts, events, followers, warning, successors] = await Promise.all([
    listContacts(sql, relationship.id),
    listRelationshipEvents(sql, relationship.id),
    listFollowers(sql, relationship.id),
    recentContactWarning(user, relationship.id, now),
    listMarketContactsCovering(sql, [relationship.countyNumber]),
  ])
  return {
    relationship,
    trafficLight: trafficLightOf(relationship, now),
    contacts: contacts.map((contact) => ({ ...contact, candidateLabel: contact.candidateId ? candidateLabel(contact.candidateId) : null })),
    events,
    followers,
    following: followers.some((follower) => follower.id === user.id),
    warning,
    mayOwn: mayOwn(user, relationship),
    mayReassign: mayReassign(user, relationship),
    successors: successors.filter((person) => person.id !== relationship.ownerUserId),
  }
}

/** The candidates a staff member can name in a contact: their own caseload, by label. */
export async function ownCandidateChoices(user: User): Promise<{ id: string; label: string }[]> {
  return (await listOwnCandidateIds(getSql(), user.id)).map((id) => ({ id, label: candidateLabel(id) }))
}

export type Outcome = { ok: true } | { ok: false; status: number; message: string; field?: string }

const refused = (status: number, message: string, field?: string): Outcome => ({ ok: false, status, message, ...(field ? { field } : {}) })

export async function logContact(user: User, relationship: EmployerRelationship, value: ContactLogValue): Promise<Outcome> {
  if (value.candidateId && !(await listOwnCandidateIds(getSql(), user.id)).includes(value.candidateId)) {
    return refused(400, 'Du kan bare knytte kontakten til dine egne kandidater.', 'candidateId')
  }
  // A contact logged today without a time is "now", so it sorts above this morning's; an earlier day gets midday.
  const today = todayInNorway()
  const time = value.contactedTime ?? (value.contactedOn === today ? osloWallClock(new Date()).time : '12:00')
  await getSql().begin(async (tx) => {
    const contactId = await insertContact(tx, {
      organisationId: relationship.id,
      staffUserId: user.id,
      kind: value.kind,
      contactedAt: osloInstant(value.contactedOn, time),
      summary: value.summary,
      nextStep: value.nextStep,
      nextStepDue: value.nextStepDue ?? null,
      candidateId: value.candidateId ?? null,
    })
    const watchers = (await ownerAndFollowersOf(tx, relationship.id)).filter((id) => id !== user.id)
    await notify(tx, watchers, { kind: 'employer_contact_logged', path: organisationPath(relationship.id), eventKey: contactId })
  })
  return { ok: true }
}

/** Takes an employer nobody owns, or takes it over from the owner the page showed (never from someone newer). */
export async function takeOwnership(user: User, relationship: EmployerRelationship, seenOwner: string | null): Promise<Outcome> {
  if (!mayOwn(user, relationship)) return refused(403, 'Bare markedskontakter som dekker fylket, kan ha ansvaret for virksomheten.')
  if (relationship.ownerUserId === user.id) return { ok: true }
  if (seenOwner !== null && !mayReassign(user, relationship)) {
    return refused(403, `${relationship.ownerName ?? 'En kollega'} har ansvaret. Be dem overføre det til deg, eller spør teamlederen.`)
  }
  return changeOwner(user, relationship, seenOwner, user.id)
}

export async function transferOwnership(user: User, relationship: EmployerRelationship, seenOwner: string | null, toUserId: string): Promise<Outcome> {
  if (!mayReassign(user, relationship)) return refused(403, 'Bare den som har ansvaret, eller en teamleder, kan overføre det.')
  const candidates = await listMarketContactsCovering(getSql(), [relationship.countyNumber])
  if (!candidates.some((person) => person.id === toUserId)) return refused(400, 'Velg en markedskontakt som dekker fylket.', 'toUserId')
  return changeOwner(user, relationship, seenOwner, toUserId)
}

export async function releaseOwnership(user: User, relationship: EmployerRelationship, seenOwner: string | null): Promise<Outcome> {
  if (!mayReassign(user, relationship)) return refused(403, 'Bare den som har ansvaret, eller en teamleder, kan gi det fra seg.')
  return changeOwner(user, relationship, seenOwner, null)
}

async function changeOwner(user: User, relationship: EmployerRelationship, seenOwner: string | null, newOwner: string | null): Promise<Outcome> {
  const changed = await getSql().begin(async (tx) => {
    if (!(await replaceOwner(tx, relationship.id, seenOwner, newOwner))) return false
    const kind = newOwner === null ? 'owner_released' : seenOwner === null && newOwner === user.id ? 'owner_taken' : 'owner_transferred'
    await appendRelationshipEvent(tx, { organisationId: relationship.id, kind, fromValue: seenOwner, toValue: newOwner, actorUserId: user.id })
    await appendAudit(tx, {
      actorUserId: user.id,
      action: `employer.${kind}`,
      subjectType: 'organisation',
      subjectId: relationship.id,
      details: { from: seenOwner, to: newOwner },
    })
    const told = [seenOwner, newOwner].filter((id): id is string => id !== null && id !== user.id)
    await notify(tx, told, { kind: 'employer_owner_changed', path: organisationPath(relationship.id), eventKey: `${relationship.id}:${Date.now()}` })
    return true
  })
  if (!changed) {
    const current = await findRelationship(getSql(), relationship.id)
    return refused(409, `Ansvaret ble endret mens du så på siden. Nå har ${current?.ownerName ?? 'ingen'} ansvaret. Se over og prøv igjen.`)
  }
  return { ok: true }
}

export async function follow(user: User, relationship: EmployerRelationship, following: boolean): Promise<void> {
  await setFollowing(getSql(), relationship.id, user.id, following)
}

export type StageMoveOutcome =
  | { ok: true }
  | { ok: false; conflict: { movedBy: string | null; movedTo: PipelineStage; movedAt: Date; currentVersion: number }; wanted: StageMove }

/**
 * Moves the employer in the outreach pipeline from the version the mover saw. When someone else moved it first, the
 * earlier move stands and the later mover is told who moved it where, with their own move kept to apply again.
 */
export async function moveInPipeline(user: User, relationship: EmployerRelationship, move: StageMove): Promise<StageMoveOutcome> {
  const sql = getSql()
  const moved = await sql.begin(async (tx) => {
    if (!(await moveStage(tx, { organisationId: relationship.id, expectedVersion: move.stageVersion, stage: move.stage, reason: move.reason, actorUserId: user.id }))) return false
    await appendRelationshipEvent(tx, {
      organisationId: relationship.id,
      kind: 'stage_moved',
      fromValue: relationship.stageVersion === move.stageVersion ? relationship.stage : null,
      toValue: move.stage,
      reason: move.stage === 'not_relevant' ? move.reason : '',
      actorUserId: user.id,
    })
    return true
  })
  if (moved) return { ok: true }
  const [current, last] = await Promise.all([findRelationship(sql, relationship.id), lastStageMove(sql, relationship.id)])
  if (!current) throw notFound()
  return {
    ok: false,
    conflict: { movedBy: last?.actorName ?? null, movedTo: current.stage, movedAt: current.stageChangedAt, currentVersion: current.stageVersion },
    wanted: move,
  }
}

export async function updateTraineeCapacity(user: User, relationship: EmployerRelationship, capacity: number | null): Promise<void> {
  await getSql().begin(async (tx) => {
    await setTraineeCapacity(tx, relationship.id, capacity)
    await appendRelationshipEvent(tx, {
      organisationId: relationship.id,
      kind: 'capacity_set',
      fromValue: relationship.traineeCapacity === null ? null : String(relationship.traineeCapacity),
      toValue: capacity === null ? null : String(capacity),
      actorUserId: user.id,
    })
  })
}

export type AddEmployerOutcome =
  | { ok: true; organisationId: string }
  | { ok: false; field: 'orgNumber' | 'municipalityNumber'; message: string; existingId?: string }

/** Adds an employer that has no users yet; whoever registers it later takes it over as its first member. */
export async function addEmployer(user: User, value: AddEmployerValue): Promise<AddEmployerOutcome> {
  const sql = getSql()
  const countyNumber = await countyOfMunicipality(sql, value.municipalityNumber)
  if (!countyNumber) return { ok: false, field: 'municipalityNumber', message: 'Velg en kommune fra listen.' }
  const region = await regionOf(sql, user)
  if (!region.some((entry) => entry.number === countyNumber)) {
    return { ok: false, field: 'municipalityNumber', message: 'Kommunen ligger utenfor fylkene du dekker. Be markedsteamet der legge til virksomheten.' }
  }
  const result = await sql.begin(async (tx): Promise<AddEmployerOutcome> => {
    const organisationId = await insertOrganisation(tx, {
      orgNumber: value.orgNumber,
      name: value.orgName,
      naceSection: value.naceSection,
      sector: value.sector,
      sizeBand: value.sizeBand,
      municipalityNumber: value.municipalityNumber,
    })
    if (!organisationId) {
      const existing = await findOrganisationByOrgNumber(tx, value.orgNumber)
      return { ok: false, field: 'orgNumber', message: `${existing?.name ?? 'Virksomheten'} er allerede registrert med dette organisasjonsnummeret.`, existingId: existing?.id }
    }
    await markOrganisationAddedBy(tx, organisationId, user.id)
    await appendRelationshipEvent(tx, { organisationId, kind: 'added', fromValue: null, toValue: null, actorUserId: user.id })
    await appendAudit(tx, { actorUserId: user.id, action: 'employer.added', subjectType: 'organisation', subjectId: organisationId })
    return { ok: true, organisationId }
  })
  if (result.ok && value.takeOwnership) {
    const relationship = await findRelationship(sql, result.organisationId)
    if (relationship && mayOwn(user, relationship)) await changeOwner(user, relationship, null, user.id)
  }
  return result
}

export type PostedStageMove =
  | { ok: true }
  | {
      ok: false
      status: number
      failure: {
        intent: 'move'
        organisationId: string
        stage: string
        reason: string
        errors: Record<string, string>
        conflict?: { movedBy: string | null; movedTo: PipelineStage; movedAt: string; currentVersion: number }
      }
    }

/** A stage move as the board and the employer's page post it: parsed, applied, or answered with what went wrong. */
export async function applyPostedStageMove(user: User, relationship: EmployerRelationship, formData: FormData): Promise<PostedStageMove> {
  const posted = { stage: String(formData.get('stage') ?? ''), reason: String(formData.get('reason') ?? ''), stageVersion: formData.get('stageVersion') }
  const base = { intent: 'move' as const, organisationId: relationship.id, stage: posted.stage, reason: posted.reason }
  const parsed = stageMoveSchema.safeParse(posted)
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? 'stage'), issue.message]))
    return { ok: false, status: 400, failure: { ...base, errors } }
  }
  const outcome = await moveInPipeline(user, relationship, parsed.data)
  if (outcome.ok) return { ok: true }
  return { ok: false, status: 409, failure: { ...base, errors: {}, conflict: { ...outcome.conflict, movedAt: outcome.conflict.movedAt.toISOString() } } }
}
