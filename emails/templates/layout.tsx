/**
 * One look for every e-mail, built with React Email (docs/decisions/012-notifications-and-email-outbox.md): a few
 * sentences and one link into the portal. React escapes every piece of content; the plain-text part is written from
 * the same content rather than converted from the HTML, so it has exactly one bare link.
 */
import { Body } from '@react-email/body'
import { Button } from '@react-email/button'
import { Container } from '@react-email/container'
import { Head } from '@react-email/head'
import { Heading } from '@react-email/heading'
import { Hr } from '@react-email/hr'
import { Html } from '@react-email/html'
import { Preview } from '@react-email/preview'
import { render } from '@react-email/render'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { EmailMessage } from '../mailer'

export type NoticeContent = {
  subject: string
  /** Plain sentences; never names, contact details or anything else about a person. */
  paragraphs: string[]
  action: { label: string; url: string }
  footnote?: string
  /** Further links, each with its own label (the daily digest lists its notices). */
  items?: { label: string; url: string }[]
}

// Aksel's colours, so the mail looks like the portal it links to.
const colours = { text: '#23262a', subtle: '#596573', action: '#0067c5', border: '#cfd3d8' }

export function NoticeEmail({ content }: { content: NoticeContent }) {
  return (
    <Html lang="nb">
      <Head>
        <title>{content.subject}</title>
      </Head>
      <Body style={{ fontFamily: 'Arial, sans-serif', color: colours.text, lineHeight: '1.5', backgroundColor: '#ffffff' }}>
        <Preview>{content.paragraphs[0] ?? content.subject}</Preview>
        <Container style={{ maxWidth: '560px', padding: '16px' }}>
          <Heading as="h1" style={{ fontSize: '20px', margin: '0 0 16px' }}>
            {content.subject}
          </Heading>
          {content.paragraphs.map((paragraph, index) => (
            <Text key={index} style={{ fontSize: '16px' }}>
              {paragraph}
            </Text>
          ))}
          {content.items && content.items.length > 0 ? (
            <Section>
              <ul>
                {content.items.map((item, index) => (
                  <li key={index}>
                    <a href={item.url} style={{ color: colours.action }}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          <Section style={{ margin: '24px 0' }}>
            <Button
              href={content.action.url}
              style={{ backgroundColor: colours.action, color: '#ffffff', padding: '12px 20px', borderRadius: '4px', fontWeight: 600 }}
            >
              {content.action.label}
            </Button>
          </Section>
          {content.footnote ? <Text style={{ color: colours.subtle, fontSize: '14px' }}>{content.footnote}</Text> : null}
          <Hr style={{ borderColor: colours.border }} />
          <Text style={{ fontSize: '14px', color: colours.subtle }}>Hilsen Jobbsnekker</Text>
        </Container>
      </Body>
    </Html>
  )
}

export function noticeText(content: NoticeContent): string {
  return [
    ...content.paragraphs,
    ...(content.items && content.items.length > 0 ? [content.items.map((item) => `- ${item.label}: ${item.url}`).join('\n')] : []),
    `${content.action.label}: ${content.action.url}`,
    ...(content.footnote ? [content.footnote] : []),
    'Hilsen Jobbsnekker',
  ].join('\n\n')
}

export async function renderNotice(to: string, content: NoticeContent): Promise<EmailMessage> {
  const html = await render(<NoticeEmail content={content} />)
  return { to, subject: content.subject, text: noticeText(content), html }
}
