import { expect, test } from '@playwright/test'
import { expectNoSeriousAxeViolations, linkFromMail, newRegistration, register, uniqueEmail } from './support'

test('a new employer fills in the profile, gives a colleague access and accepts the terms', async ({ page }) => {
  const registration = newRegistration()
  await register(page, registration)
  await expect(page).toHaveURL((url) => url.pathname === '/arbeidsgiver')
  await expect(page.getByText(/ikke tildelt ennå/i)).toBeVisible()

  // Profile.
  await page.getByRole('link', { name: `Profil for ${registration.orgName}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: registration.orgName })).toBeVisible()
  await expectNoSeriousAxeViolations(page)
  await page.getByRole('radiogroup', { name: 'Har virksomheten IA-avtale?' }).getByRole('radio', { name: 'Ja' }).check()
  await page.getByLabel('Beskrivelse (valgfritt)').fill('Vi lager møbler og har faste rutiner.')
  await page.getByRole('button', { name: 'Lagre profilen' }).click()
  await expect(page.getByText('Profilen er lagret.')).toBeVisible()
  await expect(page.getByLabel('Beskrivelse (valgfritt)')).toHaveValue('Vi lager møbler og har faste rutiner.')

  // A colleague, first with a mistyped address.
  await page.goto('/arbeidsgiver/medlemmer')
  await page.getByLabel('Navn', { exact: true }).fill('Per Kollega')
  await page.getByLabel('E-post', { exact: true }).fill('per@')
  await page.getByRole('button', { name: 'Gi tilgang' }).click()
  await expect(page.getByText(/gyldig e-postadresse/)).toBeVisible()
  await expect(page.getByLabel('Navn', { exact: true })).toHaveValue('Per Kollega')
  await expectNoSeriousAxeViolations(page)
  const colleague = uniqueEmail('kollega')
  await page.getByLabel('E-post', { exact: true }).fill(colleague)
  await page.getByRole('button', { name: 'Gi tilgang' }).click()
  await expect(page.getByText(/Kollegaen er lagt til/)).toBeVisible()
  await expect(page.getByRole('cell', { name: colleague })).toBeVisible()
  expect(await linkFromMail(colleague, '/tilbakestill-passord')).toContain('/tilbakestill-passord')

  // Terms.
  await page.goto('/arbeidsgiver/vilkar')
  await expectNoSeriousAxeViolations(page)
  await page.getByRole('button', { name: 'Godta vilkårene' }).click()
  await expect(page.getByText('Kryss av for at du har lest og godtar vilkårene.')).toBeVisible()
  await page.getByRole('checkbox', { name: 'Jeg har lest og godtar vilkårene' }).check()
  await page.getByRole('button', { name: 'Godta vilkårene' }).click()
  await expect(page.getByText(/Du godtok versjon/)).toBeVisible()
})
