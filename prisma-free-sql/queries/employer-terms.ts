import { z } from 'zod'
import type { Queryable } from '../db'

/** Bump when the text of the terms changes: everyone accepts the new version before seeing profiles again. */
export const CURRENT_TERMS_VERSION = '2026-11'

/** When the user accepted this version of the terms; undefined if they have not. */
export async function termsAcceptedAt(sql: Queryable, userId: string, version: string): Promise<Date | undefined> {
  const [row] = await sql`select accepted_at from employer_terms_acceptances where user_id = ${userId} and terms_version = ${version}`
  return row ? z.date().parse(row.accepted_at) : undefined
}

export async function hasAcceptedTerms(sql: Queryable, userId: string, version: string): Promise<boolean> {
  return (await termsAcceptedAt(sql, userId, version)) !== undefined
}

export async function recordTermsAcceptance(sql: Queryable, userId: string, version: string): Promise<void> {
  await sql`
    insert into employer_terms_acceptances (user_id, terms_version) values (${userId}, ${version})
    on conflict do nothing`
}
