/**
 * One door for telling people something: `notify` writes the in-app notice and, unless told not to, the e-mail in
 * the caller's transaction, so the event and its notices commit (or roll back) together. Each notice has an
 * idempotency key made of its kind, the event and the recipient: a repeated event (a double click, a retried job)
 * finds its notice already there and sends nothing twice.
 */
import { isNoticeKind, noticeParamsSchema, noticeTexts, type NoticeKind } from '../../emails/notices'
import { DAILY_DIGEST_TEMPLATE, type DigestParams } from '../../emails/outbox-templates'
import { wakeEmailWorkersSoon } from '../../emails/outbox-worker'
import type { Queryable, Sql } from '../../prisma-free-sql/db'
import { enqueueEmail, heldEmailsByRecipient, markDigested } from '../../prisma-free-sql/queries/email-outbox'
import {
  countUnreadNotifications,
  findEmailFrequency,
  findNoticeRecipients,
  insertNotification,
  listNotifications,
  markCaseNotificationsRead,
  markNotificationsRead,
  setEmailFrequency,
  type EmailFrequency,
  type Notification,
} from '../../prisma-free-sql/queries/notifications'
import { getSql } from '../utils/db.server'
import { portalUrl } from '../utils/email.server'
import { osloInstant, osloWallClock } from './working-days'

export type Notice = {
  kind: NoticeKind
  /** The portal path the notice links to (`/ansatt/saker/…`). */
  path: string
  /**
   * What happened, unique per event: `case:<id>:opened`, `case:<id>:reminder`. With the kind and the recipient it
   * makes the idempotency key.
   */
  eventKey: string
  caseId?: string
  /** A deadline or date the notice points at. */
  dueAt?: Date
  /** In-app only, no e-mail (minor updates the recipient sees when they next log in). */
  inAppOnly?: boolean
}

/** Notifies each recipient once; disabled accounts get nothing. Returns how many new notices were written. */
export async function notify(tx: Queryable, recipientUserIds: readonly string[], notice: Notice): Promise<number> {
  const recipients = await findNoticeRecipients(tx, [...new Set(recipientUserIds)])
  let added = 0
  for (const recipient of recipients) {
    if (recipient.disabled) continue
    const idempotencyKey = `${notice.kind}:${notice.eventKey}:${recipient.id}`
    const inserted = await insertNotification(tx, {
      userId: recipient.id,
      kind: notice.kind,
      caseId: notice.caseId ?? null,
      link: notice.path,
      idempotencyKey,
    })
    if (!inserted) continue
    added += 1
    if (notice.inAppOnly) continue
    await enqueueEmail(tx, {
      idempotencyKey,
      recipientUserId: recipient.id,
      toAddress: recipient.email,
      template: notice.kind,
      params: { url: portalUrl(notice.path), ...(notice.dueAt ? { dueAt: notice.dueAt.toISOString() } : {}) },
      held: recipient.accountType === 'staff' && recipient.emailFrequency === 'daily_digest' && !noticeTexts[notice.kind].urgent,
    })
  }
  if (added > 0) wakeEmailWorkersSoon()
  return added
}

export type InboxEntry = Notification & { title: string }

export async function inboxOf(userId: string): Promise<InboxEntry[]> {
  const entries = await listNotifications(getSql(), userId)
  return entries.map((entry) => ({ ...entry, title: noticeTexts[entry.kind].title }))
}

export function unreadCount(userId: string): Promise<number> {
  return countUnreadNotifications(getSql(), userId)
}

export function markRead(userId: string, notificationId?: number): Promise<number> {
  return markNotificationsRead(getSql(), userId, notificationId)
}

export async function emailFrequencyOf(userId: string): Promise<EmailFrequency> {
  return (await findEmailFrequency(getSql(), userId)) ?? 'immediate'
}

export function chooseEmailFrequency(userId: string, frequency: EmailFrequency): Promise<void> {
  return setEmailFrequency(getSql(), userId, frequency)
}

/** The daily digest goes out at this Oslo time, with everything held since the previous one. */
export const DIGEST_AT = '07:00'

/**
 * Once the digest time has passed today, gathers each staff member's notices held before it into one e-mail (key
 * `daily_digest:<user>:<date>`), in one transaction with marking them. Later runs the same day find nothing held
 * before that time; what arrives after it waits for tomorrow's digest.
 */
export async function sendDailyDigests(sql: Sql, now: Date): Promise<number> {
  const { date, time } = osloWallClock(now)
  if (time < DIGEST_AT) return 0
  return sql.begin(async (tx) => {
    const groups = await heldEmailsByRecipient(tx, osloInstant(date, DIGEST_AT))
    let queued = 0
    for (const group of groups) {
      const items = group.templates.flatMap((template, index) => {
        const params = noticeParamsSchema.safeParse(group.params[index])
        return isNoticeKind(template) && params.success ? [{ kind: template, url: params.data.url }] : []
      })
      const digestKey = `${DAILY_DIGEST_TEMPLATE}:${group.recipientUserId}:${date}`
      const digest: DigestParams = { url: portalUrl('/varsler'), items: items.slice(0, 500) }
      // A notice committed just after today's digest was made (its transaction began earlier) waits for tomorrow's.
      const made =
        items.length > 0 &&
        (await enqueueEmail(tx, { idempotencyKey: digestKey, recipientUserId: group.recipientUserId, toAddress: group.toAddress, template: DAILY_DIGEST_TEMPLATE, params: digest }))
      if (made) queued += 1
      if (made || items.length === 0) await markDigested(tx, group.ids, digestKey)
    }
    if (queued > 0) wakeEmailWorkersSoon()
    return queued
  })
}

/** Opening a case page reads every notice about that case. */
export function markCaseNoticesRead(userId: string, caseId: string): Promise<void> {
  return markCaseNotificationsRead(getSql(), userId, caseId)
}
