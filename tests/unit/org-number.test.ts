import { describe, expect, it } from 'vitest'
import { isValidOrgNumber, normaliseOrgNumber } from '~/utils/org-number'

describe('isValidOrgNumber', () => {
  it.each([
    ['974760673', 'Brønnøysundregistrene'],
    ['889640782', 'NAV'],
    ['923609016', 'Equinor'],
    ['912345742', 'demo: Grünerløkka Bakeri'],
    ['912345750', 'remainder 0 gives check digit 0'],
  ])('accepts %s (%s)', (input) => {
    expect(isValidOrgNumber(input)).toBe(true)
  })

  it.each([
    ['974760672', 'check digit one too low'],
    ['974760674', 'check digit one too high'],
    ['912345743', 'demo number with a wrong check digit'],
    ['912345751', 'remainder 0 but check digit 1'],
  ])('rejects %s (%s)', (input) => {
    expect(isValidOrgNumber(input)).toBe(false)
  })

  // These prefixes give a remainder of 1, for which Brønnøysund never issues a number.
  it.each(['91234570', '91234584', '91234598'])('rejects every check digit after %s (remainder 1)', (prefix) => {
    for (let digit = 0; digit <= 9; digit++) expect(isValidOrgNumber(`${prefix}${digit}`)).toBe(false)
  })

  it.each([
    ['974 760 673', true],
    [' 974760673 ', true],
    ['974\u00a0760\u00a0673', true],
    ['974.760.673', true],
    ['974-760-673', false],
    ['97476067A', false],
    ['abcdefghi', false],
    ['NO974760673', false],
    ['97476067', false],
    ['9747606730', false],
    ['', false],
    ['         ', false],
  ])('treats %j as valid=%s', (input, valid) => {
    expect(isValidOrgNumber(input)).toBe(valid)
  })
})

describe('normaliseOrgNumber', () => {
  it.each([
    ['974 760 673', '974760673'],
    ['974.760.673', '974760673'],
    ['\t974760673\n', '974760673'],
    ['974760673', '974760673'],
  ])('turns %j into %s', (input, expected) => {
    expect(normaliseOrgNumber(input)).toBe(expected)
  })
})
