/**
 * The search backend on a Meilisearch server, through the official client (`meilisearch`). One index per kind; the
 * same hard filters as the PostgreSQL backend in Meilisearch's filter syntax; every task is awaited and a failed or
 * canceled task is an error. A rebuild fills `<index>_next` and swaps it in with swapIndexes.
 * Decision: docs/decisions/008-search-backends.md. Contract: search-index/backend.ts.
 */
import { randomUUID } from 'node:crypto'
import { Meilisearch, type EnqueuedTaskPromise, type Index, type Settings, type Task } from 'meilisearch'
import { requirementCodes } from '../prisma-free-sql/reference-data/vocabulary'
import {
  MAX_SEARCH_LIMIT,
  POLICE_CERTIFICATE,
  START_WINDOW_DAYS,
  type CandidateHit,
  type CandidateSearch,
  type IndexedCandidate,
  type IndexedOpening,
  type OpeningHit,
  type OpeningSearch,
  type ReindexExpected,
  type ReindexProgress,
  type SearchBackend,
  storable,
} from './backend'
import { candidateSearchText } from './candidate-document'
import { openingSearchText } from './opening-document'

export type MeilisearchBackendOptions = {
  host: string
  apiKey?: string
  /** Prepended to every index name, so several installations (or test runs) can share one server. */
  indexPrefix?: string
  /** How long to wait for one task before giving up (the task may still finish later). */
  taskTimeoutMs?: number
}

/** Documents per addDocuments task. */
const WRITE_CHUNK = 1000
/** Meilisearch reads at most 10 words of a query; the first ones are the opening's title or the candidate's tasks. */
const MAX_QUERY_WORDS = 10

type Kind = 'candidates' | 'openings'

/** What is stored per candidate: the contract's two parts plus flat copies of the filter fields. */
type CandidateDoc = {
  id: string
  officeId: string
  workMunicipalities: string[]
  workCounties: string[]
  consentAll: boolean
  consentCounties: string[]
  certificates: string[]
  canObtainPoliceCertificate: boolean
  hoursMin: number
  hoursMax: number
  /** Days since 1970-01-01, so dates compare as numbers. */
  earliestStartDay: number
  searchText: string
  document: IndexedCandidate['document']
  matching: IndexedCandidate['matching']
}

type OpeningDoc = {
  id: string
  municipalityNumber: string
  countyNumber: string
  requirements: string[]
  /** Requirement codes outside the vocabulary; no candidate can hold them, so such an opening matches nobody. */
  unlistedRequirements: string[]
  hoursMin: number
  hoursMax: number
  startDay: number
  searchText: string
  document: IndexedOpening['document']
  matching: IndexedOpening['matching']
}

/**
 * Task words that mean the same to employers and specialists. Meilisearch synonyms are one-way, so every word of a
 * group lists all the others.
 */
export const norwegianTaskSynonymGroups: string[][] = [
  ['lager', 'varelager', 'lagerarbeid', 'lagerarbeider', 'lagermedarbeider'],
  ['renhold', 'vask', 'vasking', 'rengjøring', 'renholder'],
  ['kjøkken', 'kantine', 'storkjøkken', 'kjøkkenassistent'],
  ['butikk', 'dagligvare', 'dagligvarebutikk', 'matbutikk', 'butikkmedarbeider'],
  ['varepåfylling', 'påfylling', 'varepåfyller'],
  ['kasse', 'kassa', 'kassearbeid'],
  ['sjåfør', 'bud', 'budbil', 'varelevering'],
  ['gartner', 'grøntarbeid', 'hagearbeid', 'parkarbeid'],
  ['vaktmester', 'driftsoperatør', 'vedlikehold'],
]

/** Common bokmål function words (a subset of PostgreSQL's Norwegian stop-word list). */
export const norwegianStopWords = [
  'og', 'i', 'jeg', 'det', 'at', 'en', 'et', 'den', 'til', 'er', 'som', 'på', 'de', 'med', 'han', 'av', 'ikke', 'der',
  'så', 'var', 'meg', 'seg', 'men', 'ett', 'har', 'om', 'vi', 'min', 'mitt', 'ha', 'hadde', 'hun', 'nå', 'over', 'da',
  'ved', 'fra', 'du', 'ut', 'sin', 'dem', 'oss', 'opp', 'man', 'kan', 'hans', 'hvor', 'eller', 'hva', 'skal', 'selv',
  'sjøl', 'her', 'alle', 'vil', 'bli', 'ble', 'blitt', 'kunne', 'inn', 'når', 'være', 'kom', 'noen', 'noe', 'ville',
  'dere', 'deres', 'kun', 'ja', 'etter', 'ned', 'skulle', 'denne', 'for', 'deg', 'si', 'sine', 'sitt', 'mot', 'å',
  'meget', 'hvorfor', 'dette', 'disse', 'uten', 'hvordan', 'ingen', 'din', 'ditt', 'blir', 'samme', 'hvilken',
  'hvilke', 'sånn', 'inni', 'mellom', 'vår', 'hver', 'hvem', 'vors', 'hvis', 'både', 'bare', 'enn', 'fordi', 'før',
  'mange', 'også', 'slik', 'vært', 'båe', 'begge', 'siden',
]

export function synonymsFromGroups(groups: string[][]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {}
  for (const group of groups) {
    for (const word of group) synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...group.filter((other) => other !== word)])]
  }
  return synonyms
}

const commonSettings: Settings = {
  searchableAttributes: ['searchText'],
  synonyms: synonymsFromGroups(norwegianTaskSynonymGroups),
  // Filler words carry no meaning for matching; they would also use up the ten words Meilisearch reads of a query.
  stopWords: norwegianStopWords,
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  // Retrieval asks for up to MAX_SEARCH_LIMIT hits; Meilisearch's default ceiling is 1,000.
  pagination: { maxTotalHits: MAX_SEARCH_LIMIT },
}

export const indexSettings: Record<Kind, Settings> = {
  candidates: {
    ...commonSettings,
    filterableAttributes: [
      'officeId',
      'workMunicipalities',
      'workCounties',
      'consentAll',
      'consentCounties',
      'certificates',
      'canObtainPoliceCertificate',
      'hoursMin',
      'hoursMax',
      'earliestStartDay',
    ],
    sortableAttributes: ['id', 'earliestStartDay'],
  },
  openings: {
    ...commonSettings,
    filterableAttributes: ['municipalityNumber', 'countyNumber', 'requirements', 'unlistedRequirements', 'hoursMin', 'hoursMax', 'startDay'],
    sortableAttributes: ['id', 'startDay'],
  },
}

export class MeilisearchTaskError extends Error {
  override name = 'MeilisearchTaskError'
  constructor(
    readonly what: string,
    readonly task: Task,
  ) {
    super(`Meilisearch task ${task.uid} (${what}) ${task.status}${task.error ? `: ${task.error.code}: ${task.error.message}` : ''}`)
  }
}

export function createMeilisearchBackend(options: MeilisearchBackendOptions): SearchBackend {
  const timeout = options.taskTimeoutMs ?? 120_000
  const client = new Meilisearch({ host: options.host, apiKey: options.apiKey, defaultWaitOptions: { timeout, interval: 50 } })
  const prefix = options.indexPrefix ?? 'jobbsnekker_'
  const uid = (kind: Kind) => `${prefix}${kind}`
  const nextUid = (kind: Kind) => `${prefix}${kind}_next`
  /** Ids written while a rebuild runs; the rebuild copies their live state into the new index before the swap. */
  const touchedUid = `${prefix}rebuild_touched`

  /** Waits for the task and throws unless it succeeded; `tolerate` names error codes that mean "already so". */
  async function succeeded(enqueued: EnqueuedTaskPromise, what: string, tolerate: string[] = []): Promise<Task> {
    const task = await enqueued.waitTask({ timeout })
    if (task.status === 'succeeded') return task
    if (task.status === 'failed' && task.error && tolerate.includes(task.error.code)) return task
    throw new MeilisearchTaskError(what, task)
  }

  async function createWithSettings(indexUid: string, kind: Kind): Promise<void> {
    await succeeded(client.createIndex(indexUid, { primaryKey: 'id' }), `create index ${indexUid}`, ['index_already_exists'])
    await succeeded(client.index(indexUid).updateSettings(indexSettings[kind]), `settings of ${indexUid}`)
  }

  async function deleteIndex(indexUid: string): Promise<void> {
    await succeeded(client.deleteIndex(indexUid), `delete index ${indexUid}`, ['index_not_found'])
  }

  async function indexExists(indexUid: string): Promise<boolean> {
    try {
      await client.getRawIndex(indexUid)
      return true
    } catch (error) {
      if (apiErrorCode(error) === 'index_not_found') return false
      throw error
    }
  }

  // Settings are applied once per process (a no-op task when unchanged); a failure is retried on the next call.
  const ready = new Map<Kind, Promise<void>>()
  function ensureIndex(kind: Kind): Promise<void> {
    let promise = ready.get(kind)
    if (!promise) {
      promise = createWithSettings(uid(kind), kind).catch((error: unknown) => {
        ready.delete(kind)
        throw error
      })
      ready.set(kind, promise)
    }
    return promise
  }

  async function addDocuments(indexUid: string, documents: (CandidateDoc | OpeningDoc)[]): Promise<void> {
    for (let start = 0; start < documents.length; start += WRITE_CHUNK) {
      const chunk = documents.slice(start, start + WRITE_CHUNK)
      await succeeded(client.index(indexUid).addDocuments(chunk, { primaryKey: 'id' }), `add ${chunk.length} documents to ${indexUid}`)
    }
  }

  async function deleteDocuments(indexUid: string, ids: string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += WRITE_CHUNK) {
      const chunk = ids.slice(start, start + WRITE_CHUNK)
      await succeeded(client.index(indexUid).deleteDocuments(chunk), `delete ${chunk.length} documents from ${indexUid}`)
    }
  }

  /** Marks ids as written during a rebuild; a new version each time, so a reconcile pass sees every later write. */
  async function markTouched(kind: Kind, ids: string[]): Promise<void> {
    const version = randomUUID()
    const marks = ids.map((id) => ({ key: `${kind}_${id}`, kind, id, version }))
    await succeeded(client.index(touchedUid).addDocuments(marks, { primaryKey: 'key' }), `mark ${marks.length} touched`)
  }

  /**
   * While a rebuild runs (its `_next` index exists) a write goes to both indexes, the new one first: tasks run in
   * order, so whichever index ends up live after the swap has the change. It is marked before (so the rebuild
   * reconciles the id) and after (so a reconcile pass that read the old state runs again).
   */
  async function write(kind: Kind, ids: string[], apply: (indexUid: string) => Promise<void>): Promise<void> {
    if (ids.length === 0) return
    await ensureIndex(kind)
    if (!(await indexExists(nextUid(kind)))) {
      await apply(uid(kind))
      return
    }
    await markTouched(kind, ids)
    await apply(nextUid(kind))
    await apply(uid(kind))
    await markTouched(kind, ids)
  }

  /** Copies the live state of every touched id into the new index (or removes it there) until no mark is new. */
  async function reconcileTouched(kind: Kind): Promise<void> {
    const done = new Map<string, string>()
    for (let pass = 0; pass < 10; pass++) {
      const fresh: { id: string; version: string }[] = []
      for (let offset = 0; ; offset += 1000) {
        const page = await client
          .index<{ key: string; kind: Kind; id: string; version: string }>(touchedUid)
          .getDocuments({ limit: 1000, offset })
        for (const mark of page.results) if (mark.kind === kind && done.get(mark.id) !== mark.version) fresh.push(mark)
        if (page.results.length < 1000) break
      }
      if (fresh.length === 0) return
      for (let start = 0; start < fresh.length; start += WRITE_CHUNK) {
        const ids = fresh.slice(start, start + WRITE_CHUNK).map((mark) => mark.id)
        const live = await client.index<CandidateDoc | OpeningDoc>(uid(kind)).getDocuments({ ids, limit: ids.length })
        const present = new Set(live.results.map((doc) => doc.id))
        if (live.results.length > 0) await addDocuments(nextUid(kind), live.results)
        const gone = ids.filter((id) => !present.has(id))
        if (gone.length > 0) await deleteDocuments(nextUid(kind), gone)
      }
      for (const mark of fresh) done.set(mark.id, mark.version)
    }
    throw new Error(`Writes to ${uid(kind)} kept coming during the rebuild; try again when the index is quieter`)
  }

  async function search<D extends CandidateDoc | OpeningDoc>(
    kind: Kind,
    text: string,
    filter: string[],
    limit: number,
  ): Promise<{ doc: D; textRelevance: number }[]> {
    await ensureIndex(kind)
    const index: Index<D> = client.index<D>(uid(kind))
    const words = meilisearchQuery(text)
    // A candidate's document is fetched for the page shown only (candidateDocuments); scoring needs the rest.
    const retrieve = kind === 'candidates' ? ['id', 'matching', 'officeId'] : ['id', 'document', 'matching']
    // Text only orders the pool, it never narrows it: hits matching the words come first (by ranking score), then the
    // rest of the filtered pool fills up to the limit, as in PostgreSQL (ordered by relevance, then id).
    const [textual, fill] = await Promise.all([
      words ? index.search(words, { filter, limit, showRankingScore: true, attributesToRetrieve: retrieve }) : undefined,
      index.search('', { filter, limit, sort: ['id:asc'], attributesToRetrieve: retrieve }),
    ])
    const scored = textual?.hits ?? []
    const best = Math.max(0, ...scored.map((hit) => hit._rankingScore ?? 0))
    const results: { doc: D; textRelevance: number }[] = []
    const seen = new Set<string>()
    for (const hit of scored) {
      seen.add(hit.id)
      results.push({ doc: hit, textRelevance: best > 0 ? Math.min(1, (hit._rankingScore ?? 0) / best) : 0 })
    }
    for (const hit of fill.hits) {
      if (results.length >= limit) break
      if (!seen.has(hit.id)) results.push({ doc: hit, textRelevance: 0 })
    }
    return results.slice(0, limit)
  }

  return {
    name: 'meilisearch',

    async upsertCandidates(items) {
      const docs = lastPerId(items.map(candidateDoc))
      await write('candidates', docs.map((doc) => doc.id), (indexUid) => addDocuments(indexUid, docs))
    },
    async deleteCandidates(ids) {
      const unique = [...new Set(ids)]
      await write('candidates', unique, (indexUid) => deleteDocuments(indexUid, unique))
    },
    async upsertOpenings(items) {
      const docs = lastPerId(items.map(openingDoc))
      await write('openings', docs.map((doc) => doc.id), (indexUid) => addDocuments(indexUid, docs))
    },
    async deleteOpenings(ids) {
      const unique = [...new Set(ids)]
      await write('openings', unique, (indexUid) => deleteDocuments(indexUid, unique))
    },

    async searchCandidates(query: CandidateSearch): Promise<CandidateHit[]> {
      const limit = checkedLimit(query.limit)
      const hits = await search<CandidateDoc>('candidates', query.text, candidateFilter(query), limit)
      return hits.map(({ doc, textRelevance }) => ({ candidate: { matching: doc.matching, officeId: doc.officeId }, textRelevance }))
    },

    async candidateDocuments(ids) {
      const unique = [...new Set(ids)]
      if (unique.length === 0) return new Map()
      await ensureIndex('candidates')
      const found = await client.index<CandidateDoc>(uid('candidates')).getDocuments({ ids: unique, fields: ['id', 'document'], limit: unique.length })
      return new Map(found.results.map((doc) => [doc.id, doc.document]))
    },

    async searchOpenings(query: OpeningSearch): Promise<OpeningHit[]> {
      const limit = checkedLimit(query.limit)
      const filter = openingFilter(query)
      if (!filter) return []
      const hits = await search<OpeningDoc>('openings', query.text, filter, limit)
      return hits.map(({ doc, textRelevance }) => ({ opening: { document: doc.document, matching: doc.matching }, textRelevance }))
    },

    async replaceAll(candidates, openings, onProgress, expected?: ReindexExpected) {
      const kinds: Kind[] = ['candidates', 'openings']
      // Leftovers of a crashed rebuild go first; then the touched list, then the new indexes (writers look for those).
      for (const kind of kinds) await deleteIndex(nextUid(kind))
      await deleteIndex(touchedUid)
      await succeeded(client.createIndex(touchedUid, { primaryKey: 'key' }), `create index ${touchedUid}`)
      try {
        for (const kind of kinds) {
          await ensureIndex(kind)
          await createWithSettings(nextUid(kind), kind)
        }
        await fillIndex(nextUid('candidates'), 'candidates', candidates, candidateDoc, onProgress, expected?.candidates)
        await fillIndex(nextUid('openings'), 'openings', openings, openingDoc, onProgress, expected?.openings)
        for (const kind of kinds) await reconcileTouched(kind)
        // Atomic for both pairs: afterwards `<index>` holds the new documents and `<index>_next` the old ones.
        await succeeded(
          client.swapIndexes(kinds.map((kind) => ({ indexes: [uid(kind), nextUid(kind)] as [string, string], rename: false }))),
          'swap indexes',
        )
      } finally {
        // After the swap these are the old indexes; before it, a half-built new one. Either way they go.
        for (const kind of kinds) await deleteIndex(nextUid(kind)).catch(() => {})
        await deleteIndex(touchedUid).catch(() => {})
      }
    },

    async count() {
      const [candidates, openings] = await Promise.all(
        (['candidates', 'openings'] as const).map(async (kind) => {
          try {
            return (await client.index(uid(kind)).getStats()).numberOfDocuments
          } catch (error) {
            if (apiErrorCode(error) === 'index_not_found') return 0
            throw error
          }
        }),
      )
      return { candidates: candidates ?? 0, openings: openings ?? 0 }
    },

    async health() {
      try {
        await client.health()
        const counts = await this.count()
        return { ok: true, detail: `Meilisearch at ${options.host}: ${counts.candidates} candidates, ${counts.openings} openings indexed` }
      } catch (error) {
        return { ok: false, detail: `Meilisearch at ${options.host} unavailable: ${error instanceof Error ? error.message : String(error)}` }
      }
    },
  }

  async function fillIndex<T>(
    indexUid: string,
    kind: ReindexProgress['kind'],
    batches: AsyncIterable<T[]>,
    asDocument: (item: T) => CandidateDoc | OpeningDoc,
    onProgress: ((progress: ReindexProgress) => void) | undefined,
    expectedTotal: number | undefined,
  ): Promise<void> {
    let done = 0
    onProgress?.({ kind, done, total: expectedTotal ?? 0 })
    for await (const batch of batches) {
      await addDocuments(indexUid, lastPerId(batch.map(asDocument)))
      done += batch.length
      onProgress?.({ kind, done, total: Math.max(expectedTotal ?? 0, done) })
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Documents and filters

function candidateDoc(item: IndexedCandidate): CandidateDoc {
  const { document, matching } = storable(item)
  if (document.id !== matching.id) throw new Error(`Candidate document ${document.id} and matching ${matching.id} differ`)
  return {
    id: matching.id,
    officeId: item.officeId,
    workMunicipalities: matching.area.municipalities,
    workCounties: matching.area.counties,
    consentAll: matching.consent.scope === 'all',
    consentCounties: matching.consent.scope === 'all' ? [] : matching.consent.counties,
    certificates: matching.certificates,
    canObtainPoliceCertificate: matching.canObtainPoliceCertificate === true,
    hoursMin: matching.hoursMin,
    hoursMax: matching.hoursMax,
    earliestStartDay: epochDay(matching.earliestStart),
    searchText: candidateSearchText(document),
    document,
    matching,
  }
}

function openingDoc(item: IndexedOpening): OpeningDoc {
  const { document, matching } = storable(item)
  if (document.id !== matching.id) throw new Error(`Opening document ${document.id} and matching ${matching.id} differ`)
  return {
    id: matching.id,
    municipalityNumber: matching.municipalityNumber,
    countyNumber: matching.countyNumber,
    requirements: matching.requirements,
    unlistedRequirements: matching.requirements.filter((code) => !requirementCodes.includes(code)),
    hoursMin: matching.hoursMin,
    hoursMax: matching.hoursMax,
    startDay: epochDay(matching.startDate),
    searchText: openingSearchText(document),
    document,
    matching,
  }
}

/** The same hard filters as the PostgreSQL backend's WHERE clause; each array element is ANDed. */
export function candidateFilter(query: CandidateSearch): string[] {
  const { opening } = query
  const filter = [
    `(workMunicipalities = ${quoted(opening.municipalityNumber)} OR workCounties = ${quoted(opening.countyNumber)})`,
    `(consentAll = true OR consentCounties = ${quoted(opening.countyNumber)})`,
    ...opening.requirements.filter((code) => code !== POLICE_CERTIFICATE).map((code) => `certificates = ${quoted(code)}`),
    `hoursMin <= ${number(opening.hoursMax)}`,
    `hoursMax >= ${number(opening.hoursMin)}`,
    `earliestStartDay <= ${epochDay(opening.startDate) + START_WINDOW_DAYS}`,
  ]
  if (opening.requirements.includes(POLICE_CERTIFICATE)) filter.push('canObtainPoliceCertificate = true')
  if (query.officeId !== undefined) filter.push(`officeId = ${quoted(query.officeId)}`)
  return filter
}

/** undefined when no opening can pass (an empty region, consent or county list), as `= any('{}')` in SQL. */
export function openingFilter(query: OpeningSearch): string[] | undefined {
  const { candidate } = query
  const { municipalities, counties } = candidate.area
  if (municipalities.length === 0 && counties.length === 0) return undefined
  if (candidate.consent.scope === 'counties' && candidate.consent.counties.length === 0) return undefined
  if (query.countyNumbers !== undefined && query.countyNumbers.length === 0) return undefined
  const region = [
    ...(municipalities.length > 0 ? [`municipalityNumber IN ${list(municipalities)}`] : []),
    ...(counties.length > 0 ? [`countyNumber IN ${list(counties)}`] : []),
  ]
  const held = new Set(candidate.canObtainPoliceCertificate === true ? [...candidate.certificates, POLICE_CERTIFICATE] : candidate.certificates)
  // "Every requirement is held" as "no requirement is one the candidate lacks": the vocabulary is the universe.
  const lacking = requirementCodes.filter((code) => !held.has(code))
  const unlistedHeld = [...held].filter((code) => !requirementCodes.includes(code))
  const filter = [
    `(${region.join(' OR ')})`,
    `hoursMin <= ${number(candidate.hoursMax)}`,
    `hoursMax >= ${number(candidate.hoursMin)}`,
    `startDay >= ${epochDay(candidate.earliestStart) - START_WINDOW_DAYS}`,
    unlistedHeld.length > 0
      ? `(unlistedRequirements IS EMPTY OR unlistedRequirements IN ${list(unlistedHeld)})`
      : 'unlistedRequirements IS EMPTY',
  ]
  if (lacking.length > 0) filter.push(`requirements NOT IN ${list(lacking)}`)
  if (candidate.consent.scope === 'counties') filter.push(`countyNumber IN ${list(candidate.consent.counties)}`)
  if (query.countyNumbers !== undefined) filter.push(`countyNumber IN ${list(query.countyNumbers)}`)
  return filter
}

/** A string value in a filter expression: double-quoted, with backslashes and quotes escaped. */
function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

function list(values: readonly string[]): string {
  return `[${values.map(quoted).join(', ')}]`
}

function number(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`)
  return String(value)
}

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD). */
export function epochDay(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) throw new RangeError(`Not an ISO date: ${isoDate}`)
  return Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000)
}

/**
 * Letters and digits only, so quotes (phrase search) and a leading minus (negation) cannot act as operators; the
 * first distinct words, as Meilisearch reads only ten.
 */
export function meilisearchQuery(text: string): string {
  const tokens = text.normalize('NFC').toLocaleLowerCase('nb').match(/[\p{L}\p{N}]+/gu) ?? []
  const words = new Set(tokens.filter((token) => token.length >= 2 && !stopWords.has(token)).map((token) => token.slice(0, 60)))
  return [...words].slice(0, MAX_QUERY_WORDS).join(' ')
}
const stopWords = new Set(norwegianStopWords)

function checkedLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}, got ${limit}`)
  }
  return limit
}

function lastPerId<T extends { id: string }>(docs: readonly T[]): T[] {
  return [...new Map(docs.map((doc) => [doc.id, doc])).values()]
}

function apiErrorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause
  return typeof cause?.code === 'string' ? cause.code : undefined
}
