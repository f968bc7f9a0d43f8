/**
 * Turns an outbox row (template name and parameters) into the message the worker sends. The parameters are checked
 * again here, strictly, so a row that somehow holds more than a link and a time is never sent: it goes to the
 * dead-letter list instead.
 */
import { z } from 'zod'
import { formatOsloDate, formatOsloDeadline } from '../app/components/labels'
import type { EmailMessage } from './mailer'
import { isNoticeKind, noticeKinds, noticeParamsSchema, noticeTexts, type NoticeKind } from './notices'
import { isAccountEmailTemplate, renderAccountEmail } from './templates/accounts'
import { renderNotice, type NoticeContent } from './templates/layout'

export const DAILY_DIGEST_TEMPLATE = 'daily_digest'

export const digestParamsSchema = z
  .object({
    /** The in-app inbox, where every notice of the digest is listed. */
    url: z.string().url(),
    items: z.array(z.object({ kind: z.enum(noticeKinds), url: z.string().url() }).strict()).min(1).max(500),
  })
  .strict()
export type DigestParams = z.infer<typeof digestParamsSchema>

/** A row the worker can never send as it is (unknown template, parameters that do not fit): retrying will not help. */
export class UnsendableEmailError extends Error {
  override name = 'UnsendableEmailError'
}

export function noticeContent(kind: NoticeKind, params: z.infer<typeof noticeParamsSchema>): NoticeContent {
  const text = noticeTexts[kind]
  return {
    subject: text.title,
    paragraphs: text.paragraphs(params, { deadline: formatOsloDeadline, date: formatOsloDate }),
    action: { label: text.action, url: params.url },
    footnote: 'Du får denne e-posten fordi du bruker Jobbsnekker. Under «Varsler» i Jobbsnekker ser du alle varslene dine, og der kan ansatte i NAV velge én samlet e-post om dagen.',
  }
}

export function digestContent(params: DigestParams): NoticeContent {
  const count = params.items.length
  return {
    subject: count === 1 ? 'Jobbsnekker: 1 nytt varsel siden i går' : `Jobbsnekker: ${count} nye varsler siden i går`,
    paragraphs: ['Dette er den daglige oppsummeringen du har valgt. Hvert varsel lenker til det det gjelder.'],
    items: params.items.map((item) => ({ label: noticeTexts[item.kind].title, url: item.url })),
    action: { label: 'Se alle varslene', url: params.url },
    footnote: 'Du kan velge å få hvert varsel med en gang i stedet, under «Varsler» i Jobbsnekker.',
  }
}

export async function renderOutboxEmail(to: string, template: string, params: unknown): Promise<EmailMessage> {
  if (template === DAILY_DIGEST_TEMPLATE) {
    const parsed = digestParamsSchema.safeParse(params)
    if (!parsed.success) throw new UnsendableEmailError(`The digest's parameters do not fit: ${parsed.error.issues[0]?.message}`)
    return renderNotice(to, digestContent(parsed.data))
  }
  if (isAccountEmailTemplate(template)) {
    const message = renderAccountEmail(to, template, params)
    if (!message) throw new UnsendableEmailError(`The parameters of «${template}» do not fit`)
    return message
  }
  if (!isNoticeKind(template)) throw new UnsendableEmailError(`Unknown e-mail template «${template}»`)
  const parsed = noticeParamsSchema.safeParse(params)
  if (!parsed.success) throw new UnsendableEmailError(`The parameters of «${template}» do not fit: ${parsed.error.issues[0]?.message}`)
  return renderNotice(to, noticeContent(template, parsed.data))
}
