import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoLogins } from '../../scripts/demo-logins'
import { serverUrl } from '../support/database'
import { HttpSession } from '../support/http-session'
import { startScratchPortal, type PortalProcess, type ScratchPortal } from '../support/portal-process'
import { startLocalSmtpServer, type LocalSmtpServer } from '../support/smtp'
import { freePort } from '../../scripts/free-port'

// The compiled portal with its search backend and its mail server down. Search is Meilisearch at an address where
// nothing listens: the real client gets a refused connection, as from a stopped server (no Meilisearch server can run
// here, and none is faked). The mail server is a real SMTP server in this process, started only halfway through.
// Pages that need search say so, the rest of the portal works, /healthz names what is down, and an e-mail sent while
// SMTP is down arrives once it is back. That the search sync catches up after an outage is shown against the
// PostgreSQL backend in search-sync.test.ts. Embedded database only: the database is not what is under test.

describe.runIf(!serverUrl)('the portal with search and SMTP down', () => {
  let started: ScratchPortal
  let portal: PortalProcess
  let smtpPort: number
  let smtp: LocalSmtpServer | undefined

  beforeAll(async () => {
    const [searchPort, mailPort] = await Promise.all([freePort(), freePort()])
    smtpPort = mailPort
    started = await startScratchPortal('outages', {
      MEILISEARCH_URL: `http://127.0.0.1:${searchPort}`,
      MEILISEARCH_API_KEY: 'test-key-for-a-server-that-is-down',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    })
    portal = started.portal
  }, 240_000)

  afterAll(async () => {
    await started?.dispose()
    await smtp?.stop()
  }, 60_000)

  async function health() {
    const response = await fetch(`${portal.url}/healthz`)
    return { status: response.status, body: (await response.json()) as Record<string, Record<string, unknown> | string> }
  }

  it('says which dependencies are down, serves the pages that need search with a notice, and sends the waiting mail once SMTP is back', async () => {
    const down = await health()
    expect(down.status, 'the portal still serves: degraded, not unavailable').toBe(200)
    expect(down.body).toMatchObject({
      status: 'degraded',
      database: { status: 'ok' },
      search: { status: 'unavailable', backend: 'meilisearch' },
      email: { status: 'unavailable', transport: 'smtp' },
    })

    const employer = new HttpSession(portal.url)
    await employer.logIn(demoLogins.employer, DEMO_PASSWORD)
    await employer.post('/arbeidsgiver/vilkar', { accept: 'ja' }, await employer.csrfToken('/arbeidsgiver/vilkar'))
    const home = await (await employer.get('/arbeidsgiver')).text()
    const openingIds = [...new Set([...home.matchAll(/\/arbeidsgiver\/stillinger\/([0-9a-f-]{36})/g)].map((match) => match[1]!))]
    expect(openingIds.length, 'the employer home links openings').toBeGreaterThan(0)
    const candidatePages = await Promise.all(
      openingIds.map(async (id) => {
        const response = await employer.get(`/arbeidsgiver/stillinger/${id}/kandidater`)
        return { status: response.status, html: await response.text() }
      }),
    )
    expect(candidatePages.map((page) => page.status)).toEqual(openingIds.map(() => 200))
    expect(
      candidatePages.some((page) => page.html.includes('Søket er ikke tilgjengelig akkurat nå')),
      'a published opening says its candidate list is unavailable',
    ).toBe(true)

    const specialist = new HttpSession(portal.url)
    await specialist.logIn(demoLogins.specialist, DEMO_PASSWORD)
    const caseload = await (await specialist.get('/ansatt/kandidater')).text()
    const candidateId = /\/ansatt\/kandidater\/([0-9a-f-]{36})/.exec(caseload)?.[1]
    expect(candidateId, 'the caseload links a candidate').toBeDefined()
    const openings = await specialist.get(`/ansatt/kandidater/${candidateId}/stillinger`)
    expect(openings.status).toBe(200)
    expect(await openings.text()).toContain('Søket er ikke tilgjengelig akkurat nå')
    expect((await specialist.get(`/ansatt/kandidater/${candidateId}`)).status, 'pages without search are unaffected').toBe(200)

    // A reset link asked for while SMTP is down: the person is answered as always, and the mail waits.
    const visitor = new HttpSession(portal.url)
    const asked = await visitor.post('/glemt-passord', { email: demoLogins.specialist }, await visitor.csrfToken('/glemt-passord'))
    expect(asked.status).toBe(302)
    expect(asked.headers.get('location')).toBe('/glemt-passord?sendt=1')
    const waiting = await health()
    expect(waiting.body.emailOutbox).toMatchObject({ status: 'ok' })
    expect(Number((waiting.body.emailOutbox as { pending: number }).pending)).toBeGreaterThanOrEqual(1)

    smtp = await startLocalSmtpServer({ port: smtpPort })
    const deadline = Date.now() + 90_000
    while (Date.now() < deadline && !smtp.received.some((mail) => mail.to === demoLogins.specialist)) {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const arrived = smtp.received.filter((mail) => mail.to === demoLogins.specialist)
    expect(arrived.map((mail) => mail.subject)).toContain('Tilbakestill passordet ditt i Jobbsnekker')
    expect((await health()).body.email).toMatchObject({ status: 'ok' })
  }, 180_000)
})
