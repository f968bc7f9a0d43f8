import type { z } from 'zod'

/** Checks every row a query returned against its schema, so a schema drift fails loudly at the query. */
export function parseRows<T extends z.ZodTypeAny>(schema: T, rows: readonly unknown[]): z.infer<T>[] {
  return rows.map((row) => schema.parse(row))
}

export function parseRow<T extends z.ZodTypeAny>(schema: T, rows: readonly unknown[]): z.infer<T> | undefined {
  return rows.length === 0 ? undefined : schema.parse(rows[0])
}
