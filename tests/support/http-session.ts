/**
 * A browser-like visitor for tests against a running portal: keeps its cookies, reads the CSRF token from the page it
 * loaded, and posts forms with the same origin a browser would send.
 */
export class HttpSession {
  private readonly cookies = new Map<string, string>()

  constructor(readonly baseUrl: string) {}

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const [name, ...value] = pair!.split('=')
      if (name) this.cookies.set(name.trim(), value.join('='))
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { Cookie: this.cookieHeader() }, redirect: 'manual' })
    this.remember(response)
    return response
  }

  /** The CSRF token in the page at `path` (the root loader puts one in every form). */
  async csrfToken(path: string): Promise<string> {
    const html = await (await this.get(path)).text()
    const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1]
    if (!token) throw new Error(`No CSRF token on ${path}`)
    return token
  }

  async post(path: string, fields: Record<string, string> | [string, string][], csrf: string): Promise<Response> {
    const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields))
    body.set('csrf', csrf)
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      body,
      headers: { Cookie: this.cookieHeader(), Origin: this.baseUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    })
    this.remember(response)
    return response
  }

  async logIn(email: string, password: string): Promise<void> {
    const csrf = await this.csrfToken('/logg-inn')
    const response = await this.post('/logg-inn', { email, password }, csrf)
    if (response.status !== 302) throw new Error(`Log-in as ${email} failed with ${response.status}`)
  }
}
