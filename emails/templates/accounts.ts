import type { EmailMessage } from '../mailer'
import { renderNotice } from './layout'

export function passwordResetEmail(to: string, resetUrl: string, validMinutes: number): Promise<EmailMessage> {
  return renderNotice(to, {
    subject: 'Tilbakestill passordet ditt i Jobbsnekker',
    paragraphs: [
      'Vi har fått en forespørsel om å tilbakestille passordet for kontoen som hører til denne e-postadressen.',
      `Lenken under virker i ${validMinutes} minutter og kan brukes én gang.`,
    ],
    action: { label: 'Velg nytt passord', url: resetUrl },
    footnote: 'Har du ikke bedt om dette, kan du se bort fra e-posten. Passordet ditt er ikke endret.',
  })
}

export function invitationEmail(to: string, invitationUrl: string, validDays: number): Promise<EmailMessage> {
  return renderNotice(to, {
    subject: 'Du har fått tilgang til Jobbsnekker',
    paragraphs: [
      'Det er opprettet en konto til deg i Jobbsnekker.',
      `Velg et passord for å ta den i bruk. Lenken virker i ${validDays} dager.`,
    ],
    action: { label: 'Velg passord', url: invitationUrl },
  })
}

export function membershipRequestEmail(to: string, membersUrl: string): Promise<EmailMessage> {
  return renderNotice(to, {
    subject: 'Ny forespørsel om tilgang til virksomheten din',
    paragraphs: ['Noen har bedt om tilgang til virksomheten din i Jobbsnekker. Et medlem må godkjenne eller avslå forespørselen.'],
    action: { label: 'Se forespørselen', url: membersUrl },
  })
}

export function membershipGrantedEmail(to: string, homeUrl: string): Promise<EmailMessage> {
  return renderNotice(to, {
    subject: 'Du har fått tilgang til en virksomhet i Jobbsnekker',
    paragraphs: ['En kollega har gitt deg tilgang til en virksomhet i Jobbsnekker. Logg inn for å se den.'],
    action: { label: 'Gå til Jobbsnekker', url: homeUrl },
  })
}
