/**
 * The default search backend: a projection in PostgreSQL (migration 0004_search_index.sql), the same SQL on a
 * PostgreSQL server and on embedded PGlite. Hard filters are plain SQL on typed columns; text relevance is Norwegian
 * full-text search (ts_rank over a stored tsvector), normalised to 0..1 within the result. Text never narrows the
 * pool, it only orders it. Decision: docs/decisions/008-search-backends.md.
 */
import { z } from 'zod'
import type { Queryable, Sql } from '../prisma-free-sql/db'
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
  type RetrievedCandidate,
  type SearchBackend,
  storable,
} from './backend'
import { candidateSearchText, type AnonymisedCandidate } from './candidate-document'
import { openingSearchText } from './opening-document'

/** Rows per INSERT statement; the whole chunk travels as one jsonb parameter. */
const WRITE_CHUNK = 500
/** Distinct words of the search text that reach the tsquery; the first ones (title, task names) matter most. */
const MAX_QUERY_WORDS = 100
/** A rebuild whose heartbeat is older than this is taken to have crashed; a new one may take over. */
const REBUILD_STALE_AFTER = '10 minutes'

type Entity = 'candidate' | 'opening'
const tables = {
  candidate: { live: 'search_candidates', next: 'search_candidates_next' },
  opening: { live: 'search_openings', next: 'search_openings_next' },
} as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function createPostgresBackend(sql: Sql): SearchBackend {
  return {
    name: 'postgres',

    upsertCandidates: (items) => upsert(sql, 'candidate', items.map(candidateRow)),
    deleteCandidates: (ids) => remove(sql, 'candidate', ids),
    upsertOpenings: (items) => upsert(sql, 'opening', items.map(openingRow)),
    deleteOpenings: (ids) => remove(sql, 'opening', ids),

    async searchCandidates(query: CandidateSearch): Promise<CandidateHit[]> {
      const limit = checkedLimit(query.limit)
      if (query.officeId !== undefined && !UUID.test(query.officeId)) throw new TypeError(`officeId is not a UUID: ${query.officeId}`)
      const { opening } = query
      const words = searchWords(query.text)
      const required = opening.requirements.filter((code) => code !== POLICE_CERTIFICATE)
      const needsPolice = opening.requirements.includes(POLICE_CERTIFICATE)
      // Ranked on the narrow columns first; scoring's data is read only for the rows that made the limit, and the
      // documents only for the page shown (candidateDocuments).
      const rows = await sql`
        -- Materialised, so the tsquery is parsed once and not per row (a generic plan would not fold it).
        with q as materialized (select websearch_to_tsquery('norwegian', ${words}) as query),
        top as (
          select c.id, ts_rank(c.search_vector, q.query) as relevance
          from search_candidates c, q
          where (c.work_municipalities @> array[${opening.municipalityNumber}::text] or c.work_counties @> array[${opening.countyNumber}::text])
            and (c.consent_counties is null or c.consent_counties @> array[${opening.countyNumber}::text])
            and c.certificates @> ${required}::text[]
            ${needsPolice ? sql`and c.can_obtain_police_certificate` : sql``}
            and c.hours_min <= ${opening.hoursMax}::numeric and c.hours_max >= ${opening.hoursMin}::numeric
            and c.earliest_start <= ${opening.startDate}::date + ${START_WINDOW_DAYS}::integer
            ${query.officeId !== undefined ? sql`and c.office_id = ${query.officeId}::uuid` : sql``}
          order by relevance desc, c.id
          limit ${limit}
        )
        select c.matching, c.office_id, top.relevance
        from top join search_candidates c using (id)
        order by top.relevance desc, top.id`
      const hits = candidateHitRow.array().parse(rows)
      const normalise = normaliser(hits.map((hit) => hit.relevance))
      return hits.map((hit) => ({
        candidate: { matching: hit.matching, officeId: hit.office_id } as RetrievedCandidate,
        textRelevance: normalise(hit.relevance),
      }))
    },

    async candidateDocuments(ids: readonly string[]): Promise<Map<string, AnonymisedCandidate>> {
      const valid = [...new Set(ids)].filter((id) => UUID.test(id))
      if (valid.length === 0) return new Map()
      const rows = candidateDocumentRow.array().parse(await sql`select id, document from search_candidates where id = any(${valid}::uuid[])`)
      return new Map(rows.map((row) => [row.id, row.document as AnonymisedCandidate]))
    },

    async searchOpenings(query: OpeningSearch): Promise<OpeningHit[]> {
      const limit = checkedLimit(query.limit)
      const { candidate } = query
      const words = searchWords(query.text)
      // The police certificate is met by being able to obtain one; every other requirement by holding it.
      const held = candidate.canObtainPoliceCertificate === true ? [...candidate.certificates, POLICE_CERTIFICATE] : candidate.certificates
      const rows = await sql`
        -- Materialised, so the tsquery is parsed once and not per row (a generic plan would not fold it).
        with q as materialized (select websearch_to_tsquery('norwegian', ${words}) as query),
        top as (
          select o.id, ts_rank(o.search_vector, q.query) as relevance
          from search_openings o, q
          where (o.municipality_number = any(${candidate.area.municipalities}::text[]) or o.county_number = any(${candidate.area.counties}::text[]))
            ${candidate.consent.scope === 'counties' ? sql`and o.county_number = any(${candidate.consent.counties}::text[])` : sql``}
            and o.requirements <@ ${held}::text[]
            and o.hours_min <= ${candidate.hoursMax}::numeric and o.hours_max >= ${candidate.hoursMin}::numeric
            and o.start_date >= ${candidate.earliestStart}::date - ${START_WINDOW_DAYS}::integer
            ${query.countyNumbers !== undefined ? sql`and o.county_number = any(${query.countyNumbers}::text[])` : sql``}
          order by relevance desc, o.id
          limit ${limit}
        )
        select o.document, o.matching, top.relevance
        from top join search_openings o using (id)
        order by top.relevance desc, top.id`
      const hits = openingHitRow.array().parse(rows)
      const normalise = normaliser(hits.map((hit) => hit.relevance))
      return hits.map((hit) => ({
        opening: { document: hit.document, matching: hit.matching } as IndexedOpening,
        textRelevance: normalise(hit.relevance),
      }))
    },

    async replaceAll(candidates, openings, onProgress, expected?: ReindexExpected) {
      await rebuild(sql, candidates, openings, onProgress, expected)
    },

    async count() {
      const [row] = await sql`
        select (select count(*) from search_candidates)::integer as candidates,
               (select count(*) from search_openings)::integer as openings`
      return countRow.parse(row)
    },

    async health() {
      try {
        const counts = await this.count()
        const detail = `PostgreSQL: ${counts.candidates} candidates, ${counts.openings} openings indexed`
        const [rebuild] = await sql`
          select min(started_at) as started_at, bool_or(heartbeat_at < now() - ${REBUILD_STALE_AFTER}::interval) as stale
          from search_rebuilds`
        if (!rebuild?.started_at) return { ok: true, detail }
        // Searches still work; a stale rebuild only means writes go to a table nobody will swap in until the next one.
        const since = new Date(rebuild.started_at as string | Date).toISOString()
        return { ok: true, detail: `${detail}; ${rebuild.stale ? 'a rebuild stopped without finishing' : 'a rebuild is running'} (since ${since})` }
      } catch (error) {
        return { ok: false, detail: `PostgreSQL search index unavailable: ${error instanceof Error ? error.message : String(error)}` }
      }
    },
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rows

type CandidateRow = {
  id: string
  office_id: string
  document: unknown
  matching: unknown
  work_municipalities: string[]
  work_counties: string[]
  consent_counties: string[] | null
  certificates: string[]
  can_obtain_police_certificate: boolean
  hours_min: number
  hours_max: number
  earliest_start: string
  search_text: string
}

type OpeningRow = {
  id: string
  document: unknown
  matching: unknown
  municipality_number: string
  county_number: string
  requirements: string[]
  hours_min: number
  hours_max: number
  start_date: string
  search_text: string
}

type Row = CandidateRow | OpeningRow

function candidateRow(item: IndexedCandidate): CandidateRow {
  const { document, matching } = item
  if (document.id !== matching.id) throw new Error(`Candidate document ${document.id} and matching ${matching.id} differ`)
  return {
    id: matching.id,
    office_id: item.officeId,
    document: storable(document),
    matching: storable(matching),
    work_municipalities: matching.area.municipalities,
    work_counties: matching.area.counties,
    consent_counties: matching.consent.scope === 'all' ? null : matching.consent.counties,
    certificates: matching.certificates,
    can_obtain_police_certificate: matching.canObtainPoliceCertificate === true,
    hours_min: matching.hoursMin,
    hours_max: matching.hoursMax,
    earliest_start: matching.earliestStart,
    search_text: storable(candidateSearchText(document)),
  }
}

function openingRow(item: IndexedOpening): OpeningRow {
  const { document, matching } = item
  if (document.id !== matching.id) throw new Error(`Opening document ${document.id} and matching ${matching.id} differ`)
  return {
    id: matching.id,
    document: storable(document),
    matching: storable(matching),
    municipality_number: matching.municipalityNumber,
    county_number: matching.countyNumber,
    requirements: matching.requirements,
    hours_min: matching.hoursMin,
    hours_max: matching.hoursMax,
    start_date: matching.startDate,
    search_text: storable(openingSearchText(document)),
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writes

function chunks<T>(items: readonly T[], size = WRITE_CHUNK): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size))
  return result
}

/** The last row per id wins, as if the items had been upserted one after another. */
function lastPerId<T extends { id: string }>(rows: readonly T[]): T[] {
  return [...new Map(rows.map((row) => [row.id, row])).values()]
}

function insertRows(tx: Queryable, entity: Entity, table: string, rows: Row[], onConflict: 'update' | 'ignore') {
  const payload = tx.json(rows as unknown as Parameters<Sql['json']>[0])
  if (entity === 'candidate') {
    return tx`
      insert into ${tx(table)} (id, office_id, document, matching, work_municipalities, work_counties, consent_counties,
        certificates, can_obtain_police_certificate, hours_min, hours_max, earliest_start, search_vector)
      select id, office_id, document, matching, work_municipalities, work_counties, consent_counties,
        certificates, can_obtain_police_certificate, hours_min, hours_max, earliest_start, to_tsvector('norwegian', search_text)
      from jsonb_to_recordset(${payload}::jsonb) as r(id uuid, office_id uuid, document jsonb, matching jsonb,
        work_municipalities text[], work_counties text[], consent_counties text[], certificates text[],
        can_obtain_police_certificate boolean, hours_min numeric, hours_max numeric, earliest_start date,
        search_text text)
      ${
        onConflict === 'ignore'
          ? tx`on conflict (id) do nothing`
          : tx`on conflict (id) do update set office_id = excluded.office_id, document = excluded.document,
              matching = excluded.matching, work_municipalities = excluded.work_municipalities,
              work_counties = excluded.work_counties, consent_counties = excluded.consent_counties,
              certificates = excluded.certificates, can_obtain_police_certificate = excluded.can_obtain_police_certificate,
              hours_min = excluded.hours_min, hours_max = excluded.hours_max, earliest_start = excluded.earliest_start,
              search_vector = excluded.search_vector, indexed_at = now()`
      }`
  }
  return tx`
    insert into ${tx(table)} (id, document, matching, municipality_number, county_number, requirements,
      hours_min, hours_max, start_date, search_vector)
    select id, document, matching, municipality_number, county_number, requirements,
      hours_min, hours_max, start_date, to_tsvector('norwegian', search_text)
    from jsonb_to_recordset(${payload}::jsonb) as r(id uuid, document jsonb, matching jsonb, municipality_number text,
      county_number text, requirements text[], hours_min numeric, hours_max numeric, start_date date,
      search_text text)
    ${
      onConflict === 'ignore'
        ? tx`on conflict (id) do nothing`
        : tx`on conflict (id) do update set document = excluded.document, matching = excluded.matching,
            municipality_number = excluded.municipality_number, county_number = excluded.county_number,
            requirements = excluded.requirements, hours_min = excluded.hours_min, hours_max = excluded.hours_max,
            start_date = excluded.start_date, search_vector = excluded.search_vector, indexed_at = now()`
    }`
}

async function rebuildRunning(tx: Queryable, entity: Entity): Promise<boolean> {
  const [row] = await tx`select to_regclass(${tables[entity].next}) is not null as running`
  return Boolean(row?.running)
}

const UNDEFINED_TABLE = '42P01'

/**
 * Writes go to the live table and, while a rebuild runs, to the table being built too, so the rebuild cannot swap in
 * data older than a change made meanwhile. If the rebuild swaps between the check and the write, the write is retried.
 */
async function whileRebuildMayRun(sql: Sql, write: (tx: Queryable) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql.begin(async (tx) => write(tx))
      return
    } catch (error) {
      if (attempt >= 3 || (error as { code?: string }).code !== UNDEFINED_TABLE) throw error
    }
  }
}

async function upsert(sql: Sql, entity: Entity, rows: Row[]): Promise<void> {
  if (rows.length === 0) return
  await whileRebuildMayRun(sql, async (tx) => {
    const rebuilding = await rebuildRunning(tx, entity)
    for (const chunk of chunks(rows)) {
      const unique = lastPerId(chunk)
      // The live table first, then the next one: the same lock order as the swap, so the two never deadlock.
      await insertRows(tx, entity, tables[entity].live, unique, 'update')
      if (rebuilding) {
        await insertRows(tx, entity, tables[entity].next, unique, 'update')
        await tx`delete from search_rebuild_tombstones where entity = ${entity} and entity_id = any(${unique.map((row) => row.id)}::uuid[])`
      }
    }
  })
}

async function remove(sql: Sql, entity: Entity, ids: string[]): Promise<void> {
  const valid = [...new Set(ids)].filter((id) => UUID.test(id))
  if (valid.length === 0) return
  await whileRebuildMayRun(sql, async (tx) => {
    const rebuilding = await rebuildRunning(tx, entity)
    for (const chunk of chunks(valid)) {
      await tx`delete from ${tx(tables[entity].live)} where id = any(${chunk}::uuid[])`
      if (rebuilding) {
        await tx`delete from ${tx(tables[entity].next)} where id = any(${chunk}::uuid[])`
        await tx`
          insert into search_rebuild_tombstones (entity, entity_id)
          select ${entity}, id from unnest(${chunk}::uuid[]) as id
          on conflict do nothing`
      }
    }
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Rebuild and swap

async function rebuild(
  sql: Sql,
  candidates: AsyncIterable<IndexedCandidate[]>,
  openings: AsyncIterable<IndexedOpening[]>,
  onProgress: ((progress: ReindexProgress) => void) | undefined,
  expected: ReindexExpected | undefined,
): Promise<void> {
  const entities: Entity[] = ['candidate', 'opening']
  const claimed = await sql`
    insert into search_rebuilds (entity) select unnest(${entities}::text[])
    on conflict (entity) do update set started_at = now(), heartbeat_at = now()
      where search_rebuilds.heartbeat_at < now() - ${REBUILD_STALE_AFTER}::interval
    returning entity`
  if (claimed.length !== entities.length) {
    // Release only what this call claimed; the other rebuild keeps its rows.
    await sql`delete from search_rebuilds where entity = any(${claimed.map((row) => String(row.entity))}::text[])`
    throw new Error('Another search index rebuild is running; try again when it has finished')
  }
  let swapped = false
  try {
    await sql.begin(async (tx) => {
      for (const entity of entities) {
        const { live, next } = tables[entity]
        // A crashed rebuild may have left its table behind.
        await tx`drop table if exists ${tx(next)}`
        // LIKE copies the columns' storage but not the table's storage parameter: documents out of line in rows above
        // 1 kB, so searches scan narrow rows (migration 0006).
        await tx`create table ${tx(next)} (like ${tx(live)} including all) with (toast_tuple_target = 1024)`
        await tx`delete from search_rebuild_tombstones where entity = ${entity}`
      }
    })
    await fill(sql, 'candidate', candidates, candidateRow, 'candidates', onProgress, expected?.candidates)
    await fill(sql, 'opening', openings, openingRow, 'openings', onProgress, expected?.openings)
    // A new table has no statistics yet; without them the first searches after the swap would be planned blind. VACUUM
    // marks its pages all-visible, so a search's scan skips checking each row's visibility: PGlite has no autovacuum,
    // and without this a match search at 100,000 candidates took about 40 % longer (docs/benchmarks.md).
    for (const entity of entities) await sql`vacuum (analyze) ${sql(tables[entity].next)}`
    await sql.begin(async (tx) => {
      // Live before next, as the writers lock them; searches wait only for this short transaction.
      await tx`lock table search_candidates, search_candidates_next, search_openings, search_openings_next in access exclusive mode`
      for (const entity of entities) {
        const { live, next } = tables[entity]
        await tx`delete from ${tx(next)} where id in (select entity_id from search_rebuild_tombstones where entity = ${entity})`
        await tx`drop table ${tx(live)}`
        await tx`alter table ${tx(next)} rename to ${tx(live)}`
        // The copy's indexes were named after the copy; give them the names the migrations use.
        const indexes = await tx`
          select indexname from pg_indexes
          where schemaname = current_schema() and tablename = ${live} and indexname like ${`${next}\\_%`}`
        for (const { indexname } of indexes) {
          const name = String(indexname)
          await tx`alter index ${tx(name)} rename to ${tx(live + name.slice(next.length))}`
        }
        await tx`delete from search_rebuild_tombstones where entity = ${entity}`
      }
      await tx`delete from search_rebuilds where entity = any(${entities}::text[])`
    })
    swapped = true
  } finally {
    if (!swapped) {
      await sql
        .begin(async (tx) => {
          for (const entity of entities) {
            await tx`drop table if exists ${tx(tables[entity].next)}`
            await tx`delete from search_rebuild_tombstones where entity = ${entity}`
          }
          await tx`delete from search_rebuilds where entity = any(${entities}::text[])`
        })
        .catch(() => {
          // The original error matters more; a stale rebuild row expires by its heartbeat.
        })
    }
  }
}

async function fill<T>(
  sql: Sql,
  entity: Entity,
  batches: AsyncIterable<T[]>,
  toRow: (item: T) => Row,
  kind: ReindexProgress['kind'],
  onProgress: ((progress: ReindexProgress) => void) | undefined,
  expectedTotal: number | undefined,
): Promise<void> {
  let done = 0
  onProgress?.({ kind, done, total: expectedTotal ?? 0 })
  for await (const batch of batches) {
    const rows = batch.map(toRow)
    for (const chunk of chunks(rows)) {
      // Changes written by the sync worker during the rebuild are newer than the batch: keep theirs.
      await insertRows(sql, entity, tables[entity].next, lastPerId(chunk), 'ignore')
    }
    await sql`update search_rebuilds set heartbeat_at = now() where entity = ${entity}`
    done += batch.length
    onProgress?.({ kind, done, total: Math.max(expectedTotal ?? 0, done) })
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Search helpers

function checkedLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}, got ${limit}`)
  }
  return limit
}

/**
 * Any text, however hostile, becomes a list of words joined by `or` for websearch_to_tsquery (which never raises a
 * syntax error): only letters and digits survive, so quotes, minus signs and backslashes cannot act as operators.
 * The words are bound as a parameter, never spliced into SQL.
 */
export function searchWords(text: string): string {
  const tokens = text.normalize('NFC').toLocaleLowerCase('nb').match(/[\p{L}\p{N}]+/gu) ?? []
  const words = new Set(tokens.filter((token) => token.length >= 2 && token !== 'or').map((token) => token.slice(0, 60)))
  return [...words].slice(0, MAX_QUERY_WORDS).join(' or ')
}

/** Divides by the best score in the result, so the top hit with any text match has 1 and no match has 0. */
function normaliser(scores: number[]): (score: number) => number {
  const best = Math.max(0, ...scores)
  return (score) => (best > 0 ? Math.min(1, Math.max(0, score / best)) : 0)
}

const jsonObject = z.record(z.unknown())
const candidateHitRow = z.object({ matching: jsonObject, office_id: z.string(), relevance: z.coerce.number() })
const candidateDocumentRow = z.object({ id: z.string(), document: jsonObject })
const openingHitRow = z.object({ document: jsonObject, matching: jsonObject, relevance: z.coerce.number() })
const countRow = z.object({ candidates: z.number().int(), openings: z.number().int() })
