/**
 * The contract every search backend keeps (PostgreSQL projection, Meilisearch). Backends store what
 * search-index/documents.ts builds and retrieve a generous pool of candidates (or openings) that pass
 * the hard filters; matching/scoring.ts then scores and explains. The same contract tests run against
 * every configured backend (tests/integration/search-contract.test.ts).
 */
import type { CandidateForMatching, OpeningForMatching } from '../matching/match-types'
import type { AnonymisedCandidate } from './candidate-document'
import type { OpeningDocument } from './opening-document'

/** A visible candidate as indexed: what employers may see, and what matching uses. */
export type IndexedCandidate = {
  document: AnonymisedCandidate
  matching: CandidateForMatching
  /** The office that follows the candidate up; specialists search their own office's candidates. */
  officeId: string
}

/** A published opening as indexed. */
export type IndexedOpening = {
  document: OpeningDocument
  matching: OpeningForMatching
}

export type CandidateSearch = {
  opening: OpeningForMatching
  /** Words to rank by text relevance: the opening's title, description and task names. */
  text: string
  /** How many candidates to retrieve for scoring; enough for scoring to matter, not the index's top 10. */
  limit: number
  /** Only candidates followed up by this office. */
  officeId?: string
}

export type OpeningSearch = {
  candidate: CandidateForMatching
  /** Words to rank by: the candidate's tasks, occupations and pitch. */
  text: string
  limit: number
  /** Only openings in these counties (e.g. a specialist's region); all when absent. */
  countyNumbers?: string[]
}

/**
 * What a candidate search returns per candidate: what scoring needs. The anonymised documents are fetched for the
 * page shown only (candidateDocuments), because reading them for the whole pool was most of a search's time.
 */
export type RetrievedCandidate = Omit<IndexedCandidate, 'document'>

/** textRelevance: 0..1, the backend's own text score normalised within the result. */
export type CandidateHit = { candidate: RetrievedCandidate; textRelevance: number }
export type OpeningHit = { opening: IndexedOpening; textRelevance: number }

/** total: the caller's expected count when given to replaceAll, otherwise how many have been received so far. */
export type ReindexProgress = { kind: 'candidates' | 'openings'; done: number; total: number }
/** How many items the caller expects, so progress can show a real total (the batches are streamed). */
export type ReindexExpected = { candidates?: number; openings?: number }

export interface SearchBackend {
  readonly name: 'postgres' | 'meilisearch'
  upsertCandidates(items: IndexedCandidate[]): Promise<void>
  deleteCandidates(ids: string[]): Promise<void>
  upsertOpenings(items: IndexedOpening[]): Promise<void>
  deleteOpenings(ids: string[]): Promise<void>
  /**
   * Candidates passing the hard filters for the opening: region (the opening's municipality in the candidate's
   * municipalities, or its county in the candidate's counties), consent covering the opening's county, every
   * required certificate (a police certificate: canObtainPoliceCertificate true), hours overlapping, earliest start
   * no later than START_WINDOW_DAYS after the opening's start. Ordered by text relevance, at most `limit`.
   */
  searchCandidates(query: CandidateSearch): Promise<CandidateHit[]>
  /** The indexed anonymised documents of these candidates; a candidate no longer indexed is absent from the map. */
  candidateDocuments(ids: readonly string[]): Promise<Map<string, AnonymisedCandidate>>
  /** Openings passing the same hard filters seen from the candidate's side. */
  searchOpenings(query: OpeningSearch): Promise<OpeningHit[]>
  /** Builds a complete new index from the batches and swaps it in; searches keep working on the old one meanwhile. */
  replaceAll(
    candidates: AsyncIterable<IndexedCandidate[]>,
    openings: AsyncIterable<IndexedOpening[]>,
    onProgress?: (progress: ReindexProgress) => void,
    expected?: ReindexExpected,
  ): Promise<void>
  count(): Promise<{ candidates: number; openings: number }>
  health(): Promise<{ ok: boolean; detail: string }>
}

/** A candidate may start this many days after the opening's start date and still be matched. */
export const START_WINDOW_DAYS = 60

/** The requirement code a candidate meets by `canObtainPoliceCertificate: true`; every other one by holding it. */
export const POLICE_CERTIFICATE = 'policeCertificate'

/**
 * What a backend stores of a document's text: as given, except U+0000 (PostgreSQL text and jsonb cannot hold it) and
 * unpaired surrogates (not valid Unicode; PostgreSQL and Meilisearch refuse them), so one pasted control character
 * never fails a whole batch. Every backend applies it, so they store the same.
 */
export function storable<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T
  if (Array.isArray(value)) return value.map(storable) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [storableText(key), storable(inner)])) as T
  }
  return value
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
function storableText(text: string): string {
  return text.replace(/\u0000/g, '').replace(LONE_SURROGATE, '\uFFFD')
}

/** The largest `limit` a backend accepts (Meilisearch's maxTotalHits is set to it); larger is a caller's error. */
export const MAX_SEARCH_LIMIT = 10_000
