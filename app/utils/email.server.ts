import { randomUUID } from 'node:crypto'
import { sendEmail, type EmailMessage } from '../../emails/mailer'
import { wakeEmailWorkersSoon } from '../../emails/outbox-worker'
import { renderAccountEmail, type AccountEmailParams, type AccountEmailTemplate } from '../../emails/templates/accounts'
import { getSql } from '../../prisma-free-sql/db'
import { enqueueEmail } from '../../prisma-free-sql/queries/email-outbox'
import { getEnv } from './env.server'

export function mailerConfig() {
  const env = getEnv()
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, mailDir: env.MAIL_DIR }
}

export function deliver(message: EmailMessage): Promise<void> {
  return sendEmail(mailerConfig(), message)
}

/**
 * Sends an account e-mail now, while the person waits for it; when the mail server cannot take it, it waits in the
 * outbox, whose worker retries until the server is back. Either way the person's action has succeeded.
 */
export async function deliverAccountEmail<T extends AccountEmailTemplate>(
  template: T,
  to: string,
  params: AccountEmailParams<T>,
  recipientUserId: string | null,
): Promise<'sent' | 'queued'> {
  const message = await renderAccountEmail(to, template, params)
  if (!message) throw new Error(`The parameters of «${template}» do not fit its template`)
  try {
    await deliver(message)
    return 'sent'
  } catch (error) {
    console.warn(`E-mail «${template}» could not be sent now, queued for the outbox: ${error instanceof Error ? error.message : String(error)}`)
    await enqueueEmail(getSql(), { idempotencyKey: `${template}:${randomUUID()}`, recipientUserId, toAddress: to, template, params })
    wakeEmailWorkersSoon()
    return 'queued'
  }
}

export function portalUrl(pathname: string): string {
  return new URL(pathname, getEnv().PUBLIC_URL).toString()
}

export { listDevelopmentMailbox, readDevelopmentMail } from '../../emails/mailer'
