import { sendEmail, type EmailMessage } from '../../emails/mailer'
import { getEnv } from './env.server'

export function mailerConfig() {
  const env = getEnv()
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, mailDir: env.MAIL_DIR }
}

export function deliver(message: EmailMessage): Promise<void> {
  return sendEmail(mailerConfig(), message)
}

export function portalUrl(pathname: string): string {
  return new URL(pathname, getEnv().PUBLIC_URL).toString()
}

export { listDevelopmentMailbox, readDevelopmentMail } from '../../emails/mailer'
