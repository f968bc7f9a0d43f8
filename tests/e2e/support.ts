import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Browser, type Page } from '@playwright/test'
import { navigationFor } from '../../app/utils/navigation'
import { DEMO_PASSWORD, demoLogins } from '../../scripts/demo-logins'

export { DEMO_PASSWORD, demoLogins }

export type DemoRole = {
  key: keyof typeof demoLogins
  title: string
  email: string
  /** Where the log-in lands, after any redirect. */
  home: string
  expectedNavigation: string[]
  /** The menu item for the home page. */
  homeLabel: string
}

type NavigationUser = NonNullable<Parameters<typeof navigationFor>[0]>

function role(key: DemoRole['key'], title: string, home: string, user: NavigationUser): DemoRole {
  const items = navigationFor(user)
  const homeItem = items.find((item) => item.to === home)
  if (!homeItem) throw new Error(`app/utils/navigation.ts has no menu item for ${home}`)
  return { key, title, email: demoLogins[key], home, expectedNavigation: items.map((item) => item.label), homeLabel: homeItem.label }
}

// Roles as scripts/demo-data.ts gives them to each demo account.
export const demoRoles: DemoRole[] = [
  role('employer', 'arbeidsgiver', '/arbeidsgiver', { accountType: 'employer', roles: [] }),
  role('specialist', 'jobbspesialist', '/ansatt', { accountType: 'staff', roles: ['specialist'] }),
  role('marketContact', 'markedskontakt', '/marked', { accountType: 'staff', roles: ['market_contact'] }),
  role('teamLead', 'leder', '/team', { accountType: 'staff', roles: ['team_lead', 'specialist'] }),
  role('admin', 'administrator', '/admin/kontorer', { accountType: 'staff', roles: ['admin'] }),
]

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/logg-inn')
  await page.getByLabel('E-post').fill(email)
  await page.getByLabel('Passord', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Logg inn' }).click()
}

export function mainNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Hovedmeny' })
}

/** A valid organisation number, computed here rather than with the app's own validator. */
export function randomOrgNumber(): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2]
  for (;;) {
    const digits = [9, ...Array.from({ length: 7 }, () => Math.floor(Math.random() * 10))]
    const remainder = digits.reduce((sum, digit, index) => sum + digit * weights[index]!, 0) % 11
    if (remainder === 1) continue
    return `${digits.join('')}${remainder === 0 ? 0 : 11 - remainder}`
  }
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@e2e.jobbsnekker.example`
}

export type Registration = {
  orgNumber: string
  orgName: string
  naceSection: string
  sector: 'Offentlig' | 'Privat'
  sizeBand: string
  municipalityNumber: string
  name: string
  email: string
  password: string
}

export function newRegistration(overrides: Partial<Registration> = {}): Registration {
  const suffix = Math.random().toString(36).slice(2, 7)
  return {
    orgNumber: randomOrgNumber(),
    orgName: `Testsnekkeriet ${suffix} AS`,
    naceSection: 'C',
    sector: 'Privat',
    sizeBand: '5-19',
    municipalityNumber: '0301',
    name: 'Kari Testesen',
    email: uniqueEmail('registrering'),
    password: 'Blå stige ved verkstedet 42',
    ...overrides,
  }
}

export async function fillRegistration(page: Page, registration: Registration): Promise<void> {
  await page.getByLabel('Organisasjonsnummer').fill(registration.orgNumber)
  await page.getByLabel('Navn på virksomheten').fill(registration.orgName)
  await page.getByLabel('Bransje').selectOption(registration.naceSection)
  await page.getByRole('radiogroup', { name: 'Sektor' }).getByRole('radio', { name: registration.sector, exact: true }).check()
  await page.getByLabel('Antall ansatte').selectOption(registration.sizeBand)
  await page.getByLabel('Kommune').selectOption(registration.municipalityNumber)
  await page.getByLabel('Ditt navn').fill(registration.name)
  await page.getByLabel('E-post').fill(registration.email)
  await page.getByLabel('Passord', { exact: true }).fill(registration.password)
  await page.getByLabel('Gjenta passord').fill(registration.password)
}

export async function register(page: Page, registration: Registration): Promise<void> {
  await page.goto('/registrer')
  await fillRegistration(page, registration)
  await page.getByRole('button', { name: 'Registrer virksomheten' }).click()
}

type StoredMail = { to: string; subject: string; text: string; html: string; createdAt: string }

function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR
  if (!dir) throw new Error('E2E_MAIL_DIR is not set; playwright.config.ts sets it for the server it starts.')
  return dir
}

export async function mailsTo(recipient: string): Promise<StoredMail[]> {
  let files: string[]
  try {
    files = await readdir(mailDir())
  } catch {
    return []
  }
  const mails: StoredMail[] = []
  for (const file of files.filter((name) => name.endsWith('.json'))) {
    try {
      const mail = JSON.parse(await readFile(path.join(mailDir(), file), 'utf8')) as StoredMail
      if (mail.to.toLowerCase() === recipient.toLowerCase()) mails.push(mail)
    } catch {
      // A file still being written; the next poll reads it whole.
    }
  }
  return mails.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** Waits for the newest mail to `recipient` and returns the first link in it to `pathname`, as a path. */
export async function linkFromMail(recipient: string, pathname: string): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"<>]+${pathname.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^\\s"<>]*`)
  let link: string | undefined
  await expect
    .poll(
      async () => {
        const [mail] = await mailsTo(recipient)
        link = mail?.text.match(pattern)?.[0]
        return link
      },
      { message: `no mail to ${recipient} with a link to ${pathname}`, timeout: 15_000 },
    )
    .toBeTruthy()
  const url = new URL(link!)
  return `${url.pathname}${url.search}`
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Fails on serious and critical WCAG 2.1 A/AA violations; lesser ones are reported in the message only. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze()
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  const describe = serious.map(
    (violation) =>
      `${violation.impact}: ${violation.id} – ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n'),
  )
  expect(serious, `axe violations on ${page.url()}:\n${describe.join('\n')}`).toEqual([])
}

/**
 * From an opening's page to its ranked candidates. The terms come first, once per employer: another test running
 * alongside may already have accepted them for the demo employer.
 */
export async function openCandidateList(employer: Page): Promise<void> {
  await employer.getByRole('link', { name: 'Se kandidater som passer' }).click()
  await expect(employer.getByRole('heading', { level: 1, name: /Vilkår|Kandidater som passer/ })).toBeVisible()
  if (await employer.getByRole('heading', { level: 1, name: /Vilkår/ }).isVisible()) {
    // Accepted by a test alongside between the redirect and this page: the page has only the way back.
    const back = employer.getByRole('link', { name: 'Gå tilbake til siden du kom fra' })
    if (await back.isVisible()) {
      await back.click()
    } else {
      await employer.getByLabel('Jeg har lest og godtar vilkårene').check()
      await employer.getByRole('button', { name: 'Godta vilkårene' }).click()
    }
  }
  await expect(employer.getByRole('heading', { level: 1, name: 'Kandidater som passer' })).toBeVisible()
}

/**
 * One of the demo specialist's own visible candidates that the employer finds in an opening's match list and has not
 * said they are interested in yet, and the page of the list it is on (read through the JSON API, ranked as the page
 * ranks). Browser tests run side by side on the same demo data, so each takes its own: `nth` 0 is case-flow.spec.ts's,
 * 1 is case-disclosure.spec.ts's, and the top of the list is left to matching-flow.spec.ts, which withdraws the office's
 * best match and says «interested» to the employer's first.
 */
export async function ownMatchOnEmployerList(employer: Page, specialist: Page, openingId: string, nth: number): Promise<{ label: string; side: number }> {
  await specialist.goto('/ansatt/kandidater?samtykke=active')
  const own = new Set(
    await specialist.getByRole('link', { name: /^Kandidat [0-9A-F]{6}$/ }).evaluateAll((anchors) => anchors.map((anchor) => anchor.textContent!.trim())),
  )
  const leftToMatchingFlow = 3
  let rank = 0
  let found = 0
  for (let side = 1, pageCount = 1; side <= pageCount; side += 1) {
    const response = await employer.request.get(`/api/v1/openings/${openingId}/candidates?side=${side}`)
    expect(response.ok(), `the employer's match list for ${openingId}, page ${side}`).toBe(true)
    const body = (await response.json()) as { pageCount: number; results: { candidate: { label: string }; interested: boolean }[] }
    pageCount = body.pageCount
    for (const result of body.results) {
      rank += 1
      if (rank <= leftToMatchingFlow || result.interested || !own.has(result.candidate.label)) continue
      if (found === nth) return { label: result.candidate.label, side }
      found += 1
    }
  }
  throw new Error(`Fewer than ${nth + 1} of the demo specialist's candidates are on the employer's list for ${openingId}`)
}

/** The employer's list item for `label`: on the page the API named, or a neighbouring one if the ranking moved since. */
export async function employerListItem(employer: Page, openingId: string, found: { label: string; side: number }) {
  const item = employer.getByRole('listitem').filter({ has: employer.getByRole('heading', { level: 2, name: found.label }) })
  for (const side of [found.side, found.side + 1, found.side - 1].filter((side) => side >= 1)) {
    await employer.goto(`/arbeidsgiver/stillinger/${openingId}/kandidater?side=${side}`)
    if ((await item.count()) > 0) break
  }
  await expect(item).toHaveCount(1)
  return item
}

/**
 * The two people of a case, side by side: the demo employer on the bakery's «Bakeriassistent» opening, past the terms
 * to its candidate list, and the demo specialist logged in, each in a browser context of their own.
 */
export async function employerAndSpecialist(browser: Browser): Promise<{ employer: Page; specialist: Page; openingId: string; close: () => Promise<void> }> {
  const employerContext = await browser.newContext()
  const employer = await employerContext.newPage()
  await logIn(employer, demoLogins.employer, DEMO_PASSWORD)
  await employer.getByRole('link', { name: /Bakeriassistent/ }).first().click()
  await employer.waitForURL(/\/arbeidsgiver\/stillinger\/[0-9a-f-]{36}$/)
  const openingId = new URL(employer.url()).pathname.split('/')[3]!
  await openCandidateList(employer)
  const specialistContext = await browser.newContext()
  const specialist = await specialistContext.newPage()
  await logIn(specialist, demoLogins.specialist, DEMO_PASSWORD)
  await specialist.waitForURL(/\/ansatt/)
  return {
    employer,
    specialist,
    openingId,
    close: async () => {
      await employerContext.close()
      await specialistContext.close()
    },
  }
}
