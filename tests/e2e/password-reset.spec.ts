import { expect, test } from '@playwright/test'
import { linkFromMail, logIn, newRegistration, register } from './support'

test('a forgotten password is replaced through the e-mailed link', async ({ page }) => {
  // A fresh account, so changing its password cannot disturb tests using the demo accounts.
  const registration = newRegistration()
  await register(page, registration)
  await expect(page).toHaveURL((url) => url.pathname === '/arbeidsgiver')
  await page.getByRole('button', { name: 'Logg ut' }).click()
  await expect(page).toHaveURL(/\/logg-inn/)

  await page.goto('/glemt-passord')
  await page.getByLabel('E-post').fill(registration.email)
  await page.getByRole('button', { name: 'Send lenke' }).click()
  const link = await linkFromMail(registration.email, '/tilbakestill-passord')

  const newPassword = 'Grønn hammer på loftet 77'
  await page.goto(link)
  await page.getByLabel('Nytt passord', { exact: true }).fill(newPassword)
  await page.getByLabel('Gjenta nytt passord').fill(newPassword)
  await page.getByRole('button', { name: 'Lagre nytt passord' }).click()
  await expect(page).toHaveURL(/\/logg-inn/)

  await logIn(page, registration.email, registration.password)
  await expect(page.getByText('Feil e-postadresse eller passord.')).toBeVisible()
  await logIn(page, registration.email, newPassword)
  await expect(page).toHaveURL((url) => url.pathname === '/arbeidsgiver')
})

test('a used reset link cannot be used again', async ({ page }) => {
  const registration = newRegistration()
  await register(page, registration)
  await expect(page).toHaveURL((url) => url.pathname === '/arbeidsgiver')
  await page.getByRole('button', { name: 'Logg ut' }).click()

  await page.goto('/glemt-passord')
  await page.getByLabel('E-post').fill(registration.email)
  await page.getByRole('button', { name: 'Send lenke' }).click()
  const link = await linkFromMail(registration.email, '/tilbakestill-passord')
  await page.goto(link)
  await page.getByLabel('Nytt passord', { exact: true }).fill('Rød sag i kjelleren 31')
  await page.getByLabel('Gjenta nytt passord').fill('Rød sag i kjelleren 31')
  await page.getByRole('button', { name: 'Lagre nytt passord' }).click()
  await expect(page).toHaveURL(/\/logg-inn/)

  await page.goto(link)
  await expect(page.getByLabel('Nytt passord', { exact: true })).toHaveCount(0)
})
