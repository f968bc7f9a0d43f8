import type { EmailMessage } from '../mailer'
import { renderNotice } from './layout'

/** No personal data: only that a candidate now needs the recipient, and where to look. */
export function candidateHandoverEmail(to: string, candidateUrl: string): Promise<EmailMessage> {
  return renderNotice(to, {
    subject: 'Du har fått ansvaret for en kandidat i Jobbsnekker',
    paragraphs: [
      'En kollega har overført ansvaret for en kandidat til deg. Hele historikken følger med.',
      'Logg inn for å se kandidaten og hva som venter.',
    ],
    action: { label: 'Se kandidaten', url: candidateUrl },
  })
}
