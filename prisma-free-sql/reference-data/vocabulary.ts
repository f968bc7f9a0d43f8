import { z } from 'zod'
// Copied from ../shared/data/vocabulary.json (written for this project from the research seeds).
// Imported rather than read from disk so the Remix server bundle carries it along.
import vocabularyJson from './vocabulary.json'

const vocabularySchema = z.object({
  naceSections: z.record(z.string().regex(/^[A-U]$/), z.string()),
})

const vocabulary = vocabularySchema.parse(vocabularyJson)

export function naceSections(): { code: string; name: string }[] {
  return Object.entries(vocabulary.naceSections).map(([code, name]) => ({ code, name }))
}

export function naceSectionName(code: string): string | undefined {
  return vocabulary.naceSections[code]
}
