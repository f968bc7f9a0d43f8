// Demo matching meetings in Oslo, so /marked/matchemoter has something on the first start: one held last week with its
// referat (decisions, next steps with who and by when, one correction) and one planned for next week with candidates
// and openings already on it, so the matching's suggestions show at once. The candidates are the demo specialist's own
// (by label only, like everywhere on staff pages); the openings are published ones in Oslo. Keyed on each meeting's
// title, county and creator: a second run, on any day, adds nothing.
import { osloInstant } from '../app/modules/working-days'
import { scoreMatch } from '../matching/scoring'
import type { Queryable } from '../prisma-free-sql/db'
import {
  findMeetingByTitle,
  insertMeeting,
  insertMeetingCandidate,
  insertMeetingOpening,
  insertMinute,
  markMeetingHeld,
  type NewMinute,
} from '../prisma-free-sql/queries/matching-meetings'
import { listPublishedOpeningsInCounties } from '../prisma-free-sql/queries/openings'
import { findUserByEmail, type User } from '../prisma-free-sql/queries/users'
import { loadIndexedCandidates, loadIndexedOpenings, todayInOslo } from '../search-index/load-documents'
import { demoLogins } from './demo-logins'

const COUNTY = '03'
const OFFICE = 'NAV Grünerløkka'
const HELD_TITLE = 'Matchemøte Grünerløkka: lager, kantine og butikk'
const PLANNED_TITLE = 'Matchemøte Oslo: nye stillinger og kandidater'

function shiftDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

const minutesAfter = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * 60_000)

type Pair = { candidateId: string; openingId: string; score: number }

/**
 * Adds the two demo meetings that are missing; returns how many it added. `sql` may be the seed's transaction.
 * Does nothing when the demo users, the specialist's visible candidates or Oslo's published openings are not there.
 */
export async function seedMatchingMeetingDemo(sql: Queryable, today = todayInOslo()): Promise<number> {
  const [marketContact, specialist, teamLead] = await Promise.all(
    [demoLogins.marketContact, demoLogins.specialist, demoLogins.teamLead].map((email) => findUserByEmail(sql, email)),
  )
  if (!marketContact || !specialist || !teamLead || !specialist.officeId) return 0
  const [office] = await sql`select id from nav_offices where name = ${OFFICE}`
  if (!office) return 0

  // The specialist's candidates visible to Oslo's employers, each with the published Oslo openings they fit.
  const own = await sql`select id from candidates where responsible_user_id = ${specialist.id} and status = 'active' order by id`
  const ownIds = own.map((row) => String(row.id))
  const visible = await loadIndexedCandidates(sql, ownIds, { today })
  const openings = await listPublishedOpeningsInCounties(sql, [COUNTY])
  const indexedOpenings = await loadIndexedOpenings(
    sql,
    openings.map((opening) => opening.id),
  )
  const pairs: Pair[] = []
  for (const [candidateId, candidate] of visible) {
    for (const [openingId, opening] of indexedOpenings) {
      const explanation = scoreMatch(opening.matching, candidate.matching, { today })
      if (explanation.passes) pairs.push({ candidateId, openingId, score: explanation.score })
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.candidateId.localeCompare(b.candidateId) || a.openingId.localeCompare(b.openingId))
  const hidden = ownIds.find((id) => !visible.has(id))
  const best = pairs[0]
  if (!best) return 0
  const second = pairs.find((pair) => pair.candidateId !== best.candidateId && pair.openingId !== best.openingId) ?? pairs.find((pair) => pair !== best)
  const titleOf = (openingId: string) => indexedOpenings.get(openingId)?.document.title ?? 'stillingen'

  let added = 0
  if (!(await findMeetingByTitle(sql, { title: HELD_TITLE, countyNumber: COUNTY, createdByUserId: marketContact.id }))) {
    await seedHeldMeeting(sql, { today, officeId: String(office.id), marketContact, specialist, teamLead, best, second, hidden, titleOf })
    added += 1
  }
  if (!(await findMeetingByTitle(sql, { title: PLANNED_TITLE, countyNumber: COUNTY, createdByUserId: marketContact.id }))) {
    const meetingId = await insertMeeting(sql, {
      title: PLANNED_TITLE,
      meetsOn: shiftDays(today, 7),
      startsAt: '13:00',
      countyNumber: COUNTY,
      officeId: null,
      createdByUserId: marketContact.id,
      participantIds: [marketContact.id, specialist.id],
    })
    // One candidate who is not visible yet, so the page shows how such a candidate is listed.
    const candidates = [...[...new Set(pairs.map((pair) => pair.candidateId))].slice(0, 3), ...(hidden ? [hidden] : [])]
    const chosenOpenings = [...new Set(pairs.map((pair) => pair.openingId))].slice(0, 2)
    for (const candidateId of candidates) await insertMeetingCandidate(sql, { meetingId, candidateId, addedByUserId: specialist.id })
    for (const openingId of chosenOpenings) await insertMeetingOpening(sql, { meetingId, openingId, addedByUserId: marketContact.id })
    added += 1
  }
  return added
}

async function seedHeldMeeting(
  sql: Queryable,
  input: {
    today: string
    officeId: string
    marketContact: User
    specialist: User
    teamLead: User
    best: Pair
    second: Pair | undefined
    hidden: string | undefined
    titleOf: (openingId: string) => string
  },
): Promise<void> {
  const { marketContact, specialist, teamLead, best, second, hidden, titleOf } = input
  const meetsOn = shiftDays(input.today, -7)
  const startsAt = osloInstant(meetsOn, '09:00')
  const meetingId = await insertMeeting(sql, {
    title: HELD_TITLE,
    meetsOn,
    startsAt: '09:00',
    countyNumber: COUNTY,
    officeId: input.officeId,
    createdByUserId: marketContact.id,
    participantIds: [marketContact.id, specialist.id, teamLead.id],
  })
  const candidateIds = [best.candidateId, ...(second ? [second.candidateId] : []), ...(hidden ? [hidden] : [])]
  const openingIds = [best.openingId, ...(second ? [second.openingId] : [])]
  for (const candidateId of new Set(candidateIds)) await insertMeetingCandidate(sql, { meetingId, candidateId, addedByUserId: specialist.id })
  for (const openingId of new Set(openingIds)) await insertMeetingOpening(sql, { meetingId, openingId, addedByUserId: marketContact.id })

  const entry = (minutes: number, fields: Partial<NewMinute> & Pick<NewMinute, 'decision' | 'recordedByUserId'>): NewMinute => ({
    meetingId,
    candidateId: null,
    openingId: null,
    nextStep: '',
    responsibleUserId: null,
    dueOn: null,
    correctsMinuteId: null,
    recordedAt: minutesAfter(startsAt, minutes),
    ...fields,
  })
  const first = await insertMinute(
    sql,
    entry(10, {
      candidateId: best.candidateId,
      openingId: best.openingId,
      decision: `Kandidaten passer godt til «${titleOf(best.openingId)}», særlig oppgavene og arbeidstiden. Vi foreslår kandidaten for arbeidsgiveren.`,
      nextStep: 'Spørre kandidaten om samtykke til å bli presentert',
      responsibleUserId: specialist.id,
      dueOn: shiftDays(meetsOn, 3),
      recordedByUserId: marketContact.id,
    }),
  )
  await insertMinute(
    sql,
    entry(25, {
      openingId: best.openingId,
      decision: 'Arbeidsgiveren har sagt at de kan ta imot én til på arbeidstrening i vår.',
      nextStep: 'Avtale et nytt besøk hos arbeidsgiveren',
      responsibleUserId: marketContact.id,
      dueOn: shiftDays(meetsOn, 14),
      recordedByUserId: marketContact.id,
    }),
  )
  if (second) {
    await insertMinute(
      sql,
      entry(40, {
        candidateId: second.candidateId,
        openingId: second.openingId,
        decision: `Kandidaten kan passe til «${titleOf(second.openingId)}», men vil helst starte med jobbsmak. Vi venter til oppstartsdatoen er klar.`,
        recordedByUserId: specialist.id,
      }),
    )
  }
  if (hidden && hidden !== best.candidateId && hidden !== second?.candidateId) {
    await insertMinute(
      sql,
      entry(55, {
        candidateId: hidden,
        decision: 'Profilen er ikke synlig for arbeidsgivere ennå. Vi går gjennom den på neste oppfølgingssamtale.',
        nextStep: 'Fullføre profilen sammen med kandidaten',
        responsibleUserId: specialist.id,
        dueOn: shiftDays(meetsOn, 10),
        recordedByUserId: teamLead.id,
      }),
    )
  }
  // Entries are never changed: a correction is a new entry pointing to the one it corrects.
  await insertMinute(
    sql,
    entry(70, {
      candidateId: best.candidateId,
      openingId: best.openingId,
      decision: 'Rettelse: kandidaten presenteres først etter en jobbsmak på to dager, som kandidaten selv ønsket.',
      nextStep: 'Avtale jobbsmak med arbeidsgiveren',
      responsibleUserId: marketContact.id,
      dueOn: shiftDays(meetsOn, 5),
      correctsMinuteId: first,
      recordedByUserId: specialist.id,
    }),
  )
  await markMeetingHeld(sql, meetingId, marketContact.id, minutesAfter(startsAt, 90))
}
