/**
 * What every HTTP answer carries and every request must satisfy before Remix sees it: security headers (helmet) with
 * a per-request script nonce, same-origin checks on mutating requests, and a body size limit. See ADR 015.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import helmet from 'helmet'

/** Forms carry text only; the largest (a candidate profile) is a few kilobytes. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024

export const AKSEL_FONT_ORIGIN = 'https://cdn.nav.no'

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

type Locals = { cspNonce?: string }

export function cspNonceOf(res: ServerResponse): string {
  return (res as ServerResponse & { locals?: Locals }).locals?.cspNonce ?? ''
}

/** A fresh nonce per response: only the portal's own inline scripts (Remix's hydration data) may run. */
export const assignCspNonce: RequestHandler = (_req, res, next) => {
  ;(res.locals as Locals).cspNonce = randomBytes(16).toString('base64')
  next()
}

export function securityHeaders(options: { publicUrl: string; development: boolean }): RequestHandler {
  const https = options.publicUrl.startsWith('https:')
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // 'strict-dynamic' lets the nonce-bearing module scripts load the route chunks they import.
        'script-src': ["'strict-dynamic'", (_req: IncomingMessage, res: ServerResponse) => `'nonce-${cspNonceOf(res)}'`],
        // React writes style attributes (charts, Aksel layout primitives); inline styles cannot run code.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        // Aksel's stylesheet loads its typeface (Source Sans 3) from NAV's own font host; nothing else comes from there.
        'font-src': ["'self'", 'data:', AKSEL_FONT_ORIGIN],
        // `remix watch` reloads the page through a WebSocket in development only.
        'connect-src': options.development ? ["'self'", 'ws:'] : ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: { maxAge: 365 * 24 * 3600, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  })
}

function sameOrigin(origin: string, req: Request, publicUrl: string): boolean {
  try {
    const parsed = new URL(origin)
    return parsed.host === req.headers.host || parsed.origin === new URL(publicUrl).origin
  } catch {
    return false
  }
}

/**
 * A second line behind the CSRF token in every form: a browser names the page that sent a POST (`Origin`,
 * `Sec-Fetch-Site`), and another site's page is refused before any action runs. Requests without those headers
 * (scripts, old browsers) still need the token.
 */
export function refuseCrossSiteMutations(publicUrl: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!MUTATING_METHODS.has(req.method)) return next()
    const origin = req.headers.origin
    const fetchSite = req.headers['sec-fetch-site']
    const crossSite = (origin !== undefined && origin !== 'null' && !sameOrigin(origin, req, publicUrl)) || fetchSite === 'cross-site' || origin === 'null'
    if (!crossSite) return next()
    sendProblemPage(res, 403, 'Skjemaet ble ikke sendt', 'Skjemaet kom fra en annen nettside enn Jobbsnekker, og ble derfor avvist. Åpne siden i Jobbsnekker og send skjemaet derfra.')
  }
}

/** Mutating requests must say how large their body is, and stay under the limit. */
export function limitRequestBodies(maxBytes = MAX_REQUEST_BODY_BYTES): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!MUTATING_METHODS.has(req.method)) return next()
    const declared = req.headers['content-length']
    if (declared === undefined) {
      if (req.headers['transfer-encoding'] === undefined) return next()
      res.setHeader('Connection', 'close')
      return sendProblemPage(res, 411, 'Forespørselen mangler lengde', 'Send skjemaet fra nettleseren på nytt.')
    }
    const length = Number(declared)
    if (!Number.isSafeInteger(length) || length < 0) return sendProblemPage(res, 400, 'Forespørselen kunne ikke behandles', 'Send skjemaet på nytt.')
    if (length <= maxBytes) return next()
    // The body is not read; closing the connection keeps the client from sending the rest.
    res.setHeader('Connection', 'close')
    sendProblemPage(
      res,
      413,
      'Skjemaet er for stort',
      `Skjemaet kan være på høyst ${Math.floor(maxBytes / 1024)} kB. Gå tilbake, gjør teksten kortere og send på nytt.`,
    )
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/**
 * A complete, self-contained page for answers given outside Remix (it is down, or the request never reached it):
 * no scripts, and the styles inline under the response's nonce.
 */
export function problemPageHtml(title: string, message: string, nonce = ''): string {
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Jobbsnekker</title>
<style${nonce ? ` nonce="${nonce}"` : ''}>body{font-family:"Source Sans 3",Arial,sans-serif;margin:0;color:#23262a}header{background:#23262a;color:#fff;padding:1rem 1.5rem;font-weight:600}main{max-width:40rem;padding:2rem 1.5rem;line-height:1.5}h1{font-size:1.75rem}a{color:#0067c5}</style>
</head>
<body>
<header>Jobbsnekker</header>
<main id="hovedinnhold">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/">Gå til forsiden</a></p>
</main>
</body>
</html>
`
}

export function sendProblemPage(res: Response, status: number, title: string, message: string, headers: Record<string, string> = {}): void {
  res.status(status)
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  res.setHeader('Cache-Control', 'no-store')
  res.type('html').send(problemPageHtml(title, message, cspNonceOf(res)))
}
