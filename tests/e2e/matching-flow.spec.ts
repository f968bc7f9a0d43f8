import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD, demoLogins, expectNoSeriousAxeViolations, logIn, openCandidateList } from './support'

/** "136 kandidater oppfyller kravene. …" → 136. */
async function totalOnPage(page: Page): Promise<number> {
  const text = await page.getByRole('status').filter({ hasText: /oppfyller kravene|Ingen synlige/ }).first().innerText()
  const match = text.match(/^(\d+) kandidater/)
  return match ? Number(match[1]) : 0
}

test('an employer sees ranked anonymised candidates with reasons, and a withdrawn consent takes one out of the list', async ({ browser }) => {
  // Two people, two log-ins and four pages with accessibility checks: longer than one page's default.
  test.setTimeout(120_000)
  const employerContext = await browser.newContext()
  const employer = await employerContext.newPage()
  await logIn(employer, demoLogins.employer, DEMO_PASSWORD)
  await employer.getByRole('link', { name: /Bakeriassistent/ }).first().click()
  await openCandidateList(employer)
  const openingUrl = new URL(employer.url())
  const openingId = openingUrl.pathname.split('/')[3]!
  const before = await totalOnPage(employer)
  expect(before).toBeGreaterThan(0)
  const first = employer.getByRole('article').first()
  await expect(first).toContainText(/Kandidat [0-9A-F]{6}/)
  await expect(employer.getByText(/Treff \d+ av 100/).first()).toBeVisible()
  await expectNoSeriousAxeViolations(employer)

  // The specialist withdraws consent for one of their office's candidates who matches this opening.
  const specialistContext = await browser.newContext()
  const specialist = await specialistContext.newPage()
  await logIn(specialist, demoLogins.specialist, DEMO_PASSWORD)
  await specialist.waitForURL(/\/ansatt/)
  await specialist.goto(`/ansatt/stillinger/${openingId}`)
  await expect(specialist.getByText(/\d+ kandidater passer/)).toBeVisible()
  await expectNoSeriousAxeViolations(specialist)
  await specialist.getByRole('link', { name: /^Åpne Kandidat/ }).first().click()
  await specialist.getByRole('link', { name: 'Samtykke' }).click()
  await specialist.getByRole('button', { name: 'Trekk samtykket' }).click()
  await expect(specialist.getByText(/Samtykket er trukket/)).toBeVisible()
  // The candidate leaves the list once the worker has applied the outbox. How fast (the 2 seconds) is measured by
  // `npm run bench` (docs/benchmarks.md: "Consent withdrawn → out of the matches"), not by a timed test.
  await expect
    .poll(
      async () => {
        await employer.reload()
        return totalOnPage(employer)
      },
      { timeout: 20_000, intervals: [250, 250, 500, 1_000] },
    )
    .toBe(before - 1)

  // Interest is recorded and becomes a case for the candidate's specialist (case-flow.spec.ts follows one through).
  await employer.getByRole('button', { name: 'Jeg er interessert' }).first().click()
  await expect(employer.getByText(/Interessen er registrert/)).toBeVisible()

  await employerContext.close()
  await specialistContext.close()
})

test('a specialist sees ranked openings with reasons for a candidate', async ({ page }) => {
  test.setTimeout(60_000)
  await logIn(page, demoLogins.specialist, DEMO_PASSWORD)
  await page.waitForURL(/\/ansatt/)
  await page.goto('/ansatt/kandidater?samtykke=active')
  await page.getByRole('link', { name: /^Kandidat [0-9A-F]{6}$/ }).first().click()
  await page.getByRole('link', { name: 'Stillinger som passer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Stillinger som passer' })).toBeVisible()
  await expect(page.getByText(/stillinger passer|Ingen publiserte stillinger/)).toBeVisible()
  await expectNoSeriousAxeViolations(page)
  await page.goto('/ansatt/stillinger')
  await expect(page.getByRole('heading', { level: 1, name: /Stillinger i Oslo/ })).toBeVisible()
  await expectNoSeriousAxeViolations(page)
})
