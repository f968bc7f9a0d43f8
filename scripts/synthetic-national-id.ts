// No imports on purpose: the demo seed, the integration tests and the browser tests (which load
// TypeScript without the app's bundler) all use this.

const FIRST_CHECK_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2]
const SECOND_CHECK_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

function checkDigit(digits: string, weights: number[]): number {
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0)
  const rest = 11 - (sum % 11)
  return rest === 11 ? 0 : rest
}

/**
 * A Test Norge synthetic national ID number: the birth month plus 80, so it is never issued to a real person, with
 * both MOD11 check digits. `individual` is the three-digit individual number (its century rules and its last digit,
 * the sex, are the caller's choice). Undefined when no valid check digit exists for this combination: try another
 * individual number.
 */
export function syntheticNationalId(birthDate: { year: number; month: number; day: number }, individual: number): string | undefined {
  const pad = (value: number, width: number) => String(value).padStart(width, '0')
  const base = `${pad(birthDate.day, 2)}${pad(birthDate.month + 80, 2)}${pad(birthDate.year % 100, 2)}${pad(individual, 3)}`
  const first = checkDigit(base, FIRST_CHECK_WEIGHTS)
  if (first === 10) return undefined
  const second = checkDigit(`${base}${first}`, SECOND_CHECK_WEIGHTS)
  if (second === 10) return undefined
  return `${base}${first}${second}`
}

/** Any valid synthetic number, born 1960–1999; for tests that need a fresh one. */
export function randomSyntheticNationalId(random: () => number = Math.random): string {
  for (;;) {
    const birth = new Date(Date.UTC(1960 + Math.floor(random() * 40), 0, 1 + Math.floor(random() * 365)))
    const nationalId = syntheticNationalId(
      { year: birth.getUTCFullYear(), month: birth.getUTCMonth() + 1, day: birth.getUTCDate() },
      Math.floor(random() * 500),
    )
    if (nationalId) return nationalId
  }
}
