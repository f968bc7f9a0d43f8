import { describe, expect, it } from 'vitest'
import { embeddedSharedBuffersMb } from '../../prisma-free-sql/db'

const MB = 1024 * 1024

describe('shared buffers of the embedded database follow the size of its data', () => {
  it.each([
    ['a new, empty database (memory:// counts as 0)', 0, 16],
    ['a fresh cluster with the demo data (about 40 MB)', 40 * MB, 16],
    ['a quarter of the data between the bounds', 200 * MB, 50],
    ['100,000 candidates (about 540 MB)', 540 * MB, 128],
    ["never above PostgreSQL's default", 50_000 * MB, 128],
    ['a size that is not a number', Number.NaN, 16],
  ])('%s', (_case, bytes, expected) => {
    expect(embeddedSharedBuffersMb(bytes)).toBe(expected)
  })
})
