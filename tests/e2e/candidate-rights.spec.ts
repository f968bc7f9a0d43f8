import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { checkedPage, fillIdentity, logInAsSpecialist, newCandidate, openNewCandidateForm, submitNewCandidate } from './candidate-support'

// A candidate's rights as the specialist meets them: from the candidate page to «Innsyn og sletting», a download of
// everything stored about the candidate, and a deletion that asks for the name first, keeps what was chosen when the
// name is wrong, and then removes the candidate for good. The candidate is made here, so no other test loses one.

test('a specialist downloads everything about a candidate and then deletes the candidate on request', async ({ page }) => {
  const candidate = newCandidate()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await logInAsSpecialist(page)
  await openNewCandidateForm(page)
  await fillIdentity(page, candidate)
  const candidatePath = await submitNewCandidate(page, candidate)

  await page.goto(candidatePath)
  await page.getByRole('link', { name: 'Innsyn og sletting' }).click()
  await checkedPage(page, 'Innsyn og sletting')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned alt om kandidaten (JSON)' }).click()])
  expect(download.suggestedFilename()).not.toContain(candidate.lastName)
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as unknown
  const text = JSON.stringify(exported)
  expect(text).toContain(candidate.nationalId)
  expect(text).toContain(candidate.lastName)

  await page.getByRole('radio', { name: 'Kandidaten har bedt om å bli slettet' }).check()
  await page.getByLabel('Skriv kandidatens fulle navn for å bekrefte').fill('Feil Navn')
  await page.getByRole('button', { name: 'Slett kandidaten for godt' }).click()
  const nameField = page.getByLabel('Skriv kandidatens fulle navn for å bekrefte')
  await expect(page.getByText(/navnet/i).and(page.locator('.navds-error-message, .aksel-error-message')).first()).toBeVisible()
  await expect(nameField).toHaveValue('Feil Navn')
  await expect(page.getByRole('radio', { name: 'Kandidaten har bedt om å bli slettet' })).toBeChecked()

  await nameField.fill(`${candidate.firstName} ${candidate.lastName}`)
  await page.getByRole('button', { name: 'Slett kandidaten for godt' }).click()
  await checkedPage(page, 'Kandidaten er slettet')

  const gone = await page.goto(candidatePath)
  expect(gone?.status()).toBe(404)
  await page.goto('/ansatt/kandidater')
  await expect(page.getByText(candidate.lastName)).toHaveCount(0)
  expect(pageErrors, 'no script error on the way').toEqual([])
})
