const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const

/** Removes the spaces people type in organisation numbers ("974 760 673"). */
export function normaliseOrgNumber(input: string): string {
  return input.replace(/[\s.]/g, '')
}

/**
 * Brønnøysund's organisation number rule: nine digits, the last a MOD11 check digit
 * over the first eight with weights 3 2 7 6 5 4 3 2 (a remainder of 1 is never issued).
 */
export function isValidOrgNumber(input: string): boolean {
  const digits = normaliseOrgNumber(input)
  if (!/^\d{9}$/.test(digits)) return false
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(digits[index]), 0)
  const remainder = sum % 11
  if (remainder === 1) return false
  const check = remainder === 0 ? 0 : 11 - remainder
  return check === Number(digits[8])
}
