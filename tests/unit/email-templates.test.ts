import { describe, expect, it } from 'vitest'
import { invitationEmail, membershipRequestEmail, passwordResetEmail } from '../../emails/templates/accounts'
import { renderNotice } from '../../emails/templates/layout'
import type { EmailMessage } from '../../emails/mailer'

const link = 'https://jobbsnekker.example/tilbakestill-passord?token=AbC-123_xyz'
const otherLink = 'https://jobbsnekker.example/arbeidsgiver/medlemmer'

const templates: [string, (to: string, url: string) => EmailMessage][] = [
  ['password reset', (to, url) => passwordResetEmail(to, url, 60)],
  ['invitation', (to, url) => invitationEmail(to, url, 7)],
  ['membership request', (to, url) => membershipRequestEmail(to, url)],
]

describe.each(templates)('the %s e-mail', (_name, render) => {
  it('is addressed to the recipient and carries the link once in text and html', () => {
    const mail = render('kari.nordmann@firma.example', link)
    expect(mail.to).toBe('kari.nordmann@firma.example')
    expect(mail.subject.length).toBeGreaterThan(0)
    expect(mail.text.split(link)).toHaveLength(2)
    expect(mail.html).toContain(`href="${link}"`)
  })

  it('says nothing about the recipient: only the link varies', () => {
    const forKari = render('kari.nordmann@firma.example', link)
    const forOla = render('ola@annen.example', link)
    expect(forOla.subject).toBe(forKari.subject)
    expect(forOla.text).toBe(forKari.text)
    expect(forOla.html).toBe(forKari.html)
    for (const body of [forKari.subject, forKari.text, forKari.html]) {
      expect(body).not.toMatch(/kari|nordmann|firma\.example/i)
    }
    const elsewhere = render('kari.nordmann@firma.example', otherLink)
    expect(elsewhere.text.replace(otherLink, link)).toBe(forKari.text)
    expect(elsewhere.html.replace(otherLink, link)).toBe(forKari.html)
  })

  it('contains no address or other link than the one given', () => {
    const mail = render('kari.nordmann@firma.example', link)
    expect(mail.text.replace(link, '')).not.toMatch(/@|https?:|www\./)
    expect(mail.html.replace(link, '')).not.toMatch(/@|https?:|www\./)
  })

  it('escapes the link in html', () => {
    const mail = render('x@y.example', 'https://jobbsnekker.example/a?b=1&c="><script>alert(1)</script>')
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

  it('escapes every piece of content in html and keeps the text plain', () => {
    const mail = renderNotice('x@y.example', content)
    expect(mail.html).toContain('<title>Emne med &lt;tag&gt; &amp; &quot;sitat&quot;</title>')
    expect(mail.html).toContain('<p>Første avsnitt med &#39;apostrof&#39;.</p>')
    expect(mail.html).toContain('<p>Andre avsnitt &lt;b&gt;fet&lt;/b&gt;.</p>')
    expect(mail.html).toContain('>Gå &lt;videre&gt;</a>')
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

  it('leaves the footnote out when there is none', () => {
    const { footnote: _footnote, ...withoutFootnote } = content
    const mail = renderNotice('x@y.example', withoutFootnote)
    expect(mail.text).not.toContain('Fotnote')
    expect(mail.html).not.toContain('Fotnote')
    expect(mail.html).not.toContain('font-size: 14px')
  })

  it('declares Norwegian bokmål', () => {
    expect(renderNotice('x@y.example', content).html).toContain('<html lang="nb">')
  })
})
