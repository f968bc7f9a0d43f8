import { createContext, useContext } from 'react'

// The server renders with the response's CSP nonce; in the browser scripts are already allowed, so it is empty there.
const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

export function useNonce(): string {
  return useContext(NonceContext)
}
