/**
 * From the database to index items: the one place that decides what is indexed. A candidate is
 * indexed only when matching/visibility.ts says the profile is visible to employers, and only as the
 * anonymised document (search-index/candidate-document.ts) plus what matching needs; an opening only
 * while it is published. Everything else requested is to be removed from the index.
 *
 * No identity table is ever read here (tests/integration/search-sync.test.ts checks every statement
 * this module sends), so no name, national ID number, phone or e-mail can reach a document.
 */
import type { PendingQuery, Row } from 'postgres'
import { z } from 'zod'
import { MIN_CANDIDATES_SHARING_MUNICIPALITY, visibilityOfRow, type Visibility } from '../matching/visibility'
import type { Queryable, Sql } from '../prisma-free-sql/db'
import { selectVisibilityRows, type CandidateVisibilityRow } from '../prisma-free-sql/queries/candidates'
import { parseRows } from '../prisma-free-sql/rows'
import type { IndexedCandidate, IndexedOpening } from './backend'
import { buildCandidateDocument, candidateForMatching, type CandidateProfile, type Geography } from './candidate-document'
import { buildOpeningDocument, type OpeningSource } from './opening-document'

// Swedish writes dates as ISO does (YYYY-MM-DD); made once, as building a formatter costs more than using it.
const isoDateInOslo = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' })

/** Today's calendar date in Norway; consent starts and ends on Norwegian dates. */
export function todayInOslo(now = new Date()): string {
  return isoDateInOslo.format(now)
}

// ---------------------------------------------------------------------------------------------
// Geography (reference data, the same in every database): loaded once per process.

let geographyCache: Promise<Geography> | undefined

function loadGeography(sql: Queryable): Promise<Geography> {
  geographyCache ??= (async () => {
    const rows = parseRows(
      z.object({ number: z.string(), name: z.string(), countyNumber: z.string(), countyName: z.string() }),
      await sql`
        select m.number, m.name, m.county_number as "countyNumber", c.name as "countyName"
        from municipalities m join counties c on c.number = m.county_number`,
    )
    if (rows.length === 0) throw new Error('The municipalities are not loaded yet')
    return {
      municipalities: new Map(rows.map((row) => [row.number, { name: row.name, countyNumber: row.countyNumber }])),
      counties: new Map(rows.map((row) => [row.countyNumber, row.countyName])),
    }
  })()
  // A failed load (say, the database was briefly away) is tried again next time.
  geographyCache.catch(() => {
    geographyCache = undefined
  })
  return geographyCache
}

// ---------------------------------------------------------------------------------------------
// Candidates

const numeric = z.union([z.string(), z.number()]).transform(Number)

type CandidateRow = CandidateVisibilityRow

function profileOf(row: CandidateRow): CandidateProfile {
  return {
    homeMunicipalityNumber: row.homeMunicipalityNumber,
    pitch: row.pitch,
    wantedTasks: row.wantedTasks,
    possibleTasks: row.possibleTasks,
    occupations: row.occupations,
    workExperience: row.workExperience,
    informalCompetence: row.informalCompetence,
    educationLevel: row.educationLevel,
    certificates: row.certificates,
    canObtainPoliceCertificate: row.canObtainPoliceCertificate,
    hoursMin: row.hoursMin,
    hoursMax: row.hoursMax,
    gradualIncrease: row.gradualIncrease,
    timesOfDay: row.timesOfDay,
    days: row.days,
    workMunicipalities: row.workMunicipalities,
    workCounties: row.workCounties,
    earliestStart: row.earliestStart,
    demandTolerances: row.demandTolerances,
    accommodationNeeds: row.accommodationNeeds,
    oralNorwegian: row.oralNorwegian,
    writtenNorwegian: row.writtenNorwegian,
    measures: row.measures,
  }
}

/** The index item of a visible candidate; undefined when hidden or when the profile lacks what a document needs. */
function indexedCandidateOf(row: CandidateRow, visibility: Visibility, visibleSharingHome: number, geography: Geography): IndexedCandidate | undefined {
  if (!visibility.visible) return undefined
  const consentScope = { scope: visibility.consent.scope, counties: [...visibility.consent.scopeCounties] }
  const profile = profileOf(row)
  const document = buildCandidateDocument({ id: row.id, profile, consentScope, visibleCandidatesSharingHome: visibleSharingHome }, geography)
  const matching = candidateForMatching(row.id, profile, consentScope)
  if (!document || !matching) return undefined
  return { document, matching, officeId: row.officeId }
}

/**
 * Visible candidates per home municipality, counted once per municipality (and kept across the batches of a
 * rebuild). Rows are kept only where the count is at most what the caller asked to keep for that municipality: the
 * neighbours are needed only where few live (see locationNeighbours), so a rebuild or a large municipality holds
 * counts, not profiles.
 */
export type MunicipalityVisibleCounts = Map<string, { count: number; rows: CandidateRow[] }>

/** How many candidate rows are read at a time when counting (keyset pages by id); only the counts are kept. */
export const VISIBILITY_PAGE_SIZE = 2_000

/**
 * Calls `onVisible` for every candidate the rule (visibilityOfRow) shows among those living in `homes` ('all': any
 * known home), reading `pageSize` at a time so that no more than one page of full rows is held: a page of ids from
 * the profiles (keyset by id, on the home index or the primary key), then the full rows of those ids, narrowed by
 * `narrow`. Paging the ids rather than the narrowed rows keeps every page's plan a plain index scan.
 */
async function forEachVisibleCandidate(
  sql: Queryable,
  homes: readonly string[] | 'all',
  narrow: (() => PendingQuery<Row[]>) | undefined,
  today: string,
  pageSize: number,
  onVisible: (row: CandidateRow) => void,
  enough: () => boolean = () => false,
): Promise<void> {
  let after: string | undefined
  for (;;) {
    const page = parseRows(
      z.object({ id: z.string().uuid() }),
      await sql`
        select candidate_id as id from candidate_profiles
        where ${homes === 'all' ? sql`home_municipality_number is not null` : sql`home_municipality_number = any(${sql.array([...homes])})`}
          ${after ? sql`and candidate_id > ${after}::uuid` : sql``}
        order by candidate_id limit ${pageSize}`,
    )
    if (page.length === 0) return
    after = page[page.length - 1]!.id
    const rows = await selectVisibilityRows(
      sql,
      sql`c.id = any(${sql.array(page.map((row) => row.id))}::uuid[]) ${narrow ? sql`and ${narrow()}` : sql``}`,
    )
    for (const row of rows) if (visibilityOfRow(row, today).visible) onVisible(row)
    if (page.length < pageSize || enough()) return
  }
}

/**
 * The SQL only narrows what the rule (visibilityOfRow) then decides: status and consent it requires anyway. Should
 * the two ever disagree, fewer neighbours are counted, which shows the county: the safe side.
 */
function plausiblyVisible(sql: Queryable, today: string): PendingQuery<Row[]> {
  return sql`c.status = 'active' and k.withdrawn_at is null and k.superseded_at is null and k.expires_on > ${today}::date`
}

/**
 * Counts the visible candidates of `municipalities` ('all': every municipality of the geography, one pass for a
 * rebuild) missing from `cache`. Rows are kept only while a municipality's count is at most `keepRowsUpTo(number)`.
 * For named municipalities the count stops once it is past both that and MIN_CANDIDATES_SHARING_MUNICIPALITY, the
 * only thresholds anything decides by: a change in Oslo then reads one page of its 13,000 candidates, not all of
 * them (a consent withdrawal there took up to 1.8 s to leave the matches at 100,000 candidates). Such a count is a
 * lower bound, which is all the location rule asks.
 */
async function visibleByMunicipality(
  sql: Queryable,
  municipalities: Iterable<string> | 'all',
  today: string,
  cache: MunicipalityVisibleCounts,
  keepRowsUpTo: (municipality: string) => number,
  pageSize: number,
): Promise<MunicipalityVisibleCounts> {
  const all = municipalities === 'all'
  const wanted = all ? [...(await loadGeography(sql)).municipalities.keys()] : [...new Set(municipalities)]
  const missing = wanted.filter((number) => !cache.has(number))
  if (missing.length === 0) return cache
  const counting = new Map(missing.map((number) => [number, { count: 0, rows: [] as CandidateRow[], keep: keepRowsUpTo(number) }]))
  const narrow = () => plausiblyVisible(sql, today)
  const count = (row: CandidateRow) => {
    const entry = row.homeMunicipalityNumber ? counting.get(row.homeMunicipalityNumber) : undefined
    if (!entry) return
    entry.count += 1
    // Past the limit the rows will not be used: let them go now rather than hold them to the end of the stream.
    if (entry.count > entry.keep) entry.rows = []
    else entry.rows.push(row)
  }
  if (all) {
    await forEachVisibleCandidate(sql, 'all', narrow, today, pageSize, count)
  } else {
    // One municipality at a time, so a large one stops early without waiting for a small one in the same batch.
    for (const [number, entry] of counting) {
      const farEnough = () => entry.count > Math.max(entry.keep, MIN_CANDIDATES_SHARING_MUNICIPALITY)
      await forEachVisibleCandidate(sql, [number], narrow, today, pageSize, count, farEnough)
    }
  }
  for (const [number, { count, rows }] of counting) cache.set(number, { count, rows })
  return cache
}

export type CandidateLoadOptions = {
  /** The Norwegian date visibility is decided for; today by default. */
  today?: string
  /** Shared by the batches of a rebuild, so each municipality is counted once. */
  municipalityCache?: MunicipalityVisibleCounts
  /**
   * Also return the visible neighbours whose shown location may have changed: when the candidates loaded make the
   * number of visible candidates in a municipality cross MIN_CANDIDATES_SHARING_MUNICIPALITY, everyone there has to
   * be shown as the county (or, now, the municipality). Used by the sync worker.
   */
  locationNeighbours?: boolean
  /** Rows read at a time when counting a municipality's visible candidates (VISIBILITY_PAGE_SIZE by default). */
  pageSize?: number
}

export type CandidateLoad = {
  /** Index items for the ids that may be indexed (and, with locationNeighbours, neighbours to refresh). */
  items: Map<string, IndexedCandidate>
  /** Requested ids that must not be in the index (hidden, incomplete, or no longer in the database). */
  remove: string[]
  /** Where each requested candidate lives now (null: unknown or deleted). */
  homes: Map<string, string | null>
}

/** The full load decision; loadIndexedCandidates is the short form. */
export async function loadCandidateDecisions(sql: Queryable, ids: readonly string[], options: CandidateLoadOptions = {}): Promise<CandidateLoad> {
  const unique = [...new Set(ids)]
  const today = options.today ?? todayInOslo()
  const items = new Map<string, IndexedCandidate>()
  const homes = new Map<string, string | null>(unique.map((id) => [id, null]))
  if (unique.length === 0) return { items, remove: [], homes }
  const [geography, rows] = await Promise.all([loadGeography(sql), selectVisibilityRows(sql, sql`c.id = any(${sql.array(unique)}::uuid[])`)])
  for (const row of rows) homes.set(row.id, row.homeMunicipalityNumber)
  const visibilities = new Map(rows.map((row) => [row.id, visibilityOfRow(row, today)]))
  const counted = new Set<string>()
  for (const row of rows) {
    if (row.homeMunicipalityNumber && (visibilities.get(row.id)?.visible || options.locationNeighbours)) counted.add(row.homeMunicipalityNumber)
  }
  const changedHere = new Map<string, number>()
  for (const row of rows) if (row.homeMunicipalityNumber) changedHere.set(row.homeMunicipalityNumber, (changedHere.get(row.homeMunicipalityNumber) ?? 0) + 1)
  // Neighbours are refreshed only where count < MIN + changed (see below), so rows are kept only up to MIN + changed - 1.
  const keepRowsUpTo = (municipality: string) =>
    options.locationNeighbours ? MIN_CANDIDATES_SHARING_MUNICIPALITY + (changedHere.get(municipality) ?? 0) - 1 : 0
  const byMunicipality = await visibleByMunicipality(
    sql,
    counted,
    today,
    options.municipalityCache ?? new Map(),
    keepRowsUpTo,
    options.pageSize ?? VISIBILITY_PAGE_SIZE,
  )
  const visibleCount = (municipality: string | null) => (municipality ? byMunicipality.get(municipality)?.count ?? 0 : 0)
  for (const row of rows) {
    const item = indexedCandidateOf(row, visibilities.get(row.id)!, visibleCount(row.homeMunicipalityNumber), geography)
    if (item) items.set(row.id, item)
  }
  if (options.locationNeighbours) {
    for (const [municipality, changed] of changedHere) {
      // `changed` candidates here may each have moved the count by one; only near the threshold can that flip the level.
      const count = visibleCount(municipality)
      if (count - changed >= MIN_CANDIDATES_SHARING_MUNICIPALITY || count + changed < MIN_CANDIDATES_SHARING_MUNICIPALITY) continue
      for (const neighbour of byMunicipality.get(municipality)?.rows ?? []) {
        if (homes.has(neighbour.id)) continue
        const item = indexedCandidateOf(neighbour, visibilityOfRow(neighbour, today), count, geography)
        if (item) items.set(neighbour.id, item)
      }
    }
  }
  return { items, remove: unique.filter((id) => !items.has(id)), homes }
}

/**
 * For each id, the index item when the candidate may be indexed now. An id missing from the map is a "remove"
 * decision: the candidate is hidden (status, consent, incomplete profile) or gone.
 */
export async function loadIndexedCandidates(
  sql: Queryable,
  ids: readonly string[],
  options: Omit<CandidateLoadOptions, 'locationNeighbours'> = {},
): Promise<Map<string, IndexedCandidate>> {
  const { items } = await loadCandidateDecisions(sql, ids, options)
  return items
}

/** Every visible candidate, in batches (keyset pagination by id), for a rebuild. */
export async function* allIndexedCandidates(
  sql: Sql,
  batchSize: number,
  options: {
    today?: string
    onScanned?: (scanned: number) => void
    /** Rows read at a time when counting (VISIBILITY_PAGE_SIZE by default). */
    pageSize?: number
    /** Where the counts per municipality are kept (a new map by default; given by tests to look at it). */
    municipalityCache?: MunicipalityVisibleCounts
  } = {},
): AsyncGenerator<IndexedCandidate[]> {
  const today = options.today ?? todayInOslo()
  const pageSize = options.pageSize ?? VISIBILITY_PAGE_SIZE
  // Counted once for the whole rebuild, in one paged pass: every batch then only looks the counts up.
  const municipalityCache = await visibleByMunicipality(sql, 'all', today, options.municipalityCache ?? new Map(), () => 0, pageSize)
  let after: string | undefined
  for (;;) {
    const page = parseRows(
      z.object({ id: z.string().uuid() }),
      await sql`select id from candidates ${after ? sql`where id > ${after}::uuid` : sql``} order by id limit ${batchSize}`,
    )
    if (page.length === 0) return
    after = page[page.length - 1]!.id
    const items = await loadIndexedCandidates(sql, page.map((row) => row.id), { today, municipalityCache, pageSize })
    options.onScanned?.(page.length)
    if (items.size > 0) yield [...items.values()]
  }
}

/**
 * How many candidates may be indexed now (the admin page compares it with the index), up to `stopAt`. One pass
 * over the candidates; the shown location does not change whether a candidate is indexed, so it is not counted.
 */
export async function countIndexableCandidates(sql: Sql, options: { today?: string; stopAt?: number } = {}): Promise<number> {
  const today = options.today ?? todayInOslo()
  const geography = await loadGeography(sql)
  let count = 0
  let after: string | undefined
  for (;;) {
    const rows = await selectVisibilityRows(sql, sql`${after ? sql`c.id > ${after}::uuid` : sql`true`} order by c.id limit 2000`)
    if (rows.length === 0) return count
    after = rows[rows.length - 1]!.id
    for (const row of rows) {
      if (indexedCandidateOf(row, visibilityOfRow(row, today), 0, geography)) count++
      if (options.stopAt !== undefined && count >= options.stopAt) return count
    }
  }
}

/** Whether at least one candidate may be indexed; stops at the first. */
export async function anyIndexableCandidate(sql: Sql, today = todayInOslo()): Promise<boolean> {
  return (await countIndexableCandidates(sql, { today, stopAt: 1 })) > 0
}

/**
 * Visible candidates living in a municipality (their shown location depends on how many they are): all of them, or
 * reading stops once `atLeast` are found (a caller that only asks whether they are fewer than a threshold).
 */
export async function visibleCandidateIdsIn(
  sql: Queryable,
  municipalityNumber: string,
  options: { today?: string; atLeast?: number } = {},
): Promise<string[]> {
  const ids: string[] = []
  const atLeast = options.atLeast ?? Number.POSITIVE_INFINITY
  const today = options.today ?? todayInOslo()
  // Asked for a few, read a few pages of profiles rather than every candidate of a large municipality.
  const pageSize = Number.isFinite(atLeast) ? Math.min(VISIBILITY_PAGE_SIZE, Math.max(50, atLeast * 10)) : VISIBILITY_PAGE_SIZE
  const narrow = () => plausiblyVisible(sql, today)
  await forEachVisibleCandidate(sql, [municipalityNumber], narrow, today, pageSize, (row) => ids.push(row.id), () => ids.length >= atLeast)
  return ids
}


// ---------------------------------------------------------------------------------------------
// Openings

const level = z.coerce.number().int().min(0).max(2)

const openingRowSchema = z.object({
  id: z.string().uuid(),
  status: z.string(),
  title: z.string(),
  description: z.string(),
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  workplaceId: z.string().uuid(),
  workplaceName: z.string(),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  countyNumber: z.string(),
  countyName: z.string(),
  openingType: z.string(),
  hoursMin: z.coerce.number(),
  hoursMax: z.coerce.number(),
  timesOfDay: z.array(z.string()),
  days: z.array(z.string()),
  flexibility: z.string(),
  startDate: z.string(),
  durationWeeks: z.number().int().nullable(),
  places: z.number().int(),
  hireProspect: z.string(),
  accommodations: z.array(z.string()),
  mentorAvailable: z.boolean(),
  measures: z.array(z.string()),
  languages: z.array(z.string()),
  noise: level,
  tempo: level,
  teamwork: level,
})

const openingTaskRowSchema = z.object({
  openingId: z.string().uuid(),
  name: z.string(),
  catalogueCode: z.string().nullable(),
  styrk08: z.string().nullable(),
  hoursPerWeek: z.coerce.number(),
  demands: z.record(level),
  requirements: z.array(z.string()),
})

export const INDEXED_OPENING_STATUS = 'published'

/**
 * For each id, the index item while the opening is published. An id missing from the map is a "remove" decision
 * (draft, paused, filled, closed or gone). The workplace contact person is not read: it is not indexed.
 */
export async function loadIndexedOpenings(sql: Queryable, ids: readonly string[]): Promise<Map<string, IndexedOpening>> {
  const unique = [...new Set(ids)]
  const items = new Map<string, IndexedOpening>()
  if (unique.length === 0) return items
  const rows = parseRows(
    openingRowSchema,
    await sql`
      select op.id, op.status, op.title, op.description, w.organisation_id as "organisationId", o.name as "organisationName",
             op.workplace_id as "workplaceId", w.name as "workplaceName", w.municipality_number as "municipalityNumber",
             m.name as "municipalityName", m.county_number as "countyNumber", c.name as "countyName",
             op.opening_type as "openingType", op.hours_min as "hoursMin", op.hours_max as "hoursMax",
             op.times_of_day as "timesOfDay", op.days, op.flexibility, to_char(op.start_date, 'YYYY-MM-DD') as "startDate",
             op.duration_weeks as "durationWeeks", op.places, op.hire_prospect as "hireProspect", op.accommodations,
             op.mentor_available as "mentorAvailable", op.measures, w.languages,
             w.noise_level as noise, w.pace_level as tempo, w.social_contact_level as teamwork
      from openings op
      join workplaces w on w.id = op.workplace_id
      join organisations o on o.id = w.organisation_id
      join municipalities m on m.number = w.municipality_number
      join counties c on c.number = m.county_number
      where op.id = any(${sql.array(unique)}::uuid[]) and op.status = ${INDEXED_OPENING_STATUS}`,
  )
  if (rows.length === 0) return items
  const tasks = parseRows(
    openingTaskRowSchema,
    await sql`
      select op.id as "openingId", t.name, t.catalogue_code as "catalogueCode", t.styrk08,
             t.hours_per_week as "hoursPerWeek", t.demands, t.requirements
      from openings op
      join carved_job_tasks cjt on cjt.carved_job_id = op.carved_job_id
      join workplace_tasks t on t.id = cjt.task_id
      where op.id = any(${sql.array(rows.map((row) => row.id))}::uuid[])
      order by t.hours_per_week desc, t.name, t.id`,
  )
  for (const row of rows) {
    const source: OpeningSource = {
      id: row.id,
      title: row.title,
      description: row.description,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      workplaceId: row.workplaceId,
      workplaceName: row.workplaceName,
      municipalityNumber: row.municipalityNumber,
      municipalityName: row.municipalityName,
      countyNumber: row.countyNumber,
      countyName: row.countyName,
      openingType: row.openingType,
      hoursMin: row.hoursMin,
      hoursMax: row.hoursMax,
      timesOfDay: row.timesOfDay,
      days: row.days,
      flexibility: row.flexibility,
      startDate: row.startDate,
      durationWeeks: row.durationWeeks,
      places: row.places,
      hireProspect: row.hireProspect,
      accommodations: row.accommodations,
      mentorAvailable: row.mentorAvailable,
      measures: row.measures,
      languages: row.languages.map((language) => language.toLowerCase()),
      environment: { noise: row.noise, tempo: row.tempo, teamwork: row.teamwork },
      tasks: tasks
        .filter((task) => task.openingId === row.id)
        .map((task) => ({
          name: task.name,
          catalogueCode: task.catalogueCode,
          styrk08: task.styrk08,
          hoursPerWeek: task.hoursPerWeek,
          demands: task.demands,
          requirements: task.requirements,
        })),
      // The workplace's other filled or active places (trainees, people on trial) are not modelled yet, so the
      // load is the opening's own capacity with nobody counted as active. The routing issue will fill `active` in.
      workplaceLoad: { active: 0, capacity: row.places },
    }
    const built = buildOpeningDocument(source)
    items.set(row.id, { document: built.document, matching: built.matching })
  }
  return items
}

/** Every published opening, in batches (keyset pagination by id), for a rebuild. */
export async function* allIndexedOpenings(
  sql: Sql,
  batchSize: number,
  options: { onScanned?: (scanned: number) => void } = {},
): AsyncGenerator<IndexedOpening[]> {
  let after: string | undefined
  for (;;) {
    const page = parseRows(
      z.object({ id: z.string().uuid() }),
      await sql`
        select id from openings where status = ${INDEXED_OPENING_STATUS} ${after ? sql`and id > ${after}::uuid` : sql``}
        order by id limit ${batchSize}`,
    )
    if (page.length === 0) return
    after = page[page.length - 1]!.id
    const items = await loadIndexedOpenings(sql, page.map((row) => row.id))
    options.onScanned?.(page.length)
    if (items.size > 0) yield [...items.values()]
  }
}

export async function countIndexableOpenings(sql: Queryable): Promise<number> {
  const [row] = await sql`select count(*)::int as count from openings where status = ${INDEXED_OPENING_STATUS}`
  return z.number().int().parse(row?.count)
}

/** How many candidates and published openings a rebuild goes through (for a progress bar). */
export async function rebuildTotals(sql: Queryable): Promise<{ candidates: number; openings: number }> {
  const [row] = await sql`
    select (select count(*)::int from candidates) as candidates,
           (select count(*)::int from openings where status = ${INDEXED_OPENING_STATUS}) as openings`
  return z.object({ candidates: z.number().int(), openings: z.number().int() }).parse(row)
}
