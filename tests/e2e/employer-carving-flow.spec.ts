import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousAxeViolations, newRegistration, register } from './support'

// The "done when": a new employer registers, adds a workplace, adds tasks from the catalogue and one of
// their own, asks for a 12-hour carved job, adjusts it, publishes it as work training, pauses and closes it.
// Every page on the way is checked with axe.

/** A start date two weeks ahead, written the Norwegian way (dd.mm.åååå). */
function inTwoWeeks(): string {
  const date = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000)
  return new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date)
}

async function checkedPage(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expectNoSeriousAxeViolations(page)
}

const catalogueChoices = [
  { name: 'Varepåfylling i butikk', hours: '4' },
  { name: 'Prismerking og hylleorden', hours: '4' },
  { name: 'Pantemottak og returer', hours: '3' },
  { name: 'Kassearbeid', hours: '6' },
]

test('a new employer carves a 12-hour job and takes a work-training opening through its lifecycle', async ({ page }) => {
  test.setTimeout(120_000)
  const registration = newRegistration({ naceSection: 'G' })
  await register(page, registration)
  await expect(page).toHaveURL((url) => url.pathname === '/arbeidsgiver')
  await checkedPage(page, /.+/)

  // A workplace.
  await page.getByRole('link', { name: 'Nytt arbeidssted' }).first().click()
  await checkedPage(page, 'Nytt arbeidssted')
  await page.getByLabel('Navn på arbeidsstedet').fill('Butikken på hjørnet')
  await page.getByLabel('Adresse').fill('Thorvald Meyers gate 10, 0555 Oslo')
  await page.getByLabel('Kommune').selectOption('0301')
  await page.getByRole('radiogroup', { name: /Støy/ }).getByRole('radio').first().check()
  await page.getByRole('radiogroup', { name: /Tempo/ }).getByRole('radio').nth(1).check()
  await page.getByRole('radiogroup', { name: /Sosial kontakt/ }).getByRole('radio').nth(1).check()
  await page.getByRole('checkbox', { name: 'Trinnfri adkomst' }).check()
  await page.getByRole('checkbox', { name: 'Norsk' }).check()
  await page.getByRole('button', { name: 'Lagre arbeidsstedet' }).click()
  await checkedPage(page, 'Butikken på hjørnet')
  const workplaceUrl = new URL(page.url()).pathname

  // Tasks from the catalogue, several at once.
  await page.getByRole('link', { name: 'Legg til fra katalogen' }).click()
  await checkedPage(page, 'Velg oppgaver fra katalogen')
  await page.getByLabel('Område', { exact: true }).selectOption('butikk')
  await page.getByRole('button', { name: 'Søk', exact: true }).click()
  for (const choice of catalogueChoices) {
    await page.getByRole('checkbox', { name: choice.name }).check()
    await page.getByLabel(`Timer per uke for ${choice.name}`).fill(choice.hours)
  }
  await page.getByLabel('Hvem gjør dem nå? (valgfritt)').fill('Butikkmedarbeider')
  await page.getByRole('button', { name: 'Legg til valgte oppgaver' }).click()
  await expect(page).toHaveURL((url) => url.pathname === workplaceUrl)
  for (const choice of catalogueChoices) await expect(page.getByRole('link', { name: choice.name })).toBeVisible()

  // One task of their own.
  await page.getByRole('link', { name: 'Beskriv en egen oppgave' }).click()
  await checkedPage(page, 'Ny arbeidsoppgave')
  await page.getByLabel('Hva er oppgaven?').fill('Brette bæreposer og fylle på ved kassene')
  await page.getByLabel('Timer per uke').fill('2')
  await page.getByLabel('Hvem gjør den nå? (valgfritt)').fill('Butikkmedarbeider')
  await page.getByRole('button', { name: 'Lagre oppgaven' }).click()
  await expect(page).toHaveURL((url) => url.pathname === workplaceUrl)
  await expect(page.getByRole('link', { name: 'Brette bæreposer og fylle på ved kassene' })).toBeVisible()
  await expectNoSeriousAxeViolations(page)

  // A 12-hour carved job.
  await page.getByRole('link', { name: 'Snekre en tilpasset jobb' }).click()
  await checkedPage(page, 'Snekre en tilpasset jobb')
  await page.getByLabel('Timer per uke').fill('12')
  await page.getByRole('button', { name: 'Foreslå jobber' }).click()
  const firstProposal = page.getByRole('heading', { level: 3, name: /^Forslag 1: / })
  await expect(firstProposal).toBeVisible()
  const proposedHours = Number((await firstProposal.textContent())!.match(/Forslag 1: ([\d,]+) timer/)![1]!.replace(',', '.'))
  expect(Math.abs(proposedHours - 12)).toBeLessThanOrEqual(1.2)
  await expectNoSeriousAxeViolations(page)

  // Adjusted: the employer's own task goes in or out, and the summary follows.
  await page.getByRole('link', { name: 'Tilpass og lagre forslag 1' }).click()
  const ownTask = page.getByRole('checkbox', { name: 'Brette bæreposer og fylle på ved kassene' })
  const ownTaskWasIn = await ownTask.isChecked()
  await ownTask.setChecked(!ownTaskWasIn)
  await page.getByRole('button', { name: 'Oppdater oppsummering' }).click()
  const adjustedHours = ownTaskWasIn ? proposedHours - 2 : proposedHours + 2
  await expect(page.locator('#oppsummering')).toContainText(`${String(adjustedHours).replace('.', ',')} timer i uka`)
  await expectNoSeriousAxeViolations(page)
  await page.getByLabel('Navn på jobben').fill('Butikkassistent')
  await page.getByRole('button', { name: 'Lagre tilpasset jobb' }).click()
  await expect(page).toHaveURL((url) => url.pathname === workplaceUrl)
  await expect(page.getByRole('heading', { level: 3, name: 'Butikkassistent' })).toBeVisible()

  // A work-training opening made from it.
  await page.getByRole('link', { name: 'Lag stilling av jobben' }).click()
  await checkedPage(page, /Ny stilling/)
  await expect(page.getByLabel('Tittel')).toHaveValue('Butikkassistent')
  await page.getByRole('radio', { name: 'Arbeidstrening' }).check()
  await page.getByLabel('Startdato').fill(inTwoWeeks())
  await page.getByRole('radiogroup', { name: /mentor/ }).getByRole('radio', { name: 'Ja' }).check()
  await page.getByRole('radio', { name: 'Kanskje' }).check()
  await expect(page.getByLabel('Kontaktperson', { exact: true })).toHaveValue(registration.name)
  await page.getByRole('button', { name: 'Lagre utkast' }).click()
  await checkedPage(page, 'Butikkassistent')
  await expect(page.getByText('Utkast', { exact: true }).first()).toBeVisible()

  await page.getByRole('button', { name: 'Publiser', exact: true }).click()
  await expect(page.getByText('Publisert', { exact: true }).first()).toBeVisible()
  await expectNoSeriousAxeViolations(page)

  await page.getByRole('button', { name: 'Sett på pause' }).click()
  await expect(page.getByText('På pause', { exact: true }).first()).toBeVisible()

  await page.getByLabel('Hvorfor avsluttes stillingen?').fill('Vi fant ingen som passet denne gangen.')
  await page.getByRole('button', { name: 'Avslutt stillingen' }).click()
  await expect(page.getByText('Avsluttet', { exact: true }).first()).toBeVisible()
  const history = page.getByRole('region', { name: 'Historikk' })
  await expect(history.getByText('Vi fant ingen som passet denne gangen.')).toBeVisible()
  await expect(history.getByRole('listitem')).toHaveCount(4)
  await expectNoSeriousAxeViolations(page)
})
