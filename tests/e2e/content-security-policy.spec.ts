import { expect, test, type Page } from '@playwright/test'
import { demoRoles, DEMO_PASSWORD, logIn } from './support'

// The Content-Security-Policy must not cost a feature: on each role's pages, including the charts and the board's
// drag and drop, the browser reports no blocked script, style or connection, and the page hydrates (client-side
// navigation works), which it cannot do if Remix's inline scripts lack the nonce.

const pagesFor: Record<string, string[]> = {
  employer: ['/arbeidsgiver', '/arbeidsgiver/saker'],
  specialist: ['/ansatt', '/ansatt/kandidater', '/ansatt/stillinger'],
  marketContact: ['/marked', '/marked/tavle', '/marked/oversikt', '/marked/matchemoter'],
  teamLead: ['/team'],
  admin: ['/admin/kontorer', '/admin/sokeindeks'],
}

async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load (CSP): ${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  return violations
}

for (const role of demoRoles) {
  test(`no CSP violations on the ${role.title}'s pages, and the pages hydrate`, async ({ page }) => {
    const violations = await collectViolations(page)
    await logIn(page, role.email, DEMO_PASSWORD)
    await page.waitForURL(new RegExp(role.home))
    for (const path of pagesFor[role.key] ?? []) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(200)
      expect(response?.headers()['content-security-policy']).toContain("'nonce-")
      await expect(page.locator('main h1').first()).toBeVisible()
    }
    // A client-side navigation: the menu link is handled by the hydrated router, so no new document is loaded.
    const marker = await page.evaluate(() => ((window as unknown as { hydrationMarker: number }).hydrationMarker = Math.random()))
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: role.homeLabel }).click()
    await page.waitForURL(new RegExp(role.home))
    expect(await page.evaluate(() => (window as unknown as { hydrationMarker?: number }).hydrationMarker)).toBe(marker)
    expect(violations).toEqual([])
  })
}
