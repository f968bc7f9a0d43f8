import type { AppLoadContext } from '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    clientAddress: string
  }
}

export function clientAddressOf(context: AppLoadContext): string {
  return context.clientAddress || 'unknown'
}
