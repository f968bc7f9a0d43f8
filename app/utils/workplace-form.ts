import { z } from 'zod'
import type { WorkplaceDetail, WorkplaceInput } from '../../prisma-free-sql/queries/workplaces'
import { accessibilityCodes } from '../../prisma-free-sql/reference-data/vocabulary'
import { boundedList, plainText } from './form-text'

/** Languages most workplaces name; anything else goes in the free-text field. */
export const commonLanguages = ['norsk', 'engelsk', 'polsk', 'litauisk', 'arabisk', 'somali', 'tigrinja', 'ukrainsk'] as const

const environmentLevel = (question: string) =>
  z.coerce.number({ required_error: question, invalid_type_error: question }).int().min(0, question).max(2, question)

export const workplaceSchema = z.object({
  name: plainText(z.string({ required_error: 'Skriv navnet på arbeidsstedet.' }).trim().min(2, 'Navnet må ha minst to tegn.').max(200, 'Høyst 200 tegn.')),
  address: plainText(z.string({ required_error: 'Skriv adressen, så kandidaten vet hvor arbeidsstedet er.' }).trim().min(3, 'Skriv hele adressen.').max(300, 'Høyst 300 tegn.')),
  municipalityNumber: z.string({ required_error: 'Velg kommune.' }).regex(/^\d{4}$/, 'Velg kommune.'),
  noiseLevel: environmentLevel('Velg hvor mye støy det er.'),
  paceLevel: environmentLevel('Velg hvor høyt tempoet er.'),
  socialContactLevel: environmentLevel('Velg hvor mye samarbeid det er.'),
  accessibility: boundedList(z.array(z.enum(accessibilityCodes as [string, ...string[]]))).default([]),
  accessibilityNotes: plainText(z.string().trim().max(1000, 'Høyst 1000 tegn.')).default(''),
  languages: boundedList(z.array(z.enum(commonLanguages))).default([]),
  otherLanguages: plainText(z.string().trim().max(200, 'Høyst 200 tegn.'))
    .default('')
    .refine((text) => /^[\p{L}\s,-]*$/u.test(text), 'Skriv bare språknavn, skilt med komma.'),
})
export type WorkplaceFormValue = z.infer<typeof workplaceSchema>

function otherLanguageList(text: string): string[] {
  return text
    .split(',')
    .map((language) => language.trim().toLocaleLowerCase('nb'))
    .filter((language) => language !== '')
}

export function workplaceInputFrom(value: WorkplaceFormValue): WorkplaceInput {
  const languages = [...new Set([...value.languages, ...otherLanguageList(value.otherLanguages)])]
  return {
    name: value.name,
    address: value.address,
    municipalityNumber: value.municipalityNumber,
    noiseLevel: value.noiseLevel,
    paceLevel: value.paceLevel,
    socialContactLevel: value.socialContactLevel,
    accessibility: value.accessibility,
    accessibilityNotes: value.accessibilityNotes,
    languages,
  }
}

const isCommonLanguage = (language: string): language is (typeof commonLanguages)[number] =>
  (commonLanguages as readonly string[]).includes(language)

/** The saved workplace as the form's starting values. */
export function workplaceFormDefaults(workplace: WorkplaceDetail) {
  return {
    name: workplace.name,
    address: workplace.address,
    municipalityNumber: workplace.municipalityNumber,
    noiseLevel: workplace.noiseLevel,
    paceLevel: workplace.paceLevel,
    socialContactLevel: workplace.socialContactLevel,
    accessibility: workplace.accessibility,
    accessibilityNotes: workplace.accessibilityNotes,
    languages: workplace.languages.filter(isCommonLanguage),
    otherLanguages: workplace.languages.filter((language) => !isCommonLanguage(language)).join(', '),
  }
}
