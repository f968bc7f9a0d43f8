import { describe, expect, it } from 'vitest'
import { invitationEmail, membershipRequestEmail, passwordResetEmail } from '../../emails/templates/accounts'
import { renderNotice } from '../../emails/templates/layout'
import type { EmailMessage } from '../../emails/mailer'
import { noticeKinds, noticeTexts } from '../../emails/notices'
import { DAILY_DIGEST_TEMPLATE, renderOutboxEmail, UnsendableEmailError } from '../../emails/outbox-templates'

const link = 'https://jobbsnekker.example/tilbakestill-passord?token=AbC-123_xyz'
const otherLink = 'https://jobbsnekker.example/arbeidsgiver/medlemmer'

const templates: [string, (to: string, url: string) => Promise<EmailMessage>][] = [
  ['password reset', (to, url) => passwordResetEmail(to, url, 60)],
  ['invitation', (to, url) => invitationEmail(to, url, 7)],
  ['membership request', (to, url) => membershipRequestEmail(to, url)],
]

describe.each(templates)('the %s e-mail', (_name, render) => {
  it('is addressed to the recipient and carries the link once in text and html', async () => {
    const mail = await render('kari.nordmann@firma.example', link)
    expect(mail.to).toBe('kari.nordmann@firma.example')
    expect(mail.subject.length).toBeGreaterThan(0)
    expect(mail.text.split(link)).toHaveLength(2)
    expect(mail.html).toContain(`href="${link}"`)
  })

  it('says nothing about the recipient: only the link varies', async () => {
    const forKari = await render('kari.nordmann@firma.example', link)
    const forOla = await render('ola@annen.example', link)
    expect(forOla.subject).toBe(forKari.subject)
    expect(forOla.text).toBe(forKari.text)
    expect(forOla.html).toBe(forKari.html)
    for (const body of [forKari.subject, forKari.text, forKari.html]) {
      expect(body).not.toMatch(/kari|nordmann|firma\.example/i)
    }
    const elsewhere = await render('kari.nordmann@firma.example', otherLink)
    expect(elsewhere.text.replace(otherLink, link)).toBe(forKari.text)
    expect(elsewhere.html.replace(otherLink, link)).toBe(forKari.html)
  })

  it('contains no address or other link than the one given', async () => {
    const mail = await render('kari.nordmann@firma.example', link)
    expect(mail.text.replace(link, '')).not.toMatch(/@|https?:|www\./)
    // The XHTML doctype names the W3C's DTD; it is the one other address in the document.
    expect(mail.html.replace(link, '').replace(/^<!DOCTYPE[^>]*>/, '')).not.toMatch(/@|https?:|www\./)
  })

  it('escapes the link in html', async () => {
    const mail = await render('x@y.example', 'https://jobbsnekker.example/a?b=1&c="><script>alert(1)</script>')
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('href="https://jobbsnekker.example/a?b=1&amp;c=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"')
  })
})

describe('renderNotice', () => {
  const content = {
    subject: 'Emne med <tag> & "sitat"',
    paragraphs: ["Første avsnitt med 'apostrof'.", 'Andre avsnitt <b>fet</b>.'],
    action: { label: 'Gå <videre>', url: otherLink },
    footnote: 'Fotnote & mer',
  }

  it('escapes every piece of content in html and keeps the text plain', async () => {
    const mail = await renderNotice('x@y.example', content)
    expect(mail.html).toContain('<title>Emne med &lt;tag&gt; &amp; &quot;sitat&quot;</title>')
    expect(mail.html).toMatch(/<p[^>]*>Første avsnitt med &#x27;apostrof&#x27;.<\/p>/)
    expect(mail.html).toMatch(/<p[^>]*>Andre avsnitt &lt;b&gt;fet&lt;\/b&gt;.<\/p>/)
    expect(mail.html).toMatch(/<a href="https:\/\/jobbsnekker.example\/arbeidsgiver\/medlemmer"[^>]*>.*Gå &lt;videre&gt;.*<\/a>/)
    expect(mail.html).toContain('Fotnote &amp; mer')
    expect(mail.html).not.toContain('<b>')
    expect(mail.text).toBe(
      [
        "Første avsnitt med 'apostrof'.",
        'Andre avsnitt <b>fet</b>.',
        `Gå <videre>: ${otherLink}`,
        'Fotnote & mer',
        'Hilsen Jobbsnekker',
      ].join('\n\n'),
    )
  })

  it('leaves the footnote out when there is none', async () => {
    const { footnote: _footnote, ...withoutFootnote } = content
    const mail = await renderNotice('x@y.example', withoutFootnote)
    expect(mail.text).not.toContain('Fotnote')
    expect(mail.html).not.toContain('Fotnote')
  })

  it('declares Norwegian bokmål', async () => {
    expect((await renderNotice('x@y.example', content)).html).toMatch(/<html[^>]* lang="nb"/)
  })
})

describe.each(noticeKinds)('the «%s» notice', (kind) => {
  const url = 'https://jobbsnekker.example/ansatt/saker/0b5c0f6e-2f7e-4c55-9a39-0d7a4c1e2b11'
  const dueAt = '2026-12-01T15:00:00.000Z'

  it('renders the link once in text and html, and a time only when given one', async () => {
    const mail = await renderOutboxEmail('kari@nav.example', kind, { url, dueAt })
    expect(mail.subject).toBe(noticeTexts[kind].title)
    expect(mail.text.split(url)).toHaveLength(2)
    expect(mail.html).toContain(`href="${url}"`)
    const without = await renderOutboxEmail('kari@nav.example', kind, { url })
    expect(without.text).not.toMatch(/desember/)
  })

  it('refuses any parameter beyond the link and the time, so nothing personal can ride along', async () => {
    await expect(renderOutboxEmail('kari@nav.example', kind, { url, candidateName: 'Ingeborg' })).rejects.toBeInstanceOf(UnsendableEmailError)
    await expect(renderOutboxEmail('kari@nav.example', kind, { url: 'ikke en lenke' })).rejects.toBeInstanceOf(UnsendableEmailError)
  })
})

describe('outbox templates', () => {
  it('says a deadline with its time and a follow-up with its date alone', async () => {
    const reminder = await renderOutboxEmail('x@y.example', 'case_reminder', { url: otherLink, dueAt: '2026-12-01T15:00:00.000Z' })
    expect(reminder.text).toContain('Fristen er tirsdag 1. desember kl. 16:00.')
    const followUp = await renderOutboxEmail('x@y.example', 'follow_up_due', { url: otherLink, dueAt: '2026-12-15T08:00:00.000Z' })
    expect(followUp.text).toContain('Oppfølgingen er satt til 15. desember 2026.')
  })

  it('lists every notice of the daily digest with its own link', async () => {
    const items = [
      { kind: 'case_new' as const, url: 'https://jobbsnekker.example/ansatt/saker/a' },
      { kind: 'verdict_given' as const, url: 'https://jobbsnekker.example/ansatt/saker/b' },
    ]
    const digest = await renderOutboxEmail('x@y.example', DAILY_DIGEST_TEMPLATE, { url: 'https://jobbsnekker.example/varsler', items })
    expect(digest.subject).toBe('Jobbsnekker: 2 nye varsler siden i går')
    for (const item of items) {
      expect(digest.text).toContain(`- ${noticeTexts[item.kind].title}: ${item.url}`)
      expect(digest.html).toContain(`href="${item.url}"`)
    }
  })

  it('refuses an unknown template', async () => {
    await expect(renderOutboxEmail('x@y.example', 'nytt_passord', { url: otherLink })).rejects.toBeInstanceOf(UnsendableEmailError)
  })
})
