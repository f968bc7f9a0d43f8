/**
 * The search backend the app uses, chosen once from the parsed environment: Meilisearch when MEILISEARCH_URL is set,
 * otherwise the PostgreSQL projection on the app's own database. Decision: docs/decisions/008-search-backends.md.
 */
import { getEnv } from '../app/utils/env.server'
import { getSql } from '../prisma-free-sql/db'
import type { SearchBackend } from './backend'
import { createMeilisearchBackend } from './meilisearch-backend'
import { createPostgresBackend } from './postgres-backend'

export type SearchBackendKind = SearchBackend['name']

/** Which backend getSearchBackend() returns, without creating it. */
export function searchBackendKind(): SearchBackendKind {
  return getEnv().MEILISEARCH_URL ? 'meilisearch' : 'postgres'
}

// Shared through globalThis, like the database and the environment, so the server entry and the Remix build use one.
const globalKey = Symbol.for('jobbsnekker.searchBackend')
type BackendHolder = { [globalKey]?: { backend: SearchBackend; source: unknown } }

/**
 * The backend for the current configuration, created on first use and then reused. What it was made from is kept
 * alongside, so a new database or environment installed by a test or script gets a new backend.
 */
export function getSearchBackend(): SearchBackend {
  const holder = globalThis as BackendHolder
  const env = getEnv()
  const source = env.MEILISEARCH_URL ? `${env.MEILISEARCH_URL} ${env.MEILISEARCH_API_KEY ?? ''}` : getSql()
  const current = holder[globalKey]
  if (current && current.source === source) return current.backend
  const backend = env.MEILISEARCH_URL
    ? createMeilisearchBackend({ host: env.MEILISEARCH_URL, apiKey: env.MEILISEARCH_API_KEY })
    : createPostgresBackend(getSql())
  holder[globalKey] = { backend, source }
  return backend
}

/** Forgets the chosen backend (tests and scripts that install another database or environment). */
export function resetSearchBackend(): void {
  delete (globalThis as BackendHolder)[globalKey]
}
