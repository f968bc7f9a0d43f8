import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '~/utils/env.server'

/** The message of the EnvError that parsing throws. */
function problemWith(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source)
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError)
    return (error as Error).message
  }
  throw new Error('parseEnv accepted the environment')
}

describe('parseEnv', () => {
  it('fills in defaults for an empty environment', () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: 'development',
      PORT: 3000,
      PUBLIC_URL: 'http://localhost:3000',
      PGLITE_DATA_DIR: './var/pgdata',
      MAIL_FROM: 'Jobbsnekker <ikke-svar@jobbsnekker.invalid>',
      MAIL_DIR: './var/mail',
      SEED_DEMO_DATA: true,
      DEVELOPMENT_MAILBOX: true,
    })
  })

  it.each([
    { given: {}, mailbox: true, why: 'embedded demo' },
    { given: { DATABASE_URL: 'postgres://db/app' }, mailbox: false, why: 'server database' },
    { given: { DATABASE_URL: 'postgres://db/app', DEVELOPMENT_MAILBOX: 'true' }, mailbox: true, why: 'asked for' },
    { given: { DEVELOPMENT_MAILBOX: 'false' }, mailbox: false, why: 'turned off' },
    { given: { SMTP_URL: 'smtp://mail:25', DEVELOPMENT_MAILBOX: 'true' }, mailbox: false, why: 'real e-mail' },
  ])('shows the development mailbox only when safe: $why', ({ given, mailbox }) => {
    expect(parseEnv(given).DEVELOPMENT_MAILBOX).toBe(mailbox)
  })

  it('derives PUBLIC_URL from PORT when it is not given', () => {
    expect(parseEnv({ PORT: '4123' }).PUBLIC_URL).toBe('http://localhost:4123')
  })

  it('keeps an explicit PUBLIC_URL', () => {
    expect(parseEnv({ PORT: '4123', PUBLIC_URL: 'https://jobbsnekker.example' }).PUBLIC_URL).toBe('https://jobbsnekker.example')
  })

  it('reads every variable', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://app@db.internal:5432/jobbsnekker',
      PGLITE_DATA_DIR: 'memory://',
      MEILISEARCH_URL: 'http://127.0.0.1:7700',
      MEILISEARCH_API_KEY: 'key',
      SMTP_URL: 'smtp://mail.internal:25',
      MAIL_FROM: 'Jobbsnekker <post@jobbsnekker.example>',
      MAIL_DIR: '/tmp/mail',
      SESSION_SECRET: 's'.repeat(32),
      SEED_DEMO_DATA: 'false',
    })
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      PORT: 8080,
      HOST: '0.0.0.0',
      PUBLIC_URL: 'http://localhost:8080',
      DATABASE_URL: 'postgresql://app@db.internal:5432/jobbsnekker',
      MEILISEARCH_URL: 'http://127.0.0.1:7700',
      MEILISEARCH_API_KEY: 'key',
      SEED_DEMO_DATA: false,
    })
  })

  it('leaves Meilisearch unset by default, so search runs in PostgreSQL', () => {
    const env = parseEnv({})
    expect(env.MEILISEARCH_URL).toBeUndefined()
    expect(env.MEILISEARCH_API_KEY).toBeUndefined()
  })

  it('reads the Meilisearch URL and trims its API key', () => {
    expect(parseEnv({ MEILISEARCH_URL: 'https://search.internal', MEILISEARCH_API_KEY: ' abc-123 ' })).toMatchObject({
      MEILISEARCH_URL: 'https://search.internal',
      MEILISEARCH_API_KEY: 'abc-123',
    })
  })

  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
  ])('reads SEED_DEMO_DATA=%s as %s', (value, expected) => {
    expect(parseEnv({ SEED_DEMO_DATA: value }).SEED_DEMO_DATA).toBe(expected)
  })

  it.each([
    ['DATABASE_URL', 'mysql://root@localhost/app'],
    ['DATABASE_URL', 'not a url'],
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['NODE_ENV', 'staging'],
    ['PUBLIC_URL', 'jobbsnekker.example'],
    ['MEILISEARCH_URL', 'localhost:7700'],
    ['MEILISEARCH_URL', 'postgres://db/app'],
    ['SESSION_SECRET', 'too-short'],
    ['SEED_DEMO_DATA', 'maybe'],
  ])('names %s in the error for %j', (name, value) => {
    expect(problemWith({ [name]: value })).toMatch(new RegExp(`^\\s+${name}: `, 'm'))
  })

  it('lists every bad variable at once', () => {
    const message = problemWith({ PORT: 'abc', DATABASE_URL: 'mysql://x' })
    expect(message).toContain('PORT')
    expect(message).toContain('DATABASE_URL')
  })

  // Deployment tools write `NAME=` for a variable left blank; that must mean "use the default",
  // not "port 0" or a refusal to start.
  it.each([
    'NODE_ENV', 'PORT', 'HOST', 'PUBLIC_URL', 'DATABASE_URL', 'PGLITE_DATA_DIR', 'MEILISEARCH_URL',
    'MEILISEARCH_API_KEY', 'SMTP_URL', 'MAIL_FROM', 'MAIL_DIR', 'SESSION_SECRET', 'SEED_DEMO_DATA',
  ])('treats an empty %s as unset', (name) => {
    expect(parseEnv({ [name]: '' })).toEqual(parseEnv({}))
  })

  it.each(['DATABASE_URL', 'PUBLIC_URL', 'SMTP_URL', 'MEILISEARCH_URL'])('treats a blank %s as unset', (name) => {
    expect(parseEnv({ [name]: '   ' })).toEqual(parseEnv({}))
  })
})
