import type { EmailMessage } from '../mailer'

export type NoticeContent = {
  subject: string
  /** Plain sentences; never names, contact details or anything else about a person. */
  paragraphs: string[]
  action: { label: string; url: string }
  footnote?: string
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)
}

/** One look for every notice: a few sentences and one link into the portal. */
export function renderNotice(to: string, content: NoticeContent): EmailMessage {
  const text = [
    ...content.paragraphs,
    `${content.action.label}: ${content.action.url}`,
    ...(content.footnote ? [content.footnote] : []),
    'Hilsen Jobbsnekker',
  ].join('\n\n')
  const html = `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family: Arial, sans-serif; color: #23262a; line-height: 1.5">
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(content.action.url)}" style="color: #0067c5">${escapeHtml(content.action.label)}</a></p>
${content.footnote ? `<p style="color: #596573; font-size: 14px">${escapeHtml(content.footnote)}</p>` : ''}
<p>Hilsen Jobbsnekker</p>
</body></html>`
  return { to, subject: content.subject, text, html }
}
