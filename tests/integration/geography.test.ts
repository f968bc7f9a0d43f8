import { describe, expect, it } from 'vitest'
import { listCounties, listMunicipalities, loadGeography } from '../../prisma-free-sql/queries/geography'
import { useTestDatabase } from '../support/database'

const db = useTestDatabase()

async function counts() {
  const [row] = await db.sql`
    select (select count(*) from counties)::int as counties, (select count(*) from municipalities)::int as municipalities`
  return row
}

describe('geography', () => {
  it('has the 15 counties and 357 municipalities of 2024', async () => {
    expect(await counts()).toEqual({ counties: 15, municipalities: 357 })
    const counties = await listCounties(db.sql)
    expect(counties).toContainEqual({ number: '03', name: 'Oslo' })
    expect(counties).toContainEqual({ number: '46', name: 'Vestland' })
    const municipalities = await listMunicipalities(db.sql)
    expect(municipalities).toContainEqual({ number: '0301', name: 'Oslo', countyNumber: '03' })
    expect(municipalities).toContainEqual({ number: '4601', name: 'Bergen', countyNumber: '46' })
  })

  it('puts every municipality in the county its number starts with', async () => {
    const municipalities = await listMunicipalities(db.sql)
    for (const m of municipalities) expect(m.number.slice(0, 2), m.name).toBe(m.countyNumber)
  })

  it('loads again without duplicates or changes', async () => {
    const before = await listMunicipalities(db.sql)
    await loadGeography(db.sql)
    await loadGeography(db.sql)
    expect(await counts()).toEqual({ counties: 15, municipalities: 357 })
    expect(await listMunicipalities(db.sql)).toEqual(before)
  })
})
