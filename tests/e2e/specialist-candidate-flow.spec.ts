import { expect, test, type Page } from '@playwright/test'
import {
  checkedPage,
  daysAhead,
  fillIdentity,
  logInAsSpecialist,
  newCandidate,
  openNewCandidateForm,
  submitNewCandidate,
  type NewCandidate,
} from './candidate-support'
import { expectNoSeriousAxeViolations } from './support'

// The "done when": the demo specialist creates a candidate (a wrong national ID number is explained and
// nothing typed is lost), writes the profile (the free-text guard stops a phone number in the pitch), sees that the
// profile is hidden without consent, records consent and sees it visible, looks at it as an employer would (no name,
// number, phone or e-mail anywhere on the page), withdraws consent and sees it hidden again. Every page on the way is
// checked with axe.

const pitchWithPhone = 'Ring meg på 412 34 567 hvis du vil vite mer. Jeg er nøyaktig og liker å jobbe på lager med faste rutiner.'
const pitch = 'Jeg er nøyaktig og liker å jobbe på lager med faste rutiner. Jeg trives best på dagtid og lærer fort.'

function pitchField(page: Page) {
  return page.getByLabel('Kort om kandidaten, med kandidatens egne ord')
}

/** Fills the parts the guard check does not need yet, so the test can see that they survive the error. */
async function fillSomeProfile(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Oppgaver kandidaten ønsker' }).getByRole('checkbox', { name: 'Plukking og pakking av ordre' }).check()
  await page.getByLabel('Minst timer per uke').fill('10')
  await page.getByLabel('Maks timer per uke').fill('20')
}

async function expectSomeProfileKept(page: Page): Promise<void> {
  await expect(page.getByRole('group', { name: 'Oppgaver kandidaten ønsker' }).getByRole('checkbox', { name: 'Plukking og pakking av ordre' })).toBeChecked()
  await expect(page.getByLabel('Minst timer per uke')).toHaveValue('10')
  await expect(page.getByLabel('Maks timer per uke')).toHaveValue('20')
}

async function fillRestOfProfile(page: Page, earliestStart: string): Promise<void> {
  await page.getByRole('radiogroup', { name: 'Høyeste fullførte utdanning' }).getByRole('radio', { name: 'Grunnskole' }).check()
  await page.getByRole('group', { name: 'Kan jobbe: tid på døgnet' }).getByRole('checkbox', { name: 'Dagtid' }).check()
  await page.getByRole('group', { name: 'Kan jobbe: dager' }).getByRole('checkbox', { name: 'Ukedager' }).check()
  await page.getByLabel('Kan begynne').fill(earliestStart)
  await page.getByRole('group', { name: 'Kan jobbe i hele fylket' }).getByRole('checkbox', { name: 'Oslo', exact: true }).check()
  await page.getByRole('radiogroup', { name: 'Muntlig' }).getByRole('radio', { name: 'God' }).check()
  await page.getByRole('radiogroup', { name: 'Skriftlig' }).getByRole('radio', { name: 'Grunnleggende' }).check()
}

function visibilitySection(page: Page) {
  return page.getByRole('region', { name: 'Synlighet for arbeidsgivere' })
}

/** Nothing of who the candidate is, in any form, anywhere in the page's text or markup. */
async function expectNoIdentity(page: Page, candidate: NewCandidate): Promise<void> {
  const text = (await page.locator('body').innerText()).toLocaleLowerCase('nb')
  const html = (await page.content()).toLocaleLowerCase('nb')
  const id = candidate.nationalId
  const phone = candidate.phone
  const forbidden = [
    candidate.lastName,
    `${candidate.firstName} ${candidate.lastName}`,
    id,
    `${id.slice(0, 6)} ${id.slice(6)}`,
    phone,
    `${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5)}`,
    `${phone.slice(0, 2)} ${phone.slice(2, 4)} ${phone.slice(4, 6)} ${phone.slice(6)}`,
    candidate.email,
  ].map((value) => value.toLocaleLowerCase('nb'))
  for (const value of forbidden) {
    expect(text, `page text contains «${value}»`).not.toContain(value)
    expect(html, `page markup contains «${value}»`).not.toContain(value)
  }
}

test('a specialist creates a candidate, writes the profile, records consent, previews it and withdraws consent', async ({ page }) => {
  test.setTimeout(120_000)
  const candidate = newCandidate()
  await logInAsSpecialist(page)
  await openNewCandidateForm(page)

  // A national ID number with a wrong check digit is explained, and nothing typed is lost.
  await fillIdentity(page, { ...candidate, nationalId: '12345678901' })
  await page.getByRole('button', { name: 'Opprett kandidat' }).click()
  const nationalIdField = page.getByLabel('Fødselsnummer eller d-nummer')
  await expect(page.getByText('Dette er ikke et gyldig fødselsnummer eller d-nummer. Sjekk sifrene.')).toBeVisible()
  await expect(nationalIdField).toHaveAttribute('aria-invalid', 'true')
  await expect(nationalIdField).toHaveValue('12345678901')
  await expect(page.getByLabel('Fornavn')).toHaveValue(candidate.firstName)
  await expect(page.getByLabel('Etternavn')).toHaveValue(candidate.lastName)
  await expect(page.getByLabel('Telefon (valgfritt)')).toHaveValue(candidate.phone)
  await expect(page.getByLabel('E-post (valgfritt)')).toHaveValue(candidate.email)
  await expect(page.getByLabel('Bostedskommune')).toHaveValue('0301')
  await expect(page).toHaveURL((url) => url.pathname === '/ansatt/kandidater/ny')
  await expectNoSeriousAxeViolations(page)

  // A valid synthetic number: the candidate is created and the profile form comes next.
  await nationalIdField.fill(candidate.nationalId)
  const candidatePath = await submitNewCandidate(page, candidate)
  await checkedPage(page, 'Profil')
  await expect(page.getByText('Kandidaten er opprettet.')).toBeVisible()

  // The free-text guard stops a phone number in the pitch and points at it; everything typed stays.
  await pitchField(page).fill(pitchWithPhone)
  await fillSomeProfile(page)
  await page.getByRole('button', { name: 'Lagre profilen' }).click()
  await expect(page.getByText('«412 34 567» ser ut som et telefonnummer.')).toBeVisible()
  await expect(pitchField(page)).toHaveAttribute('aria-invalid', 'true')
  await expect(pitchField(page)).toHaveValue(pitchWithPhone)
  await expectSomeProfileKept(page)
  await expect(page).toHaveURL((url) => url.pathname === `${candidatePath}/profil`)
  await expectNoSeriousAxeViolations(page)

  // Fixed, and the rest of what employers need filled in.
  await pitchField(page).fill(pitch)
  await fillRestOfProfile(page, daysAhead(14))
  await page.getByRole('button', { name: 'Lagre profilen' }).click()
  await expect(page).toHaveURL((url) => url.pathname === candidatePath)
  await checkedPage(page, /^Kandidat [0-9A-F]{6}$/)
  const label = (await page.getByRole('heading', { level: 1 }).textContent())!.trim()
  await expect(page.getByText('Profilen er lagret.')).toBeVisible()

  // Complete, but hidden: there is no consent.
  await expect(visibilitySection(page)).toContainText('Profilen er skjult for arbeidsgivere fordi det er ikke registrert samtykke.')
  await expect(visibilitySection(page)).not.toContainText('mangler')

  // Consent recorded: visible.
  await visibilitySection(page).getByRole('link', { name: 'Samtykke' }).click()
  await checkedPage(page, 'Samtykke')
  await page.getByRole('radiogroup', { name: 'Hvordan ble samtykket gitt?' }).getByRole('radio', { name: 'Muntlig, i et møte' }).check()
  await page.getByRole('button', { name: 'Registrer samtykket' }).click()
  await expect(page).toHaveURL((url) => url.pathname === candidatePath)
  await expect(page.getByText('Samtykket er registrert.')).toBeVisible()
  await expect(visibilitySection(page)).toContainText('Profilen er synlig for arbeidsgivere i hele landet.')
  await expect(visibilitySection(page)).not.toContainText(/skjult/i)
  await expectNoSeriousAxeViolations(page)

  // As an employer sees it: the anonymised card, and nothing of who the candidate is.
  await visibilitySection(page).getByRole('link', { name: 'Se som arbeidsgiver' }).click()
  await checkedPage(page, 'Slik ser arbeidsgivere profilen')
  await expect(page.getByText('Profilen er synlig for arbeidsgivere nå.')).toBeVisible()
  const card = page.getByRole('article', { name: label })
  await expect(card).toBeVisible()
  await expect(card).toContainText(pitch)
  await expect(card).toContainText('Plukking og pakking av ordre')
  await expect(card).toContainText('10–20 timer i uka')
  await expectNoIdentity(page, candidate)

  // Consent withdrawn: hidden again, on the overview and in the preview.
  await page.getByRole('link', { name: label }).click()
  await visibilitySection(page).getByRole('link', { name: 'Samtykke' }).click()
  await checkedPage(page, 'Samtykke')
  await page.getByRole('button', { name: 'Trekk samtykket' }).click()
  await expect(page).toHaveURL((url) => url.pathname === candidatePath)
  await expect(page.getByText('Samtykket er trukket. Profilen er skjult for alle arbeidsgivere.')).toBeVisible()
  await expect(visibilitySection(page)).toContainText(/skjult for arbeidsgivere/i)
  await expect(visibilitySection(page)).toContainText('samtykket er trukket')
  await expectNoSeriousAxeViolations(page)

  await visibilitySection(page).getByRole('link', { name: 'Se som arbeidsgiver' }).click()
  await checkedPage(page, 'Slik ser arbeidsgivere profilen')
  await expect(page.getByText('Skjult for arbeidsgivere.')).toBeVisible()
  await expect(page.getByText('Profilen er synlig for arbeidsgivere nå.')).toHaveCount(0)
  await expectNoIdentity(page, candidate)

  // The history on the overview tells the whole story.
  await page.getByRole('link', { name: label }).click()
  const history = page.getByRole('region', { name: 'Historikk' })
  await expect(history).toContainText('Kandidaten ble opprettet.')
  await expect(history).toContainText('Profilen ble endret.')
  await expect(history).toContainText('Samtykke registrert')
  await expect(history).toContainText('Samtykket ble trukket.')
})

test('the personalia page asks why before it shows who the candidate is', async ({ page }) => {
  test.setTimeout(60_000)
  const candidate = newCandidate()
  await logInAsSpecialist(page)
  await openNewCandidateForm(page)
  await fillIdentity(page, candidate)
  const candidatePath = await submitNewCandidate(page, candidate)

  await page.goto(candidatePath)
  await page.getByRole('link', { name: 'Personopplysninger' }).click()
  await checkedPage(page, 'Personopplysninger')
  await expect(page).toHaveURL((url) => url.pathname === `${candidatePath}/personalia` && url.search === '')
  await expect(page.getByRole('radiogroup', { name: 'Hvorfor trenger du personopplysningene?' })).toBeVisible()
  await expect(page.getByLabel('Fornavn')).toHaveCount(0)
  await expectNoIdentity(page, candidate)

  // Asking without a reason only asks again; so does a reason that is not on the list.
  await page.getByRole('button', { name: 'Vis personopplysningene' }).click()
  await expect(page.getByRole('radiogroup', { name: 'Hvorfor trenger du personopplysningene?' })).toBeVisible()
  await expect(page.getByLabel('Fornavn')).toHaveCount(0)
  await expectNoIdentity(page, candidate)
  await page.goto(`${candidatePath}/personalia?grunn=nysgjerrig`)
  await expect(page.getByText('Velg en grunn fra listen.')).toBeVisible()
  await expect(page.getByLabel('Fornavn')).toHaveCount(0)
  await expectNoIdentity(page, candidate)
  await expectNoSeriousAxeViolations(page)

  await page.getByRole('radio', { name: 'Kontakte kandidaten' }).check()
  await page.getByRole('button', { name: 'Vis personopplysningene' }).click()
  await expect(page).toHaveURL((url) => url.searchParams.get('grunn') === 'kontakt')
  await expect(page.getByLabel('Fornavn')).toHaveValue(candidate.firstName)
  await expect(page.getByLabel('Etternavn')).toHaveValue(candidate.lastName)
  await expect(page.getByLabel('Fødselsnummer eller d-nummer')).toHaveValue(candidate.nationalId)
  await expect(page.getByLabel('Telefon (valgfritt)')).toHaveValue(candidate.phone)
  await expect(page.getByLabel('E-post (valgfritt)')).toHaveValue(candidate.email)
  await expectNoSeriousAxeViolations(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the national ID check and the free-text guard explain themselves and keep what was typed', async ({ page }) => {
    test.setTimeout(60_000)
    const candidate = newCandidate()
    await logInAsSpecialist(page)
    await page.goto('/ansatt/kandidater/ny')
    // axe runs as a script in the page, so these pages are checked with JavaScript on, in the tests above.
    await expect(page.getByRole('heading', { level: 1, name: 'Ny kandidat' })).toBeVisible()

    // Only the server checks here.
    await fillIdentity(page, { ...candidate, nationalId: '12345678901' })
    await page.getByRole('button', { name: 'Opprett kandidat' }).click()
    await expect(page.getByText('Dette er ikke et gyldig fødselsnummer eller d-nummer. Sjekk sifrene.')).toBeVisible()
    await expect(page.getByLabel('Fødselsnummer eller d-nummer')).toHaveValue('12345678901')
    await expect(page.getByLabel('Etternavn')).toHaveValue(candidate.lastName)
    await expect(page.getByLabel('Bostedskommune')).toHaveValue('0301')

    await page.getByLabel('Fødselsnummer eller d-nummer').fill(candidate.nationalId)
    const candidatePath = await submitNewCandidate(page, candidate)
    await expect(page.getByRole('heading', { level: 1, name: 'Profil' })).toBeVisible()

    await pitchField(page).fill(pitchWithPhone)
    await fillSomeProfile(page)
    await page.getByRole('button', { name: 'Lagre profilen' }).click()
    await expect(page.getByText('«412 34 567» ser ut som et telefonnummer.')).toBeVisible()
    await expect(pitchField(page)).toHaveValue(pitchWithPhone)
    await expectSomeProfileKept(page)
    await expect(page).toHaveURL((url) => url.pathname === `${candidatePath}/profil`)

    // Fixed, it saves, and the overview says what is still missing for employers to see it.
    await pitchField(page).fill(pitch)
    await page.getByRole('button', { name: 'Lagre profilen' }).click()
    await expect(page).toHaveURL((url) => url.pathname === candidatePath)
    await expect(visibilitySection(page)).toContainText(/skjult for arbeidsgivere/i)
    await expect(visibilitySection(page)).toContainText('det er ikke registrert samtykke')
    await expect(visibilitySection(page)).toContainText('profilen mangler utdanningsnivå')
  })
})
