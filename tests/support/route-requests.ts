import { issueCsrfToken } from '~/utils/csrf.server'
import { startSession } from '~/utils/session.server'
import type { User } from '../../prisma-free-sql/queries/users'

// Requests to a route's loader or action with a real session and CSRF token, as the browser sends them.

export const BASE = 'http://localhost'

type RouteArgs = { request: Request; params: Record<string, string>; context: Record<string, never> }
type RouteFunction = (args: RouteArgs) => Promise<Response>

export async function sessionCookie(user: User): Promise<string> {
  const response = await startSession(new Request(`${BASE}/logg-inn`), user.id, '/')
  return response.headers.get('Set-Cookie')!.split(';')[0]!
}

/** What a route function returned or threw: thrown responses (403, 404, redirects) are what the user gets too. */
export async function settle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

export async function getRoute(route: unknown, user: User, path: string, params: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`${BASE}${path}`, { headers: { Cookie: await sessionCookie(user) } })
  return settle(() => (route as RouteFunction)({ request, params, context: {} }))
}

/** Posts a form; `fields` as pairs when a name repeats (checkboxes). `csrf: false` leaves the token out. */
export async function postRoute(
  route: unknown,
  user: User,
  path: string,
  fields: Record<string, string> | [string, string][],
  options: { params?: Record<string, string>; csrf?: boolean } = {},
): Promise<Response> {
  const [token, csrfSetCookie] = await issueCsrfToken(new Request(`${BASE}/`))
  const body = new FormData()
  if (options.csrf ?? true) body.set('csrf', token)
  for (const [name, value] of Array.isArray(fields) ? fields : Object.entries(fields)) body.append(name, value)
  const cookies = [await sessionCookie(user), csrfSetCookie!.split(';')[0]!].join('; ')
  const request = new Request(`${BASE}${path}`, { method: 'POST', body, headers: { Cookie: cookies } })
  return settle(() => (route as RouteFunction)({ request, params: options.params ?? {}, context: {} }))
}
