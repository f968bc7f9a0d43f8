import { z } from 'zod'
// Copied from ../shared/data/styrk08.json. Source: Statistics Norway (SSB), "Standard for
// yrkesklassifisering" STYRK-08 (Klass); open data (NLOD / CC BY 4.0).
import styrkJson from './styrk08.json'

const styrkSchema = z.object({
  items: z.array(z.object({ code: z.string(), level: z.number().int(), name: z.string(), parent: z.string().nullable() })),
})

const items = styrkSchema.parse(styrkJson).items

export type OccupationGroup = { code: string; name: string; occupations: { code: string; name: string }[] }

/** The four-digit occupation groups (yrkesgrupper) under their major groups (yrkesområder), for pickers. */
export const occupationsByArea: OccupationGroup[] = items
  .filter((item) => item.level === 1)
  .map((area) => ({
    code: area.code,
    name: area.name,
    occupations: items
      .filter((item) => item.level === 4 && item.code.startsWith(area.code))
      .map((item) => ({ code: item.code, name: item.name })),
  }))
  .filter((area) => area.occupations.length > 0)

const occupationNames = new Map(items.filter((item) => item.level === 4).map((item) => [item.code, item.name]))

export function occupationName(code: string): string | undefined {
  return occupationNames.get(code)
}

export function isOccupationCode(code: string): boolean {
  return occupationNames.has(code)
}
