import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_REQUEST_BODY_BYTES } from '../../app/utils/http-security.server'
import { serverUrl } from '../support/database'
import { startScratchPortal, type PortalProcess, type ScratchPortal } from '../support/portal-process'

// The compiled portal over real HTTP: what every answer carries (CSP with a fresh nonce, HSTS, framing and referrer
// rules) and what is refused before any route runs (another site's form post, an oversized or unmeasured body).
describe('HTTP security of the running portal', () => {
  let started: ScratchPortal
  let portal: PortalProcess

  beforeAll(async () => {
    started = await startScratchPortal('web-security', { SEED_DEMO_DATA: 'false' })
    portal = started.portal
  }, 180_000)

  afterAll(async () => {
    await started?.dispose()
  }, 30_000)

  function directives(header: string | null): Map<string, string> {
    return new Map(
      (header ?? '')
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => {
          const [name, ...values] = part.split(/\s+/)
          return [name!, values.join(' ')] as const
        }),
    )
  }

  it('sends a Content-Security-Policy whose nonce is on every script of the page, new for every response', async () => {
    const first = await fetch(`${portal.url}/logg-inn`)
    const html = await first.text()
    const policy = directives(first.headers.get('content-security-policy'))
    const nonce = /'nonce-([^']+)'/.exec(policy.get('script-src') ?? '')?.[1]
    expect(nonce, 'script-src names a nonce').toBeTruthy()
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'")
    expect(policy.get('default-src')).toBe("'self'")
    expect(policy.get('object-src')).toBe("'none'")
    expect(policy.get('frame-ancestors')).toBe("'none'")
    expect(policy.get('form-action')).toBe("'self'")
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0])
    expect(scripts.length, 'the page hydrates with scripts').toBeGreaterThan(0)
    for (const tag of scripts) expect(tag, 'every script carries the nonce').toContain(`nonce="${nonce}"`)

    const second = await fetch(`${portal.url}/logg-inn`)
    const secondNonce = /'nonce-([^']+)'/.exec(second.headers.get('content-security-policy') ?? '')?.[1]
    expect(secondNonce).not.toBe(nonce)
  })

  it('sends HSTS, refuses framing, keeps referrers to the origin and stops MIME sniffing', async () => {
    const response = await fetch(`${portal.url}/logg-inn`)
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000; includeSubDomains/)
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-powered-by')).toBeNull()
    const stylesheet = /href="(\/build\/[^"]+\.css)"/.exec(await response.text())?.[1]
    const asset = await fetch(`${portal.url}${stylesheet}`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('x-frame-options'), 'static files get the headers too').toBe('DENY')
  })

  it("refuses a form post from another site's page before the action runs", async () => {
    const crossSite: Record<string, string>[] = [{ Origin: 'https://angriper.example' }, { 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'null' }]
    for (const headers of crossSite) {
      const response = await fetch(`${portal.url}/logg-inn`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'email=a%40b.no&password=x',
        redirect: 'manual',
      })
      expect(response.status).toBe(403)
      const page = await response.text()
      expect(page).toContain('kom fra en annen nettside')
      expect(page).toContain('<html lang="nb">')
      expect(response.headers.get('set-cookie')).toBeNull()
    }
  })

  it('refuses a same-site form post without the CSRF token', async () => {
    const response = await fetch(`${portal.url}/logg-inn`, {
      method: 'POST',
      headers: { Origin: portal.url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.no&password=x',
      redirect: 'manual',
    })
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('sikkerhetsnøkkelen')
  })

  /** Sends only the headers of a POST and reads the answer, without the body ever being written. */
  function postHeadersOnly(headers: Record<string, string>): Promise<{ status: number; body: string }> {
    const url = new URL(`${portal.url}/logg-inn`)
    return new Promise((resolve, reject) => {
      const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      })
      request.on('error', reject)
      request.flushHeaders()
    })
  }

  it('refuses bodies over the limit, and bodies that do not say their length, without reading them', async () => {
    const tooLarge = await postHeadersOnly({ 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(MAX_REQUEST_BODY_BYTES + 1) })
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.body).toContain('Skjemaet er for stort')
    const unmeasured = await postHeadersOnly({ 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' })
    expect(unmeasured.status).toBe(411)

    const underLimit = await fetch(`${portal.url}/logg-inn`, {
      method: 'POST',
      headers: { Origin: portal.url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `email=a%40b.no&password=${'x'.repeat(100_000)}`,
    })
    expect(underLimit.status, 'a large but allowed body reaches the action (here: no CSRF token)').toBe(403)
  })

  it('reports each dependency on /healthz', async () => {
    const response = await fetch(`${portal.url}/healthz`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const health = (await response.json()) as Record<string, { status: string } | string>
    expect(health).toMatchObject({
      status: 'ok',
      database: { status: 'ok', kind: serverUrl ? 'server' : 'embedded' },
      search: { status: 'ok', backend: 'postgres' },
      searchSync: { status: 'ok' },
      email: { status: 'ok', transport: 'mailbox' },
      emailOutbox: { status: 'ok', dead: 0 },
    })
  })
})
