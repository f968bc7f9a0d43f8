import { expect, test } from '@playwright/test'
import { demoLogins, employerAndSpecialist, employerListItem, expectNoSeriousAxeViolations, mailsTo, ownMatchOnEmployerList } from './support'

test('an employer\'s interest becomes a case the specialist answers, and the employer follows it to the end of a trial', async ({ browser }) => {
  // Two people and a dozen pages with accessibility checks.
  test.setTimeout(180_000)
  const { employer, specialist, openingId, close } = await employerAndSpecialist(browser)
  const found = await ownMatchOnEmployerList(employer, specialist, openingId, 0)
  const label = found.label

  // The employer finds that candidate in the ranked list (by its anonymous label) and says «interested». Each match is
  // a list item: the profile (an article) and, below it, the employer's form or the case.
  const match = await employerListItem(employer, openingId, found)
  await match.getByRole('textbox', { name: /Melding til jobbspesialisten/ }).fill('Vi har plass fra mandag. Kan kandidaten komme innom?')
  await match.getByRole('button', { name: 'Jeg er interessert' }).click()
  await expect(employer.getByText(/Interessen er registrert/)).toBeVisible()
  // At once: who answers, and by when.
  await expect(match).toContainText(/Jobbspesialist .+ svarer innen (mandag|tirsdag|onsdag|torsdag|fredag) \d+\. \w+ kl\. 16:00/)
  await expectNoSeriousAxeViolations(employer)

  // The specialist is told in the portal (an unread notice in the menu) and by e-mail, and the case is in the inbox.
  await specialist.reload()
  const notices = specialist.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Varsler' })
  await expect(notices).toHaveAccessibleDescription(/^\d+ uleste$/)
  await notices.click()
  await expect(specialist.getByRole('link', { name: 'En arbeidsgiver er interessert i en av kandidatene dine' }).first()).toBeVisible()
  await expectNoSeriousAxeViolations(specialist)
  // The specialist acknowledges, asks the candidate and records the yes.
  await specialist.getByRole('link', { name: 'Saker' }).click()
  await expect(specialist.getByRole('heading', { level: 1, name: 'Saker' })).toBeVisible()
  await expect(specialist.getByRole('status')).toContainText(/venter på at noen bekrefter/)
  await expectNoSeriousAxeViolations(specialist)
  await specialist.getByRole('link', { name: label }).first().click()
  await expect(specialist.getByText('Vi har plass fra mandag. Kan kandidaten komme innom?')).toBeVisible()
  // The e-mail in the development mailbox says only that something waits, with a link to this case.
  const casePath = new URL(specialist.url()).pathname
  await expect
    .poll(async () => (await mailsTo(demoLogins.specialist)).filter((mail) => mail.text.includes(casePath)).map((mail) => mail.subject), { timeout: 15_000 })
    .toEqual(['En arbeidsgiver er interessert i en av kandidatene dine'])
  const [caseMail] = (await mailsTo(demoLogins.specialist)).filter((mail) => mail.text.includes(casePath))
  expect(caseMail!.text).not.toContain('Vi har plass fra mandag')
  expect(caseMail!.text).not.toContain(label)
  await expectNoSeriousAxeViolations(specialist)
  for (const step of ['Bekreft at saken er mottatt', 'Kandidaten er spurt', 'Kandidaten sa ja']) {
    await specialist.getByRole('button', { name: step }).click()
    await expect(specialist.getByText('Saken er oppdatert.')).toBeVisible()
  }
  await expect(specialist.getByText('Status: Kandidaten har sagt ja')).toBeVisible()

  // The employer sees the status and the named contact, agrees a meeting, starts a trial and ends it with a reason.
  await employer.getByRole('link', { name: 'Saker' }).click()
  const row = employer.getByRole('row').filter({ hasText: label })
  await expect(row).toContainText('Kandidaten har sagt ja')
  await expect(row).toContainText(/Jobbspesialist .+ følger opp saken\./)
  await expectNoSeriousAxeViolations(employer)
  await row.getByRole('link', { name: label }).click()
  await employer.getByRole('button', { name: 'Møte er avtalt' }).click()
  await expect(employer.getByText('Status: Møte er avtalt')).toBeVisible()
  await employer.getByRole('button', { name: 'Start utprøving' }).click()
  await expect(employer.getByText('Status: Utprøving pågår')).toBeVisible()
  // Ending the trial is one button that asks why; without a reason it is refused.
  await employer.getByRole('button', { name: 'Avslutt utprøvingen' }).click()
  await expect(employer.getByText(/Skriv en begrunnelse/)).toBeVisible()
  await employer.getByLabel('Hvorfor avslutter dere?').fill('Arbeidsoppgavene passet dårlig med åpningstidene.')
  await employer.getByRole('button', { name: 'Avslutt utprøvingen' }).click()
  await expect(employer.getByText('Status: Ikke ansatt')).toBeVisible()
  await expect(employer.getByRole('heading', { name: 'Neste steg' })).toHaveCount(0)
  await expectNoSeriousAxeViolations(employer)

  // The specialist is told at once that the trial ended, sees the end, and who ended it.
  await expect
    .poll(async () => (await mailsTo(demoLogins.specialist)).filter((mail) => mail.text.includes(casePath)).map((mail) => mail.subject), { timeout: 15_000 })
    .toContain('En utprøving er avsluttet')
  await specialist.reload()
  await expect(specialist.getByText('Status: Ikke ansatt')).toBeVisible()
  await expect(specialist.getByText('Begrunnelse: Arbeidsoppgavene passet dårlig med åpningstidene.')).toBeVisible()

  await close()
})
