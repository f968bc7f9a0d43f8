import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { connect, type Socket } from 'node:net'
import path from 'node:path'
import { createHash, randomUUID } from 'node:crypto'
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

/** Where messages go: SMTP through nodemailer, or the development mailbox folder. */
export type MailTransport = {
  /**
   * `messageId` makes a retry the same message: SMTP receivers see one Message-ID, and the mailbox keeps one file.
   * Rejects with nodemailer's error, whose `responseCode` (when the server answered) tells a refusal from an outage.
   */
  send: (message: EmailMessage, options?: { messageId?: string }) => Promise<void>
  close: () => void
}

// A pool keeps a few connections open for the outbox worker's batches; the timeouts keep an unreachable server from
// holding a batch for minutes (nodemailer waits two minutes by default).
const smtpDefaults: Record<string, string> = { pool: 'true', maxConnections: '4', connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '30000' }

type SocketFactory = (options: { host?: string; port?: number }, callback: (error: Error | null, socket?: { connection: Socket }) => void) => void

/**
 * nodemailer's connection, with Nagle's algorithm off: it writes each SMTP command in small pieces, and on a
 * connection that waits for delayed acknowledgements every message then took about 40 ms more (a tenth of the
 * outbox's throughput against a local server). nodemailer still does the TLS (implicit or STARTTLS) on this socket.
 * The socket is handed over before it has connected, so a refused or failed connection reaches nodemailer as its own
 * socket error (the pool then drops the connection; an error passed to the callback would leave it in the pool for
 * good), and nodemailer's greeting time-out covers a server that never answers.
 */
const noDelaySocket: SocketFactory = (options, callback) => {
  const socket = connect({ host: options.host ?? 'localhost', port: options.port ?? 587 })
  socket.setNoDelay(true)
  callback(null, { connection: socket })
}

function smtpTransport(config: MailerConfig & { smtpUrl: string }): MailTransport {
  const url = new URL(config.smtpUrl)
  for (const [name, value] of Object.entries(smtpDefaults)) if (!url.searchParams.has(name)) url.searchParams.set(name, value)
  const transport = nodemailer.createTransport(url.toString())
  ;(transport.transporter as unknown as { getSocket: SocketFactory }).getSocket = noDelaySocket
  return {
    send: async (message, options) => {
      await transport.sendMail({ from: config.from, ...message, ...(options?.messageId ? { messageId: options.messageId } : {}) })
    },
    close: () => transport.close(),
  }
}

function mailboxTransport(config: MailerConfig): MailTransport {
  return {
    send: async (message, options) => {
      await mkdir(config.mailDir, { recursive: true })
      const createdAt = new Date().toISOString()
      const id = options?.messageId
        ? createHash('sha256').update(options.messageId).digest('hex').slice(0, 32)
        : `${createdAt.replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`
      const stored: StoredMail = { id, from: config.from, createdAt, ...message }
      // Written under a temporary name and renamed, so the mailbox page never reads half a message.
      const file = path.join(config.mailDir, `${id}.json`)
      await writeFile(`${file}.tmp`, JSON.stringify(stored, null, 2))
      await rename(`${file}.tmp`, file)
    },
    close: () => undefined,
  }
}

/** SMTP when configured; otherwise the development mailbox folder, where the portal's development page shows it. */
export function createMailTransport(config: MailerConfig): MailTransport {
  return config.smtpUrl ? smtpTransport({ ...config, smtpUrl: config.smtpUrl }) : mailboxTransport(config)
}

/** Sends one message now, outside the outbox (answers to the user's own request, such as a password reset link). */
export async function sendEmail(config: MailerConfig, message: EmailMessage): Promise<void> {
  const transport = createMailTransport({ ...config, smtpUrl: config.smtpUrl ? withoutPool(config.smtpUrl) : undefined })
  try {
    await transport.send(message)
  } finally {
    transport.close()
  }
}

function withoutPool(smtpUrl: string): string {
  const url = new URL(smtpUrl)
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'false')
  return url.toString()
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
