import { expect, test } from '@playwright/test'
import { demoLogins, DEMO_PASSWORD, logIn, newRegistration, register } from './support'

// Every form must work as a plain HTML form post.
test.use({ javaScriptEnabled: false })

test('log-in, a failed log-in and log-out work without JavaScript', async ({ page }) => {
  await logIn(page, demoLogins.employer, DEMO_PASSWORD)
  await expect(page).toHaveURL((url) => url.pathname === '/arbeidsgiver')
  await page.getByRole('button', { name: 'Logg ut' }).click()
  await expect(page.getByText('Du er logget ut.')).toBeVisible()

  await logIn(page, 'personal@sagene-helsehus.example', 'ikke-det-riktige-passordet')
  await expect(page.getByText('Feil e-postadresse eller passord.')).toBeVisible()
  await expect(page.getByLabel('E-post')).toHaveValue('personal@sagene-helsehus.example')
  // The server never sends a password back.
  await expect(page.getByLabel('Passord', { exact: true })).toHaveValue('')
})

test('registration works without JavaScript, including a server-side error', async ({ page }) => {
  const registration = newRegistration()
  await register(page, { ...registration, orgNumber: '912345678' })
  await expect(page.getByText(/organisasjonsnummeret er ikke gyldig/i)).toBeVisible()
  await expect(page.getByLabel('Navn på virksomheten')).toHaveValue(registration.orgName)
  await expect(page.getByLabel('Kommune')).toHaveValue(registration.municipalityNumber)

  await page.getByLabel('Organisasjonsnummer').fill(registration.orgNumber)
  await page.getByLabel('Passord', { exact: true }).fill(registration.password)
  await page.getByLabel('Gjenta passord').fill(registration.password)
  await page.getByRole('button', { name: 'Registrer virksomheten' }).click()
  await expect(page).toHaveURL((url) => url.pathname === '/arbeidsgiver')
  await expect(page.getByText(registration.orgName).first()).toBeVisible()
})

test('the opening form explains bad input without JavaScript and keeps what was typed', async ({ page }) => {
  await logIn(page, demoLogins.employer, DEMO_PASSWORD)
  await page.getByRole('link', { name: 'Bakeriet på Birkelunden' }).first().click()
  await page.getByRole('link', { name: 'Ny stilling uten tilpasset jobb' }).click()
  await page.getByLabel('Tittel').fill('Kaffebar, helg')
  await page.getByRole('radio', { name: /Jobbsmak/ }).check()
  await page.getByLabel('Minst timer per uke').fill('12')
  await page.getByLabel('Maks timer per uke').fill('8')
  await page.getByLabel('Startdato').fill('01.01.2020')
  await page.getByRole('radiogroup', { name: /mentor/ }).getByRole('radio', { name: 'Nei' }).check()
  await page.getByRole('radio', { name: 'Kanskje' }).check()
  await page.getByRole('button', { name: 'Lagre utkast' }).click()

  await expect(page.getByText('Maks timer kan ikke være lavere enn minst timer.')).toBeVisible()
  await expect(page.getByText('Startdatoen kan ikke være tilbake i tid.')).toBeVisible()
  await expect(page.getByLabel('Tittel')).toHaveValue('Kaffebar, helg')
  await expect(page.getByLabel('Minst timer per uke')).toHaveValue('12')
  await expect(page.getByLabel('Startdato')).toHaveValue('01.01.2020')
  await expect(page.getByRole('radio', { name: /Jobbsmak/ })).toBeChecked()
})
