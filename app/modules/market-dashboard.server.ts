/**
 * The regional dashboard (/marked/oversikt, issue 7): what the market team, team leads and admins follow in their
 * region. Counts come from prisma-free-sql/queries/market-dashboard.ts; the calendar, medians and IPS fidelity
 * arithmetic from ./market-dashboard.ts. Candidates appear only by their anonymised label.
 */
import { z } from 'zod'
import { getSql } from '../../prisma-free-sql/db'
import type { County } from '../../prisma-free-sql/queries/geography'
import {
  acknowledgementHours,
  candidateContactsByWeek,
  candidateStartsSince,
  countWaitingCases,
  organisationsFirstContactedBetween,
  publishedOpeningsInCounties,
  specialistsInCounties,
  trialsAndHiresByMonth,
  type PublishedOpeningRow,
} from '../../prisma-free-sql/queries/market-dashboard'
import type { User } from '../../prisma-free-sql/queries/users'
import { rankCandidatesForOpening } from '../../matching/scoring'
import { getSearchBackend } from '../../search-index/backends'
import { candidateLabel } from '../../search-index/candidate-document'
import { loadIndexedOpenings } from '../../search-index/load-documents'
import { openingSearchText } from '../../search-index/opening-document'
import {
  ACKNOWLEDGEMENT_WINDOW_DAYS,
  completeWeeksBefore,
  daysBetween,
  firstContactFidelity,
  medianAcknowledgementHours,
  monthlySeries,
  monthsUpTo,
  osloMidnight,
  quarterOf,
  sameDateLastYear,
  specialistFidelity,
  type FirstContactFidelity,
  type MonthPoint,
  type Quarter,
  type SpecialistFidelity,
  type WeekBucket,
} from './market-dashboard'
import { requireRegion } from './market-region.server'
import { RETRIEVAL_POOL } from './matching.server'
import { osloWallClock } from './working-days'
import { organisationPath } from '../utils/market-paths'

export const OUTSIDE_REGION = 'Fylket er ikke en del av regionen din. Velg et av fylkene i listen.'

/** The page's only input: an optional county of the region («Alle fylkene» when empty). */
export const dashboardQuerySchema = z.object({
  fylke: z
    .string()
    .trim()
    .regex(/^(\d{2})?$/, OUTSIDE_REGION)
    .default(''),
})
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>

export type OpeningWithoutCandidate = {
  id: string
  title: string
  organisationId: string
  employerName: string
  municipalityName: string
  daysPublished: number | null
}

export type MarketDashboard = {
  region: County[]
  /** The counties the figures cover: the chosen one, or the whole region. */
  shown: County[]
  fylke: string
  /** Why the chosen county was not used, shown beside the filter. */
  fylkeError: string | null
  today: string
  openings: { status: 'ok'; published: number; withoutCandidate: OpeningWithoutCandidate[] } | { status: 'unavailable' }
  cases: { waiting: number; pastDeadline: number; acknowledgedInWindow: number; medianAcknowledgementHours: number | null }
  trialsAndHires: { months: MonthPoint[]; trials: number; hires: number }
  newEmployers: {
    quarter: Quarter
    organisations: { id: string; path: string; name: string; orgNumber: string; municipalityName: string; firstContactAt: string; firstContactBy: string }[]
  }
  specialistContacts: { weeks: WeekBucket[]; specialists: SpecialistFidelity[] }
  firstContacts: Omit<FirstContactFidelity, 'longestWaiting'> & {
    since: string
    longestWaiting: (FirstContactFidelity['longestWaiting'][number] & { label: string })[]
  }
}

/**
 * The figures for the staff member's region, or for one county of it. Staff without a region are answered 403
 * (requireRegion). `now` is the moment the figures are for.
 */
export async function regionalDashboard(user: User, query: DashboardQuery, options: { now?: Date } = {}): Promise<MarketDashboard> {
  const sql = getSql()
  const now = options.now ?? new Date()
  const today = osloWallClock(now).date
  const region = await requireRegion(sql, user)
  const chosen = region.filter((county) => county.number === query.fylke)
  // A county outside the region (an edited address) shows the whole region, with the reason beside the filter.
  const shown = chosen.length > 0 ? chosen : region
  const fylkeError = query.fylke !== '' && chosen.length === 0 ? OUTSIDE_REGION : null
  const counties = shown.map((county) => county.number)

  const weeks = completeWeeksBefore(now)
  const months = monthsUpTo(now)
  const quarter = quarterOf(now)
  const candidatesSince = sameDateLastYear(now)

  const published = await publishedOpeningsInCounties(sql, counties)
  const withoutCandidate = await openingsWithoutSuitableCandidate(published, today)
  const waiting = await countWaitingCases(sql, counties, now)
  const hours = await acknowledgementHours(sql, counties, new Date(now.getTime() - ACKNOWLEDGEMENT_WINDOW_DAYS * 86_400_000))
  const monthly = monthlySeries(months, await trialsAndHiresByMonth(sql, counties, osloMidnight(`${months[0]!.month}-01`)))
  const firstContacted = await organisationsFirstContactedBetween(sql, counties, osloMidnight(quarter.start), osloMidnight(quarter.end))
  const specialists = await specialistsInCounties(sql, counties)
  const weekly = await candidateContactsByWeek(
    sql,
    specialists.map((specialist) => specialist.id),
    osloMidnight(weeks[0]!.start),
    osloMidnight(weeks[weeks.length - 1]!.end),
  )
  const firstContacts = firstContactFidelity(await candidateStartsSince(sql, counties, osloMidnight(candidatesSince)), today)

  return {
    region,
    shown,
    fylke: chosen.length > 0 ? query.fylke : '',
    fylkeError,
    today,
    openings: withoutCandidate === 'unavailable' ? { status: 'unavailable' } : { status: 'ok', published: published.length, withoutCandidate },
    cases: { ...waiting, acknowledgedInWindow: hours.length, medianAcknowledgementHours: medianAcknowledgementHours(hours) },
    trialsAndHires: {
      months: monthly,
      trials: monthly.reduce((sum, month) => sum + month.trials, 0),
      hires: monthly.reduce((sum, month) => sum + month.hires, 0),
    },
    newEmployers: { quarter, organisations: firstContacted.map((row) => ({ ...row, path: organisationPath(row.id), firstContactAt: row.firstContactAt.toISOString() })) },
    specialistContacts: { weeks, specialists: specialistFidelity(weeks, specialists, weekly) },
    firstContacts: {
      ...firstContacts,
      since: candidatesSince,
      longestWaiting: firstContacts.longestWaiting.map((candidate) => ({ ...candidate, label: candidateLabel(candidate.candidateId) })),
    },
  }
}

/**
 * The published openings for which matching finds no visible candidate: the same retrieval and hard constraints as
 * the staff match list (matching.server.ts candidatesForOpening, without an office, as the region's openings are
 * the whole region's), but without recording exposures, since nobody is shown anything here.
 */
async function openingsWithoutSuitableCandidate(openings: PublishedOpeningRow[], today: string): Promise<OpeningWithoutCandidate[] | 'unavailable'> {
  const indexed = await loadIndexedOpenings(getSql(), openings.map((opening) => opening.id))
  const backend = getSearchBackend()
  const without: OpeningWithoutCandidate[] = []
  try {
    for (const opening of openings) {
      const item = indexed.get(opening.id)
      // Unpublished between the two reads: no longer one of the region's published openings.
      if (!item) continue
      const hits = await backend.searchCandidates({ opening: item.matching, text: openingSearchText(item.document), limit: RETRIEVAL_POOL })
      const ranked = rankCandidatesForOpening(
        item.matching,
        hits.map((hit) => ({ ...hit, candidate: hit.candidate.matching })),
        { today },
      )
      if (ranked.length === 0) {
        without.push({
          id: opening.id,
          title: opening.title,
          organisationId: opening.organisationId,
          employerName: opening.employerName,
          municipalityName: opening.municipalityName,
          daysPublished: opening.publishedOn === null ? null : daysBetween(opening.publishedOn, today),
        })
      }
    }
  } catch {
    // The search backend cannot be reached; the page says so rather than claiming every opening lacks candidates.
    return 'unavailable'
  }
  return without
}
