import { expect, test } from '@playwright/test'
import { employerAndSpecialist, employerListItem, expectNoSeriousAxeViolations, ownMatchOnEmployerList } from './support'

test('after the candidate\'s yes the specialist shares the name, the employer sees it on the case, and a withdrawal takes it away', async ({ browser }) => {
  test.setTimeout(180_000)
  const { employer, specialist, openingId, close } = await employerAndSpecialist(browser)
  const found = await ownMatchOnEmployerList(employer, specialist, openingId, 1)
  const label = found.label

  // The employer says «interested» in that candidate.
  const match = await employerListItem(employer, openingId, found)
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

  await close()
})
