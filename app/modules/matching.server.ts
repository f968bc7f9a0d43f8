import { notFound } from './employer-access.server'
import { z } from 'zod'
import { getSql } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { findProfile, listVisibilityRows, type Candidate } from '../../prisma-free-sql/queries/candidates'
import {
  addToShortlist,
  exposureCounts,
  insertInterest,
  interestedCandidateIds,
  listShortlist,
  recordExposures,
  removeFromShortlist,
} from '../../prisma-free-sql/queries/matches'
import { casesForOpening, type Case } from '../../prisma-free-sql/queries/cases'
import { findOpeningRegion, type Opening } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { occupationName } from '../../prisma-free-sql/reference-data/styrk08'
import { findCatalogueTask } from '../../prisma-free-sql/reference-data/vocabulary'
import { consentRecordOfRow, visibilityOfRow } from '../../matching/visibility'
import { rankCandidatesForOpening, rankOpeningsForCandidate, scoreMatch, type MatchExplanation } from '../../matching/scoring'
import type { CandidateHit, IndexedOpening, OpeningHit } from '../../search-index/backend'
import { getSearchBackend } from '../../search-index/backends'
import { candidateForMatching, type AnonymisedCandidate } from '../../search-index/candidate-document'
import { loadIndexedCandidates, loadIndexedOpenings } from '../../search-index/load-documents'
import { openingSearchText, type OpeningDocument } from '../../search-index/opening-document'
import type { CaseStatus } from './case-flow'
import { openCaseForInterest } from './cases.server'
import { todayInNorway } from './openings.server'

/** How many the index hands to scoring: enough that scoring, not the index's own order, decides the top. */
export const RETRIEVAL_POOL = 500
export const MATCHES_PER_PAGE = 20
/** Exposure counts first pages shown over this many days. */
const EXPOSURE_DAYS = 30

export const matchPageSchema = z.object({
  side: z.coerce.number().int().min(1).max(1000).default(1),
  minScore: z.coerce.number().int().refine((value) => [0, 50, 70].includes(value)).default(0),
})
export type MatchPageQuery = z.infer<typeof matchPageSchema>

type Page<T> = { status: 'ok'; total: number; page: number; pageCount: number; from: number; to: number; results: T[] }
type Unavailable = { status: 'unavailable'; detail: string }

function paginate<T>(all: T[], page: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(all.length / MATCHES_PER_PAGE))
  const current = Math.min(page, pageCount)
  const start = (current - 1) * MATCHES_PER_PAGE
  const results = all.slice(start, start + MATCHES_PER_PAGE)
  return { status: 'ok', total: all.length, page: current, pageCount, from: all.length === 0 ? 0 : start + 1, to: start + results.length, results }
}

function daysAgo(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - days)
  return date.toISOString().slice(0, 10)
}

async function indexedOpening(openingId: string): Promise<IndexedOpening | undefined> {
  return (await loadIndexedOpenings(getSql(), [openingId])).get(openingId)
}

/** A search that cannot reach its backend is said so on the page; the outbox keeps every change meanwhile. */
async function searchOrUnavailable<T>(search: () => Promise<T>): Promise<T | Unavailable> {
  try {
    return await search()
  } catch (error) {
    return { status: 'unavailable', detail: error instanceof Error ? error.message : String(error) }
  }
}

/** What an employer sees of the case behind their interest: its status, who answers and by when. */
export type CaseSummary = {
  id: string
  origin: Case['origin']
  status: CaseStatus
  handledBy: string | null
  acknowledgeBy: string
  acknowledged: boolean
}
export const caseSummaryOf = (found: Case): CaseSummary => ({
  id: found.id,
  origin: found.origin,
  status: found.status,
  handledBy: found.ownerName,
  acknowledgeBy: found.acknowledgeBy.toISOString(),
  acknowledged: found.acknowledgedAt !== null,
})

export type CandidateMatch = { candidate: AnonymisedCandidate; explanation: MatchExplanation; interested: boolean; case: CaseSummary | null }

/**
 * Ranked anonymised candidates for an opening. Only what the index holds is shown, and the index holds only
 * visible candidates' anonymised documents; `officeId` limits it to one office's candidates (specialists).
 */
export async function candidatesForOpening(
  opening: Pick<Opening, 'id' | 'status'>,
  query: MatchPageQuery,
  options: { officeId?: string; today?: string } = {},
): Promise<Page<CandidateMatch> | Unavailable | { status: 'not-published' }> {
  if (opening.status !== 'published') return { status: 'not-published' }
  const indexed = await indexedOpening(opening.id)
  if (!indexed) return { status: 'not-published' }
  const today = options.today ?? todayInNorway()
  const hits = await searchOrUnavailable(() =>
    getSearchBackend().searchCandidates({
      opening: indexed.matching,
      text: openingSearchText(indexed.document),
      limit: RETRIEVAL_POOL,
      officeId: options.officeId,
    }),
  )
  if (!Array.isArray(hits)) return hits
  const sql = getSql()
  const exposure = await exposureCounts(sql, hits.map((hit) => hit.candidate.matching.id), daysAgo(today, EXPOSURE_DAYS))
  const ranked = rankCandidatesForOpening(
    indexed.matching,
    hits.map((hit: CandidateHit) => ({ ...hit, candidate: hit.candidate.matching })),
    { exposure, today },
  ).filter((match) => match.explanation.score >= query.minScore)
  const page = paginate(ranked, query.side)
  const pageIds = page.results.map((match) => match.item.candidate.id)
  const documents = await searchOrUnavailable(() => getSearchBackend().candidateDocuments(pageIds))
  if (!(documents instanceof Map)) return documents
  if (page.page === 1) await recordExposures(sql, opening.id, pageIds.filter((id) => documents.has(id)), today)
  const interested = await interestedCandidateIds(sql, opening.id)
  const cases = await casesForOpening(sql, opening.id)
  return {
    ...page,
    // A candidate hidden between the search and this read is left out rather than shown from stale data.
    results: page.results.flatMap((match) => {
      const candidate = documents.get(match.item.candidate.id)
      if (!candidate) return []
      const found = cases.get(candidate.id)
      return [{ candidate, explanation: match.explanation, interested: interested.has(candidate.id), case: found ? caseSummaryOf(found) : null }]
    }),
  }
}

export type InterestOutcome = { status: 'recorded' | 'already-recorded'; case: CaseSummary } | { status: 'not-visible' }

/**
 * The employer's "interested" in an anonymised candidate for one of their openings. Recorded only while the
 * candidate is visible and matches the opening, so a stale page cannot reach a hidden candidate. The case that
 * routes it to the candidate's specialist is opened in the same transaction (cases.server.ts).
 */
export async function markEmployerInterest(user: User, opening: Opening, candidateId: string, message: string): Promise<InterestOutcome> {
  const sql = getSql()
  const [openingItem, candidateItem] = await Promise.all([indexedOpening(opening.id), loadIndexedCandidates(sql, [candidateId])])
  const candidate = candidateItem.get(candidateId)
  if (!openingItem || !candidate) return { status: 'not-visible' }
  const explanation = scoreMatch(openingItem.matching, candidate.matching)
  if (!explanation.passes) return { status: 'not-visible' }
  return sql.begin(async (tx): Promise<InterestOutcome> => {
    const recorded = await insertInterest(tx, { openingId: opening.id, candidateId, userId: user.id, message, score: explanation.score })
    const opened = await openCaseForInterest(tx, { openingId: opening.id, candidateId, employer: user, message })
    if (recorded) {
      await appendAudit(tx, {
        actorUserId: user.id,
        action: 'match.interest',
        subjectType: 'opening',
        subjectId: opening.id,
        details: { candidateId, score: explanation.score },
      })
    }
    return { status: recorded ? 'recorded' : 'already-recorded', case: caseSummaryOf(opened.case) }
  })
}

export type OpeningMatch = { opening: OpeningDocument; explanation: MatchExplanation; shortlisted: boolean }

/**
 * Ranked published openings for a candidate, for the specialist. The candidate need not be visible to employers
 * yet: the specialist looks for openings before asking for consent. Only the profile is used, never the identity.
 */
export async function openingsForCandidate(
  user: User,
  candidate: Candidate,
  query: MatchPageQuery,
  options: { today?: string } = {},
): Promise<Page<OpeningMatch> | Unavailable | { status: 'incomplete' }> {
  const sql = getSql()
  const profile = await findProfile(sql, candidate.id)
  const [row] = await listVisibilityRows(sql, { candidateIds: [candidate.id] })
  const consent = row ? consentRecordOfRow(row) : null
  const consentScope =
    consent && !consent.withdrawnAt && consent.scope === 'counties' ? { scope: 'counties' as const, counties: [...consent.scopeCounties] } : { scope: 'all' as const, counties: [] }
  const matching = profile ? candidateForMatching(candidate.id, profile, consentScope) : undefined
  if (!matching) return { status: 'incomplete' }
  const today = options.today ?? todayInNorway()
  const hits = await searchOrUnavailable(() =>
    getSearchBackend().searchOpenings({
      candidate: matching,
      text: [
        ...[...matching.wantedTasks, ...matching.possibleTasks].map((code) => findCatalogueTask(code)?.name ?? ''),
        ...matching.occupations.map((code) => occupationName(code) ?? ''),
        profile?.pitch ?? '',
      ].join(' '),
      limit: RETRIEVAL_POOL,
    }),
  )
  if (!Array.isArray(hits)) return hits
  const ranked = rankOpeningsForCandidate(
    matching,
    hits.map((hit: OpeningHit) => ({ ...hit, opening: hit.opening.matching, indexed: hit.opening })),
    { today },
  ).filter((match) => match.explanation.score >= query.minScore)
  const page = paginate(ranked, query.side)
  const shortlisted = new Set((await listShortlist(sql, user.id)).filter((entry) => entry.candidateId === candidate.id).map((entry) => entry.openingId))
  return {
    ...page,
    results: page.results.map((match) => ({
      opening: match.item.indexed.document,
      explanation: match.explanation,
      shortlisted: shortlisted.has(match.item.indexed.document.id),
    })),
  }
}

/** Whether the specialist's candidate is visible to employers now (shown beside the openings). */
export async function candidateVisibleNow(candidate: Candidate, today = todayInNorway()): Promise<boolean> {
  const [row] = await listVisibilityRows(getSql(), { candidateIds: [candidate.id] })
  return row ? visibilityOfRow(row, today).visible : false
}

/** The candidates this specialist has shortlisted for an opening. */
export async function shortlistedCandidateIds(user: User, openingId: string): Promise<Set<string>> {
  return new Set((await listShortlist(getSql(), user.id)).filter((entry) => entry.openingId === openingId).map((entry) => entry.candidateId))
}

export async function setShortlisted(user: User, candidate: Candidate, openingId: string, shortlisted: boolean): Promise<void> {
  if (shortlisted && !(await findOpeningRegion(getSql(), openingId))) throw notFound()
  const entry = { userId: user.id, candidateId: candidate.id, openingId }
  if (shortlisted) await addToShortlist(getSql(), entry)
  else await removeFromShortlist(getSql(), entry)
}

