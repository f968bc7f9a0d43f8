import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../app/utils/project-root.server'
import { buildIfNeeded } from '../../scripts/build'
import { DEMO_PASSWORD, demoLogins } from '../../scripts/demo-logins'
import { EMAIL_LEASE_MS } from '../../emails/outbox-worker'
import { serverUrl } from '../support/database'
import { HttpSession } from '../support/http-session'
import { postgresBinDir, startPrivateCluster, type PrivateCluster } from '../support/postgres-cluster'
import { startPortalProcess, type PortalProcess } from '../support/portal-process'

// The compiled portal on a PostgreSQL server of the test's own, which the test stops and restarts while employers
// express interest and a specialist records consent. Requests that reach a stopped database get the 503 page, never a
// 500; the portal reconnects by itself; and everything it answered as done (interest, consent, the e-mails they set
// off) is in the database afterwards. Runs in the server pass of the suite (it needs the PostgreSQL binaries).

const runs = Boolean(serverUrl && postgresBinDir())

type Outcome = { kind: 'interest' | 'consent' | 'page'; status: number; body?: string; candidateId?: string; at: number }

describe.runIf(runs)('the portal while PostgreSQL restarts', () => {
  let cluster: PrivateCluster
  let portal: PortalProcess
  let sql: postgres.Sql
  let workDir: string

  beforeAll(async () => {
    await buildIfNeeded(projectRoot, { log: () => {} })
    workDir = await mkdtemp(path.join(os.tmpdir(), 'jobbsnekker-restart-'))
    cluster = await startPrivateCluster()
    portal = await startPortalProcess({ DATABASE_URL: cluster.url('portal'), MAIL_DIR: path.join(workDir, 'mail'), SEED_DEMO_DATA: 'true' })
    sql = postgres(cluster.url('portal'), { max: 2, onnotice: () => {} })
  }, 240_000)

  afterAll(async () => {
    await sql?.end({ timeout: 5 })
    await portal?.stop()
    await cluster?.dispose()
    await rm(workDir, { recursive: true, force: true })
  }, 60_000)

  async function employerWithCandidates() {
    const employer = new HttpSession(portal.url)
    await employer.logIn(demoLogins.employer, DEMO_PASSWORD)
    await employer.post('/arbeidsgiver/vilkar', { accept: 'ja' }, await employer.csrfToken('/arbeidsgiver/vilkar'))
    const openings = await sql<{ id: string }[]>`
      select o.id from openings o
      join workplaces w on w.id = o.workplace_id
      join organisation_memberships m on m.organisation_id = w.organisation_id
      join users u on u.id = m.user_id
      where lower(u.email) = ${demoLogins.employer} and o.status = 'published'
      order by o.created_at`
    // The search index is built in the background after the first start; the lists fill once it is done.
    const deadline = Date.now() + 90_000
    while (Date.now() < deadline) {
      for (const opening of openings) {
        const page = `/arbeidsgiver/stillinger/${opening.id}/kandidater`
        const html = await (await employer.get(page)).text()
        const candidateIds = [...new Set([...html.matchAll(/name="candidateId" value="([0-9a-f-]{36})"/g)].map((match) => match[1]!))]
        if (candidateIds.length >= 3) return { employer, page, candidateIds, csrf: /name="csrf" value="([^"]+)"/.exec(html)![1]! }
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    throw new Error('No demo opening with at least three candidates to express interest in')
  }

  async function specialistWithCandidate() {
    const specialist = new HttpSession(portal.url)
    await specialist.logIn(demoLogins.specialist, DEMO_PASSWORD)
    const [row] = await sql<{ candidateId: string; userId: string }[]>`
      select c.id as "candidateId", u.id as "userId" from candidates c join users u on u.id = c.responsible_user_id
      where lower(u.email) = ${demoLogins.specialist} and c.status = 'active' order by c.created_at limit 1`
    const page = `/ansatt/kandidater/${row!.candidateId}/samtykke`
    return { specialist, page, csrf: await specialist.csrfToken(page), ...row! }
  }

  const todayInOslo = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date())

  it('answers 503 while the database is down, recovers by itself, and loses nothing it accepted', async () => {
    const { employer, page: interestPage, candidateIds, csrf: employerCsrf } = await employerWithCandidates()
    const { specialist, page: consentPage, csrf: specialistCsrf, candidateId: consentCandidate, userId: specialistId } = await specialistWithCandidate()
    const outcomes: Outcome[] = []
    let stopTraffic = false
    const started = Date.now()

    const interestLoop = async () => {
      for (let i = 0; !stopTraffic && i < 40; i++) {
        const candidateId = candidateIds[i % candidateIds.length]!
        const response = await employer.post(interestPage, { candidateId, message: `Forsøk ${i}` }, employerCsrf).catch(() => undefined)
        outcomes.push({ kind: 'interest', status: response?.status ?? 0, body: response ? await response.text() : '', candidateId, at: Date.now() - started })
        await new Promise((resolve) => setTimeout(resolve, 150))
      }
    }
    const consentLoop = async () => {
      for (let i = 0; !stopTraffic && i < 40; i++) {
        const response = await specialist
          .post(consentPage, { givenToUserId: specialistId, method: 'meeting', scope: 'all', givenOn: todayInOslo() }, specialistCsrf)
          .catch(() => undefined)
        outcomes.push({ kind: 'consent', status: response?.status ?? 0, body: response ? await response.text() : '', at: Date.now() - started })
        await new Promise((resolve) => setTimeout(resolve, 150))
      }
    }
    const pageLoop = async () => {
      while (!stopTraffic) {
        const response = await employer.get('/arbeidsgiver').catch(() => undefined)
        outcomes.push({ kind: 'page', status: response?.status ?? 0, body: response ? await response.text() : '', at: Date.now() - started })
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    const consentsBefore = (await sql`select count(*)::int as n from candidate_consents where candidate_id = ${consentCandidate}`)[0]!.n as number

    const traffic = Promise.all([interestLoop(), consentLoop(), pageLoop()])
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    // Down for a while, so requests certainly meet it stopped; then up again.
    await cluster.stop()
    const whileDown = await employer.get('/arbeidsgiver').catch((error: unknown) => {
      throw new Error(`The portal did not answer while the database was down (${String(error)}). It printed:\n${portal.output().slice(-4000)}`)
    })
    const healthWhileDown = await fetch(`${portal.url}/healthz`)
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    await cluster.start()
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    // And a quick restart under the same traffic.
    await cluster.restart()
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    stopTraffic = true
    await traffic

    expect(whileDown.status).toBe(503)
    const downPage = await whileDown.text()
    expect(downPage).toContain('Tjenesten er midlertidig utilgjengelig')
    expect(downPage).toContain('<html lang="nb">')
    expect(whileDown.headers.get('retry-after')).toBeTruthy()
    expect(healthWhileDown.status).toBe(503)
    expect(await healthWhileDown.json()).toMatchObject({ status: 'unavailable', database: { status: 'unavailable' } })

    const failures = outcomes.filter((outcome) => outcome.status >= 500 && outcome.status !== 503)
    expect(failures.map((failure) => `${failure.kind} ${failure.status} at ${failure.at} ms`), 'no request may fail with anything but 503').toEqual([])
    expect(outcomes.filter((outcome) => outcome.status === 0), 'every request got an answer').toEqual([])
    expect(outcomes.some((outcome) => outcome.status === 503), 'some requests met the stopped database').toBe(true)
    for (const unavailable of outcomes.filter((outcome) => outcome.status === 503)) {
      expect(unavailable.body).toContain('Tjenesten er midlertidig utilgjengelig')
    }

    // Recovered by itself: the same sessions work again.
    expect((await employer.get('/arbeidsgiver')).status).toBe(200)
    expect((await fetch(`${portal.url}/healthz`)).status).toBe(200)

    // Everything answered as done is stored: each accepted interest has its interest row and its case.
    const accepted = outcomes.filter((outcome) => outcome.kind === 'interest' && outcome.status === 302)
    expect(accepted.length).toBeGreaterThan(0)
    const stored = await sql<{ candidateId: string }[]>`
      select distinct i.candidate_id as "candidateId" from match_interests i
      join users u on u.id = i.marked_by_user_id where lower(u.email) = ${demoLogins.employer}`
    const storedIds = new Set(stored.map((row) => row.candidateId))
    for (const interest of accepted) expect(storedIds.has(interest.candidateId!), `interest in ${interest.candidateId}`).toBe(true)
    const acceptedConsents = outcomes.filter((outcome) => outcome.kind === 'consent' && outcome.status === 302).length
    expect(acceptedConsents).toBeGreaterThan(0)
    const consentsAfter = (await sql`select count(*)::int as n from candidate_consents where candidate_id = ${consentCandidate}`)[0]!.n as number
    expect(consentsAfter - consentsBefore, 'every accepted consent is recorded').toBeGreaterThanOrEqual(acceptedConsents)

    // The e-mails the accepted changes set off leave the outbox once the database is back, none given up. A message
    // claimed just before the stop waits for its lease (EMAIL_LEASE_MS) to run out before it is tried again.
    const deadline = Date.now() + EMAIL_LEASE_MS + 30_000
    let pending = Infinity
    while (Date.now() < deadline) {
      pending = (await sql`select count(*)::int as n from email_outbox where status = 'pending'`)[0]!.n as number
      if (pending === 0) break
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(pending).toBe(0)
    expect((await sql`select count(*)::int as n from email_outbox where status = 'dead'`)[0]!.n).toBe(0)
    const sent = (await sql`select count(*)::int as n from email_outbox where status = 'sent'`)[0]!.n as number
    const mailbox = (await readdir(path.join(workDir, 'mail'))).filter((file) => file.endsWith('.json'))
    expect(mailbox.length).toBeGreaterThanOrEqual(sent)
    expect(portal.output()).not.toMatch(/Unhandled|uncaught/i)
  }, 240_000)
})
