import { createCookie, redirect } from '@remix-run/node'
import { getSql } from '../../prisma-free-sql/db'
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findLiveSession,
  insertSession,
} from '../../prisma-free-sql/queries/sessions'
import { findUserById, type User } from '../../prisma-free-sql/queries/users'
import { randomToken, sha256 } from './crypto.server'
import { getEnv } from './env.server'

export const SESSION_LIFETIME_HOURS = 12

function sessionCookie() {
  const env = getEnv()
  return createCookie('__session', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.NODE_ENV === 'production',
    path: '/',
    secrets: [env.SESSION_SECRET ?? ''],
    maxAge: SESSION_LIFETIME_HOURS * 3600,
  })
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

/** The logged-in user, or null for anonymous, expired or disabled sessions. */
export async function getSessionUser(request: Request): Promise<User | null> {
  const token = await readToken(request)
  if (!token) return null
  const sql = getSql()
  const session = await findLiveSession(sql, sha256(token))
  if (!session) return null
  const user = await findUserById(sql, session.userId)
  if (!user || user.disabledAt) return null
  return user
}

/**
 * Starts a fresh session (a new token every log-in, so a planted cookie is useless)
 * and redirects with it.
 */
export async function startSession(request: Request, userId: string, redirectTo: string): Promise<Response> {
  const sql = getSql()
  const previous = await readToken(request)
  if (previous) await deleteSession(sql, sha256(previous))
  const token = randomToken()
  await deleteExpiredSessions(sql)
  await insertSession(sql, sha256(token), userId, new Date(Date.now() + SESSION_LIFETIME_HOURS * 3600_000))
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionCookie().serialize(token) } })
}

export async function endSession(request: Request, redirectTo = '/logg-inn'): Promise<Response> {
  const token = await readToken(request)
  if (token) await deleteSession(getSql(), sha256(token))
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionCookie().serialize('', { maxAge: 0 }) } })
}

export async function endAllSessionsOf(userId: string): Promise<void> {
  await deleteSessionsOfUser(getSql(), userId)
}

/** Only same-site paths are accepted as a post-log-in target. */
export function safeRedirectTarget(target: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  // Browsers drop tabs and newlines and read backslashes as slashes, so any of them could turn "/x" into "//host".
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(target)) {
    return fallback
  }
  return target
}
