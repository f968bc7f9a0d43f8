import { randomBytes } from 'node:crypto'
import type { Queryable } from '../../prisma-free-sql/db'
import type { NewOrganisation } from '../../prisma-free-sql/queries/organisations'
import { assignStaff, findUserById, insertUser, type StaffAssignment, type User } from '../../prisma-free-sql/queries/users'
import { hashPassword } from '../../app/utils/crypto.server'

/** Passes the password policy; shared by test accounts. */
export const STRONG_PASSWORD = 'Rabarbra-Kake-på-Torsdag-7'

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2]
// Well away from the demo data's 9123… numbers.
let nextPrefix = 81_000_000 + Math.floor(Math.random() * 1_000_000)

/** A fresh organisation number with a correct MOD11 check digit. */
export function newOrgNumber(): string {
  for (;;) {
    const prefix = String(nextPrefix++)
    const remainder = WEIGHTS.reduce((sum, weight, i) => sum + weight * Number(prefix[i]), 0) % 11
    if (remainder === 1) continue // no valid check digit exists for this prefix
    return `${prefix}${remainder === 0 ? 0 : 11 - remainder}`
  }
}

export function newOrganisation(overrides: Partial<NewOrganisation> = {}): NewOrganisation {
  return {
    orgNumber: newOrgNumber(),
    name: `Testbedrift ${randomBytes(3).toString('hex')} AS`,
    naceSection: 'C',
    sector: 'private',
    sizeBand: '5-19',
    municipalityNumber: '0301',
    ...overrides,
  }
}

/** A unique address; the label keeps failures readable. */
export function newEmail(label: string): string {
  return `${label}.${randomBytes(4).toString('hex')}@test.example`
}

/** Inserts a staff member directly, bypassing the invitation flow. */
export async function createStaffUser(
  sql: Queryable,
  assignment: Partial<StaffAssignment> & { name?: string; email?: string; password?: string } = {},
): Promise<User> {
  const userId = await insertUser(sql, {
    email: assignment.email ?? newEmail('staff'),
    name: assignment.name ?? 'Testansatt',
    accountType: 'staff',
    passwordHash: assignment.password ? await hashPassword(assignment.password) : null,
  })
  await assignStaff(sql, userId, {
    roles: assignment.roles ?? [],
    officeId: assignment.officeId ?? null,
    teamId: assignment.teamId ?? null,
    countyNumbers: assignment.countyNumbers ?? [],
  })
  const user = await findUserById(sql, userId)
  if (!user) throw new Error('The staff user just inserted is missing')
  return user
}
