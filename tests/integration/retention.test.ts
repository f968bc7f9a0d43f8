import { beforeAll, describe, expect, it } from 'vitest'
import { viewDisclosureAsEmployer, shareIdentity } from '~/modules/case-disclosure.server'
import { disclosureExpiry } from '~/modules/case-disclosure'
import { recordConsent } from '~/modules/candidates.server'
import {
  disableInactiveAccounts,
  INACTIVE_ACCOUNT_MONTHS,
  INACTIVITY_WARNING_DAYS,
  monthsBefore,
  warnInactiveAccounts,
} from '~/modules/candidate-rights.server'
import { moveCaseAs } from '~/modules/cases.server'
import { markEmployerInterest } from '~/modules/matching.server'
import { acceptEmployerTerms } from '~/modules/organisations.server'
import { runScheduledJobs, scheduledJobs } from '~/modules/scheduled-jobs.server'
import { getSessionUser } from '~/utils/session.server'
import { authenticate, requestPasswordReset, resetPassword } from '~/modules/accounts.server'
import { renderOutboxEmail } from '../../emails/outbox-templates'
import { findCandidate } from '../../prisma-free-sql/queries/candidates'
import { findCase } from '../../prisma-free-sql/queries/cases'
import { insertOffice } from '../../prisma-free-sql/queries/offices'
import type { Opening } from '../../prisma-free-sql/queries/openings'
import { findUserById, insertUser, type User } from '../../prisma-free-sql/queries/users'
import { getSearchBackend, resetSearchBackend } from '../../search-index/backends'
import { allIndexedCandidates, loadIndexedCandidates } from '../../search-index/load-documents'
import { enqueueConsentDateChanges, processSearchOutbox } from '../../search-index/sync'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { createStaffUser, newEmail, STRONG_PASSWORD } from '../support/fixtures'
import { mailsTo, tokenIn } from '../support/mail'
import { createPublishedOpening, createVisibleCandidate, daysFromToday, today } from '../support/matching-fixtures'
import { BASE, sessionCookie } from '../support/route-requests'

// The scheduled retention rules, with time passed as `now` / `today` rather than waited for: identity details shared
// with an employer go after six months; a profile leaves the search index on the day its consent runs out; accounts
// nobody uses are warned 30 days ahead and disabled after 12 months.

const db = useTestDatabase()
const DAY = 86_400_000

let specialist: User
let employer: { user: User; organisationId: string }
let opening: Opening

async function syncIndex(day = today): Promise<void> {
  for (let pass = 0; pass < 10; pass += 1) {
    if ((await processSearchOutbox(db.sql, getSearchBackend(), { today: day })).claimed === 0) return
  }
}

beforeAll(async () => {
  resetSearchBackend()
  const officeId = (await insertOffice(db.sql, { name: 'NAV Oppbevaring', countyNumber: '03' }))!
  specialist = await createStaffUser(db.sql, { name: 'Kari Ansvarlig', roles: ['specialist'], officeId })
  employer = await newEmployerWithOrganisation(db.sql)
  await acceptEmployerTerms(employer.user)
  opening = await createPublishedOpening(db.sql, employer)
})

describe('identity details shared with an employer', () => {
  it('are deleted by the scheduled jobs once six months have passed, not a minute before, and once', async () => {
    const candidateId = await createVisibleCandidate(db.sql, specialist)
    await syncIndex()
    const interest = await markEmployerInterest(employer.user, opening, candidateId, '')
    if (interest.status === 'not-visible') throw new Error('not visible')
    const caseId = interest.case.id
    for (const action of ['acknowledge', 'askCandidate', 'candidateSaidYes'] as const) {
      const current = (await findCase(db.sql, caseId))!
      const moved = await moveCaseAs(specialist, 'staff', { caseId, version: current.version, action, reason: '' })
      if (!moved.ok) throw new Error(moved.message)
    }
    const sharedAt = new Date()
    const shared = await shareIdentity(specialist, caseId, ['name'], { now: sharedAt })
    if (shared.status !== 'shared') throw new Error(shared.status)
    expect(shared.expiresAt).toEqual(disclosureExpiry(sharedAt))
    const stored = () => db.sql<{ firstName: string | null; purgeReason: string | null }[]>`
      select first_name as "firstName", purge_reason as "purgeReason" from case_disclosures where case_id = ${caseId}`
    const purgeJob = (outcomes: { name: string; done?: number; error?: string }[]) => outcomes.find((outcome) => outcome.name === 'expired shared identity details')

    const justBefore = new Date(shared.expiresAt.getTime() - 60_000)
    const before = await runScheduledJobs(db.sql, justBefore)
    expect(before.filter((outcome) => outcome.error)).toEqual([])
    expect(purgeJob(before)?.done).toBe(0)
    expect(await stored()).toEqual([{ firstName: 'Test', purgeReason: null }])
    expect(await viewDisclosureAsEmployer(employer.user, caseId, justBefore)).not.toBeNull()

    const sixMonthsOn = new Date(shared.expiresAt.getTime() + 60_000)
    expect(await viewDisclosureAsEmployer(employer.user, caseId, sixMonthsOn)).toBeNull()
    const after = await runScheduledJobs(db.sql, sixMonthsOn)
    expect(after.filter((outcome) => outcome.error)).toEqual([])
    expect(purgeJob(after)?.done).toBe(1)
    expect(await stored()).toEqual([{ firstName: null, purgeReason: 'expired' }])
    expect(purgeJob(await runScheduledJobs(db.sql, sixMonthsOn))?.done).toBe(0)
    const [audit] = await db.sql`select actor_user_id, details ->> 'reason' as reason from audit_log where action = 'case.disclosure.purged' and subject_id = ${caseId}`
    expect(audit).toEqual({ actor_user_id: null, reason: 'expired' })
  })
})

describe('a profile whose consent runs out', () => {
  it('leaves the search index on that day, through the daily sweep and the sync, and a rebuild leaves it out', async () => {
    const candidateId = await createVisibleCandidate(db.sql, specialist)
    const candidate = (await findCandidate(db.sql, candidateId))!
    const lastDay = daysFromToday(1)
    const expiresOn = daysFromToday(2)
    await recordConsent(specialist, candidate, { givenToUserId: specialist.id, method: 'meeting', scope: 'all', scopeCounties: [], givenOn: today, expiresOn })
    await syncIndex()
    const backend = getSearchBackend()
    const indexed = async () => (await backend.candidateDocuments([candidateId])).has(candidateId)
    expect(await indexed()).toBe(true)

    // The last day of the consent: still shown, and the sweep does not touch it.
    expect((await loadIndexedCandidates(db.sql, [candidateId], { today: lastDay })).has(candidateId)).toBe(true)
    await enqueueConsentDateChanges(db.sql, lastDay)
    await syncIndex(lastDay)
    expect(await indexed()).toBe(true)

    // The day it runs out: nothing in the database changes, and still the profile goes.
    expect((await loadIndexedCandidates(db.sql, [candidateId], { today: expiresOn })).has(candidateId)).toBe(false)
    expect(await enqueueConsentDateChanges(db.sql, expiresOn)).toBeGreaterThanOrEqual(1)
    await syncIndex(expiresOn)
    expect(await indexed()).toBe(false)
    const rebuilt: string[] = []
    for await (const batch of allIndexedCandidates(db.sql, 100, { today: expiresOn })) rebuilt.push(...batch.map((item) => item.document.id))
    expect(rebuilt).not.toContain(candidateId)
    // A week later the sweep no longer looks at it (it is long gone), and the sync leaves it out.
    await enqueueConsentDateChanges(db.sql, daysFromToday(10))
    await syncIndex(daysFromToday(10))
    expect(await indexed()).toBe(false)
  })

  it('still leaves the index when the portal was stopped for longer than the sweep looks back', async () => {
    const candidateId = await createVisibleCandidate(db.sql, specialist)
    const candidate = (await findCandidate(db.sql, candidateId))!
    await recordConsent(specialist, candidate, { givenToUserId: specialist.id, method: 'meeting', scope: 'all', scopeCounties: [], givenOn: today, expiresOn: daysFromToday(2) })
    // Earlier tests swept days ahead; this one starts from a sweep today.
    await db.sql`delete from search_consent_sweeps`
    await enqueueConsentDateChanges(db.sql, today)
    await syncIndex()
    const indexed = async () => (await getSearchBackend().candidateDocuments([candidateId])).has(candidateId)
    expect(await indexed()).toBe(true)
    // The last sweep ran today; the next one, twelve days later, is the first after the consent ended on day 2.
    const back = daysFromToday(12)
    expect(await enqueueConsentDateChanges(db.sql, back)).toBeGreaterThanOrEqual(1)
    await syncIndex(back)
    expect(await indexed()).toBe(false)
  })
})

describe('accounts nobody uses', () => {
  const now = new Date()
  const monthsAgo = (months: number, extraDays = 0) => new Date(monthsBefore(now, months).getTime() - extraDays * DAY)

  async function employerAccount(lastLoginAt: Date | null, createdAt = monthsAgo(24)): Promise<User> {
    const id = await insertUser(db.sql, { email: newEmail('inaktiv'), name: 'Ingrid Inaktiv', accountType: 'employer', passwordHash: null })
    await db.sql`update users set last_login_at = ${lastLoginAt}, created_at = ${createdAt} where id = ${id}`
    return (await findUserById(db.sql, id))!
  }

  async function staffAccount(lastLoginAt: Date | null, roles: ('specialist' | 'admin')[] = ['specialist']): Promise<User> {
    const user = await createStaffUser(db.sql, { name: 'Sigurd Sjelden', roles })
    await db.sql`update users set last_login_at = ${lastLoginAt}, created_at = ${monthsAgo(24)} where id = ${user.id}`
    return user
  }

  const state = async (user: User) =>
    (await db.sql<{ disabledAt: Date | null; warnedAt: Date | null }[]>`
      select disabled_at as "disabledAt", inactivity_warned_at as "warnedAt" from users where id = ${user.id}`)[0]!
  const warningsTo = (user: User) =>
    db.sql<{ template: string; toAddress: string; params: Record<string, string> }[]>`
      select template, to_address as "toAddress", params from email_outbox where recipient_user_id = ${user.id} and template = 'account_inactive'`
  const audited = async (user: User, action: string) =>
    db.sql<{ actorUserId: string | null; details: Record<string, unknown> }[]>`
      select actor_user_id as "actorUserId", details from audit_log where action = ${action} and subject_id = ${user.id}`

  it('come back when the owner sets a new password through «Glemt passord»; accounts disabled otherwise do not', async () => {
    const dormant = await employerAccount(monthsAgo(14))
    await db.sql`update users set inactivity_warned_at = ${monthsAgo(1, 5)}, disabled_at = ${monthsAgo(0, 2)} where id = ${dormant.id}`
    await requestPasswordReset(dormant.email)
    const [mail] = await mailsTo(db.mailDir, dormant.email)
    expect(mail?.subject).toBe('Tilbakestill passordet ditt i Jobbsnekker')
    expect(await resetPassword(tokenIn(mail!), STRONG_PASSWORD)).toEqual({ userId: dormant.id })
    expect(await state(dormant)).toEqual({ disabledAt: null, warnedAt: null })
    expect((await authenticate({ email: dormant.email, password: STRONG_PASSWORD, clientAddress: '192.0.2.80' })).outcome).toBe('ok')
    expect(await audited(dormant, 'user.reactivated')).toEqual([{ actorUserId: dormant.id, details: { via: 'password_reset' } }])

    // Disabled for another reason (never warned): no link, and it stays disabled.
    const blocked = await employerAccount(monthsAgo(2))
    await db.sql`update users set disabled_at = ${now} where id = ${blocked.id}`
    await requestPasswordReset(blocked.email)
    expect(await mailsTo(db.mailDir, blocked.email)).toEqual([])
  })

  it('are among the scheduled jobs', () => {
    expect(scheduledJobs.map((job) => job.name)).toEqual(expect.arrayContaining(['inactive account warnings', 'inactive accounts']))
  })

  it('are warned 30 days ahead with an e-mail carrying no personal data, then disabled with their sessions ended, once', async () => {
    const longGone = await employerAccount(monthsAgo(13))
    const almostAYear = await staffAccount(monthsAgo(INACTIVE_ACCOUNT_MONTHS, -20))
    const neverUsed = await employerAccount(null, monthsAgo(14))
    const recent = await employerAccount(monthsAgo(6))
    // Logged in long ago, but still using a session: in use.
    const inSession = await employerAccount(monthsAgo(13))
    await db.sql`insert into sessions (id_hash, user_id, last_seen_at, expires_at) values (${`h-${inSession.id}`}, ${inSession.id}, ${new Date(now.getTime() - DAY)}, ${new Date(now.getTime() + DAY)})`
    // A session row of the long-gone account, live until after the disabling: it must be ended.
    const cookie = await sessionCookie(longGone)
    await db.sql`update sessions set last_seen_at = ${monthsAgo(13)}, created_at = ${monthsAgo(13)}, expires_at = ${new Date(now.getTime() + 60 * DAY)} where user_id = ${longGone.id}`

    expect(await warnInactiveAccounts(db.sql, now)).toBe(3)
    for (const user of [longGone, almostAYear, neverUsed]) {
      expect((await state(user)).warnedAt).toEqual(now)
      const [mail] = await warningsTo(user)
      expect(mail).toMatchObject({ template: 'account_inactive', toAddress: user.email })
      expect(Object.keys(mail!.params).sort()).toEqual(['dueAt', 'url'])
      expect(mail!.params.url).toMatch(/\/logg-inn$/)
      const rendered = await renderOutboxEmail(user.email, mail!.template, mail!.params)
      expect(rendered.subject).toBe('Kontoen din i Jobbsnekker blir snart deaktivert')
      expect(rendered.text).not.toMatch(/Ingrid|Sigurd|Inaktiv|Sjelden/)
      expect(await audited(user, 'user.inactivity_warned')).toEqual([{ actorUserId: null, details: {} }])
    }
    // Disabled no earlier than 30 days after the warning, and no earlier than 12 months after the last use.
    expect(new Date((await warningsTo(longGone))[0]!.params.dueAt!).getTime()).toBe(now.getTime() + INACTIVITY_WARNING_DAYS * DAY)
    expect(new Date((await warningsTo(almostAYear))[0]!.params.dueAt!).getTime()).toBe(now.getTime() + INACTIVITY_WARNING_DAYS * DAY)
    for (const user of [recent, inSession]) {
      expect((await state(user)).warnedAt).toBeNull()
      expect(await warningsTo(user)).toEqual([])
    }
    // Twice (a second process, the next minute): nothing new.
    expect(await warnInactiveAccounts(db.sql, now)).toBe(0)
    expect(await warningsTo(longGone)).toHaveLength(1)

    // Not before the 30 days have passed, even for an account unused for 13 months.
    expect(await disableInactiveAccounts(db.sql, now)).toBe(0)
    expect(await disableInactiveAccounts(db.sql, new Date(now.getTime() + 29 * DAY))).toBe(0)
    expect((await state(longGone)).disabledAt).toBeNull()
    expect(await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: cookie } }))).not.toBeNull()

    const later = new Date(now.getTime() + (INACTIVITY_WARNING_DAYS + 1) * DAY)
    expect(await disableInactiveAccounts(db.sql, later)).toBe(3)
    for (const user of [longGone, almostAYear, neverUsed]) {
      expect((await state(user)).disabledAt).toEqual(later)
      expect(await audited(user, 'user.disabled_for_inactivity')).toEqual([{ actorUserId: null, details: {} }])
    }
    expect(await db.sql`select 1 from sessions where user_id = ${longGone.id}`).toHaveLength(0)
    expect(await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: cookie } }))).toBeNull()
    for (const user of [recent, inSession]) expect((await state(user)).disabledAt).toBeNull()
    // Safe to run again; a disabled account is neither warned nor disabled again.
    expect(await disableInactiveAccounts(db.sql, later)).toBe(0)
    expect(await warnInactiveAccounts(db.sql, later)).toBe(0)
    expect(await audited(longGone, 'user.disabled_for_inactivity')).toHaveLength(1)
  })

  it('keeps an account whose owner logs in after the warning, and warns it again only after a new year of silence', async () => {
    const user = await employerAccount(monthsAgo(12, 5))
    expect(await warnInactiveAccounts(db.sql, now)).toBe(1)
    const loggedIn = new Date(now.getTime() + 3 * DAY)
    await db.sql`update users set last_login_at = ${loggedIn} where id = ${user.id}`
    const later = new Date(now.getTime() + (INACTIVITY_WARNING_DAYS + 1) * DAY)
    expect(await disableInactiveAccounts(db.sql, later)).toBe(0)
    expect(await warnInactiveAccounts(db.sql, later)).toBe(0)
    expect((await state(user)).disabledAt).toBeNull()

    // Eleven months and more after that log-in: warned again (a new period of inactivity, a new e-mail).
    const nextYear = new Date(loggedIn.getTime() + 340 * DAY)
    expect(await warnInactiveAccounts(db.sql, nextYear)).toBeGreaterThanOrEqual(1)
    expect(await warningsTo(user)).toHaveLength(2)
    expect((await state(user)).warnedAt).toEqual(nextYear)
  })

  it('never warns or disables the last admin in use, so someone can always run the portal', async () => {
    // Every admin created so far is inactive: disable them all first, so this test stands on its own.
    await db.sql`update users set disabled_at = now() where id in (select user_id from user_roles where role = 'admin')`
    const onlyAdmin = await staffAccount(monthsAgo(13), ['admin'])
    expect(await warnInactiveAccounts(db.sql, now)).toBe(0)
    expect((await state(onlyAdmin)).warnedAt).toBeNull()

    const activeAdmin = await staffAccount(new Date(now.getTime() - DAY), ['admin'])
    expect(await warnInactiveAccounts(db.sql, now)).toBe(1)
    expect(await disableInactiveAccounts(db.sql, new Date(now.getTime() + 31 * DAY))).toBe(1)
    expect((await state(onlyAdmin)).disabledAt).not.toBeNull()
    expect((await state(activeAdmin)).disabledAt).toBeNull()
  })
})
