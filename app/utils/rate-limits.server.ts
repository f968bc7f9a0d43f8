/**
 * Limits on the requests an attacker would repeat: creating accounts, asking for password-reset e-mails, setting a
 * new password with a guessed link, and employers expressing interest (each one notifies a specialist). Log-in has
 * its own limits, kept in the database with the attempts (accounts.server.ts), because they also lock an account.
 *
 * The counters live in this process's memory (rate-limiter-flexible): the portal runs as one process, and a restart
 * forgiving a few attempts does no harm. A second process would need a shared store (see ADR 015).
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

type LimitRule = { points: number; durationSeconds: number }

/** Per key, at most `points` requests in `durationSeconds`. Generous for people, tight for scripts. */
export const RATE_LIMIT_RULES = {
  registrationPerAddress: { points: 20, durationSeconds: 3600 },
  passwordResetPerAddress: { points: 20, durationSeconds: 3600 },
  passwordResetPerEmail: { points: 3, durationSeconds: 3600 },
  newPasswordPerAddress: { points: 20, durationSeconds: 900 },
  interestPerUser: { points: 60, durationSeconds: 600 },
} satisfies Record<string, LimitRule>

export type RateLimitName = keyof typeof RATE_LIMIT_RULES

const limiters = new Map<RateLimitName, RateLimiterMemory>()

function limiter(name: RateLimitName): RateLimiterMemory {
  let found = limiters.get(name)
  if (!found) {
    const rule = RATE_LIMIT_RULES[name]
    found = new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.durationSeconds })
    limiters.set(name, found)
  }
  return found
}

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** Counts one request against every named limit; refused when any of them is used up. */
export async function consumeRateLimits(checks: [RateLimitName, string][]): Promise<RateLimitOutcome> {
  let retryAfterSeconds = 0
  for (const [name, key] of checks) {
    try {
      await limiter(name).consume(key.toLowerCase())
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil(refusal.msBeforeNext / 1000))
    }
  }
  return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true }
}

/** The message a refused person sees, with the wait in whole minutes. */
export function rateLimitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return `Du har prøvd mange ganger på kort tid. Vent ${minutes} ${minutes === 1 ? 'minutt' : 'minutter'} og prøv igjen.`
}

/** Headers for a 429 answer. */
export function retryAfterHeaders(retryAfterSeconds: number): HeadersInit {
  return { 'Retry-After': String(retryAfterSeconds) }
}

/** Empties every counter; for tests that exercise the limits one after another in one process. */
export async function resetRateLimits(): Promise<void> {
  limiters.clear()
}
