import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD, demoLogins, expectNoSeriousAxeViolations, logIn, mainNavigation } from './support'

/** A date `days` from today in Oslo, as the form asks for it (dd.mm.åååå). */
function norwegianDateFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date())
  const date = new Date(`${today}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  const [year, month, day] = date.toISOString().slice(0, 10).split('-')
  return `${day}.${month}.${year}`
}

test('a market contact sets up a matching meeting, brings a candidate and an opening, writes the minutes and reads the referat', async ({ page }) => {
  // One person, but five pages with accessibility checks and a print view.
  test.setTimeout(120_000)
  await logIn(page, demoLogins.marketContact, DEMO_PASSWORD)
  await page.waitForURL(/\/marked/)
  await mainNavigation(page).getByRole('link', { name: 'Matchemøter' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Matchemøter' })).toBeVisible()
  await expectNoSeriousAxeViolations(page)

  // A date typed the wrong way is refused with the format it should have, and the title typed stays.
  const title = `Matchemøte e2e ${Math.random().toString(36).slice(2, 8)}`
  await page.getByLabel('Tittel').fill(title)
  await page.getByLabel('Dato').fill('2026-03-15')
  await page.getByLabel('Klokkeslett').fill('10:00')
  await page.getByRole('checkbox', { name: /Ingrid Solberg/ }).check()
  await page.getByRole('button', { name: 'Opprett møtet' }).click()
  await expect(page.getByText(/Skriv datoen som dd\.mm\.åååå/)).toBeVisible()
  await expect(page.getByLabel('Tittel')).toHaveValue(title)
  await expectNoSeriousAxeViolations(page)
  await page.getByLabel('Dato').fill(norwegianDateFromToday(7))
  await page.getByRole('button', { name: 'Opprett møtet' }).click()
  await page.waitForURL(/\/marked\/matchemoter\/[0-9a-f-]{36}/)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Møtet er opprettet' })).toBeVisible()

  // A candidate from the market contact's own office, shown by label only, and an opening in Oslo.
  const candidateSelect = page.getByLabel(/^Legg til en kandidat fra/)
  await candidateSelect.selectOption({ index: 1 })
  const label = (await candidateSelect.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '')).trim()
  expect(label).toMatch(/^Kandidat [0-9A-F]{6}$/)
  await page.getByRole('button', { name: 'Legg til kandidaten' }).click()
  const candidateCard = page.getByRole('article', { name: label })
  await expect(candidateCard).toBeVisible()
  await expect(candidateCard).toContainText(/Jobbspesialist: /)

  const openingSelect = page.getByLabel(/^Legg til en publisert stilling i/)
  await openingSelect.selectOption({ index: 1 })
  const openingTitle = (await openingSelect.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '')).split(' – ')[0]!.trim()
  await page.getByRole('button', { name: 'Legg til stillingen' }).click()
  const openingCard = page.getByRole('article', { name: openingTitle })
  await expect(openingCard).toBeVisible()
  // Either the candidate is visible and the matching weighs the pair, or the card says why it is not suggested.
  await expect(candidateCard.getByText(/Passer best blant møtets stillinger|Ikke synlig for arbeidsgivere ennå/).first()).toBeVisible()
  await expectNoSeriousAxeViolations(page)

  // A minute about the candidate, with a next step, the market contact responsible and a due date.
  const decision = 'Vi tar kandidaten med til arbeidsgiveren på neste besøk.'
  await candidateCard.getByLabel('Beslutning').fill(decision)
  await candidateCard.getByLabel('Neste steg (valgfritt)').fill('Ringe arbeidsgiveren')
  await candidateCard.getByLabel('Frist (valgfritt)').fill(norwegianDateFromToday(10))
  await candidateCard.getByRole('button', { name: 'Skriv i referatet' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Oppføringen er skrevet i referatet.' })).toBeVisible()
  await expect(page.getByRole('article', { name: label })).toContainText(decision)
  await expectNoSeriousAxeViolations(page)

  // Held: the referat shows the decision and the next step with who and by when; the add forms are gone.
  await page.getByRole('button', { name: 'Marker møtet som holdt' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Møtet er markert som holdt' })).toBeVisible()
  const referat = page.getByRole('region', { name: 'Referat' })
  await expect(referat).toContainText(decision)
  const nextStep = referat.getByRole('row').filter({ hasText: 'Ringe arbeidsgiveren' })
  await expect(nextStep).toContainText('Jonas Haugen')
  await expect(nextStep).toContainText(norwegianDateFromToday(10))
  await expect(page.getByRole('button', { name: 'Legg til kandidaten' })).toHaveCount(0)
  await expectNoSeriousAxeViolations(page)

  // Printed, the referat stands alone: no menu around it and no forms below it.
  await page.emulateMedia({ media: 'print' })
  await expect(mainNavigation(page)).toBeHidden()
  await expect(page.getByRole('button', { name: 'Skriv i referatet' })).toBeHidden()
  await expect(referat).toBeVisible()
  await page.emulateMedia({ media: 'screen' })

  // The meeting is among the past ones on the list.
  await page.getByRole('link', { name: 'Matchemøter' }).first().click()
  await expect(page.getByRole('region', { name: 'Tidligere møter' }).getByRole('link', { name: title })).toBeVisible()
})
