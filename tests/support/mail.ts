import { listDevelopmentMailbox, type StoredMail } from '../../emails/mailer'

/** Mails the app wrote to the development mailbox for one recipient, newest first. */
export async function mailsTo(mailDir: string, address: string): Promise<StoredMail[]> {
  const mails = await listDevelopmentMailbox(mailDir)
  return mails.filter((mail) => mail.to.toLowerCase() === address.toLowerCase())
}

/** The single portal link in a notice's text. */
export function linkIn(mail: Pick<StoredMail, 'text'>): URL {
  const links = mail.text.match(/https?:\/\/\S+/g) ?? []
  if (links.length !== 1) throw new Error(`Expected exactly one link in the mail, found ${links.length}`)
  return new URL(links[0]!)
}

/** The token of a password or invitation link. */
export function tokenIn(mail: Pick<StoredMail, 'text'>): string {
  const token = linkIn(mail).searchParams.get('token')
  if (!token) throw new Error('The link in the mail carries no token')
  return token
}
