import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD, demoRoles, expectNoSeriousAxeViolations, logIn, mainNavigation } from './support'

for (const role of demoRoles) {
  test.describe(`demo-konto: ${role.title}`, () => {
    test.beforeEach(async ({ page }) => {
      await logIn(page, role.email, DEMO_PASSWORD)
      await expect(page).toHaveURL((url) => url.pathname === role.home)
      // The URL can change before the client-side navigation after log-in has rendered the new menu.
      await expect(mainNavigation(page).getByRole('link')).toHaveText(role.expectedNavigation)
    })

    test('lands on the home page for the role with its menu', async ({ page }) => {
      // A 404 page has a heading and the menu too; the status tells them apart.
      const response = await page.reload()
      expect(response?.status()).toBe(200)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expect(mainNavigation(page).getByRole('link')).toHaveText(role.expectedNavigation)
      const homeItem = mainNavigation(page).getByRole('link', { name: role.homeLabel, exact: true })
      await expect(homeItem).toHaveAttribute('aria-current', 'page')
    })

    test('every menu item loads', async ({ page }) => {
      const targets = await mainNavigation(page)
        .getByRole('link')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
      expect(targets).toHaveLength(role.expectedNavigation.length)
      for (const target of targets) {
        const response = await page.goto(target)
        expect(response?.status(), `status of ${target}`).toBe(200)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      }
    })

    test('home page has no serious accessibility violations', async ({ page }) => {
      await expectNoSeriousAxeViolations(page)
    })
  })
}
