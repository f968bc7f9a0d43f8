import type { Queryable } from '../../prisma-free-sql/db'
import { listCounties, type County } from '../../prisma-free-sql/queries/geography'
import { findOffice } from '../../prisma-free-sql/queries/offices'
import type { User } from '../../prisma-free-sql/queries/users'
import { forbidden } from '../utils/auth.server'

/**
 * The counties whose employers a staff member works with: the counties a market contact covers, and the county of
 * their own office (a specialist meets employers where their candidates live). Admins see every county.
 * Employers' market pages, the board, matching meetings and the dashboard are all scoped to this region.
 */
export async function regionOf(sql: Queryable, user: User): Promise<County[]> {
  if (user.accountType !== 'staff') return []
  const counties = await listCounties(sql)
  if (user.roles.includes('admin')) return counties
  const officeCounty = user.officeId ? (await findOffice(sql, user.officeId))?.countyNumber : undefined
  const numbers = new Set([...user.countyNumbers, ...(officeCounty ? [officeCounty] : [])])
  return counties.filter((county) => numbers.has(county.number))
}

/** The region's county numbers, or a 403 for staff who have none yet (they are told whom to ask). */
export async function requireRegion(sql: Queryable, user: User): Promise<County[]> {
  const region = await regionOf(sql, user)
  if (region.length === 0) throw forbidden('Du dekker ingen fylker ennå. Be en administrator om å legge til fylkene dine eller kontoret ditt.')
  return region
}
