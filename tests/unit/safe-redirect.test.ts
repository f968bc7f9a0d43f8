import { describe, expect, it } from 'vitest'
import { safeRedirectTarget } from '~/utils/session.server'

const portal = 'https://jobbsnekker.example'

describe('safeRedirectTarget', () => {
  it.each(['/', '/arbeidsgiver', '/admin/ansatte?side=2', '/tilbakestill-passord?token=abc#top', '/marked/03'])(
    'keeps the same-site path %j',
    (target) => {
      expect(safeRedirectTarget(target)).toBe(target)
    },
  )

  it.each([
    '//evil.example',
    '//evil.example/logg-inn',
    '/\\evil.example',
    '/\\/evil.example',
    'https://evil.example',
    'http://evil.example/',
    'HTTPS://evil.example',
    'javascript:alert(1)',
    'evil.example',
    '',
  ])('refuses %j', (target) => {
    expect(safeRedirectTarget(target)).toBe('/')
    expect(safeRedirectTarget(target, '/arbeidsgiver')).toBe('/arbeidsgiver')
  })

  it.each([null, undefined, new File(['x'], 'upload.txt')])('falls back for a non-string (%s)', (target) => {
    expect(safeRedirectTarget(target, '/ansatt')).toBe('/ansatt')
  })

  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" becomes "//evil.example".
  it.each([
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\t\\evil.example',
    '\t//evil.example',
  ])('never leads a browser off the site for %j', (target) => {
    expect(new URL(safeRedirectTarget(target), `${portal}/logg-inn`).origin).toBe(portal)
  })
})
