/**
 * The calendar and arithmetic of the regional dashboard (/marked/oversikt): which months, ISO weeks and quarter a
 * moment in Oslo falls in, medians, and the IPS fidelity figures built from rows the queries return
 * (prisma-free-sql/queries/market-dashboard.ts). Pure, so every boundary is tested by table in
 * tests/unit/market-dashboard.test.ts; app/modules/market-dashboard.server.ts reads the database and calls these.
 */
import { osloInstant, osloWallClock } from './working-days'

/** IPS fidelity: at least this many candidate-specific employer contacts per job specialist and week (DOMAIN.md §5). */
export const WEEKLY_CANDIDATE_CONTACT_TARGET = 6
/** IPS fidelity: a new candidate's first employer contact within this many days (DOMAIN.md §5). */
export const FIRST_CONTACT_TARGET_DAYS = 30
export const MONTHS_SHOWN = 12
export const WEEKS_SHOWN = 8
/** The acknowledgement median looks at cases created this many days back. */
export const ACKNOWLEDGEMENT_WINDOW_DAYS = 90
/** How many of the longest-waiting candidates the page lists by label. */
export const LONGEST_WAITING_SHOWN = 10

const DAY_MS = 86_400_000

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** Whole calendar days from one date to a later one (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / DAY_MS)
}

/** Monday 0 … Sunday 6, as ISO 8601 counts. */
function isoWeekday(isoDate: string): number {
  return (new Date(`${isoDate}T12:00:00Z`).getUTCDay() + 6) % 7
}

/** The ISO 8601 week of a date: weeks start on Monday, and week 1 is the one with the year's first Thursday. */
export function isoWeek(isoDate: string): { year: number; week: number } {
  const thursday = addDays(isoDate, 3 - isoWeekday(isoDate))
  const year = Number(thursday.slice(0, 4))
  const january4 = `${year}-01-04`
  const firstThursday = addDays(january4, 3 - isoWeekday(january4))
  return { year, week: 1 + daysBetween(firstThursday, thursday) / 7 }
}

export type WeekBucket = {
  /** The Monday the week starts on (Oslo calendar date). */
  start: string
  /** The next Monday: the week ends just before it. */
  end: string
  year: number
  week: number
  label: string
}

/** The `count` complete ISO weeks before the week `now` falls in (Oslo time), oldest first. */
export function completeWeeksBefore(now: Date, count = WEEKS_SHOWN): WeekBucket[] {
  const today = osloWallClock(now).date
  const thisMonday = addDays(today, -isoWeekday(today))
  return Array.from({ length: count }, (_, index) => {
    const start = addDays(thisMonday, -7 * (count - index))
    const { year, week } = isoWeek(start)
    return { start, end: addDays(start, 7), year, week, label: `Uke ${week}` }
  })
}

export type MonthBucket = { month: string; label: string }

const monthLabel = new Intl.DateTimeFormat('nb-NO', { month: 'short', year: 'numeric', timeZone: 'UTC' })

/** The `count` calendar months up to and including the one `now` falls in (Oslo time), oldest first: «jan. 2026». */
export function monthsUpTo(now: Date, count = MONTHS_SHOWN): MonthBucket[] {
  const [year, month] = osloWallClock(now).date.split('-').map(Number) as [number, number]
  return Array.from({ length: count }, (_, index) => {
    const first = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1, 12))
    return { month: first.toISOString().slice(0, 7), label: monthLabel.format(first) }
  })
}

export type Quarter = { start: string; end: string; label: string }

/** The Oslo calendar quarter `now` falls in; `end` is the first day of the next quarter. */
export function quarterOf(now: Date): Quarter {
  const [year, month] = osloWallClock(now).date.split('-').map(Number) as [number, number]
  const index = Math.floor((month - 1) / 3)
  const start = new Date(Date.UTC(year, index * 3, 1, 12)).toISOString().slice(0, 10)
  const end = new Date(Date.UTC(year, index * 3 + 3, 1, 12)).toISOString().slice(0, 10)
  return { start, end, label: `${index + 1}. kvartal ${year}` }
}

/** The instant Oslo's day `isoDate` begins. */
export const osloMidnight = (isoDate: string): Date => osloInstant(isoDate, '00:00')

/** The same Oslo calendar date a year before `now` (28 February for 29 February). */
export function sameDateLastYear(now: Date): string {
  const [year, month, day] = osloWallClock(now).date.split('-').map(Number) as [number, number, number]
  const candidate = new Date(Date.UTC(year - 1, month - 1, day, 12))
  if (candidate.getUTCMonth() !== month - 1) candidate.setUTCDate(0)
  return candidate.toISOString().slice(0, 10)
}

/** The middle value, or the mean of the two middle values; null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export const roundToOneDecimal = (value: number): number => Math.round(value * 10) / 10

// ---------------------------------------------------------------------------------------------
// Series: the buckets above, filled with what the queries counted (a month or week without rows counts 0).

export type MonthCount = { month: string; trials: number; hires: number }
export type MonthPoint = MonthBucket & { trials: number; hires: number }

export function monthlySeries(months: readonly MonthBucket[], counted: readonly MonthCount[]): MonthPoint[] {
  const byMonth = new Map(counted.map((row) => [row.month, row]))
  return months.map((bucket) => ({ ...bucket, trials: byMonth.get(bucket.month)?.trials ?? 0, hires: byMonth.get(bucket.month)?.hires ?? 0 }))
}

export type SpecialistRow = { id: string; name: string; officeName: string }
export type WeeklyContactCount = { specialistId: string; weekStart: string; contacts: number }
export type WeekPoint = { start: string; label: string; contacts: number }
export type SpecialistFidelity = SpecialistRow & {
  weeks: WeekPoint[]
  total: number
  /** Contacts per week over the weeks shown, one decimal. */
  weeklyAverage: number
  meetsTarget: boolean
}

/** Each specialist's candidate-specific contacts per week, their weekly average and whether it reaches the target. */
export function specialistFidelity(
  weeks: readonly WeekBucket[],
  specialists: readonly SpecialistRow[],
  counted: readonly WeeklyContactCount[],
): SpecialistFidelity[] {
  const counts = new Map(counted.map((row) => [`${row.specialistId} ${row.weekStart}`, row.contacts]))
  return specialists.map((specialist) => {
    const points = weeks.map((week) => ({ start: week.start, label: week.label, contacts: counts.get(`${specialist.id} ${week.start}`) ?? 0 }))
    const total = points.reduce((sum, point) => sum + point.contacts, 0)
    const average = weeks.length === 0 ? 0 : total / weeks.length
    return { ...specialist, weeks: points, total, weeklyAverage: roundToOneDecimal(average), meetsTarget: average >= WEEKLY_CANDIDATE_CONTACT_TARGET }
  })
}

export type CandidateStart = {
  candidateId: string
  officeName: string
  /** Oslo calendar date the candidate was registered. */
  startedOn: string
  /** Oslo calendar date of the first candidate-specific employer contact, if there has been one. */
  firstContactOn: string | null
  /** Only candidates still looking for work are waiting; one who ended or found work elsewhere is not. */
  stillLooking: boolean
}

export type WaitingCandidate = { candidateId: string; officeName: string; startedOn: string; waitedDays: number }
export type WaitingBand = { label: string; count: number }

export type FirstContactFidelity = {
  candidates: number
  contacted: number
  /** Median days from start to the first contact, over the candidates who have had one. */
  medianDays: number | null
  /** Candidates whose 30 days are over or who have had their contact: the share's denominator. */
  decided: number
  withinTarget: number
  /** withinTarget / decided, 0..1; null while nobody's 30 days are over. */
  shareWithinTarget: number | null
  waiting: number
  waitingBands: WaitingBand[]
  longestWaiting: WaitingCandidate[]
}

const waitingBandLimits: { label: string; upTo: number }[] = [
  { label: `0–${FIRST_CONTACT_TARGET_DAYS} dager`, upTo: FIRST_CONTACT_TARGET_DAYS },
  { label: '31–60 dager', upTo: 60 },
  { label: '61–90 dager', upTo: 90 },
  { label: 'Mer enn 90 dager', upTo: Number.POSITIVE_INFINITY },
]

/**
 * Days from a candidate's start to their first candidate-specific employer contact. A candidate without one whose 30
 * days are not over yet is neither within nor past the target, so the share counts only decided candidates.
 */
export function firstContactFidelity(starts: readonly CandidateStart[], today: string): FirstContactFidelity {
  const contactDays = starts.flatMap((start) => (start.firstContactOn === null ? [] : [Math.max(0, daysBetween(start.startedOn, start.firstContactOn))]))
  const withinTarget = contactDays.filter((days) => days <= FIRST_CONTACT_TARGET_DAYS).length
  const overdueWithoutContact = starts.filter((start) => start.firstContactOn === null && daysBetween(start.startedOn, today) > FIRST_CONTACT_TARGET_DAYS).length
  const decided = contactDays.length + overdueWithoutContact
  const waiting = starts
    .filter((start) => start.firstContactOn === null && start.stillLooking)
    .map((start) => ({ candidateId: start.candidateId, officeName: start.officeName, startedOn: start.startedOn, waitedDays: Math.max(0, daysBetween(start.startedOn, today)) }))
    .sort((a, b) => b.waitedDays - a.waitedDays || a.candidateId.localeCompare(b.candidateId))
  let lower = 0
  const waitingBands = waitingBandLimits.map((band) => {
    const count = waiting.filter((candidate) => candidate.waitedDays >= lower && candidate.waitedDays <= band.upTo).length
    lower = band.upTo + 1
    return { label: band.label, count }
  })
  const medianDays = median(contactDays)
  return {
    candidates: starts.length,
    contacted: contactDays.length,
    medianDays: medianDays === null ? null : roundToOneDecimal(medianDays),
    decided,
    withinTarget,
    shareWithinTarget: decided === 0 ? null : withinTarget / decided,
    waiting: waiting.length,
    waitingBands,
    longestWaiting: waiting.slice(0, LONGEST_WAITING_SHOWN),
  }
}

/** Median hours from a case's creation to its acknowledgement, one decimal; null when none was acknowledged. */
export function medianAcknowledgementHours(hours: readonly number[]): number | null {
  const middle = median(hours)
  return middle === null ? null : roundToOneDecimal(middle)
}
