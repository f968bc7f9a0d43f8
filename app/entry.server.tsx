import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { isDatabaseUnavailable } from '../prisma-free-sql/db'
import { problemPageHtml } from './utils/http-security.server'
import { NonceProvider } from './utils/nonce-provider'
import { DATABASE_UNAVAILABLE } from './utils/request.server'

const ABORT_DELAY_MS = 5_000

function databaseUnavailableDocument(nonce: string): Response {
  return new Response(problemPageHtml(DATABASE_UNAVAILABLE.title, DATABASE_UNAVAILABLE.message, nonce), {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': String(DATABASE_UNAVAILABLE.retryAfterSeconds),
    },
  })
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A page whose data could not be read is not rendered half-empty: it says the service is down for a moment.
  if (loadContext.failure?.databaseUnavailable) return databaseUnavailableDocument(loadContext.cspNonce ?? '')
  const nonce = loadContext.cspNonce ?? ''
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '')
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY_MS)
  })
}

/** Client-side navigations and form posts get the same answer as a thrown 503, which the error boundary shows. */
export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  if (!context.failure?.databaseUnavailable) return response
  return new Response(JSON.stringify(DATABASE_UNAVAILABLE.message), {
    status: 503,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': String(DATABASE_UNAVAILABLE.retryAfterSeconds),
      'X-Remix-Catch': 'yes',
    },
  })
}

export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return
  if (isDatabaseUnavailable(error)) {
    if (context.failure) context.failure.databaseUnavailable = true
    console.warn(`Database unavailable while serving ${new URL(request.url).pathname}: ${error instanceof Error ? error.message : String(error)}`)
    return
  }
  console.error(error)
}
