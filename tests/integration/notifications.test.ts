import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { escalateOverdueCases, sendCaseReminders } from '~/modules/case-deadlines.server'
import { moveCaseAs } from '~/modules/cases.server'
import { markEmployerInterest } from '~/modules/matching.server'
import { chooseEmailFrequency, inboxOf, markRead, sendDailyDigests, unreadCount } from '~/modules/notifications.server'
import { runScheduledJobs } from '~/modules/scheduled-jobs.server'
import { osloInstant } from '~/modules/working-days'
import { requestPasswordReset } from '~/modules/accounts.server'
import { getEnv, setEnv } from '~/utils/env.server'
import { createMailTransport, type MailTransport } from '../../emails/mailer'
import { messageIdFor, processEmailOutbox } from '../../emails/outbox-worker'
import { clearAbsence, setAbsence } from '../../prisma-free-sql/queries/candidates'
import { caseHistory, findCase } from '../../prisma-free-sql/queries/cases'
import { emailOutboxCounts, listDeadEmails, retryDeadEmail } from '../../prisma-free-sql/queries/email-outbox'
import { insertOffice, insertTeam } from '../../prisma-free-sql/queries/offices'
import type { Opening } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { getSearchBackend, resetSearchBackend } from '../../search-index/backends'
import { processSearchOutbox } from '../../search-index/sync'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { createStaffUser, newEmail } from '../support/fixtures'
import { createPublishedOpening, createVisibleCandidate, today } from '../support/matching-fixtures'
import { getRoute as get, postRoute as post } from '../support/route-requests'
import { startLocalSmtpServer, type LocalSmtpServer } from '../support/smtp'
import { action as outboxAction, loader as outboxLoader } from '~/routes/admin.epost'
import { action as noticesAction, loader as noticesLoader } from '~/routes/varsler'

// Notices as they really travel: an employer's interest writes the in-app notice and the e-mail in its transaction,
// and the outbox worker sends it to a real SMTP server in this process (smtp-server), which parses what arrived.

const db = useTestDatabase()

// Identity details that must never reach an e-mail: unusual enough that finding them anywhere is no coincidence.
const identity = { firstName: 'Ingeborg', lastName: 'Zachariassen', phone: '41234567', email: 'ingeborg.z@privat.example' }
const employerMessage = 'Vi har snakket med Ingeborg før og vil gjerne ha henne tilbake'

let employer: { user: User; organisationId: string }
let opening: Opening
let responsible: User
let queueColleague: User
let teamLead: User
let marketContact: User
let smtp: LocalSmtpServer
let transport: MailTransport

async function syncIndex(): Promise<void> {
  for (let pass = 0; pass < 10; pass += 1) {
    if ((await processSearchOutbox(db.sql, getSearchBackend(), { today })).claimed === 0) return
  }
}

/** A new visible candidate of `specialist` with the identity above, indexed, and the employer's interest in them. */
async function interestInNewCandidate(specialist: User = responsible) {
  const candidateId = await createVisibleCandidate(db.sql, specialist)
  await db.sql`
    update candidate_identities set first_name = ${identity.firstName}, last_name = ${identity.lastName}, phone = ${identity.phone},
      email = ${identity.email}
    where candidate_id = ${candidateId}`
  await syncIndex()
  const outcome = await markEmployerInterest(employer.user, opening, candidateId, employerMessage)
  if (outcome.status === 'not-visible') throw new Error('The new candidate is not visible')
  return { candidateId, caseId: outcome.case.id, nationalId: String((await db.sql`select national_id from candidate_identities where candidate_id = ${candidateId}`)[0]!.national_id) }
}

async function sendAll(): Promise<void> {
  for (let pass = 0; pass < 20; pass += 1) {
    if ((await processEmailOutbox(db.sql, transport)).claimed === 0) return
  }
}

/** Time passes: every message waiting for a retry is due now. */
async function retryNow(): Promise<void> {
  await db.sql`update email_outbox set next_attempt_at = now() where status = 'pending'`
}

beforeAll(async () => {
  resetSearchBackend()
  smtp = await startLocalSmtpServer({ refuse: /^finnes-ikke/ })
  transport = createMailTransport({ smtpUrl: smtp.url, from: 'Jobbsnekker <ikke-svar@jobbsnekker.invalid>', mailDir: db.mailDir })
  const officeId = (await insertOffice(db.sql, { name: 'NAV Varsler', countyNumber: '03' }))!
  const teamId = (await insertTeam(db.sql, { officeId, name: 'IPS' }))!
  responsible = await createStaffUser(db.sql, { name: 'Kari Ansvarlig', roles: ['specialist'], officeId, teamId, email: newEmail('kari') })
  queueColleague = await createStaffUser(db.sql, { name: 'Per Kollega', roles: ['specialist'], officeId, teamId })
  teamLead = await createStaffUser(db.sql, { name: 'Lise Leder', roles: ['team_lead'], officeId, teamId })
  marketContact = await createStaffUser(db.sql, { name: 'Mona Marked', roles: ['market_contact'], officeId, countyNumbers: ['03'] })
  employer = await newEmployerWithOrganisation(db.sql)
  opening = await createPublishedOpening(db.sql, employer)
})

afterAll(async () => {
  transport?.close()
  await smtp?.stop()
})

describe('a new case', () => {
  it('reaches the responsible specialist in the inbox and by e-mail, with nothing personal in the e-mail', async () => {
    const { caseId, nationalId } = await interestInNewCandidate()
    const inbox = await inboxOf(responsible.id)
    expect(inbox).toEqual([expect.objectContaining({ kind: 'case_new', caseId, link: `/ansatt/saker/${caseId}`, readAt: null })])
    expect(await unreadCount(responsible.id)).toBe(1)
    // The market contact for the employer's county hears of it too, in the inbox and by e-mail.
    expect((await inboxOf(marketContact.id)).map((entry) => entry.kind)).toEqual(['case_new_for_market'])

    await sendAll()
    const mail = smtp.received.find((received) => received.to === responsible.email)!
    expect(mail.subject).toBe('En arbeidsgiver er interessert i en av kandidatene dine')
    expect(mail.text).toContain(`/ansatt/saker/${caseId}`)
    expect(mail.html).toContain(`/ansatt/saker/${caseId}`)
    expect(mail.messageId).toBe(messageIdFor(`case_new:case:${caseId}:opened:${responsible.id}`))
    expect(mail.text).toMatch(/Bekreft at du har mottatt saken innen \w+dag \d+\. \w+ kl\. 16:00/)
    for (const body of [mail.subject, mail.text, mail.html]) {
      for (const secret of [identity.firstName, identity.lastName, identity.phone, identity.email, nationalId, employerMessage, opening.title, employer.user.name]) {
        expect(body).not.toContain(secret)
      }
    }
    expect(smtp.received.filter((received) => received.to === marketContact.email)).toHaveLength(1)
  })

  it('is notified once however often the employer clicks', async () => {
    const { candidateId, caseId } = await interestInNewCandidate()
    await Promise.all([1, 2, 3].map(() => markEmployerInterest(employer.user, opening, candidateId, employerMessage)))
    const rows = await db.sql`select count(*)::int as n from email_outbox where idempotency_key like ${`%case:${caseId}:opened%`}`
    expect(rows[0]!.n).toBe(2) // the specialist and the market contact
    const notices = await db.sql`select count(*)::int as n from notifications where case_id = ${caseId}`
    expect(notices[0]!.n).toBe(2)
  })

  it('goes to the queue\'s present specialists when nobody holds it, and to the team lead when nobody is present', async () => {
    // The responsible specialist is away, and so is the colleague standing in: the case goes to the team's queue.
    await setAbsence(db.sql, responsible.id, queueColleague.id, null)
    await setAbsence(db.sql, queueColleague.id, responsible.id, null)
    try {
      const { caseId: unheld } = await interestInNewCandidate()
      expect((await findCase(db.sql, unheld))!.ownerUserId).toBeNull()
      expect((await inboxOf(teamLead.id)).filter((entry) => entry.caseId === unheld).map((entry) => entry.kind)).toEqual(['case_new_in_queue'])
      expect((await inboxOf(queueColleague.id)).some((entry) => entry.caseId === unheld)).toBe(false)

      const present = await createStaffUser(db.sql, { roles: ['specialist'], officeId: responsible.officeId!, teamId: responsible.teamId! })
      const { caseId: queued } = await interestInNewCandidate()
      expect((await inboxOf(present.id)).filter((entry) => entry.caseId === queued).map((entry) => entry.kind)).toEqual(['case_new_in_queue'])
      expect((await inboxOf(teamLead.id)).some((entry) => entry.caseId === queued)).toBe(false)
      await db.sql`update users set disabled_at = now() where id = ${present.id}`
    } finally {
      await clearAbsence(db.sql, responsible.id)
      await clearAbsence(db.sql, queueColleague.id)
    }
  })
})

describe('the outbox with the SMTP server down', () => {
  it('keeps every message and delivers each exactly once when the server is back', async () => {
    await sendAll()
    const before = smtp.received.length
    await smtp.stop()
    const cases = []
    for (let index = 0; index < 3; index += 1) cases.push((await interestInNewCandidate()).caseId)
    const expectedKeys = cases.flatMap((caseId) => [`case_new:case:${caseId}:opened:${responsible.id}`, `case_new_for_market:case:${caseId}:opened:${marketContact.id}`])

    const failed = await processEmailOutbox(db.sql, transport)
    expect(failed).toMatchObject({ claimed: 6, sent: 0, retrying: 6, dead: 0 })
    await retryNow()
    expect(await processEmailOutbox(db.sql, transport)).toMatchObject({ sent: 0, retrying: 6 })
    expect(smtp.received.length).toBe(before)
    const waiting = await emailOutboxCounts(db.sql)
    expect(waiting).toMatchObject({ pending: 6, retrying: 6, dead: 0 })

    await smtp.start()
    await retryNow()
    await sendAll()
    await retryNow()
    await sendAll()
    const arrived = smtp.received.slice(before).map((mail) => mail.messageId)
    expect(arrived.sort()).toEqual(expectedKeys.map(messageIdFor).sort())
    expect(await emailOutboxCounts(db.sql)).toMatchObject({ pending: 0, dead: 0 })
  })

  it('keeps an account e-mail the server cannot take now, delivers it when the server is back, and then forgets the link', async () => {
    await sendAll()
    const before = smtp.received.length
    const env = getEnv()
    const user = await createStaffUser(db.sql, { name: 'Glemsk Ansatt', roles: ['specialist'], email: newEmail('glemsk') })
    await smtp.stop()
    setEnv({ ...env, SMTP_URL: smtp.url })
    try {
      // The person asking for a link is answered as always; the link waits in the outbox.
      await requestPasswordReset(user.email)
    } finally {
      setEnv(env)
    }
    const [queued] = await db.sql`select status, template, params from email_outbox where recipient_user_id = ${user.id}`
    expect(queued).toMatchObject({ status: 'pending', template: 'account_password_reset' })
    expect(String((queued!.params as { url: string }).url)).toContain('/tilbakestill-passord?token=')

    await smtp.start()
    await retryNow()
    await sendAll()
    const arrived = smtp.received.slice(before)
    expect(arrived.map((mail) => mail.to)).toEqual([user.email])
    expect(arrived[0]!.text).toContain('/tilbakestill-passord?token=')
    const [sent] = await db.sql`select status, params from email_outbox where recipient_user_id = ${user.id}`
    expect(sent).toEqual({ status: 'sent', params: {} })
  })

  it('gives up on a permanently refused address into the dead-letter list, which an admin can send again', async () => {
    await db.sql`update users set email = ${newEmail('finnes-ikke')} where id = ${responsible.id}`
    try {
      const { caseId } = await interestInNewCandidate()
      await sendAll()
      const dead = await listDeadEmails(db.sql)
      expect(dead).toEqual([expect.objectContaining({ template: 'case_new', status: 'dead', attempts: 1 })])
      expect(dead[0]!.lastError).toMatch(/550|No such mailbox/)
      expect(await retryDeadEmail(db.sql, dead[0]!.id)).toBe(true)
      await db.sql`update email_outbox set to_address = ${responsible.email} where id = ${dead[0]!.id}`
      await sendAll()
      expect(await listDeadEmails(db.sql)).toEqual([])
      expect(smtp.received.filter((mail) => mail.text.includes(`/ansatt/saker/${caseId}`) && mail.to === responsible.email)).toHaveLength(1)
    } finally {
      await db.sql`update users set email = ${responsible.email} where id = ${responsible.id}`
    }
  })
})

describe('deadlines', () => {
  it('reminds the holder before the deadline and escalates to the team lead after it, once each', async () => {
    const { caseId } = await interestInNewCandidate()
    const opened = (await findCase(db.sql, caseId))!
    expect(await sendCaseReminders(db.sql, new Date(opened.remindAt.getTime() - 60_000))).toBe(0)
    expect(await sendCaseReminders(db.sql, opened.remindAt)).toBeGreaterThanOrEqual(1)
    expect(await sendCaseReminders(db.sql, opened.remindAt)).toBe(0)
    expect((await inboxOf(responsible.id)).filter((entry) => entry.caseId === caseId).map((entry) => entry.kind).sort()).toEqual(['case_new', 'case_reminder'])

    const afterDeadline = new Date(opened.acknowledgeBy.getTime() + 60_000)
    const [first, second] = await Promise.all([escalateOverdueCases(db.sql, afterDeadline), escalateOverdueCases(db.sql, afterDeadline)])
    expect((first ?? 0) + (second ?? 0)).toBeGreaterThanOrEqual(1)
    expect((await inboxOf(teamLead.id)).filter((entry) => entry.caseId === caseId).map((entry) => entry.kind)).toEqual(['case_escalated'])
    expect((await caseHistory(db.sql, caseId)).map((event) => event.action)).toContain('escalate')
    expect((await findCase(db.sql, caseId))!.escalatedAt).not.toBeNull()

    await sendAll()
    const urgent = smtp.received.filter((mail) => mail.text.includes(`/ansatt/saker/${caseId}`))
    expect(urgent.map((mail) => mail.subject).sort()).toEqual(['En arbeidsgiver er interessert i en av kandidatene dine', 'En sak har passert svarfristen', 'Påminnelse: en sak må bekreftes snart'])
  })

  it('neither reminds nor escalates an acknowledged case', async () => {
    const { caseId } = await interestInNewCandidate()
    const opened = (await findCase(db.sql, caseId))!
    const moved = await moveCaseAs(responsible, 'staff', { caseId, version: opened.version, action: 'acknowledge', reason: '' })
    expect(moved.ok).toBe(true)
    const outcomes = await runScheduledJobs(db.sql, new Date(opened.acknowledgeBy.getTime() + 60_000))
    expect(outcomes.every((outcome) => outcome.error === undefined)).toBe(true)
    expect((await findCase(db.sql, caseId))!.escalatedAt).toBeNull()
    // The employer sees NAV's step in their inbox (no e-mail for that).
    const employerInbox = await inboxOf(employer.user.id)
    expect(employerInbox.some((entry) => entry.caseId === caseId && entry.kind === 'case_status_changed')).toBe(true)
    const mailed = await db.sql`select count(*)::int as n from email_outbox where recipient_user_id = ${employer.user.id} and template = 'case_status_changed'`
    expect(mailed[0]!.n).toBe(0)
  })
})

describe('the daily digest', () => {
  it('holds the notices of staff who chose it and sends them in one e-mail after 07:00', async () => {
    await chooseEmailFrequency(responsible.id, 'daily_digest')
    try {
      await sendAll()
      const { caseId: first } = await interestInNewCandidate()
      const { caseId: second } = await interestInNewCandidate()
      const held = await db.sql`select count(*)::int as n from email_outbox where recipient_user_id = ${responsible.id} and status = 'held'`
      expect(held[0]!.n).toBe(2)
      await sendAll()
      expect(smtp.received.filter((mail) => mail.text.includes(`/ansatt/saker/${first}`))).toHaveLength(0)

      const tomorrow = new Date(Date.now() + 24 * 60 * 60_000)
      const tomorrowDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(tomorrow)
      expect(await sendDailyDigests(db.sql, osloInstant(tomorrowDate, '06:59'))).toBe(0)
      const at = osloInstant(tomorrowDate, '07:01')
      expect(await sendDailyDigests(db.sql, at)).toBeGreaterThanOrEqual(1)
      expect(await sendDailyDigests(db.sql, at)).toBe(0)
      await sendAll()
      const digests = smtp.received.filter((mail) => mail.to === responsible.email && mail.subject.startsWith('Jobbsnekker: '))
      expect(digests).toHaveLength(1)
      expect(digests[0]!.subject).toBe('Jobbsnekker: 2 nye varsler siden i går')
      expect(digests[0]!.text).toContain(`/ansatt/saker/${first}`)
      expect(digests[0]!.text).toContain(`/ansatt/saker/${second}`)
      expect(digests[0]!.text).not.toContain(identity.lastName)
    } finally {
      await chooseEmailFrequency(responsible.id, 'immediate')
    }
  })
})

describe('the in-app inbox', () => {
  it('counts unread notices and marks them read one at a time or all at once', async () => {
    const unread = await unreadCount(responsible.id)
    expect(unread).toBeGreaterThan(1)
    const [newest] = await inboxOf(responsible.id)
    expect(await markRead(responsible.id, newest!.id)).toBe(1)
    expect(await unreadCount(responsible.id)).toBe(unread - 1)
    // Someone else's notice is not theirs to mark.
    expect(await markRead(teamLead.id, newest!.id)).toBe(0)
    await markRead(responsible.id)
    expect(await unreadCount(responsible.id)).toBe(0)
  })
})

describe('the pages', () => {
  it('/varsler lists the notices, marks them read and keeps the staff member\'s e-mail choice', async () => {
    await interestInNewCandidate()
    const page = await (await get(noticesLoader, responsible, '/varsler')).json()
    expect(page.emailFrequency).toBe('immediate')
    const unreadEntry = page.entries.find((entry: { read: boolean }) => !entry.read)
    expect(unreadEntry).toMatchObject({ title: 'En arbeidsgiver er interessert i en av kandidatene dine' })

    const read = await post(noticesAction, responsible, '/varsler', { intent: 'read', id: String(unreadEntry.id) })
    expect(read.status).toBe(302)
    const after = await (await get(noticesLoader, responsible, '/varsler')).json()
    expect(after.entries.find((entry: { id: number }) => entry.id === unreadEntry.id).read).toBe(true)

    const chosen = await post(noticesAction, responsible, '/varsler', { intent: 'frequency', frequency: 'daily_digest' })
    expect(chosen.headers.get('Location')).toBe('/varsler?melding=lagret')
    expect((await (await get(noticesLoader, responsible, '/varsler')).json()).emailFrequency).toBe('daily_digest')
    await post(noticesAction, responsible, '/varsler', { intent: 'frequency', frequency: 'immediate' })

    const nonsense = await post(noticesAction, responsible, '/varsler', { intent: 'frequency', frequency: 'hver time' })
    expect(nonsense.status).toBe(400)
    expect(await nonsense.json()).toEqual({ error: 'Velg hvordan du vil få e-post.' })
    // Employers always get every notice at once.
    const employerChoice = await post(noticesAction, employer.user, '/varsler', { intent: 'frequency', frequency: 'daily_digest' })
    expect(employerChoice.status).toBe(400)
    expect((await (await get(noticesLoader, employer.user, '/varsler')).json()).emailFrequency).toBeNull()
    // Without the CSRF token nothing changes.
    await interestInNewCandidate()
    const unreadBefore = await unreadCount(responsible.id)
    const forged = await post(noticesAction, responsible, '/varsler', { intent: 'read-all' }, { csrf: false })
    expect(forged.status).toBe(403)
    expect(await unreadCount(responsible.id)).toBe(unreadBefore)
    expect(unreadBefore).toBeGreaterThan(0)
  })

  it('/admin/epost is for admins, and sends a dead message again once', async () => {
    const admin = await createStaffUser(db.sql, { roles: ['admin'], officeId: responsible.officeId! })
    expect((await get(outboxLoader, responsible, '/admin/epost')).status).toBe(403)
    await db.sql`update users set email = ${newEmail('finnes-ikke')} where id = ${teamLead.id}`
    try {
      const { caseId } = await interestInNewCandidate()
      const opened = (await findCase(db.sql, caseId))!
      await escalateOverdueCases(db.sql, new Date(opened.acknowledgeBy.getTime() + 60_000))
      await sendAll()
      const page = await (await get(outboxLoader, admin, '/admin/epost')).json()
      const dead = page.dead.find((row: { toAddress: string }) => row.toAddress.startsWith('finnes-ikke'))
      expect(dead).toMatchObject({ template: 'En sak har passert svarfristen', attempts: 1 })
      const retried = await post(outboxAction, admin, '/admin/epost', { intent: 'retry', id: String(dead.id) })
      expect(retried.headers.get('Location')).toBe('/admin/epost?melding=sendes')
      const again = await post(outboxAction, admin, '/admin/epost', { intent: 'retry', id: String(dead.id) })
      expect(again.status).toBe(409)
      const audit = await db.sql`select count(*)::int as n from audit_log where action = 'email.retry' and subject_id = ${String(dead.id)}`
      expect(audit[0]!.n).toBe(1)
    } finally {
      await db.sql`update users set email = ${newEmail('leder')} where id = ${teamLead.id}`
      await db.sql`update email_outbox set status = 'sent' where status in ('pending', 'dead') and to_address like 'finnes-ikke%'`
    }
  })
})
