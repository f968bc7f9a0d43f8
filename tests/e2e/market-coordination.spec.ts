import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD, demoLogins, expectNoSeriousAxeViolations, logIn } from './support'

// The market contact's day with one employer, as the issue tells it: find the employer in the register, meet the
// warning that a colleague was there three days ago (scripts/demo-market.ts), log a visit, take ownership (and the
// employer sees a named contact with a direct line), and move the employer through the pipeline: refused without a
// reason for "not relevant", by the keyboard form and by dragging. The matching meeting and the dashboard have their
// own specs (matching-meeting.spec.ts, market-dashboard.spec.ts). Axe runs on every page.

const EMPLOYER = 'Oslo Bilpleie AS'

async function column(page: Page, name: string) {
  return page.getByRole('region', { name: new RegExp(`^${name} \\(\\d+\\)$`) })
}

test('a market contact finds an employer, heeds the recent-contact warning, logs a visit, takes ownership and moves it through the pipeline', async ({ browser }) => {
  test.setTimeout(120_000)
  const marketContext = await browser.newContext()
  const market = await marketContext.newPage()
  await logIn(market, demoLogins.marketContact, DEMO_PASSWORD)
  await market.waitForURL(/\/marked$/)
  await expect(market.getByRole('heading', { level: 1, name: 'Arbeidsgivere' })).toBeVisible()
  await expectNoSeriousAxeViolations(market)

  // Find it: search and a filter, in a plain GET form.
  await market.getByRole('searchbox', { name: 'Søk på navn eller organisasjonsnummer' }).fill('bilpleie')
  await market.getByLabel('Ansvarlig').selectOption({ label: 'Ingen ansvarlig' })
  await market.getByRole('button', { name: 'Vis' }).click()
  await market.waitForURL(/sok=bilpleie/)
  await expect(market.getByText('1 arbeidsgiver', { exact: true })).toBeVisible()
  await market.getByRole('link', { name: EMPLOYER }).click()

  // The warning, with who and when, before anything else.
  await expect(market.getByRole('heading', { level: 1, name: EMPLOYER })).toBeVisible()
  const warning = market.getByRole('status').filter({ hasText: 'Nylig kontaktet' })
  await expect(warning).toContainText('Ingrid Solberg hadde kontakt med virksomheten')
  await expect(warning).toContainText('(besøk)')
  await expect(market.getByRole('region', { name: 'Trafikklys' })).toContainText('Siste kontakt for 3 dager siden.')
  await expectNoSeriousAxeViolations(market)

  // Log the visit: the form warns too, and a missing summary is refused with everything else kept.
  await market.getByRole('link', { name: 'Logg kontakt' }).click()
  await expect(market.getByRole('heading', { level: 1, name: `Logg kontakt med ${EMPLOYER}` })).toBeVisible()
  await expect(market.getByRole('status').filter({ hasText: 'Nylig kontaktet' })).toContainText('Ingrid Solberg')
  await market.getByLabel('Hva slags kontakt').selectOption({ label: 'Besøk' })
  await market.getByLabel('Neste steg (valgfritt)', { exact: true }).fill('Sende forslag til oppgaver for sesongen')
  await market.getByRole('button', { name: 'Logg kontakten' }).click()
  await expect(market.getByText('Skriv kort hva dere snakket om.')).toBeVisible()
  await expect(market.getByLabel('Hva slags kontakt')).toHaveValue('visit')
  await expect(market.getByLabel('Neste steg (valgfritt)', { exact: true })).toHaveValue('Sende forslag til oppgaver for sesongen')
  await expectNoSeriousAxeViolations(market)
  await market.getByLabel('Hva dere snakket om').fill('Besøkte bilvasken sammen med Ingrid. Innvendig rengjøring kan bli en egen jobb.')
  await market.getByRole('button', { name: 'Logg kontakten' }).click()
  await expect(market.getByText('Kontakten er logget. Alle med tilgang ser den i loggen.')).toBeVisible()
  const log = market.getByRole('region', { name: 'Kontaktlogg' })
  await expect(log.getByRole('listitem').first()).toContainText('Besøk · Jonas Haugen')
  await expect(log.getByRole('listitem').first()).toContainText('Neste steg: Sende forslag til oppgaver for sesongen')
  await expect(log.getByRole('listitem')).toHaveCount(2)

  // Take ownership: the employer now sees Jonas as the named contact, with his direct line.
  await market.getByRole('button', { name: 'Ta ansvaret' }).click()
  await expect(market.getByText('Du har nå ansvaret for virksomheten.')).toBeVisible()
  await expect(market.getByRole('region', { name: 'Ansvarlig markedskontakt' })).toContainText('Jonas Haugen (deg) har ansvaret')
  await expectNoSeriousAxeViolations(market)

  const employerContext = await browser.newContext()
  const employer = await employerContext.newPage()
  await logIn(employer, demoLogins.employer, DEMO_PASSWORD)
  await employer.waitForURL(/\/arbeidsgiver$/)
  const navContact = employer.getByRole('region', { name: `Din kontakt i NAV for ${EMPLOYER}` })
  await expect(navContact).toContainText('Jonas Haugen, markedskontakt i NAV, er fast kontakt for virksomheten.')
  await expect(navContact).toContainText('Direkte telefon 55 55 20 31')
  await expectNoSeriousAxeViolations(employer)
  await employerContext.close()

  // The board: "not relevant" needs a reason; the keyboard form moves the card; so does dragging it.
  await market.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Oppfølgingstavle' }).click()
  await expect(market.getByRole('heading', { level: 1, name: 'Oppfølgingstavle' })).toBeVisible()
  await expectNoSeriousAxeViolations(market)
  const card = market.getByRole('listitem').filter({ has: market.getByRole('link', { name: EMPLOYER, exact: true }) })
  await expect((await column(market, 'Vurderes')).getByRole('link', { name: EMPLOYER, exact: true })).toBeVisible()

  await card.locator('summary').click()
  await card.getByLabel('Flytt til steg').selectOption({ label: 'Ikke aktuell' })
  await card.getByRole('button', { name: 'Flytt', exact: true }).click()
  await expect(market.getByText('Skriv hvorfor virksomheten ikke er aktuell. Begrunnelsen er påkrevd.')).toBeVisible()
  await expect(card.getByLabel('Flytt til steg')).toHaveValue('not_relevant')
  await expectNoSeriousAxeViolations(market)

  await card.getByLabel('Flytt til steg').selectOption({ label: 'Kartlegging' })
  await card.getByRole('button', { name: 'Flytt', exact: true }).click()
  await expect(market.getByText('Kortet er flyttet.')).toBeVisible()
  await expect((await column(market, 'Kartlegging')).getByRole('link', { name: EMPLOYER, exact: true })).toBeVisible()

  // Dragging, as the browser's drag events carry it (headless Chromium does not start a native drag from the mouse).
  const dataTransfer = await market.evaluateHandle(() => new DataTransfer())
  await card.dispatchEvent('dragstart', { dataTransfer })
  await (await column(market, 'Bistand')).dispatchEvent('dragover', { dataTransfer })
  await (await column(market, 'Bistand')).dispatchEvent('drop', { dataTransfer })
  await expect((await column(market, 'Bistand')).getByRole('link', { name: EMPLOYER, exact: true })).toBeVisible()

  // The employer's page has the moves in its history, with who made them.
  await card.getByRole('link', { name: EMPLOYER, exact: true }).click()
  const history = market.getByRole('region', { name: 'Historikk' })
  await expect(history).toContainText('Jonas Haugen flyttet til «Bistand»')
  await expect(history).toContainText('Jonas Haugen flyttet til «Kartlegging»')
  await expect(history).toContainText('Jonas Haugen tok ansvaret')
  await marketContext.close()
})

test('a staff member adds an employer that has no users yet', async ({ page }) => {
  await logIn(page, demoLogins.marketContact, DEMO_PASSWORD)
  await page.waitForURL(/\/marked$/)
  await page.getByRole('link', { name: 'Legg til arbeidsgiver' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Legg til arbeidsgiver' })).toBeVisible()
  await page.getByLabel('Organisasjonsnummer', { exact: true }).fill('123456789')
  await page.getByLabel('Navn på virksomheten').fill('Tøyen Sykkelverksted AS')
  await page.getByRole('button', { name: 'Legg til' }).click()
  await expect(page.getByText('Organisasjonsnummeret er ikke gyldig. Sjekk at du har skrevet det riktig.')).toBeVisible()
  await expect(page.getByLabel('Navn på virksomheten')).toHaveValue('Tøyen Sykkelverksted AS')
  await expectNoSeriousAxeViolations(page)
  // Oslo Bilpleie's number is taken: the page says by whom and links to it.
  await page.getByLabel('Organisasjonsnummer', { exact: true }).fill('912345815')
  await page.getByLabel('Bransje').selectOption('G')
  await page.getByLabel('Privat').check()
  await page.getByLabel('Antall ansatte').selectOption('1-4')
  await page.getByLabel('Kommune').selectOption({ label: 'Oslo' })
  await page.getByRole('button', { name: 'Legg til' }).click()
  await expect(page.getByText('Oslo Bilpleie AS er allerede registrert med dette organisasjonsnummeret.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Gå til virksomheten' })).toBeVisible()
})
