import { z } from 'zod'

const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.string().url().optional())

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).optional(),
  PUBLIC_URL: optionalUrl.pipe(
    z.string().refine((url) => /^https?:\/\//.test(url), 'må begynne med http:// eller https://').optional(),
  ),
  DATABASE_URL: optionalUrl.pipe(
    z
      .string()
      .refine((url) => /^postgres(ql)?:\/\//.test(url), 'må begynne med postgres:// eller postgresql://')
      .optional(),
  ),
  PGLITE_DATA_DIR: z.string().trim().min(1).default('./var/pgdata'),
  // Unset: search runs in PostgreSQL (search-index/backends.ts).
  MEILISEARCH_URL: optionalUrl.pipe(
    z.string().refine((url) => /^https?:\/\//.test(url), 'må begynne med http:// eller https://').optional(),
  ),
  MEILISEARCH_API_KEY: z.string().trim().min(1).optional(),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().trim().min(3).default('Jobbsnekker <ikke-svar@jobbsnekker.invalid>'),
  MAIL_DIR: z.string().trim().min(1).default('./var/mail'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SEED_DEMO_DATA: booleanFlag.default('true'),
  DEVELOPMENT_MAILBOX: booleanFlag.optional(),
})

export type Env = z.infer<typeof envSchema> & { PUBLIC_URL: string; DEVELOPMENT_MAILBOX: boolean }

export class EnvError extends Error {
  override name = 'EnvError'
}

/** Parses the given environment (or process.env) and explains every bad variable by name. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable (`PORT=`) means "not set", as in most shells' and CI systems' conventions.
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''))
  const result = envSchema.safeParse(given)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`)
    throw new EnvError(`Invalid environment configuration:\n${problems.join('\n')}`)
  }
  const env = result.data
  return {
    ...env,
    PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    // The mailbox page shows password-reset links to anyone, so it is on by default only for the
    // embedded demo; a deployment on a real database server must ask for it explicitly.
    DEVELOPMENT_MAILBOX: !env.SMTP_URL && (env.DEVELOPMENT_MAILBOX ?? !env.DATABASE_URL),
  }
}

// Shared through globalThis so the server entry and the Remix build (a separate bundle) see one parse.
const globalKey = Symbol.for('jobbsnekker.env')
type EnvHolder = { [globalKey]?: Env }

export function getEnv(): Env {
  const holder = globalThis as EnvHolder
  holder[globalKey] ??= parseEnv()
  return holder[globalKey]
}

/** Installs an explicit configuration (tests and scripts) instead of reading process.env. */
export function setEnv(env: Env): void {
  ;(globalThis as EnvHolder)[globalKey] = env
}
