import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD, demoLogins, expectNoSeriousAxeViolations, logIn } from './support'

// The regional dashboard as the demo market contact (Oslo and Akershus) meets it: every figure under its heading, every
// chart a named picture with a table of the same figures, the county filter as a plain GET form, and no serious axe
// violations. Other browser tests change the demo data alongside, so the figures themselves are checked in
// tests/integration/market-dashboard.test.ts, not here.

const sections = ['Stillinger uten passende kandidat', 'Saker som venter på svar', 'Utprøvinger og ansettelser', /^Nye arbeidsgivere i \d\. kvartal \d{4}$/, 'IPS-troskap']

test('the market contact follows the region on charts with tables, and narrows it to one county', async ({ page }) => {
  await logIn(page, demoLogins.marketContact, DEMO_PASSWORD)
  await page.waitForURL(/\/marked/)
  await page.goto('/marked/oversikt')

  await expect(page.getByRole('heading', { level: 1, name: 'Regionoversikt' })).toBeVisible()
  await expect(page.getByText(/^Tallene gjelder Akershus og Oslo, per /)).toBeVisible()
  for (const name of sections) await expect(page.getByRole('heading', { level: 2, name })).toBeVisible()
  for (const name of ['Kandidatrettede arbeidsgiverkontakter per jobbspesialist', 'Tid til første arbeidsgiverkontakt']) {
    await expect(page.getByRole('heading', { level: 3, name })).toBeVisible()
  }

  // The demo has a trial running (scripts/demo-cases.ts), so this year has a chart of trials and hires.
  const trials = page.getByRole('region', { name: 'Utprøvinger og ansettelser' })
  await expect(trials.getByRole('img', { name: 'Utprøvinger og ansettelser per måned, siste 12 måneder' })).toBeVisible()
  await expect(trials.getByRole('table').getByRole('row')).toHaveCount(13)

  // Every chart, wherever it is on the page, is a picture with a name and a table with its figures, and no tab stop.
  const figures = page.locator('figure')
  const count = await figures.count()
  expect(count).toBeGreaterThan(0)
  for (let index = 0; index < count; index += 1) {
    const figure = figures.nth(index)
    await expect(figure.getByRole('img')).toHaveCount(1)
    await expect(figure.getByRole('img')).toHaveAccessibleName(/\S/)
    await expect(figure.getByRole('table')).toHaveCount(1)
  }
  await expect(page.locator('figure svg[tabindex]')).toHaveCount(0)
  await expectNoSeriousAxeViolations(page)

  // One county: a GET form, so the address says what is shown.
  await page.getByLabel('Fylke', { exact: true }).selectOption({ label: 'Akershus' })
  await page.getByRole('button', { name: 'Vis' }).click()
  await page.waitForURL(/\/marked\/oversikt\?fylke=32$/)
  await expect(page.getByText(/^Tallene gjelder Akershus, per /)).toBeVisible()
  await expect(page.getByLabel('Fylke', { exact: true })).toHaveValue('32')
  for (const name of sections) await expect(page.getByRole('heading', { level: 2, name })).toBeVisible()
  await expectNoSeriousAxeViolations(page)
})
