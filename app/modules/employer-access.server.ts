import { getSql } from '../../prisma-free-sql/db'
import { findOpeningForMember, type Opening } from '../../prisma-free-sql/queries/openings'
import { findOrganisationProfileForMember, type OrganisationProfile } from '../../prisma-free-sql/queries/organisations'
import type { User } from '../../prisma-free-sql/queries/users'
import { findWorkplaceForMember, type WorkplaceDetail } from '../../prisma-free-sql/queries/workplaces'

/**
 * Another organisation's data is answered with 404, not 403: an employer must not learn
 * that an id exists elsewhere.
 */
export function notFound(message = 'Siden finnes ikke, eller den er flyttet.'): Response {
  return new Response(message, { status: 404, statusText: 'Not Found' })
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A malformed id in the URL is a page that does not exist, not a database error. */
function requireUuid(id: string | undefined): string {
  if (!id || !uuidPattern.test(id)) throw notFound()
  return id
}

export async function requireOrganisationOf(user: User, organisationId: string | undefined): Promise<OrganisationProfile> {
  const organisation = await findOrganisationProfileForMember(getSql(), requireUuid(organisationId), user.id)
  if (!organisation) throw notFound()
  return organisation
}

export async function requireWorkplaceOf(user: User, workplaceId: string | undefined): Promise<WorkplaceDetail> {
  const workplace = await findWorkplaceForMember(getSql(), requireUuid(workplaceId), user.id)
  if (!workplace) throw notFound()
  return workplace
}

export async function requireOpeningOf(user: User, openingId: string | undefined): Promise<Opening> {
  const opening = await findOpeningForMember(getSql(), requireUuid(openingId), user.id)
  if (!opening) throw notFound()
  return opening
}

export { requireUuid }
