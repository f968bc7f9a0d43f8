import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRows } from '../rows'
import { projectRoot } from '../../app/utils/project-root.server'

const referenceFile = path.join(projectRoot, 'prisma-free-sql', 'reference-data', 'kommuner.json')

const referenceSchema = z.object({
  source: z.string(),
  counties: z.array(z.object({ number: z.string(), name: z.string() })),
  municipalities: z.array(z.object({ number: z.string(), name: z.string(), county: z.string() })),
})

export const countySchema = z.object({ number: z.string(), name: z.string() })
export type County = z.infer<typeof countySchema>
export const municipalitySchema = z.object({ number: z.string(), name: z.string(), countyNumber: z.string() })
export type Municipality = z.infer<typeof municipalitySchema>

/** Loads SSB's counties and municipalities; safe to run on every start. */
export async function loadGeography(sql: Queryable): Promise<void> {
  const reference = referenceSchema.parse(JSON.parse(readFileSync(referenceFile, 'utf8')))
  await sql`
    insert into counties ${sql(reference.counties, 'number', 'name')}
    on conflict (number) do update set name = excluded.name`
  const municipalities = reference.municipalities.map((m) => ({ number: m.number, name: m.name, county_number: m.county }))
  await sql`
    insert into municipalities ${sql(municipalities, 'number', 'name', 'county_number')}
    on conflict (number) do update set name = excluded.name, county_number = excluded.county_number`
}

export async function listCounties(sql: Queryable): Promise<County[]> {
  return parseRows(countySchema, await sql`select number, name from counties order by name`)
}

export async function listMunicipalities(sql: Queryable): Promise<Municipality[]> {
  return parseRows(
    municipalitySchema,
    await sql`select number, name, county_number as "countyNumber" from municipalities order by name`,
  )
}

export async function municipalityExists(sql: Queryable, municipalityNumber: string): Promise<boolean> {
  const [row] = await sql`select 1 from municipalities where number = ${municipalityNumber}`
  return row !== undefined
}

export async function countyOfMunicipality(sql: Queryable, municipalityNumber: string): Promise<string | undefined> {
  const [row] = await sql`select county_number from municipalities where number = ${municipalityNumber}`
  return row ? z.string().parse(row.county_number) : undefined
}
