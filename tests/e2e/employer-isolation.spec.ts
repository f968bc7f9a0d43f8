import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD, demoLogins, logIn, newRegistration, register } from './support'

const ownedPath = /^\/arbeidsgiver\/(virksomheter|arbeidssteder|stillinger)\/[0-9a-f-]{36}/

/** Every employer page of organisation-owned data linked from `path`, as paths. */
async function linkedOwnedPaths(page: Page, path: string): Promise<string[]> {
  await page.goto(path)
  const hrefs = await page.locator('a[href^="/arbeidsgiver/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  return hrefs.map((href) => href.split('#')[0] ?? '').filter((href) => ownedPath.test(href))
}

test('an employer gets 404 for every page and form of another organisation', async ({ browser }) => {
  // Organisation B: the demo employer's, with workplaces, tasks, carved jobs and openings.
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await logIn(otherPage, demoLogins.employer, DEMO_PASSWORD)
  await expect(otherPage).toHaveURL(/\/arbeidsgiver/)
  const paths = new Set(await linkedOwnedPaths(otherPage, '/arbeidsgiver'))
  for (const path of [...paths]) {
    if (/^\/arbeidsgiver\/(arbeidssteder|stillinger)\/[0-9a-f-]{36}$/.test(path)) {
      for (const linked of await linkedOwnedPaths(otherPage, path)) paths.add(linked)
    }
  }
  const kinds = ['virksomheter', 'arbeidssteder', 'oppgaver', 'jobbsnekring', 'stillinger/ny', 'rediger']
  for (const kind of kinds) {
    expect([...paths].some((path) => path.includes(kind)), `the demo employer's pages link to no ${kind} page`).toBe(true)
  }
  await other.close()

  // Organisation A: a new employer.
  const own = await browser.newContext()
  const page = await own.newPage()
  await register(page, newRegistration())
  await expect(page).toHaveURL((url) => url.pathname === '/arbeidsgiver')
  await page.goto('/arbeidsgiver/medlemmer')
  const csrf = await page.locator('input[name="csrf"]').first().inputValue()

  for (const path of paths) {
    const read = await page.request.get(path, { maxRedirects: 0 })
    expect(read.status(), `GET ${path}`).toBe(404)
    expect(await read.text(), `GET ${path} must not show the other organisation's data`).not.toContain('Grünerløkka Bakeri')
    const write = await page.request.post(path, { form: { csrf, intent: 'delete' }, maxRedirects: 0 })
    expect(write.status(), `POST ${path}`).toBe(404)
  }
  await own.close()
})
