import { z } from 'zod'
import { sizeBands } from '../../prisma-free-sql/queries/organisations'
import { plainText } from './form-text'
import { isValidOrgNumber, normaliseOrgNumber } from './org-number'

/** What describes an organisation, asked the same way at registration and on its profile. */
export const organisationFields = {
  orgName: plainText(z.string({ required_error: 'Skriv inn navnet på virksomheten.' }).trim().min(2, 'Navnet må ha minst to tegn.').max(200, 'Navnet kan ha høyst 200 tegn.')),
  naceSection: z.string({ required_error: 'Velg bransje.' }).regex(/^[A-U]$/, 'Velg bransje.'),
  sector: z.enum(['public', 'private'], { required_error: 'Velg sektor.', invalid_type_error: 'Velg sektor.' }),
  sizeBand: z.enum(sizeBands, { required_error: 'Velg antall ansatte.', invalid_type_error: 'Velg antall ansatte.' }),
}

/** Everything that registers an organisation: by the employer at registration, or by NAV staff before they have users. */
export const newOrganisationFields = {
  orgNumber: z
    .string({ required_error: 'Skriv inn organisasjonsnummeret.' })
    .transform(normaliseOrgNumber)
    .refine((value) => /^\d{9}$/.test(value), 'Organisasjonsnummeret må ha ni siffer.')
    .refine(isValidOrgNumber, 'Organisasjonsnummeret er ikke gyldig. Sjekk at du har skrevet det riktig.'),
  ...organisationFields,
  municipalityNumber: z.string({ required_error: 'Velg kommune.' }).regex(/^\d{4}$/, 'Velg kommune.'),
}

/** The name and organisation number come from registration and stay as they are; the rest the employer keeps up to date. */
export const organisationProfileSchema = z.object({
  naceSection: organisationFields.naceSection,
  sector: organisationFields.sector,
  sizeBand: organisationFields.sizeBand,
  iaAgreement: z.enum(['ja', 'nei'], { required_error: 'Svar på om virksomheten har IA-avtale.' }),
  description: plainText(z.string().trim().max(2000, 'Høyst 2000 tegn.')).default(''),
})
