import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import nodemailer from 'nodemailer'
import { z } from 'zod'

export type EmailMessage = {
  to: string
  subject: string
  text: string
  html: string
}

export type MailerConfig = {
  smtpUrl?: string
  from: string
  mailDir: string
}

const storedMailSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  createdAt: z.string(),
})
export type StoredMail = z.infer<typeof storedMailSchema>

/**
 * Sends through SMTP when configured; otherwise writes the message to the development
 * mailbox folder, where the portal's development page shows it.
 */
export async function sendEmail(config: MailerConfig, message: EmailMessage): Promise<void> {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl)
    try {
      await transport.sendMail({ from: config.from, ...message })
    } finally {
      transport.close()
    }
    return
  }
  await mkdir(config.mailDir, { recursive: true })
  const createdAt = new Date().toISOString()
  const id = `${createdAt.replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`
  const stored: StoredMail = { id, from: config.from, createdAt, ...message }
  await writeFile(path.join(config.mailDir, `${id}.json`), JSON.stringify(stored, null, 2))
}

export async function listDevelopmentMailbox(mailDir: string): Promise<StoredMail[]> {
  let files: string[]
  try {
    files = await readdir(mailDir)
  } catch {
    return []
  }
  const mails = await Promise.all(
    files.filter((file) => file.endsWith('.json')).map(async (file) => readStoredMail(path.join(mailDir, file))),
  )
  return mails.filter((mail): mail is StoredMail => mail !== undefined).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

export async function readDevelopmentMail(mailDir: string, id: string): Promise<StoredMail | undefined> {
  if (!/^[\w-]+$/.test(id)) return undefined
  return readStoredMail(path.join(mailDir, `${id}.json`))
}

async function readStoredMail(file: string): Promise<StoredMail | undefined> {
  try {
    return storedMailSchema.parse(JSON.parse(await readFile(file, 'utf8')))
  } catch {
    return undefined
  }
}
