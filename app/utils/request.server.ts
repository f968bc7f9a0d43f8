import type { AppLoadContext } from '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    clientAddress: string
    /** The nonce this response's Content-Security-Policy allows scripts with. */
    cspNonce?: string
    /** Set by handleError while the request runs, so the answer can say the database, not the portal, is at fault. */
    failure?: { databaseUnavailable: boolean }
  }
}

export function clientAddressOf(context: AppLoadContext): string {
  return context.clientAddress || 'unknown'
}

export const DATABASE_UNAVAILABLE = {
  title: 'Tjenesten er midlertidig utilgjengelig',
  message:
    'Jobbsnekker får ikke kontakt med databasen akkurat nå. Prøv igjen om et minutt. Det du sendte akkurat nå, er kanskje ikke lagret: sjekk det når siden virker igjen.',
  retryAfterSeconds: 30,
} as const
