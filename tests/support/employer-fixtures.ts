import type { Queryable } from '../../prisma-free-sql/db'
import { insertMembership, insertOrganisation } from '../../prisma-free-sql/queries/organisations'
import { findUserById, insertUser, type User } from '../../prisma-free-sql/queries/users'
import type { WorkplaceInput } from '../../prisma-free-sql/queries/workplaces'
import { newEmail, newOrganisation } from './fixtures'

export function workplaceInput(overrides: Partial<WorkplaceInput> = {}): WorkplaceInput {
  return {
    name: 'Hovedkontoret',
    address: 'Storgata 1',
    municipalityNumber: '0301',
    noiseLevel: 0,
    paceLevel: 1,
    socialContactLevel: 2,
    accessibility: ['TRINNFRI_ADKOMST'],
    accessibilityNotes: '',
    languages: ['norsk', 'engelsk'],
    ...overrides,
  }
}

/** A new organisation with one active employer member. */
export async function newEmployerWithOrganisation(sql: Queryable): Promise<{ user: User; organisationId: string }> {
  const organisationId = (await insertOrganisation(sql, newOrganisation()))!
  const userId = await insertUser(sql, { email: newEmail('arbeidsgiver'), name: 'Kari Arbeidsgiver', accountType: 'employer', passwordHash: null })
  await insertMembership(sql, { organisationId, userId, status: 'active' })
  return { user: (await findUserById(sql, userId))!, organisationId }
}
