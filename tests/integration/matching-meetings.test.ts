import { beforeAll, describe, expect, it } from 'vitest'
import { changeCandidateStatus, withdrawConsent } from '~/modules/candidates.server'
import { norwegianDate } from '~/utils/opening-form'
import * as listRoute from '~/routes/marked.matchemoter._index'
import * as meetingRoute from '~/routes/marked.matchemoter.$meetingId'
import type { MeetingPageData } from '~/modules/matching-meetings.server'
import { scoreMatch } from '../../matching/scoring'
import { findCandidate, readIdentity, updateIdentity } from '../../prisma-free-sql/queries/candidates'
import { listMinutes } from '../../prisma-free-sql/queries/matching-meetings'
import { insertOffice } from '../../prisma-free-sql/queries/offices'
import type { Opening } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { getSearchBackend, resetSearchBackend } from '../../search-index/backends'
import { candidateLabel } from '../../search-index/candidate-document'
import { loadIndexedCandidates, loadIndexedOpenings } from '../../search-index/load-documents'
import { enqueueSearchSync, processSearchOutbox } from '../../search-index/sync'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { createStaffUser } from '../support/fixtures'
import { createPublishedOpening, createVisibleCandidate, daysFromToday, today } from '../support/matching-fixtures'
import { getRoute, postRoute } from '../support/route-requests'
import { seedMatchingMeetingDemo } from '../../scripts/demo-matching-meetings'
import { demoLogins } from '../../scripts/demo-logins'

// Matching meetings as the people in them meet them, through the pages' loaders and actions with real sessions and
// CSRF tokens: creating one, adding candidates and openings, the matching's suggestions both ways, the minutes
// (append-only, corrections as new entries), marking it held, who may open it (404 outside the region), who may write
// in it (read-only otherwise), bad input with the typed values kept, and never a candidate's name or contact details
// in what the page is sent.

const db = useTestDatabase()

// Names and contact details nobody else in the test has, so finding one in a page means it leaked.
const identity = { firstName: 'Solveig', lastName: 'Brattbakken-Ødegård', phone: '41236789', email: 'solveig.b@privat.example' }

let specialist: User
let officeMate: User
let marketContact: User
let regionColleague: User
let outsider: User
let employerUser: User
let opening: Opening
let secondOpening: Opening
let bergenOpening: Opening
let visibleId: string
let hiddenId: string
let otherVisibleId: string
let otherOfficeCandidateId: string
let pausedId: string

async function syncIndex(): Promise<void> {
  for (let pass = 0; pass < 10; pass += 1) {
    if ((await processSearchOutbox(db.sql, getSearchBackend(), { today })).claimed === 0) return
  }
}

const meetingPath = (id: string) => `/marked/matchemoter/${id}`

async function createMeeting(user: User, fields: [string, string][]): Promise<string> {
  const response = await postRoute(listRoute.action, user, '/marked/matchemoter', fields)
  expect(response.status, await response.clone().text()).toBe(302)
  const location = response.headers.get('Location')!
  const id = /\/marked\/matchemoter\/([0-9a-f-]{36})\?melding=opprettet$/.exec(location)?.[1]
  if (!id) throw new Error(`Unexpected redirect ${location}`)
  return id
}

const meetingFields = (overrides: Partial<Record<'title' | 'meetsOn' | 'startsAt' | 'place', string>> = {}, participants: string[] = [specialist.id, marketContact.id]): [string, string][] => [
  ['title', overrides.title ?? 'Matchemøte Oslo øst'],
  ['meetsOn', overrides.meetsOn ?? norwegianDate(daysFromToday(7))],
  ['startsAt', overrides.startsAt ?? '9:30'],
  ['place', overrides.place ?? 'fylke-03'],
  ...participants.map((id): [string, string] => ['participantIds', id]),
]

async function pageData(user: User, meetingId: string): Promise<MeetingPageData> {
  const response = await getRoute(meetingRoute.loader, user, meetingPath(meetingId), { meetingId })
  expect(response.status).toBe(200)
  return (await response.json()) as MeetingPageData
}

async function post(user: User, meetingId: string, fields: Record<string, string>) {
  return postRoute(meetingRoute.action, user, meetingPath(meetingId), fields, { params: { meetingId } })
}

type ConformReply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> }

async function replyOf(response: Response): Promise<ConformReply> {
  return ((await response.json()) as { reply: ConformReply }).reply
}

function expectNoIdentity(serialised: string): void {
  for (const secret of Object.values(identity)) expect(serialised).not.toContain(secret)
  // The other test candidates keep the fixture's names; "Kandidat" is every label's word, so only the first name is checked.
  expect(serialised).not.toContain('"Test"')
}

beforeAll(async () => {
  resetSearchBackend()
  const officeId = (await insertOffice(db.sql, { name: 'NAV Møtested', countyNumber: '03' }))!
  const neighbourOfficeId = (await insertOffice(db.sql, { name: 'NAV Nabokontoret', countyNumber: '03' }))!
  const bergenOfficeId = (await insertOffice(db.sql, { name: 'NAV Vestkysten', countyNumber: '46' }))!
  specialist = await createStaffUser(db.sql, { name: 'Kari Spesialist', roles: ['specialist'], officeId })
  officeMate = await createStaffUser(db.sql, { name: 'Ola Kollega', roles: ['specialist'], officeId })
  marketContact = await createStaffUser(db.sql, { name: 'Jonas Marked', roles: ['market_contact'], officeId, countyNumbers: ['03', '32'] })
  regionColleague = await createStaffUser(db.sql, { name: 'Per Nabo', roles: ['specialist'], officeId: neighbourOfficeId })
  outsider = await createStaffUser(db.sql, { name: 'Siri Vest', roles: ['specialist'], officeId: bergenOfficeId })
  const employer = await newEmployerWithOrganisation(db.sql)
  employerUser = employer.user
  opening = await createPublishedOpening(db.sql, employer)
  // The fixture names every workplace alike, so each opening has an organisation of its own.
  secondOpening = await createPublishedOpening(db.sql, await newEmployerWithOrganisation(db.sql))
  bergenOpening = await createPublishedOpening(db.sql, await newEmployerWithOrganisation(db.sql))
  await db.sql`update workplaces set municipality_number = '4601' where id = (select workplace_id from openings where id = ${bergenOpening.id})`
  await enqueueSearchSync(db.sql, 'opening', bergenOpening.id)

  visibleId = await createVisibleCandidate(db.sql, specialist)
  const stored = (await readIdentity(db.sql, visibleId))!
  await updateIdentity(db.sql, visibleId, { ...identity, nationalId: stored.nationalId })
  hiddenId = await createVisibleCandidate(db.sql, specialist)
  await withdrawConsent(specialist, (await findCandidate(db.sql, hiddenId))!, 'Vil vente litt')
  otherVisibleId = await createVisibleCandidate(db.sql, officeMate)
  pausedId = await createVisibleCandidate(db.sql, specialist)
  await changeCandidateStatus(specialist, (await findCandidate(db.sql, pausedId))!, 'paused', 'Tar en pause')
  otherOfficeCandidateId = await createVisibleCandidate(db.sql, regionColleague)
  await syncIndex()
})

describe('creating a meeting', () => {
  it('creates it in the county with the participants, and lists it as upcoming in the region', async () => {
    const meetingId = await createMeeting(marketContact, meetingFields({ title: 'Matchemøte for lista' }))
    const [row] = await db.sql`
      select title, to_char(meets_on, 'YYYY-MM-DD') as "meetsOn", to_char(starts_at, 'HH24:MI') as "startsAt", county_number as county, status,
             (select array_agg(user_id::text order by user_id) from matching_meeting_participants where meeting_id = m.id) as participants
      from matching_meetings m where id = ${meetingId}`
    expect(row).toMatchObject({ title: 'Matchemøte for lista', meetsOn: daysFromToday(7), startsAt: '09:30', county: '03', status: 'planned' })
    expect(row!.participants).toEqual([specialist.id, marketContact.id].sort())
    const list = await getRoute(listRoute.loader, specialist, '/marked/matchemoter')
    const data = (await list.json()) as { upcoming: { id: string; participates: boolean }[]; past: { id: string }[] }
    expect(data.upcoming.find((meeting) => meeting.id === meetingId)).toMatchObject({ participates: true })
    expect(data.past.map((meeting) => meeting.id)).not.toContain(meetingId)
    // Someone outside the county does not see it at all.
    const elsewhere = (await (await getRoute(listRoute.loader, outsider, '/marked/matchemoter')).json()) as { upcoming: { id: string }[] }
    expect(elsewhere.upcoming.map((meeting) => meeting.id)).not.toContain(meetingId)
  })

  it('takes an office instead of a county, and the meeting belongs to the office\'s county', async () => {
    const meetingId = await createMeeting(specialist, meetingFields({ place: `kontor-${specialist.officeId}` }, [specialist.id]))
    const [row] = await db.sql`select county_number as county, office_id as "officeId" from matching_meetings where id = ${meetingId}`
    expect(row).toEqual({ county: '03', officeId: specialist.officeId })
  })

  it('refuses a date in the wrong format with the expected format, and keeps what was typed', async () => {
    const response = await postRoute(listRoute.action, marketContact, '/marked/matchemoter', meetingFields({ title: 'Møte med feil dato', meetsOn: '2026-03-15' }))
    expect(response.status).toBe(400)
    const reply = await replyOf(response)
    expect(reply.error?.meetsOn?.[0]).toMatch(/dd\.mm\.åååå/)
    expect(reply.initialValue).toMatchObject({ title: 'Møte med feil dato', meetsOn: '2026-03-15', startsAt: '9:30', place: 'fylke-03' })
  })

  it('refuses a time, a date and a place that cannot be, and a meeting without participants, each on its field', async () => {
    const impossible = await replyOf(
      await postRoute(listRoute.action, marketContact, '/marked/matchemoter', meetingFields({ meetsOn: '31.02.2027', startsAt: '25:00' })),
    )
    expect(impossible.error?.meetsOn).toEqual(['Datoen finnes ikke.'])
    expect(impossible.error?.startsAt?.[0]).toMatch(/tt:mm/)
    const far = await replyOf(await postRoute(listRoute.action, marketContact, '/marked/matchemoter', meetingFields({ meetsOn: '15.03.2099' })))
    expect(far.error?.meetsOn?.[0]).toMatch(/ett år tilbake og to år fram/)
    const nobody = await replyOf(await postRoute(listRoute.action, marketContact, '/marked/matchemoter', meetingFields({}, [])))
    expect(nobody.error?.participantIds).toEqual(['Velg minst én deltaker.'])
    const vestland = await replyOf(await postRoute(listRoute.action, marketContact, '/marked/matchemoter', meetingFields({ place: 'fylke-46' })))
    expect(vestland.error?.place?.[0]).toMatch(/regionen din/)
    const stranger = await replyOf(await postRoute(listRoute.action, marketContact, '/marked/matchemoter', meetingFields({}, [outsider.id])))
    expect(stranger.error?.participantIds?.[0]).toMatch(/jobber ikke med Oslo/)
    expect(stranger.initialValue?.title).toBe('Matchemøte Oslo øst')
    const [count] = await db.sql`select count(*)::int as n from matching_meetings where county_number <> '03'`
    expect(count!.n).toBe(0)
  })

  it('is for staff only', async () => {
    expect((await getRoute(listRoute.loader, employerUser, '/marked/matchemoter')).status).toBe(403)
  })
})

describe('running a meeting', () => {
  let meetingId: string

  beforeAll(async () => {
    // Set up by the market contact for the two specialists: the creator writes in it without being a participant.
    meetingId = await createMeeting(marketContact, meetingFields({}, [specialist.id, officeMate.id]))
  })

  it('adds the adder\'s own office\'s active candidates and the county\'s published openings, and says calmly when one is there already', async () => {
    for (const candidateId of [visibleId, hiddenId]) {
      const added = await post(specialist, meetingId, { intent: 'addCandidate', candidateId })
      expect(added.status).toBe(302)
      expect(added.headers.get('Location')).toBe(`${meetingPath(meetingId)}?melding=kandidat#kandidat-${candidateId}`)
    }
    const again = await post(specialist, meetingId, { intent: 'addCandidate', candidateId: visibleId })
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ intent: 'addCandidate', notice: `${candidateLabel(visibleId)} er allerede med i møtet.` })

    expect((await post(specialist, meetingId, { intent: 'addOpening', openingId: opening.id })).status).toBe(302)
    const openingAgain = await post(marketContact, meetingId, { intent: 'addOpening', openingId: opening.id })
    expect(await openingAgain.json()).toEqual({ intent: 'addOpening', notice: '«Lagerhjelp» er allerede med i møtet.' })

    const [counts] = await db.sql`
      select (select count(*)::int from matching_meeting_candidates where meeting_id = ${meetingId}) as candidates,
             (select count(*)::int from matching_meeting_openings where meeting_id = ${meetingId}) as openings`
    expect(counts).toEqual({ candidates: 2, openings: 1 })
  })

  it('refuses another office\'s candidate, a paused one, an opening in another county and nonsense, keeping the choice', async () => {
    const foreign = await post(specialist, meetingId, { intent: 'addCandidate', candidateId: otherOfficeCandidateId })
    expect(foreign.status).toBe(400)
    expect(await foreign.json()).toEqual({ intent: 'addCandidate', error: 'Du kan bare ta med kandidater fra ditt eget kontor.', value: otherOfficeCandidateId })
    const paused = await post(specialist, meetingId, { intent: 'addCandidate', candidateId: pausedId })
    expect(((await paused.json()) as { error: string }).error).toBe(`${candidateLabel(pausedId)} er ikke aktiv nå og kan ikke tas med i møtet.`)
    const bergen = await post(specialist, meetingId, { intent: 'addOpening', openingId: bergenOpening.id })
    expect(((await bergen.json()) as { error: string }).error).toBe('Bare publiserte stillinger i Oslo kan tas med i møtet.')
    const empty = await post(specialist, meetingId, { intent: 'addOpening', openingId: '' })
    expect(((await empty.json()) as { error: string }).error).toBe('Velg en stilling fra listen.')
    expect((await post(specialist, meetingId, { intent: 'somethingElse' })).status).toBe(400)
  })

  it('suggests from the matching: the visible candidate among the opening\'s best and the opening among the candidate\'s, with the same score both ways', async () => {
    const data = await pageData(specialist, meetingId)
    const visible = data.candidates.find((candidate) => candidate.id === visibleId)!
    const onList = data.openings.find((item) => item.id === opening.id)!
    expect(visible).toMatchObject({ label: candidateLabel(visibleId), visible: true, responsibleName: 'Kari Spesialist', mayOpen: true })
    expect(visible.meetingOpenings?.map((item) => item.id)).toEqual([opening.id])
    expect(onList.meetingCandidates?.map((item) => item.id)).toEqual([visibleId])

    const [indexedOpening, indexedCandidate] = [
      (await loadIndexedOpenings(db.sql, [opening.id])).get(opening.id)!,
      (await loadIndexedCandidates(db.sql, [visibleId], { today })).get(visibleId)!,
    ]
    const expected = scoreMatch(indexedOpening.matching, indexedCandidate.matching, { today })
    expect(expected.passes).toBe(true)
    expect(visible.meetingOpenings![0]).toMatchObject({ score: expected.score, reasons: expected.summary })
    expect(onList.meetingCandidates![0]).toMatchObject({ score: expected.score, reasons: expected.summary })
    expect(expected.summary.length).toBeGreaterThan(0)

    // Beyond the meeting: the county's other published openings for the candidate (not the one in Bergen), and the
    // viewer's own office's other visible candidates for the opening, both from the search.
    expect(visible.otherOpenings).toMatchObject({ status: 'ok' })
    const others = visible.otherOpenings!.status === 'ok' ? visible.otherOpenings!.items.map((item) => item.id) : []
    expect(others).toContain(secondOpening.id)
    expect(others).not.toContain(opening.id)
    expect(others).not.toContain(bergenOpening.id)
    const officeOthers = onList.otherCandidates!.status === 'ok' ? onList.otherCandidates!.items.map((item) => item.id) : []
    expect(officeOthers).toContain(otherVisibleId)
    expect(officeOthers).not.toContain(visibleId)
    expect(officeOthers).not.toContain(otherOfficeCandidateId)
  })

  it('lists a candidate who is not visible with the reason for their own office, and suggests them for nothing', async () => {
    const data = await pageData(specialist, meetingId)
    const hidden = data.candidates.find((candidate) => candidate.id === hiddenId)!
    expect(hidden).toMatchObject({ visible: false, meetingOpenings: null, otherOpenings: null, profile: null })
    expect(hidden.hiddenReasons).toEqual(['samtykket er trukket'])
    expect(data.openings.flatMap((item) => item.meetingCandidates ?? []).map((item) => item.id)).not.toContain(hiddenId)
    // Another office sees that it is hidden, not why.
    const seenElsewhere = (await pageData(regionColleague, meetingId)).candidates.find((candidate) => candidate.id === hiddenId)!
    expect(seenElsewhere).toMatchObject({ visible: false, hiddenReasons: null, mayOpen: false })
  })

  it('records minutes for a candidate, an opening and a candidate for an opening, and a correction as a new entry', async () => {
    const recorded = await post(specialist, meetingId, {
      intent: 'minute',
      form: `kandidat-${visibleId}`,
      candidateId: visibleId,
      openingId: opening.id,
      decision: 'Vi foreslår kandidaten for lagerjobben.',
      nextStep: 'Ringe arbeidsgiveren',
      responsibleUserId: marketContact.id,
      dueOn: norwegianDate(daysFromToday(3)),
    })
    expect(recorded.status).toBe(302)
    expect(recorded.headers.get('Location')).toBe(`${meetingPath(meetingId)}?melding=referat#kandidat-${visibleId}`)
    expect((await post(marketContact, meetingId, { intent: 'minute', form: `stilling-${opening.id}`, openingId: opening.id, decision: 'Arbeidsgiveren kan ta to til.' })).status).toBe(302)
    const [first] = await listMinutes(db.sql, meetingId)
    const correction = await post(specialist, meetingId, {
      intent: 'minute',
      form: `kandidat-${visibleId}`,
      // From the candidate's card with the opening left open: the correction is about what the entry was about.
      candidateId: visibleId,
      openingId: '',
      decision: 'Rettelse: kandidaten starter med jobbsmak først.',
      correctsMinuteId: String(first!.id),
    })
    expect(correction.status).toBe(302)
    const minutes = await listMinutes(db.sql, meetingId)
    expect(minutes.map((minute) => [minute.candidateId, minute.openingId, minute.decision, minute.nextStep, minute.responsibleName, minute.dueOn, minute.correctsMinuteId])).toEqual([
      [visibleId, opening.id, 'Vi foreslår kandidaten for lagerjobben.', 'Ringe arbeidsgiveren', 'Jonas Marked', daysFromToday(3), null],
      [null, opening.id, 'Arbeidsgiveren kan ta to til.', '', null, null, null],
      [visibleId, opening.id, 'Rettelse: kandidaten starter med jobbsmak først.', '', null, null, first!.id],
    ])
    const data = await pageData(specialist, meetingId)
    expect(data.minutes[0]).toMatchObject({ number: 1, candidateLabel: candidateLabel(visibleId), openingTitle: 'Lagerhjelp', correctedBy: [minutes[2]!.id], correctedByNumbers: [3] })
    expect(data.minutes[2]).toMatchObject({ number: 3, correctsNumber: 1 })
    // The minutes are append-only in the database too.
    await expect(db.sql`update matching_meeting_minutes set decision = 'Skrevet om' where id = ${first!.id}`).rejects.toThrow(/append-only/)
  })

  it('refuses a minute with missing or wrong parts, on the field, with everything typed kept', async () => {
    const noResponsible = await post(specialist, meetingId, {
      intent: 'minute',
      form: `kandidat-${visibleId}`,
      candidateId: visibleId,
      decision: 'Vi prøver igjen neste uke.',
      nextStep: 'Sende profilen',
      responsibleUserId: '',
      dueOn: '2026/03/15',
    })
    expect(noResponsible.status).toBe(400)
    const body = (await noResponsible.json()) as { intent: string; formKey: string; reply: ConformReply }
    expect(body.formKey).toBe(`kandidat-${visibleId}`)
    expect(body.reply.error?.responsibleUserId).toEqual(['Velg hvem som har ansvar for neste steg.'])
    expect(body.reply.error?.dueOn?.[0]).toMatch(/dd\.mm\.åååå/)
    expect(body.reply.initialValue).toMatchObject({ decision: 'Vi prøver igjen neste uke.', nextStep: 'Sende profilen', dueOn: '2026/03/15' })

    const noDecision = (await (await post(specialist, meetingId, { intent: 'minute', form: 'referat', candidateId: visibleId, decision: '  ', dueOn: norwegianDate(daysFromToday(2)) })).json()) as { reply: ConformReply }
    expect(noDecision.reply.error?.decision).toEqual(['Skriv hva dere ble enige om.'])
    expect(noDecision.reply.error?.nextStep).toEqual(['Skriv neste steg før du setter en frist.'])

    const notInMeeting = (await (await post(specialist, meetingId, { intent: 'minute', form: 'referat', candidateId: otherVisibleId, decision: 'Noe' })).json()) as { reply: ConformReply }
    expect(notInMeeting.reply.error?.candidateId?.[0]).toMatch(/ikke med i møtet/)
    const aboutNothing = (await (await post(specialist, meetingId, { intent: 'minute', form: 'referat', decision: 'Noe' })).json()) as { reply: ConformReply }
    expect(aboutNothing.reply.error?.['']).toEqual(['Velg kandidaten eller stillingen oppføringen gjelder.'])
    const strangerResponsible = (await (
      await post(specialist, meetingId, { intent: 'minute', form: 'referat', openingId: opening.id, decision: 'Noe', nextStep: 'Noe mer', responsibleUserId: outsider.id })
    ).json()) as { reply: ConformReply }
    expect(strangerResponsible.reply.error?.responsibleUserId?.[0]).toMatch(/deltakerne/)
    const [first] = await listMinutes(db.sql, meetingId)
    const wrongCorrection = (await (
      await post(specialist, meetingId, { intent: 'minute', form: `kandidat-${hiddenId}`, candidateId: hiddenId, decision: 'Retter', correctsMinuteId: String(first!.id) })
    ).json()) as { reply: ConformReply }
    expect(wrongCorrection.reply.error?.correctsMinuteId?.[0]).toMatch(/samme kandidat og stilling/)
    expect(await listMinutes(db.sql, meetingId)).toHaveLength(3)
  })

  it('opens for staff whose region holds the county and answers 404 to everyone else', async () => {
    expect((await getRoute(meetingRoute.loader, outsider, meetingPath(meetingId), { meetingId })).status).toBe(404)
    expect((await post(outsider, meetingId, { intent: 'addOpening', openingId: opening.id })).status).toBe(404)
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect((await getRoute(meetingRoute.loader, specialist, meetingPath(unknown), { meetingId: unknown })).status).toBe(404)
    expect((await getRoute(meetingRoute.loader, specialist, meetingPath('ikke-en-id'), { meetingId: 'ikke-en-id' })).status).toBe(404)
    expect((await getRoute(meetingRoute.loader, employerUser, meetingPath(meetingId), { meetingId })).status).toBe(403)
  })

  it('is read-only, with a message, for staff in the region who are not in the meeting', async () => {
    const data = await pageData(regionColleague, meetingId)
    expect(data.mayRecord).toBe(false)
    expect(data.readOnlyMessage).toMatch(/bare deltakerne og den som opprettet det/)
    expect(data.addable).toEqual({ candidates: [], openings: [] })
    const refused = await post(regionColleague, meetingId, { intent: 'addOpening', openingId: secondOpening.id })
    expect(refused.status).toBe(403)
    expect(await refused.text()).toMatch(/bare deltakerne/)
    expect((await post(regionColleague, meetingId, { intent: 'minute', form: 'referat', openingId: opening.id, decision: 'Snik' })).status).toBe(403)
    expect((await post(regionColleague, meetingId, { intent: 'markHeld' })).status).toBe(403)
    // The creator writes even without being a participant.
    expect((await pageData(marketContact, meetingId)).mayRecord).toBe(true)
  })

  it('never sends a candidate\'s name or contact details, and links to the candidate only for caseworkers at the candidate\'s office', async () => {
    for (const viewer of [specialist, marketContact, regionColleague, officeMate]) {
      const response = await getRoute(meetingRoute.loader, viewer, meetingPath(meetingId), { meetingId })
      expectNoIdentity(await response.text())
    }
    expect((await pageData(officeMate, meetingId)).candidates.find((candidate) => candidate.id === visibleId)?.mayOpen).toBe(true)
    expect((await pageData(marketContact, meetingId)).candidates.find((candidate) => candidate.id === visibleId)?.mayOpen).toBe(false)
    expect((await pageData(regionColleague, meetingId)).candidates.find((candidate) => candidate.id === visibleId)?.mayOpen).toBe(false)
  })

  it('is marked held once, shows the referat without suggestions, takes additions but no more candidates or openings', async () => {
    const marked = await post(specialist, meetingId, { intent: 'markHeld' })
    expect(marked.status).toBe(302)
    expect(marked.headers.get('Location')).toBe(`${meetingPath(meetingId)}?melding=holdt`)
    const again = await post(marketContact, meetingId, { intent: 'markHeld' })
    expect(again.status).toBe(409)
    expect(await again.json()).toEqual({ intent: 'markHeld', error: 'Møtet er allerede markert som holdt.' })
    const late = await post(specialist, meetingId, { intent: 'addOpening', openingId: secondOpening.id })
    expect(((await late.json()) as { error: string }).error).toMatch(/Møtet er holdt/)

    expect((await post(specialist, meetingId, { intent: 'minute', form: 'referat', candidateId: hiddenId, decision: 'Tillegg: spør om samtykke på nytt.' })).status).toBe(302)
    const data = await pageData(specialist, meetingId)
    expect(data.meeting.status).toBe('held')
    expect(data.meeting.heldByName).toBe('Kari Spesialist')
    expect(data.candidates.every((candidate) => candidate.meetingOpenings === null && candidate.otherOpenings === null)).toBe(true)
    expect(data.minutes.at(-1)).toMatchObject({ decision: 'Tillegg: spør om samtykke på nytt.', afterHeld: true })
    expect(data.minutes[0]!.afterHeld).toBe(false)
    expectNoIdentity(JSON.stringify(data))

    const list = (await (await getRoute(listRoute.loader, specialist, '/marked/matchemoter')).json()) as { upcoming: { id: string }[]; past: { id: string; status: string }[] }
    expect(list.upcoming.map((meeting) => meeting.id)).not.toContain(meetingId)
    expect(list.past.find((meeting) => meeting.id === meetingId)?.status).toBe('held')
  })
})

describe('the demo meetings', () => {
  it('adds a held meeting with its referat and a planned one in Oslo, and nothing when it runs again', async () => {
    const demoOffice = (await insertOffice(db.sql, { name: 'NAV Grünerløkka', countyNumber: '03' }))!
    const demo = {
      marketContact: await createStaffUser(db.sql, { email: demoLogins.marketContact, name: 'Jonas Haugen', roles: ['market_contact'], officeId: demoOffice, countyNumbers: ['03', '32'] }),
      specialist: await createStaffUser(db.sql, { email: demoLogins.specialist, name: 'Ingrid Solberg', roles: ['specialist'], officeId: demoOffice }),
      teamLead: await createStaffUser(db.sql, { email: demoLogins.teamLead, name: 'Marte Lie', roles: ['team_lead', 'specialist'], officeId: demoOffice }),
    }
    const fitting = await createVisibleCandidate(db.sql, demo.specialist)
    await createVisibleCandidate(db.sql, demo.specialist)
    const notVisible = await createVisibleCandidate(db.sql, demo.specialist)
    await withdrawConsent(demo.specialist, (await findCandidate(db.sql, notVisible))!, 'Venter')

    expect(await seedMatchingMeetingDemo(db.sql, today)).toBe(2)
    const counts = async () => {
      const [row] = await db.sql`
        select (select count(*)::int from matching_meetings) as meetings, (select count(*)::int from matching_meeting_participants) as participants,
               (select count(*)::int from matching_meeting_candidates) as candidates, (select count(*)::int from matching_meeting_openings) as openings,
               (select count(*)::int from matching_meeting_minutes) as minutes`
      return row
    }
    const before = await counts()
    expect(await seedMatchingMeetingDemo(db.sql, daysFromToday(3))).toBe(0)
    expect(await counts()).toEqual(before)

    const meetings = await db.sql<{ id: string; status: string; meetsOn: string; title: string }[]>`
      select id, status, to_char(meets_on, 'YYYY-MM-DD') as "meetsOn", title from matching_meetings
      where created_by_user_id = ${demo.marketContact.id} order by meets_on`
    expect(meetings.map((meeting) => [meeting.status, meeting.meetsOn])).toEqual([
      ['held', daysFromToday(-7)],
      ['planned', daysFromToday(7)],
    ])
    const held = await pageData(demo.marketContact, meetings[0]!.id)
    expect(held.minutes.length).toBeGreaterThanOrEqual(3)
    expect(held.minutes.every((minute) => !minute.afterHeld)).toBe(true)
    expect(held.minutes.some((minute) => minute.correctsMinuteId !== null)).toBe(true)
    expect(held.candidates.map((candidate) => candidate.id)).toContain(fitting)
    const planned = await pageData(demo.specialist, meetings[1]!.id)
    expect(planned.candidates.find((candidate) => candidate.id === notVisible)).toMatchObject({ visible: false })
    expect(planned.openings.length).toBeGreaterThan(0)
    expect(planned.openings.some((item) => (item.meetingCandidates ?? []).length > 0)).toBe(true)
  })
})
