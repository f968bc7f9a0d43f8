import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = { messageId: string; to: string; subject: string; text: string; html: string }

export type LocalSmtpServer = {
  url: string
  port: number
  received: ReceivedMail[]
  /** Stops accepting connections (an outage); `start` listens on the same port again. */
  stop: () => Promise<void>
  start: () => Promise<void>
}

/**
 * A real SMTP server in this process (smtp-server, from the nodemailer project): messages arrive over TCP on
 * 127.0.0.1 exactly as from any mail server, and are parsed back with mailparser. Recipients matching `refuse` are
 * refused with a permanent 550, as a server does for an unknown mailbox.
 */
export async function startLocalSmtpServer(options: { refuse?: RegExp; port?: number; parse?: boolean } = {}): Promise<LocalSmtpServer> {
  const received: ReceivedMail[] = []
  const parse = options.parse ?? true
  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // An outage does not wait for connected clients to say goodbye.
      closeTimeout: 50,
      onRcptTo(address, _session, callback) {
        if (options.refuse?.test(address.address)) {
          const error = new Error('No such mailbox') as Error & { responseCode: number }
          error.responseCode = 550
          callback(error)
          return
        }
        callback()
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          const raw = Buffer.concat(chunks)
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', ')
          if (!parse) {
            const messageId = /^message-id:\s*(\S+)/im.exec(raw.toString('latin1'))?.[1] ?? ''
            received.push({ messageId, to, subject: '', text: '', html: '' })
            callback()
            return
          }
          simpleParser(raw)
            .then((mail) => {
              received.push({ messageId: mail.messageId ?? '', to, subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '' })
              callback()
            })
            .catch((error: Error) => callback(error))
        })
      },
    })
  let server = create()
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port))
    })
  const port = await listen(options.port ?? 0)
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start: async () => {
      server = create()
      await listen(port)
    },
  }
}
