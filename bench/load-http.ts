// What a browser does for the load test's virtual users, without a browser: keep cookies, read the forms a page
// renders and send them back filled in as the person would, including the CSRF token from the form.

/** Cookies of one session, updated from every Set-Cookie the portal sends. */
export class CookieJar {
  private readonly cookies = new Map<string, string>()

  store(setCookie: string | string[] | undefined | null): void {
    if (!setCookie) return
    for (const line of Array.isArray(setCookie) ? setCookie : [setCookie]) {
      const [pair, ...attributes] = line.split(';')
      const separator = pair!.indexOf('=')
      if (separator <= 0) continue
      const name = pair!.slice(0, separator).trim()
      const value = pair!.slice(separator + 1).trim()
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === ''
      if (expired) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  has(name: string): boolean {
    return this.cookies.has(name)
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
}

/** The Set-Cookie values of a header object as autocannon hands it over (names as sent, repeated ones as arrays). */
export function setCookiesOf(headers: Record<string, string | string[]>): string[] {
  const found: string[] = []
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'set-cookie') found.push(...(Array.isArray(value) ? value : [value]))
  }
  return found
}

export function headerOf(headers: Record<string, string | string[]>, wanted: string): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === wanted.toLowerCase()) return Array.isArray(value) ? value[0] : value
  }
  return undefined
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10)
      return Number.isFinite(point) ? String.fromCodePoint(point) : whole
    }
    return entities[code.toLowerCase()] ?? whole
  })
}

function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of tag.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attributes[match[1]!.toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '')
  }
  return attributes
}

export type HtmlForm = {
  action: string | undefined
  method: string
  /** The fields a browser would send, in document order (checked boxes only, selected options). */
  fields: [string, string][]
  /** Submit buttons that carry a name (`intent`), as [name, value]. */
  buttons: [string, string][]
  /** The option values of each select, for choosing another one. */
  choices: Record<string, string[]>
}

/** Every form on the page, with the values a browser would submit unchanged. */
export function formsOf(html: string): HtmlForm[] {
  const forms: HtmlForm[] = []
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attributes = attributesOf(match[1]!)
    const inner = match[2]!
    const fields: [string, string][] = []
    const buttons: [string, string][] = []
    const choices: Record<string, string[]> = {}
    // One pass over the controls keeps document order, which matters for repeated names.
    for (const control of inner.matchAll(/<(input|textarea|select|button)\b([^>]*)>(?:([\s\S]*?)<\/\1>)?/gi)) {
      const element = control[1]!.toLowerCase()
      const own = attributesOf(control[2]!)
      const name = own.name
      if (!name || 'disabled' in own) continue
      if (element === 'button') {
        if ((own.type ?? 'submit') === 'submit') buttons.push([name, own.value ?? ''])
        continue
      }
      if (element === 'textarea') {
        fields.push([name, decodeEntities(control[3] ?? '').replace(/^\n/, '')])
        continue
      }
      if (element === 'select') {
        const options = [...(control[3] ?? '').matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)].map((option) => ({
          attributes: attributesOf(option[1]!),
          label: decodeEntities(option[2]!.replace(/<[^>]+>/g, '')),
        }))
        choices[name] = options.map((option) => option.attributes.value ?? option.label)
        const chosen = options.find((option) => 'selected' in option.attributes) ?? options[0]
        if (chosen) fields.push([name, chosen.attributes.value ?? chosen.label])
        continue
      }
      const type = (own.type ?? 'text').toLowerCase()
      if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) {
        if (type === 'submit') buttons.push([name, own.value ?? ''])
        continue
      }
      if ((type === 'checkbox' || type === 'radio') && !('checked' in own)) continue
      fields.push([name, own.value ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')])
    }
    forms.push({ action: attributes.action, method: (attributes.method ?? 'get').toLowerCase(), fields, buttons, choices })
  }
  return forms
}

export function fieldOf(form: HtmlForm, name: string): string | undefined {
  return form.fields.find(([field]) => field === name)?.[1]
}

/** The form's fields with some replaced or added, url-encoded as a browser sends them. */
export function encodeForm(form: HtmlForm, changes: Record<string, string> = {}): string {
  const body = new URLSearchParams()
  const changed = new Set<string>()
  for (const [name, value] of form.fields) {
    if (name in changes) {
      if (!changed.has(name)) body.append(name, changes[name]!)
      changed.add(name)
    } else body.append(name, value)
  }
  for (const [name, value] of Object.entries(changes)) if (!changed.has(name)) body.append(name, value)
  return body.toString()
}

/** Paths of the page's links that match `pattern`, without duplicates, in page order. */
export function linksOf(html: string, pattern: RegExp): string[] {
  const found = new Set<string>()
  for (const match of html.matchAll(/<a\b[^>]*\shref="([^"]+)"/gi)) {
    const href = decodeEntities(match[1]!)
    if (pattern.test(href.split('#')[0]!)) found.add(href.split('#')[0]!)
  }
  return [...found]
}

export type PageResponse = { status: number; location: string | undefined; body: string }

/** A browser-like client for one session: cookies kept, redirects not followed (the caller decides). */
export class Browser {
  readonly jar = new CookieJar()

  constructor(readonly baseUrl: string) {}

  async get(path: string, signal?: AbortSignal): Promise<PageResponse> {
    return this.send(path, { method: 'GET', signal })
  }

  /** Follows redirects within the portal, as a browser does after a log-in or a form. */
  async getFollowing(path: string, maxRedirects = 5): Promise<PageResponse & { path: string }> {
    let current = path
    for (let i = 0; i <= maxRedirects; i++) {
      const response = await this.get(current)
      if (response.status < 300 || response.status >= 400 || !response.location) return { ...response, path: current }
      current = new URL(response.location, this.baseUrl).pathname + new URL(response.location, this.baseUrl).search
    }
    throw new Error(`Too many redirects from ${path}`)
  }

  async post(path: string, body: string, signal?: AbortSignal): Promise<PageResponse> {
    return this.send(path, {
      method: 'POST',
      body,
      signal,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.baseUrl },
    })
  }

  private async send(path: string, init: RequestInit): Promise<PageResponse> {
    const response = await fetch(new URL(path, this.baseUrl), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.jar.header() },
    })
    this.jar.store(response.headers.getSetCookie())
    return { status: response.status, location: response.headers.get('location') ?? undefined, body: await response.text() }
  }
}
