import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD, demoLogins, expectNoSeriousAxeViolations, logIn, openCandidateList } from './support'

/**
 * The demo specialist's own visible candidates who match the opening, in caseload order (found through the JSON API as
 * in case-flow.spec.ts). That spec takes the last one, and matching-flow.spec.ts withdraws consent for the first of the
 * office's list, so this one takes the one before the last.
 */
async function ownCandidatesMatching(specialist: Page, openingId: string): Promise<string[]> {
  await specialist.goto('/ansatt/kandidater?samtykke=active')
  const links = specialist.getByRole('link', { name: /^Kandidat [0-9A-F]{6}$/ })
  const candidates = await links.evaluateAll((anchors) =>
    anchors.map((anchor) => ({ id: anchor.getAttribute('href')!.split('/').pop()!, label: anchor.textContent!.trim() })),
  )
  const found: string[] = []
  for (const candidate of candidates) {
    const response = await specialist.request.get(`/api/v1/candidates/${candidate.id}/openings`)
    if (!response.ok()) continue
    const body = (await response.json()) as { results: { opening: { id: string } }[] }
    if (body.results.some((result) => result.opening.id === openingId)) found.push(candidate.label)
  }
  return found
}

test('after the candidate\'s yes the specialist shares the name, the employer sees it on the case, and a withdrawal takes it away', async ({ browser }) => {
  test.setTimeout(180_000)
  const employerContext = await browser.newContext()
  const employer = await employerContext.newPage()
  await logIn(employer, demoLogins.employer, DEMO_PASSWORD)
  await employer.getByRole('link', { name: /Bakeriassistent/ }).first().click()
  await employer.waitForURL(/\/arbeidsgiver\/stillinger\/[0-9a-f-]{36}$/)
  const openingId = new URL(employer.url()).pathname.split('/')[3]!
  await openCandidateList(employer)

  const specialistContext = await browser.newContext()
  const specialist = await specialistContext.newPage()
  await logIn(specialist, demoLogins.specialist, DEMO_PASSWORD)
  await specialist.waitForURL(/\/ansatt/)
  const matching = await ownCandidatesMatching(specialist, openingId)
  expect(matching.length, 'two of the demo specialist\'s visible candidates match the opening').toBeGreaterThanOrEqual(2)
  const label = matching[matching.length - 2]!

  // The employer says «interested» in that candidate.
  const match = employer.getByRole('listitem').filter({ has: employer.getByRole('heading', { level: 2, name: label }) })
  for (let side = 2; (await match.count()) === 0 && side <= 20; side++) {
    await employer.goto(`/arbeidsgiver/stillinger/${openingId}/kandidater?side=${side}`)
  }
  await expect(match).toHaveCount(1)
  await match.getByRole('button', { name: 'Jeg er interessert' }).click()
  await expect(employer.getByText(/Interessen er registrert/)).toBeVisible()

  // The specialist takes the case to the candidate's yes; before it, there is nothing to share.
  await specialist.goto('/ansatt/saker')
  await specialist.getByRole('link', { name: label }).first().click()
  await specialist.waitForURL(/\/ansatt\/saker\/[0-9a-f-]{36}$/)
  const caseId = new URL(specialist.url()).pathname.split('/')[3]!
  await expect(specialist.getByRole('link', { name: 'Del kontaktopplysninger' })).toHaveCount(0)
  for (const step of ['Bekreft at saken er mottatt', 'Kandidaten er spurt', 'Kandidaten sa ja']) {
    await specialist.getByRole('button', { name: step }).click()
    await expect(specialist.getByText('Saken er oppdatert.')).toBeVisible()
  }

  // Sharing: choose what the candidate agreed to, confirm, share.
  const panel = specialist.getByRole('region', { name: 'Kontaktopplysninger til arbeidsgiveren' })
  await panel.getByRole('link', { name: 'Del kontaktopplysninger' }).click()
  await specialist.waitForURL(`**/ansatt/saker/${caseId}/deling`)
  const nameChoice = specialist.getByRole('checkbox', { name: /^Navn: / })
  const name = ((await specialist.getByText(/^Navn: /).textContent()) ?? '').replace(/^Navn: /, '').trim()
  expect(name).toMatch(/\S+ \S+/)
  await expectNoSeriousAxeViolations(specialist)
  await nameChoice.check()
  await specialist.getByRole('button', { name: 'Del med arbeidsgiveren' }).click()
  await expect(specialist.getByText('Bekreft at kandidaten har sagt ja til å dele akkurat disse opplysningene.')).toBeVisible()
  await specialist.getByRole('checkbox', { name: /Navn: / }).check()
  await specialist.getByRole('checkbox', { name: /Kandidaten har sagt ja til å dele/ }).check()
  await specialist.getByRole('button', { name: 'Del med arbeidsgiveren' }).click()
  await expect(panel.getByRole('status')).toContainText('Opplysningene er delt.')
  await expect(panel).toContainText(/Arbeidsgiveren ser opplysningene til \d+\. \w+ \d{4}/)
  await expectNoSeriousAxeViolations(specialist)

  // The employer's case page has the box, and the details behind its link.
  await employer.goto(`/arbeidsgiver/saker/${caseId}`)
  const box = employer.getByRole('region', { name: 'Kontaktopplysninger delt av NAV' })
  await expect(box).toContainText(/NAV har delt navn med dere/)
  await expect(box).toContainText(/forsvinner herfra \d+\. \w+ \d{4}/)
  await expect(box).not.toContainText(name.split(' ').slice(-1)[0]!)
  await box.getByRole('link', { name: 'Vis kontaktopplysningene' }).click()
  await employer.waitForURL(`**/arbeidsgiver/saker/${caseId}/kontakt`)
  await expect(box).toContainText(name)
  await expect(box).toContainText('Hver gang de vises, logges det')
  await expectNoSeriousAxeViolations(employer)

  // The specialist withdraws it; the employer no longer sees it.
  await specialist.getByRole('button', { name: 'Trekk tilbake delingen' }).click()
  await expect(panel.getByRole('status')).toContainText('Delingen er trukket tilbake.')
  await employer.reload()
  await expect(box).toContainText('Ingen kontaktopplysninger er delt med dere i denne saken nå.')
  await expect(box).not.toContainText(name)
  await employer.goto(`/arbeidsgiver/saker/${caseId}`)
  await expect(employer.getByRole('region', { name: 'Kontaktopplysninger delt av NAV' })).toHaveCount(0)

  await employerContext.close()
  await specialistContext.close()
})
