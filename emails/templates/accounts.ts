import { z } from 'zod'
import type { EmailMessage } from '../mailer'
import { renderNotice } from './layout'

// The e-mails that answer an action on someone's account (a reset link, an invitation, a membership, a handover). They are sent at once,
// while the person waits; if the mail server cannot take them, they wait in the outbox under these template names.

const url = z.string().url()

export const accountEmailTemplates = {
  account_password_reset: {
    params: z.object({ url, validMinutes: z.number().int().positive() }).strict(),
    render: (to: string, params: { url: string; validMinutes: number }) =>
      renderNotice(to, {
        subject: 'Tilbakestill passordet ditt i Jobbsnekker',
        paragraphs: [
          'Vi har fått en forespørsel om å tilbakestille passordet for kontoen som hører til denne e-postadressen.',
          `Lenken under virker i ${params.validMinutes} minutter og kan brukes én gang.`,
        ],
        action: { label: 'Velg nytt passord', url: params.url },
        footnote: 'Har du ikke bedt om dette, kan du se bort fra e-posten. Passordet ditt er ikke endret.',
      }),
  },
  account_invitation: {
    params: z.object({ url, validDays: z.number().int().positive() }).strict(),
    render: (to: string, params: { url: string; validDays: number }) =>
      renderNotice(to, {
        subject: 'Du har fått tilgang til Jobbsnekker',
        paragraphs: ['Det er opprettet en konto til deg i Jobbsnekker.', `Velg et passord for å ta den i bruk. Lenken virker i ${params.validDays} dager.`],
        action: { label: 'Velg passord', url: params.url },
      }),
  },
  account_membership_request: {
    params: z.object({ url }).strict(),
    render: (to: string, params: { url: string }) =>
      renderNotice(to, {
        subject: 'Ny forespørsel om tilgang til virksomheten din',
        paragraphs: ['Noen har bedt om tilgang til virksomheten din i Jobbsnekker. Et medlem må godkjenne eller avslå forespørselen.'],
        action: { label: 'Se forespørselen', url: params.url },
      }),
  },
  account_membership_granted: {
    params: z.object({ url }).strict(),
    render: (to: string, params: { url: string }) =>
      renderNotice(to, {
        subject: 'Du har fått tilgang til en virksomhet i Jobbsnekker',
        paragraphs: ['En kollega har gitt deg tilgang til en virksomhet i Jobbsnekker. Logg inn for å se den.'],
        action: { label: 'Gå til Jobbsnekker', url: params.url },
      }),
  },
  account_candidate_handover: {
    params: z.object({ url }).strict(),
    render: (to: string, params: { url: string }) =>
      renderNotice(to, {
        subject: 'Du har fått ansvaret for en kandidat i Jobbsnekker',
        paragraphs: ['En kollega har overført ansvaret for en kandidat til deg. Hele historikken følger med.', 'Logg inn for å se kandidaten og hva som venter.'],
        action: { label: 'Se kandidaten', url: params.url },
      }),
  },
} as const

export type AccountEmailTemplate = keyof typeof accountEmailTemplates
export type AccountEmailParams<T extends AccountEmailTemplate> = z.infer<(typeof accountEmailTemplates)[T]['params']>

export function isAccountEmailTemplate(template: string): template is AccountEmailTemplate {
  return Object.hasOwn(accountEmailTemplates, template)
}

/** Renders an account e-mail from its template name and parameters; undefined when the parameters do not fit. */
export function renderAccountEmail(to: string, template: AccountEmailTemplate, params: unknown): Promise<EmailMessage> | undefined {
  const entry = accountEmailTemplates[template]
  const parsed = entry.params.safeParse(params)
  if (!parsed.success) return undefined
  return (entry.render as (to: string, params: unknown) => Promise<EmailMessage>)(to, parsed.data)
}

export function passwordResetEmail(to: string, resetUrl: string, validMinutes: number): Promise<EmailMessage> {
  return accountEmailTemplates.account_password_reset.render(to, { url: resetUrl, validMinutes })
}

export function invitationEmail(to: string, invitationUrl: string, validDays: number): Promise<EmailMessage> {
  return accountEmailTemplates.account_invitation.render(to, { url: invitationUrl, validDays })
}

export function membershipRequestEmail(to: string, membersUrl: string): Promise<EmailMessage> {
  return accountEmailTemplates.account_membership_request.render(to, { url: membersUrl })
}

export function membershipGrantedEmail(to: string, homeUrl: string): Promise<EmailMessage> {
  return accountEmailTemplates.account_membership_granted.render(to, { url: homeUrl })
}
