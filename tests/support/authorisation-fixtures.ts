import { issueCsrfToken } from '~/utils/csrf.server'
import { createCandidate, recordConsent, saveCandidateProfile } from '~/modules/candidates.server'
import { shareIdentity } from '~/modules/case-disclosure.server'
import { addCandidate, addOpening, createMeetingFromForm } from '~/modules/matching-meetings.server'
import { markEmployerInterest } from '~/modules/matching.server'
import { acceptEmployerTerms } from '~/modules/organisations.server'
import { takeOwnership } from '~/modules/employer-relationships.server'
import { workplaceTasks } from '~/modules/workplaces.server'
import { deliver, mailerConfig } from '~/utils/email.server'
import { norwegianDate } from '~/utils/opening-form'
import { createMailTransport, listDevelopmentMailbox } from '../../emails/mailer'
import { processEmailOutbox } from '../../emails/outbox-worker'
import type { Sql } from '../../prisma-free-sql/db'
import { findCandidate } from '../../prisma-free-sql/queries/candidates'
import { findCase } from '../../prisma-free-sql/queries/cases'
import { findRelationship } from '../../prisma-free-sql/queries/employer-relationships'
import { findMeeting } from '../../prisma-free-sql/queries/matching-meetings'
import { insertOffice, insertTeam } from '../../prisma-free-sql/queries/offices'
import { insertMembership, insertOrganisation } from '../../prisma-free-sql/queries/organisations'
import { findUserById, insertUser, type User } from '../../prisma-free-sql/queries/users'
import { syntheticNationalId } from '../../scripts/synthetic-national-id'
import type { SignedInActor, WorldIds } from './authorisation-table'
import { moveCaseThrough, syncSearchIndex, throughToTrial } from './case-fixtures'
import { newEmployerWithOrganisation } from './employer-fixtures'
import { createStaffUser, newEmail, newOrganisation } from './fixtures'
import { candidateProfile, consentForAllEmployers, createPublishedOpening, daysFromToday } from './matching-fixtures'
import { BASE, settle } from './route-requests'

// The world of the authorisation matrix (tests/support/authorisation-table.ts describes it). Every user is created
// without a password: sessions come from sessionCookie, and argon2 would only make the setup slow.

export const COUNTY_P = '03'
export const COUNTY_Q = '46'

/** Candidate K's birth date; the national ID number below is a synthetic one for it. */
const birth = { year: 1973, month: 11, day: 27 }

function nationalIdFor(date: typeof birth): string {
  for (let individual = 100; individual < 500; individual += 1) {
    const id = syntheticNationalId(date, individual)
    if (id) return id
  }
  throw new Error('No synthetic national ID number for the birth date')
}

/** Distinctive values that appear nowhere else, so any of them in a response means K's identity leaked. */
export const candidateIdentity = {
  firstName: 'Gudbrand',
  lastName: 'Vindheimsen',
  nationalId: nationalIdFor(birth),
  phone: '48291735',
  email: 'gudbrand.vindheimsen@privat.example',
  birthDate: birth,
}

const pad = (value: number) => String(value).padStart(2, '0')

/** The strings that must not appear; `shared` are those NAV shares with the case's employer after consent. */
export function forbiddenIdentityStrings(): { always: { kind: string; value: string }[]; shared: { kind: string; value: string }[] } {
  const { firstName, lastName, nationalId, phone, email } = candidateIdentity
  const { year, month, day } = birth
  return {
    always: [
      { kind: 'national ID number', value: nationalId },
      { kind: 'birth date (dd.mm.yyyy)', value: `${pad(day)}.${pad(month)}.${year}` },
      { kind: 'birth date (yyyy-mm-dd)', value: `${year}-${pad(month)}-${pad(day)}` },
      { kind: 'birth date (ddmmyy)', value: `${pad(day)}${pad(month)}${pad(year % 100)}` },
    ],
    shared: [
      { kind: 'first name', value: firstName },
      { kind: 'last name', value: lastName },
      { kind: 'phone', value: phone },
      { kind: 'phone (spaced)', value: `${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5)}` },
      { kind: 'e-mail', value: email },
    ],
  }
}

export type AuthorisationWorld = { ids: WorldIds; users: Record<SignedInActor, User> }

async function employerInCounty(sql: Sql, municipalityNumber: string, name: string): Promise<{ user: User; organisationId: string }> {
  const organisationId = (await insertOrganisation(sql, newOrganisation({ municipalityNumber, name })))!
  const userId = await insertUser(sql, { email: newEmail('arbeidsgiver-b'), name: 'Berit Arbeidsgiver', accountType: 'employer', passwordHash: null })
  await insertMembership(sql, { organisationId, userId, status: 'active' })
  return { user: (await findUserById(sql, userId))!, organisationId }
}

export async function createAuthorisationWorld(sql: Sql, mailDir: string): Promise<AuthorisationWorld> {
  const officeX = (await insertOffice(sql, { name: 'NAV Matrise X', countyNumber: COUNTY_P }))!
  const officeY = (await insertOffice(sql, { name: 'NAV Matrise Y', countyNumber: COUNTY_P }))!
  const marketOfficeP = (await insertOffice(sql, { name: 'NAV Marked Matrise P', countyNumber: COUNTY_P }))!
  const officeQ = (await insertOffice(sql, { name: 'NAV Matrise Q', countyNumber: COUNTY_Q }))!
  const teamT = (await insertTeam(sql, { officeId: officeX, name: 'Team T' }))!

  const specialistX = await createStaffUser(sql, { name: 'Spesialist X', roles: ['specialist'], officeId: officeX, teamId: teamT })
  const specialistY = await createStaffUser(sql, { name: 'Spesialist Y', roles: ['specialist'], officeId: officeY })
  const marketP = await createStaffUser(sql, { name: 'Markedskontakt P', roles: ['market_contact'], officeId: marketOfficeP, countyNumbers: [COUNTY_P] })
  const marketQ = await createStaffUser(sql, { name: 'Markedskontakt Q', roles: ['market_contact'], officeId: officeQ, countyNumbers: [COUNTY_Q] })
  const teamLead = await createStaffUser(sql, { name: 'Teamleder T', roles: ['team_lead'], officeId: officeX, teamId: teamT })
  const admin = await createStaffUser(sql, { name: 'Administrator', roles: ['admin'], officeId: officeQ })

  const employerA = await newEmployerWithOrganisation(sql)
  const employerB = await employerInCounty(sql, '4601', 'Matrise B AS')
  // B's user has also asked to join A, and waits: a request is no access.
  await insertMembership(sql, { organisationId: employerA.organisationId, userId: employerB.user.id, status: 'requested' })
  await acceptEmployerTerms(employerA.user)
  await acceptEmployerTerms(employerB.user)

  const opening = await createPublishedOpening(sql, employerA)
  const [task] = await workplaceTasks(opening.workplaceId)
  if (!task) throw new Error('The workplace has no task')

  // Candidate K, followed up at office X, complete and visible to every employer.
  const created = await createCandidate(specialistX, {
    identity: { firstName: candidateIdentity.firstName, lastName: candidateIdentity.lastName, nationalId: candidateIdentity.nationalId, phone: candidateIdentity.phone, email: candidateIdentity.email },
    homeMunicipalityNumber: '0301',
    responsibleUserId: specialistX.id,
  })
  if (created.outcome !== 'created') throw new Error('Candidate K was not created')
  const candidate = (await findCandidate(sql, created.candidateId))!
  await saveCandidateProfile(specialistX, candidate, candidate.version, candidateProfile())
  await recordConsent(specialistX, (await findCandidate(sql, candidate.id))!, consentForAllEmployers(specialistX))
  await syncSearchIndex(sql)

  // Case C: A's interest in K, through to a running trial, with K's name, phone and e-mail shared with A.
  const interest = await markEmployerInterest(employerA.user, opening, candidate.id, '')
  if (interest.status === 'not-visible') throw new Error('Candidate K is not visible to employer A')
  const found = await moveCaseThrough((await findCase(sql, interest.case.id))!, { specialist: specialistX, employer: employerA.user }, throughToTrial)
  const shared = await shareIdentity(specialistX, found.id, ['name', 'phone', 'email'])
  if (shared.status !== 'shared') throw new Error(`K's details were not shared: ${JSON.stringify(shared)}`)

  // Meeting M in county P, with K and A's opening on it.
  const meetingForm = new FormData()
  for (const [name, value] of [
    ['title', 'Matchemøte matrise'],
    ['meetsOn', norwegianDate(daysFromToday(7))],
    ['startsAt', '9:30'],
    ['place', `fylke-${COUNTY_P}`],
    ['participantIds', specialistX.id],
    ['participantIds', marketP.id],
  ]) meetingForm.append(name!, value!)
  const meetingCreated = await createMeetingFromForm(marketP, meetingForm)
  if (!meetingCreated.ok) throw new Error(`Meeting M was not created: ${JSON.stringify(meetingCreated.reply)}`)
  const meeting = (await findMeeting(sql, meetingCreated.meetingId))!
  const addedCandidate = await addCandidate(specialistX, meeting, candidate.id)
  const addedOpening = await addOpening(marketP, meeting, opening.id)
  if (!addedCandidate.ok || !addedOpening.ok) throw new Error('K or the opening was not added to meeting M')

  // The relationship with A in county P, owned by market contact P.
  const owned = await takeOwnership(marketP, (await findRelationship(sql, employerA.organisationId))!, null)
  if (!owned.ok) throw new Error(`Market contact P could not take A: ${owned.message}`)

  // The notices all this sent, delivered to the development mailbox (anyone may read it there: they must carry no
  // personal data), and one mail of our own in case there were none. The mail page shows the one to employer A, who
  // was told that K's details were shared.
  const transport = createMailTransport(mailerConfig())
  try {
    for (let pass = 0; pass < 10 && (await processEmailOutbox(sql, transport)).claimed > 0; pass += 1);
  } finally {
    transport.close()
  }
  await deliver({ to: 'postkasse@test.example', subject: 'Testmelding', text: 'Ingen personopplysninger her.', html: '<p>Ingen personopplysninger her.</p>' })
  const mails = await listDevelopmentMailbox(mailDir)
  const mail = mails.find((item) => item.to === employerA.user.email) ?? mails[0]
  if (!mail) throw new Error('The development mailbox is empty')

  return {
    ids: {
      organisationA: employerA.organisationId,
      organisationB: employerB.organisationId,
      workplaceA: opening.workplaceId,
      taskA: task.id,
      openingA: opening.id,
      candidateK: candidate.id,
      caseC: found.id,
      meetingM: meeting.id,
      officeX,
      mailId: mail.id,
    },
    users: { employerA: employerA.user, employerB: employerB.user, specialistX, specialistY, marketP, marketQ, teamLead, admin },
  }
}

// ---------------------------------------------------------------------------------------------
// Requests without a session (route-requests.ts covers those with one)

type RouteArgs = { request: Request; params: Record<string, string>; context: Record<string, never> }
type RouteFunction = (args: RouteArgs) => Promise<Response>

export function getAnonymous(route: unknown, path: string, params: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`${BASE}${path}`)
  return settle(() => (route as RouteFunction)({ request, params, context: {} }))
}

/** A form post with a valid CSRF token and cookie, and no session. */
export async function postAnonymous(
  route: unknown,
  path: string,
  fields: Record<string, string> | [string, string][],
  params: Record<string, string> = {},
): Promise<Response> {
  const [token, csrfSetCookie] = await issueCsrfToken(new Request(`${BASE}/`))
  const body = new FormData()
  body.set('csrf', token)
  for (const [name, value] of Array.isArray(fields) ? fields : Object.entries(fields)) body.append(name, value)
  const request = new Request(`${BASE}${path}`, { method: 'POST', body, headers: { Cookie: csrfSetCookie!.split(';')[0]! } })
  return settle(() => (route as RouteFunction)({ request, params, context: {} }))
}
