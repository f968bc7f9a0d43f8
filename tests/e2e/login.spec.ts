import { expect, test } from '@playwright/test'
import { demoLogins, DEMO_PASSWORD, expectNoSeriousAxeViolations, logIn } from './support'

test('wrong password shows an error and keeps the e-mail address', async ({ page }) => {
  // Not the shared employer account: failed attempts count towards its lock-out.
  const email = 'daglig.leder@bryggen-hotell.example'
  await logIn(page, email, 'ikke-det-riktige-passordet')
  await expect(page.getByText('Feil e-postadresse eller passord.')).toBeVisible()
  await expect(page.getByLabel('E-post')).toHaveValue(email)
  await expect(page).toHaveURL(/\/logg-inn/)
})

test('logging out ends the session', async ({ page }) => {
  await logIn(page, demoLogins.employer, DEMO_PASSWORD)
  await expect(page).toHaveURL(/\/arbeidsgiver$/)
  await page.getByRole('button', { name: 'Logg ut' }).click()
  await expect(page).toHaveURL(/\/logg-inn\?melding=utlogget/)
  await expect(page.getByText('Du er logget ut.')).toBeVisible()
  await page.goto('/arbeidsgiver')
  await expect(page).toHaveURL(/\/logg-inn\?redirectTo=%2Farbeidsgiver/)
})

test('a protected page sends you back to it after log-in', async ({ page }) => {
  await page.goto('/arbeidsgiver/medlemmer')
  await expect(page).toHaveURL(/\/logg-inn\?redirectTo=/)
  await page.getByLabel('E-post').fill(demoLogins.employer)
  await page.getByLabel('Passord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await expect(page).toHaveURL(/\/arbeidsgiver\/medlemmer$/)
})

test('log-in page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/logg-inn')
  await expectNoSeriousAxeViolations(page)
  // Also with the error state showing, which adds an alert and invalid fields.
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await expect(page.getByLabel('E-post')).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousAxeViolations(page)
})
