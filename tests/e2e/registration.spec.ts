import { expect, test } from '@playwright/test'
import { expectNoSeriousAxeViolations, fillRegistration, mainNavigation, newRegistration, register } from './support'

test('a new employer registers and lands on the employer home page', async ({ page }) => {
  const registration = newRegistration()
  await register(page, registration)
  await expect(page).toHaveURL((url) => url.pathname === '/arbeidsgiver')
  await expect(mainNavigation(page).getByRole('link', { name: 'Oversikt', exact: true })).toBeVisible()
  await expect(page.getByText(registration.orgName).first()).toBeVisible()
})

test('an invalid organisation number is explained and the other answers are kept', async ({ page }) => {
  // 912345678 fails the MOD11 check.
  const registration = newRegistration({ orgNumber: '912345678' })
  await register(page, registration)
  await expect(page).toHaveURL(/\/registrer/)
  const orgNumber = page.getByLabel('Organisasjonsnummer')
  await expect(orgNumber).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText(/organisasjonsnummeret er ikke gyldig/i)).toBeVisible()
  await expect(orgNumber).toHaveValue('912345678')
  await expect(page.getByLabel('Navn på virksomheten')).toHaveValue(registration.orgName)
  await expect(page.getByLabel('Bransje')).toHaveValue(registration.naceSection)
  await expect(page.getByRole('radiogroup', { name: 'Sektor' }).getByRole('radio', { name: registration.sector, exact: true })).toBeChecked()
  await expect(page.getByLabel('Antall ansatte')).toHaveValue(registration.sizeBand)
  await expect(page.getByLabel('Kommune')).toHaveValue(registration.municipalityNumber)
  await expect(page.getByLabel('Ditt navn')).toHaveValue(registration.name)
  await expect(page.getByLabel('E-post')).toHaveValue(registration.email)
})

test('registering an organisation that exists becomes a membership request', async ({ page }) => {
  // Grünerløkka Bakeri AS from the demo data.
  await register(page, newRegistration({ orgNumber: '912345742', orgName: 'Grünerløkka Bakeri AS' }))
  await expect(page).toHaveURL((url) => url.pathname === '/arbeidsgiver')
  await expect(page.getByText(/forespørsel/i).first()).toBeVisible()
})

test('registration page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/registrer')
  await expectNoSeriousAxeViolations(page)
  await fillRegistration(page, newRegistration({ orgNumber: '912345678' }))
  await page.getByRole('button', { name: 'Registrer virksomheten' }).click()
  await expect(page.getByLabel('Organisasjonsnummer')).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousAxeViolations(page)
})
