// Creating a candidate the way a specialist does, for the browser tests that need one of their own.
import { idnr } from '@navikt/fnrvalidator'
import { expect, type Page } from '@playwright/test'
import { randomSyntheticNationalId } from '../../scripts/synthetic-national-id'
import { DEMO_PASSWORD, demoLogins, expectNoSeriousAxeViolations, logIn, mainNavigation } from './support'

export type NewCandidate = { firstName: string; lastName: string; nationalId: string; phone: string; email: string }

const randomLetters = (length: number) => Array.from({ length }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)


/** A fresh synthetic number the validator accepts as Test Norge's, never a real person's. */
export function syntheticNationalId(): string {
  for (;;) {
    const nationalId = randomSyntheticNationalId()
    const check = idnr(nationalId)
    if (check.status === 'valid' && check.type === 'tnr') return nationalId
  }
}

export function newCandidate(): NewCandidate {
  const suffix = randomLetters(6)
  return {
    firstName: 'Solveig',
    lastName: `Prøvesen-${capitalised(suffix)}`,
    nationalId: syntheticNationalId(),
    phone: `9${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`,
    email: `solveig.${suffix}@e2e.jobbsnekker.example`,
  }
}

/** A date some days ahead, written the Norwegian way (dd.mm.åååå). */
export function daysAhead(days: number): string {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000)
  return new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date)
}

export async function checkedPage(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expectNoSeriousAxeViolations(page)
}

export async function logInAsSpecialist(page: Page): Promise<void> {
  await logIn(page, demoLogins.specialist, DEMO_PASSWORD)
  await expect(page).toHaveURL((url) => url.pathname === '/ansatt')
}

export async function openNewCandidateForm(page: Page): Promise<void> {
  await mainNavigation(page).getByRole('link', { name: 'Kandidater' }).click()
  await checkedPage(page, 'Mine kandidater')
  await page.getByRole('link', { name: 'Ny kandidat' }).click()
  await checkedPage(page, 'Ny kandidat')
}

export async function fillIdentity(page: Page, candidate: NewCandidate): Promise<void> {
  await page.getByLabel('Fornavn').fill(candidate.firstName)
  await page.getByLabel('Etternavn').fill(candidate.lastName)
  await page.getByLabel('Fødselsnummer eller d-nummer').fill(candidate.nationalId)
  await page.getByLabel('Telefon (valgfritt)').fill(candidate.phone)
  await page.getByLabel('E-post (valgfritt)').fill(candidate.email)
  await page.getByLabel('Bostedskommune').selectOption('0301')
}

/**
 * Submits the new-candidate form; on the rare clash with an existing number (the demo data holds thousands of
 * synthetic numbers) it draws another. Lands on the profile form.
 */
export async function submitNewCandidate(page: Page, candidate: NewCandidate): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByRole('button', { name: 'Opprett kandidat' }).click()
    const landed = await Promise.race([
      page.waitForURL(/\/ansatt\/kandidater\/[0-9a-f-]{36}\/profil/).then(() => 'profile' as const),
      page.getByText('Det finnes allerede en kandidat med dette fødselsnummeret').waitFor().then(() => 'duplicate' as const),
    ])
    if (landed === 'profile') return new URL(page.url()).pathname.replace(/\/profil$/, '')
    candidate.nationalId = syntheticNationalId()
    await page.getByLabel('Fødselsnummer eller d-nummer').fill(candidate.nationalId)
  }
  throw new Error('Could not find an unused synthetic national ID number')
}
