import { describe, expect, it } from 'vitest'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordWeakness } from '~/utils/password-policy'

describe('passwordWeakness', () => {
  it.each([
    ['Rabarbra-kake-7', 'a long mixed password'],
    ['x'.repeat(PASSWORD_MIN_LENGTH - 5) + 'abcde', 'exactly the minimum length with five distinct characters'],
    ['ab3d!'.repeat(PASSWORD_MAX_LENGTH / 5), 'exactly the maximum length'],
    ['korrekt hest batteri stift', 'a passphrase with spaces'],
  ])('accepts %j (%s)', (password) => {
    expect(passwordWeakness(password)).toBeNull()
  })

  it.each([
    ['', 'minst 12 tegn'],
    ['Kort-pass1!', 'minst 12 tegn'],
    ['ab3d!'.repeat(PASSWORD_MAX_LENGTH / 5) + 'x', 'høyst 200 tegn'],
    ['passord12345', 'for vanlig'],
    ['PASSORD12345', 'for vanlig'],
    ['Velkommen123', 'for vanlig'],
    ['abababababab', 'for få ulike tegn'],
    ['1111222233334444', 'for få ulike tegn'],
  ])('rejects %j with a message about %s', (password, fragment) => {
    expect(passwordWeakness(password)).toContain(fragment)
  })

  it('rejects a password containing the local part of the e-mail address, in any case', () => {
    expect(passwordWeakness('Mitt-KARIANNE-passord', { email: 'karianne@firma.example' })).toBe(
      'Passordet kan ikke inneholde e-postadressen din.',
    )
  })

  it('ignores local parts shorter than four characters', () => {
    expect(passwordWeakness('Mitt-ola-passord-9', { email: 'ola@firma.example' })).toBeNull()
  })

  it('rejects a password containing a part of the name', () => {
    expect(passwordWeakness('Nordmann-liker-kaffe', { name: 'Kari Nordmann' })).toBe(
      'Passordet kan ikke inneholde navnet ditt.',
    )
  })

  it('ignores name parts shorter than four characters', () => {
    expect(passwordWeakness('Ola-liker-kaffe-9', { name: 'Ola Li' })).toBeNull()
  })

  it('answers in bokmål sentences', () => {
    expect(passwordWeakness('kort')).toBe(`Passordet må ha minst ${PASSWORD_MIN_LENGTH} tegn.`)
  })
})
