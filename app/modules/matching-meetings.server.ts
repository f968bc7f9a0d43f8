import type { SubmissionResult } from '@conform-to/react'
import { z } from 'zod'
import { getSql } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { findCandidate, listVisibilityRows } from '../../prisma-free-sql/queries/candidates'
import type { County } from '../../prisma-free-sql/queries/geography'
import {
  findMeeting,
  findMinute,
  insertMeeting,
  insertMeetingCandidate,
  insertMeetingOpening,
  insertMinute,
  listActiveOfficeCandidates,
  listMeetingCandidates,
  listMeetingOpenings,
  listMeetingsInCounties,
  listMinutes,
  listParticipants,
  listStaffInCounties,
  markMeetingHeld,
  type Meeting,
  type MeetingCandidate,
  type MeetingOpening,
  type Minute,
  type RegionStaffMember,
} from '../../prisma-free-sql/queries/matching-meetings'
import { findOffice, listOffices } from '../../prisma-free-sql/queries/offices'
import { findOpeningRegion, listPublishedOpeningsInCounties } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { scoreMatch, type MatchExplanation } from '../../matching/scoring'
import { hiddenReasonTexts, visibilityOfRow } from '../../matching/visibility'
import type { IndexedCandidate, IndexedOpening } from '../../search-index/backend'
import { candidateLabel } from '../../search-index/candidate-document'
import { loadIndexedCandidates, loadIndexedOpenings } from '../../search-index/load-documents'
import { roleLabels } from '../components/labels'
import {
  meetingPlaceValue,
  minuteFormKey,
  minuteSchema,
  newMeetingSchema,
  parseMeetingPlace,
  type MinuteFormChoices,
  type NewMeetingOptions,
} from '../components/matching-meeting-forms'
import { forbidden } from '../utils/auth.server'
import { notFound, requireUuid } from './employer-access.server'
import { regionOf, requireRegion } from './market-region.server'
import { candidatesForOpening, openingsForCandidate } from './matching.server'
import { todayInNorway } from './openings.server'
import { parseForm } from '../utils/form-text'

/** How many suggestions each candidate and opening shows: the meeting talks about the best few, not a list. */
export const SUGGESTIONS_SHOWN = 3
/**
 * openingsForCandidate ranks every county the candidate can work in, a page at a time; the meeting wants its own
 * county's. Reading more pages finds them when the first is full of neighbours, and the limit keeps a page of the
 * meeting from turning into dozens of searches for a candidate with nothing here.
 */
const COUNTY_PAGES_SEARCHED = 5

export const READ_ONLY_MESSAGE =
  'Du kan lese møtet, men bare deltakerne og den som opprettet det kan legge til kandidater og stillinger og skrive i referatet.'

// ---------------------------------------------------------------------------------------------
// Access

/** Staff whose region holds the meeting's county may open it; anyone else is answered 404, as for a meeting that is not there. */
export async function requireMeetingForStaff(user: User, meetingId: string | undefined): Promise<Meeting> {
  const sql = getSql()
  const meeting = await findMeeting(sql, requireUuid(meetingId))
  if (!meeting) throw notFound()
  const region = await regionOf(sql, user)
  if (!region.some((county) => county.number === meeting.countyNumber)) throw notFound()
  return meeting
}

/** The people in the meeting write in it: the participants and whoever set it up. */
export function mayRecordIn(user: User, meeting: Meeting): boolean {
  return meeting.createdByUserId === user.id || meeting.participantIds.includes(user.id)
}

function requireRecorder(user: User, meeting: Meeting): void {
  if (!mayRecordIn(user, meeting)) throw forbidden(READ_ONLY_MESSAGE)
}

const isCaseworker = (user: User) => user.officeId !== null && user.roles.some((role) => role === 'specialist' || role === 'team_lead')

/** Identity lives behind the audited personalia page of the candidate's own office; only caseworkers there get the way in. */
const mayOpenCandidate = (user: User, officeId: string) => isCaseworker(user) && user.officeId === officeId

// ---------------------------------------------------------------------------------------------
// The list of meetings and a new one

export type ListedMeeting = {
  id: string
  title: string
  meetsOn: string
  startsAt: string
  place: string
  status: Meeting['status']
  candidateCount: number
  openingCount: number
  minuteCount: number
  participates: boolean
}

const placeOf = (meeting: Pick<Meeting, 'countyName' | 'officeName'>) => (meeting.officeName ? `${meeting.officeName} (${meeting.countyName})` : meeting.countyName)

export async function meetingsOverview(user: User, today = todayInNorway()) {
  const sql = getSql()
  const region = await requireRegion(sql, user)
  const meetings = await listMeetingsInCounties(
    sql,
    region.map((county) => county.number),
  )
  const listed = (meeting: Meeting): ListedMeeting => ({
    id: meeting.id,
    title: meeting.title,
    meetsOn: meeting.meetsOn,
    startsAt: meeting.startsAt,
    place: placeOf(meeting),
    status: meeting.status,
    candidateCount: meeting.candidateCount,
    openingCount: meeting.openingCount,
    minuteCount: meeting.minuteCount,
    participates: mayRecordIn(user, meeting),
  })
  const upcoming = meetings.filter((meeting) => meeting.status === 'planned' && meeting.meetsOn >= today)
  const past = meetings.filter((meeting) => !upcoming.includes(meeting))
  // The list is newest first; the next meeting reads best at the top of what is coming.
  return { region, upcoming: upcoming.reverse().map(listed), past: past.map(listed) }
}

/** Whether a staff member may open meetings in the county: the same rule as regionOf, for one person and one county. */
function worksWithCounty(person: RegionStaffMember, countyNumber: string): boolean {
  return person.roles.includes('admin') || person.officeCountyNumber === countyNumber || person.countyNumbers.includes(countyNumber)
}

export async function newMeetingOptions(user: User, region: County[], today = todayInNorway()): Promise<NewMeetingOptions> {
  const sql = getSql()
  const numbers = region.map((county) => county.number)
  const [offices, staff] = await Promise.all([listOffices(sql), listStaffInCounties(sql, numbers)])
  const inRegion = offices.filter((office) => numbers.includes(office.countyNumber))
  const ownOffice = inRegion.find((office) => office.id === user.officeId)
  return {
    counties: region.map((county) => ({ number: county.number, name: county.name })),
    offices: inRegion.map((office) => ({ id: office.id, name: office.name, countyName: office.countyName })),
    staff: staff.map((person) => ({
      userId: person.userId,
      name: person.name,
      officeName: person.officeName,
      roleNames: person.roles.map((role) => roleLabels[role] ?? role).join(', '),
    })),
    defaults: {
      place: ownOffice ? meetingPlaceValue.office(ownOffice.id) : meetingPlaceValue.county(region[0]!.number),
      participantIds: staff.some((person) => person.userId === user.id) ? [user.id] : [],
    },
    today,
  }
}

export type CreateOutcome = { ok: true; meetingId: string } | { ok: false; reply: SubmissionResult<string[]> }

/** Parses the new-meeting form and creates the meeting; every refusal comes back on the field it concerns. */
export async function createMeetingFromForm(user: User, formData: FormData, today = todayInNorway()): Promise<CreateOutcome> {
  const sql = getSql()
  const submission = parseForm(formData, { schema: newMeetingSchema(today) })
  if (submission.status !== 'success') return { ok: false, reply: submission.reply() }
  const value = submission.value
  const region = await requireRegion(sql, user)
  const place = parseMeetingPlace(value.place)
  const office = place.kind === 'office' ? await findOffice(sql, place.officeId) : undefined
  const countyNumber = place.kind === 'county' ? place.countyNumber : office?.countyNumber
  const county = region.find((candidate) => candidate.number === countyNumber)
  if (!county) {
    return { ok: false, reply: submission.reply({ fieldErrors: { place: ['Velg et fylke eller kontor i regionen din.'] } }) }
  }
  const staff = await listStaffInCounties(sql, [county.number])
  const known = new Map(staff.map((person) => [person.userId, person]))
  const outside = value.participantIds.filter((id) => !known.get(id) || !worksWithCounty(known.get(id)!, county.number))
  if (outside.length > 0) {
    return {
      ok: false,
      reply: submission.reply({
        fieldErrors: {
          participantIds: [
            `${outside.length === 1 ? 'En av deltakerne jobber' : `${outside.length} av deltakerne jobber`} ikke med ${county.name} og kan ikke åpne møtet. Velg andre deltakere eller et annet sted.`,
          ],
        },
      }),
    }
  }
  const meetingId = await sql.begin(async (tx) => {
    const id = await insertMeeting(tx, {
      title: value.title,
      meetsOn: value.meetsOn,
      startsAt: value.startsAt,
      countyNumber: county.number,
      officeId: office?.id ?? null,
      createdByUserId: user.id,
      participantIds: value.participantIds,
    })
    await appendAudit(tx, { actorUserId: user.id, action: 'matching_meeting.created', subjectType: 'matching_meeting', subjectId: id, details: { countyNumber: county.number } })
    return id
  })
  return { ok: true, meetingId }
}

// ---------------------------------------------------------------------------------------------
// Running a meeting: what the page shows

/** A suggestion with the match's score and its short reasons (the summary of the explanation). */
export type Suggestion = { id: string; name: string; detail: string; score: number; reasons: string[]; mayOpen: boolean }
type SearchedSuggestions = { status: 'ok'; items: Suggestion[] } | { status: 'unavailable' }

export type MeetingCandidateView = {
  id: string
  label: string
  officeName: string
  responsibleName: string
  /** Staff at the candidate's office who follow candidates up get a link to the candidate (identity stays behind it). */
  mayOpen: boolean
  /** Visible to employers in the meeting's county: only then is the candidate suggested for openings. */
  visible: boolean
  /** Why not, for the candidate's own office only; null for everyone else. */
  hiddenReasons: string[] | null
  profile: { location: string; hoursMin: number; hoursMax: number; wantedTasks: string[] } | null
  meetingOpenings: Suggestion[] | null
  otherOpenings: SearchedSuggestions | null
  addedByName: string
}

export type MeetingOpeningView = {
  id: string
  title: string
  organisationName: string
  workplaceName: string
  municipalityName: string
  published: boolean
  /** Caseworkers in the opening's county have the opening's own page with their office's candidates. */
  mayOpen: boolean
  meetingCandidates: Suggestion[] | null
  otherCandidates: SearchedSuggestions | null
  addedByName: string
}

export type MinuteView = {
  id: number
  /** The entry's place in this meeting's minutes (1, 2, 3 …): what the referat and corrections refer to. */
  number: number
  candidateId: string | null
  candidateLabel: string | null
  openingId: string | null
  openingTitle: string | null
  decision: string
  nextStep: string
  responsibleName: string | null
  dueOn: string | null
  correctsMinuteId: number | null
  correctsNumber: number | null
  correctedBy: number[]
  correctedByNumbers: number[]
  recordedByName: string
  recordedAt: string
  /** Written after the meeting was marked held: an addition or correction to the referat. */
  afterHeld: boolean
}

const bySuggestionRank = (a: Suggestion, b: Suggestion) => b.score - a.score || a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id)

const reasonsOf = (explanation: MatchExplanation) => explanation.summary

function candidateProfileLine(indexed: IndexedCandidate): MeetingCandidateView['profile'] {
  const { document } = indexed
  const location =
    document.location.level === 'municipality' && document.location.name !== document.location.countyName
      ? `${document.location.name}, ${document.location.countyName}`
      : document.location.countyName
  return { location, hoursMin: document.hoursMin, hoursMax: document.hoursMax, wantedTasks: document.wantedTasks.map((task) => task.name) }
}

function consentCoversMeeting(indexed: IndexedCandidate, countyNumber: string): boolean {
  const { consent } = indexed.matching
  return consent.scope === 'all' || consent.counties.includes(countyNumber)
}

/** The best few published openings in the meeting's county that are not on its list yet, from the matching's ranking. */
async function otherOpeningsFor(
  user: User,
  candidateId: string,
  meeting: Meeting,
  onList: ReadonlySet<string>,
  options: { today: string; mayOpen: boolean },
): Promise<SearchedSuggestions> {
  const candidate = await findCandidate(getSql(), candidateId)
  if (!candidate) return { status: 'ok', items: [] }
  const items: Suggestion[] = []
  for (let side = 1; side <= COUNTY_PAGES_SEARCHED; side += 1) {
    const page = await openingsForCandidate(user, candidate, { side, minScore: 0 }, { today: options.today })
    if (page.status === 'unavailable') return { status: 'unavailable' }
    if (page.status !== 'ok') break
    for (const result of page.results) {
      if (result.opening.county.code !== meeting.countyNumber || onList.has(result.opening.id)) continue
      items.push({
        id: result.opening.id,
        name: result.opening.title,
        detail: `${result.opening.organisationName}, ${result.opening.municipality.name}`,
        score: result.explanation.score,
        reasons: reasonsOf(result.explanation),
        mayOpen: options.mayOpen,
      })
      if (items.length === SUGGESTIONS_SHOWN) return { status: 'ok', items }
    }
    if (page.page >= page.pageCount) break
  }
  return { status: 'ok', items }
}

/** The viewer's own office's best visible candidates for the opening that are not on the list yet (they may add them). */
async function otherCandidatesFor(user: User, opening: MeetingOpening, onList: ReadonlySet<string>, today: string): Promise<SearchedSuggestions | null> {
  if (!user.officeId) return null
  const page = await candidatesForOpening({ id: opening.openingId, status: opening.status }, { side: 1, minScore: 0 }, { officeId: user.officeId, today })
  if (page.status === 'unavailable') return { status: 'unavailable' }
  if (page.status !== 'ok') return { status: 'ok', items: [] }
  const items = page.results
    .filter((result) => !onList.has(result.candidate.id))
    .slice(0, SUGGESTIONS_SHOWN)
    .map((result) => ({
      id: result.candidate.id,
      name: result.candidate.label,
      detail: result.candidate.location.countyName,
      score: result.explanation.score,
      reasons: reasonsOf(result.explanation),
      mayOpen: isCaseworker(user),
    }))
  return { status: 'ok', items }
}

function minuteViews(minutes: Minute[], meeting: Meeting, openings: Map<string, string>): MinuteView[] {
  const correctedBy = new Map<number, number[]>()
  for (const minute of minutes) {
    if (minute.correctsMinuteId !== null) correctedBy.set(minute.correctsMinuteId, [...(correctedBy.get(minute.correctsMinuteId) ?? []), minute.id])
  }
  // Append-only and read in id order, so an entry's number never changes once it is written.
  const numbers = new Map(minutes.map((minute, index) => [minute.id, index + 1]))
  return minutes.map((minute) => ({
    id: minute.id,
    number: numbers.get(minute.id)!,
    candidateId: minute.candidateId,
    candidateLabel: minute.candidateId ? candidateLabel(minute.candidateId) : null,
    openingId: minute.openingId,
    openingTitle: minute.openingId ? (openings.get(minute.openingId) ?? null) : null,
    decision: minute.decision,
    nextStep: minute.nextStep,
    responsibleName: minute.responsibleName,
    dueOn: minute.dueOn,
    correctsMinuteId: minute.correctsMinuteId,
    correctsNumber: minute.correctsMinuteId === null ? null : (numbers.get(minute.correctsMinuteId) ?? null),
    correctedBy: correctedBy.get(minute.id) ?? [],
    correctedByNumbers: (correctedBy.get(minute.id) ?? []).map((id) => numbers.get(id)!),
    recordedByName: minute.recordedByName,
    recordedAt: minute.recordedAt.toISOString(),
    afterHeld: meeting.heldAt !== null && minute.recordedAt > meeting.heldAt,
  }))
}

/** Who can be named responsible for a next step: the people in the meeting and the candidates' own specialists. */
function responsibleChoices(meeting: Meeting, participants: { userId: string; name: string }[], candidates: MeetingCandidate[]) {
  const people = new Map<string, string>([[meeting.createdByUserId, meeting.createdByName]])
  for (const person of participants) people.set(person.userId, person.name)
  for (const candidate of candidates) people.set(candidate.responsibleUserId, candidate.responsibleName)
  return [...people.entries()].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name, 'nb'))
}

/**
 * Everything the meeting page shows. The suggestions are the matching's: within the meeting, each visible candidate
 * is scored against each published opening on the list by matching/scoring.ts (the same pair, the same score, seen
 * from either side); beyond it, the search ranks the county's other openings for each candidate and the viewer's own
 * office's other candidates for each opening. No name or contact detail of a candidate is read here.
 */
export async function meetingPage(user: User, meeting: Meeting, today = todayInNorway()) {
  const sql = getSql()
  const [participants, candidates, openings, minutes, viewerOffice] = await Promise.all([
    listParticipants(sql, meeting.id),
    listMeetingCandidates(sql, meeting.id),
    listMeetingOpenings(sql, meeting.id),
    listMinutes(sql, meeting.id),
    user.officeId ? findOffice(sql, user.officeId) : undefined,
  ])
  const candidateIds = candidates.map((candidate) => candidate.candidateId)
  const openingIds = openings.map((opening) => opening.openingId)
  const [indexedCandidates, indexedOpenings, visibilityRows] = await Promise.all([
    loadIndexedCandidates(sql, candidateIds, { today }),
    loadIndexedOpenings(sql, openingIds),
    listVisibilityRows(sql, { candidateIds }),
  ])
  const visibleHere = new Map<string, IndexedCandidate>()
  for (const [id, indexed] of indexedCandidates) if (consentCoversMeeting(indexed, meeting.countyNumber)) visibleHere.set(id, indexed)
  const published = new Map<string, IndexedOpening>([...indexedOpenings].filter(([, indexed]) => indexed.document.county.code === meeting.countyNumber))

  // The pairs within the meeting, scored once; only those passing every hard constraint are suggestions.
  const pairs: { candidateId: string; openingId: string; explanation: MatchExplanation }[] = []
  for (const [candidateId, candidate] of visibleHere) {
    for (const [openingId, opening] of published) {
      const explanation = scoreMatch(opening.matching, candidate.matching, { today })
      if (explanation.passes) pairs.push({ candidateId, openingId, explanation })
    }
  }
  const suggesting = meeting.status === 'planned'
  const onCandidateList = new Set(candidateIds)
  const onOpeningList = new Set(openingIds)
  const rows = new Map(visibilityRows.map((row) => [row.id, row]))
  // The opening's own staff page answers caseworkers whose office is in the opening's county, the meeting's.
  const mayOpenOpenings = isCaseworker(user) && viewerOffice?.countyNumber === meeting.countyNumber

  const candidateViews: MeetingCandidateView[] = []
  for (const candidate of candidates) {
    const indexed = visibleHere.get(candidate.candidateId)
    const ownOffice = user.officeId === candidate.officeId
    let hiddenReasons: string[] | null = null
    if (!indexed && ownOffice) {
      const row = rows.get(candidate.candidateId)
      const visibility = row ? visibilityOfRow(row, today) : undefined
      hiddenReasons = visibility && !visibility.visible ? hiddenReasonTexts(visibility.reasons) : []
      if (indexedCandidates.has(candidate.candidateId)) hiddenReasons.push(`samtykket gjelder ikke arbeidsgivere i ${meeting.countyName}`)
    }
    candidateViews.push({
      id: candidate.candidateId,
      label: candidateLabel(candidate.candidateId),
      officeName: candidate.officeName,
      responsibleName: candidate.responsibleName,
      mayOpen: mayOpenCandidate(user, candidate.officeId),
      visible: indexed !== undefined,
      hiddenReasons,
      profile: indexed ? candidateProfileLine(indexed) : null,
      meetingOpenings:
        indexed && suggesting
          ? pairs
              .filter((pair) => pair.candidateId === candidate.candidateId)
              .map((pair) => {
                const opening = published.get(pair.openingId)!.document
                return {
                  id: pair.openingId,
                  name: opening.title,
                  detail: `${opening.organisationName}, ${opening.municipality.name}`,
                  score: pair.explanation.score,
                  reasons: reasonsOf(pair.explanation),
                  mayOpen: mayOpenOpenings,
                }
              })
              .sort(bySuggestionRank)
              .slice(0, SUGGESTIONS_SHOWN)
          : null,
      otherOpenings:
        indexed && suggesting ? await otherOpeningsFor(user, candidate.candidateId, meeting, onOpeningList, { today, mayOpen: mayOpenOpenings }) : null,
      addedByName: candidate.addedByName,
    })
  }

  const openingViews: MeetingOpeningView[] = []
  for (const opening of openings) {
    const isPublished = published.has(opening.openingId)
    openingViews.push({
      id: opening.openingId,
      title: opening.title,
      organisationName: opening.organisationName,
      workplaceName: opening.workplaceName,
      municipalityName: opening.municipalityName,
      published: isPublished,
      mayOpen: mayOpenOpenings && isPublished,
      meetingCandidates:
        isPublished && suggesting
          ? pairs
              .filter((pair) => pair.openingId === opening.openingId)
              .map((pair) => ({
                id: pair.candidateId,
                name: candidateLabel(pair.candidateId),
                detail: candidateViews.find((view) => view.id === pair.candidateId)?.profile?.location ?? '',
                score: pair.explanation.score,
                reasons: reasonsOf(pair.explanation),
                mayOpen: candidateViews.find((view) => view.id === pair.candidateId)?.mayOpen ?? false,
              }))
              .sort(bySuggestionRank)
              .slice(0, SUGGESTIONS_SHOWN)
          : null,
      otherCandidates: isPublished && suggesting ? await otherCandidatesFor(user, opening, onCandidateList, today) : null,
      addedByName: opening.addedByName,
    })
  }

  const mayRecord = mayRecordIn(user, meeting)
  const openingTitles = new Map(openings.map((opening) => [opening.openingId, opening.title]))
  const minuteList = minuteViews(minutes, meeting, openingTitles)
  const officeCandidates = mayRecord && suggesting && user.officeId ? await listActiveOfficeCandidates(sql, user.officeId) : []
  const countyOpenings = mayRecord && suggesting ? await listPublishedOpeningsInCounties(sql, [meeting.countyNumber]) : []
  const addable = {
    candidates: groupByResponsible(officeCandidates.filter((candidate) => !onCandidateList.has(candidate.id))),
    openings: countyOpenings
      .filter((opening) => !onOpeningList.has(opening.id))
      .map((opening) => ({ value: opening.id, text: `${opening.title} – ${opening.organisationName}, ${opening.municipalityName}` })),
  }
  const minuteChoices: Omit<MinuteFormChoices, 'earlier'> = {
    candidates: candidateViews.map((candidate) => ({ id: candidate.id, label: candidate.label })),
    openings: openingViews.map((opening) => ({ id: opening.id, title: opening.title })),
    responsible: responsibleChoices(meeting, participants, candidates),
  }
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      meetsOn: meeting.meetsOn,
      startsAt: meeting.startsAt,
      countyName: meeting.countyName,
      place: placeOf(meeting),
      status: meeting.status,
      heldAt: meeting.heldAt?.toISOString() ?? null,
      heldByName: meeting.heldByName,
      createdByName: meeting.createdByName,
    },
    participants: participants.map((person) => ({ userId: person.userId, name: person.name, officeName: person.officeName })),
    mayRecord,
    readOnlyMessage: mayRecord ? null : READ_ONLY_MESSAGE,
    ownOffice: user.officeName,
    currentUserId: user.id,
    today,
    candidates: candidateViews,
    openings: openingViews,
    minutes: minuteList,
    addable,
    minuteChoices,
  }
}
export type MeetingPageData = Awaited<ReturnType<typeof meetingPage>>

function groupByResponsible(candidates: { id: string; responsibleUserId: string; responsibleName: string }[]) {
  const groups = new Map<string, { label: string; options: { value: string; text: string }[] }>()
  for (const candidate of candidates) {
    const group = groups.get(candidate.responsibleUserId) ?? { label: `Følges opp av ${candidate.responsibleName}`, options: [] }
    group.options.push({ value: candidate.id, text: candidateLabel(candidate.id) })
    groups.set(candidate.responsibleUserId, group)
  }
  return [...groups.values()]
}

// ---------------------------------------------------------------------------------------------
// Running a meeting: what the people in it do

export type AddOutcome = { ok: true; added: boolean; label: string } | { ok: false; error: string }

const uuidField = (message: string) => z.string({ required_error: message, invalid_type_error: message }).uuid(message)

function heldRefusal(meeting: Meeting, what: string): AddOutcome | undefined {
  return meeting.status === 'held' ? { ok: false, error: `Møtet er holdt, så det kan ikke legges til flere ${what}. Opprett et nytt møte for neste runde.` } : undefined
}

/** A candidate from the adder's own office, while active; a second add of the same candidate changes nothing. */
export async function addCandidate(user: User, meeting: Meeting, candidateIdInput: unknown): Promise<AddOutcome> {
  requireRecorder(user, meeting)
  const held = heldRefusal(meeting, 'kandidater')
  if (held) return held
  const parsed = uuidField('Velg en kandidat fra listen.').safeParse(candidateIdInput)
  if (!parsed.success) return { ok: false, error: 'Velg en kandidat fra listen.' }
  if (!user.officeId) return { ok: false, error: 'Du er ikke knyttet til et NAV-kontor, så du har ingen kandidater å ta med.' }
  const sql = getSql()
  const candidate = await findCandidate(sql, parsed.data)
  // Another office's candidate is refused in the same words as one that does not exist: the id reveals nothing.
  if (!candidate || candidate.officeId !== user.officeId) return { ok: false, error: 'Du kan bare ta med kandidater fra ditt eget kontor.' }
  const label = candidateLabel(candidate.id)
  if (candidate.status !== 'active') return { ok: false, error: `${label} er ikke aktiv nå og kan ikke tas med i møtet.` }
  const added = await insertMeetingCandidate(sql, { meetingId: meeting.id, candidateId: candidate.id, addedByUserId: user.id })
  return { ok: true, added, label }
}

/** A published opening in the meeting's county; a second add of the same opening changes nothing. */
export async function addOpening(user: User, meeting: Meeting, openingIdInput: unknown): Promise<AddOutcome> {
  requireRecorder(user, meeting)
  const held = heldRefusal(meeting, 'stillinger')
  if (held) return held
  const parsed = uuidField('Velg en stilling fra listen.').safeParse(openingIdInput)
  if (!parsed.success) return { ok: false, error: 'Velg en stilling fra listen.' }
  const sql = getSql()
  const opening = await findOpeningRegion(sql, parsed.data)
  if (!opening || opening.status !== 'published' || opening.countyNumber !== meeting.countyNumber) {
    return { ok: false, error: `Bare publiserte stillinger i ${meeting.countyName} kan tas med i møtet.` }
  }
  const added = await insertMeetingOpening(sql, { meetingId: meeting.id, openingId: opening.id, addedByUserId: user.id })
  return { ok: true, added, label: `«${opening.title}»` }
}

export type MinuteOutcome = { ok: true; formKey: string } | { ok: false; formKey: string; reply: SubmissionResult<string[]> }

const formKeyPattern = /^(referat|kandidat-[0-9a-f-]{36}|stilling-[0-9a-f-]{36})$/i

/**
 * Parses an entry for the minutes and appends it. The candidate and the opening must be on the meeting's list, the
 * responsible person someone in the meeting (or the candidate's specialist), and a correction must be about the
 * same candidate and opening as the entry it corrects.
 */
export async function recordMinuteFromForm(user: User, meeting: Meeting, formData: FormData, today = todayInNorway()): Promise<MinuteOutcome> {
  requireRecorder(user, meeting)
  const posted = String(formData.get('form') ?? '')
  const formKey = formKeyPattern.test(posted) ? posted : minuteFormKey.general
  const submission = parseForm(formData, { schema: minuteSchema(today) })
  if (submission.status !== 'success') return { ok: false, formKey, reply: submission.reply() }
  const value = submission.value
  const sql = getSql()
  const [participants, candidates, openings] = await Promise.all([
    listParticipants(sql, meeting.id),
    listMeetingCandidates(sql, meeting.id),
    listMeetingOpenings(sql, meeting.id),
  ])
  const fieldErrors: Record<string, string[]> = {}
  if (value.candidateId && !candidates.some((candidate) => candidate.candidateId === value.candidateId)) {
    fieldErrors.candidateId = ['Kandidaten er ikke med i møtet. Legg kandidaten til først.']
  }
  if (value.openingId && !openings.some((opening) => opening.openingId === value.openingId)) {
    fieldErrors.openingId = ['Stillingen er ikke med i møtet. Legg stillingen til først.']
  }
  const responsible = value.nextStep ? value.responsibleUserId : undefined
  if (responsible && !responsibleChoices(meeting, participants, candidates).some((person) => person.userId === responsible)) {
    fieldErrors.responsibleUserId = ['Velg en av deltakerne eller kandidatens jobbspesialist.']
  }
  // A correction is about what the entry it corrects was about: a side the form leaves open is taken from there.
  let candidateId = value.candidateId ?? null
  let openingId = value.openingId ?? null
  if (value.correctsMinuteId !== undefined) {
    const corrected = await findMinute(sql, meeting.id, value.correctsMinuteId)
    candidateId ??= corrected?.candidateId ?? null
    openingId ??= corrected?.openingId ?? null
    if (!corrected) fieldErrors.correctsMinuteId = ['Oppføringen finnes ikke i dette møtet.']
    else if (corrected.candidateId !== candidateId || corrected.openingId !== openingId) {
      fieldErrors.correctsMinuteId = ['En rettelse må gjelde samme kandidat og stilling som oppføringen den retter.']
    }
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, formKey, reply: submission.reply({ fieldErrors }) }
  await insertMinute(sql, {
    meetingId: meeting.id,
    candidateId,
    openingId,
    decision: value.decision,
    nextStep: value.nextStep,
    responsibleUserId: responsible ?? null,
    dueOn: value.nextStep ? (value.dueOn ?? null) : null,
    correctsMinuteId: value.correctsMinuteId ?? null,
    recordedByUserId: user.id,
  })
  return { ok: true, formKey }
}

export type HeldOutcome = { ok: true } | { ok: false; error: string }

export async function markHeld(user: User, meeting: Meeting): Promise<HeldOutcome> {
  requireRecorder(user, meeting)
  const sql = getSql()
  const marked = await sql.begin(async (tx) => {
    const done = await markMeetingHeld(tx, meeting.id, user.id)
    if (done) await appendAudit(tx, { actorUserId: user.id, action: 'matching_meeting.held', subjectType: 'matching_meeting', subjectId: meeting.id })
    return done
  })
  return marked ? { ok: true } : { ok: false, error: 'Møtet er allerede markert som holdt.' }
}
