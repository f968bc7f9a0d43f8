import { redirect } from '@remix-run/node'
import type { StaffRole, User } from '../../prisma-free-sql/queries/users'
import { getSessionUser } from './session.server'

export async function requireUser(request: Request): Promise<User> {
  const user = await getSessionUser(request)
  if (!user) {
    const url = new URL(request.url)
    const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })
    throw redirect(`/logg-inn?${params}`)
  }
  return user
}

export function forbidden(message = 'Du har ikke tilgang til denne siden.'): Response {
  return new Response(message, { status: 403, statusText: 'Forbidden' })
}

export async function requireEmployer(request: Request): Promise<User> {
  const user = await requireUser(request)
  if (user.accountType !== 'employer') throw forbidden('Denne siden er for arbeidsgivere.')
  return user
}

export async function requireStaff(request: Request): Promise<User> {
  const user = await requireUser(request)
  if (user.accountType !== 'staff') throw forbidden('Denne siden er for ansatte i NAV og hos tiltaksarrangører.')
  return user
}

/** Staff holding at least one of the roles. */
export async function requireRole(request: Request, ...roles: StaffRole[]): Promise<User> {
  const user = await requireStaff(request)
  if (!roles.some((role) => user.roles.includes(role))) throw forbidden()
  return user
}

/** Where each kind of user starts after log-in. */
export function homePathFor(user: User): string {
  if (user.accountType === 'employer') return '/arbeidsgiver'
  if (user.roles.includes('admin')) return '/admin'
  if (user.roles.includes('market_contact')) return '/marked'
  if (user.roles.includes('team_lead')) return '/team'
  return '/ansatt'
}
