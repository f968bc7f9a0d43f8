/**
 * Norwegian working days and the deadlines built on them (DOMAIN.md §5: an employer's interest is answered the same
 * working day). Public holidays come from date-holidays (maintained, with Norway's movable Easter-based days); only
 * its "public" days count, not observances such as Christmas Eve. Times are wall-clock times in Europe/Oslo.
 * Pure apart from the library's tables; tested across weekends and holidays in tests/unit/working-days.test.ts.
 */
import Holidays from 'date-holidays'

/** The working day ends here; what arrives later is due the next working day. */
export const WORKDAY_ENDS_AT = '16:00'
/** A reminder goes this long before an acknowledgement deadline (or at once, when less time is left). */
export const REMINDER_BEFORE_MINUTES = 60

const TIME_ZONE = 'Europe/Oslo'
const norway = new Holidays('NO')
const publicHolidaysByYear = new Map<number, Set<string>>()

function publicHolidays(year: number): Set<string> {
  let days = publicHolidaysByYear.get(year)
  if (!days) {
    days = new Set(
      norway
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    )
    publicHolidaysByYear.set(year, days)
  }
  return days
}

/** The name of the Norwegian public holiday on this date, if it is one («Kristi himmelfartsdag»). */
export function publicHolidayName(isoDate: string): string | undefined {
  if (!publicHolidays(Number(isoDate.slice(0, 4))).has(isoDate)) return undefined
  const found = norway.getHolidays(Number(isoDate.slice(0, 4)), 'no').find((holiday) => holiday.type === 'public' && holiday.date.startsWith(isoDate))
  return found?.name
}

function weekday(isoDate: string): number {
  return new Date(`${isoDate}T12:00:00Z`).getUTCDay()
}

export function isWorkingDay(isoDate: string): boolean {
  const day = weekday(isoDate)
  return day !== 0 && day !== 6 && !publicHolidays(Number(isoDate.slice(0, 4))).has(isoDate)
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** The first working day after `isoDate`. */
export function nextWorkingDay(isoDate: string): string {
  let day = addDays(isoDate, 1)
  while (!isWorkingDay(day)) day = addDays(day, 1)
  return day
}

const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** The Oslo calendar date and wall-clock time of an instant. */
export function osloWallClock(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(osloParts.formatToParts(instant).map((part) => [part.type, part.value]))
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` }
}

function offsetMs(instant: Date): number {
  const parts = Object.fromEntries(osloParts.formatToParts(instant).map((part) => [part.type, Number(part.value)]))
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!)
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000
}

/** The instant at which Oslo's clocks show `time` on `isoDate` (never inside a DST gap for the times used here). */
export function osloInstant(isoDate: string, time: string): Date {
  const wallAsUtc = Date.parse(`${isoDate}T${time}:00Z`)
  const firstGuess = wallAsUtc - offsetMs(new Date(wallAsUtc))
  return new Date(wallAsUtc - offsetMs(new Date(firstGuess)))
}

/**
 * When a case must be acknowledged: the end of the working day it arrives on, or of the next working day when it
 * arrives after hours, at a weekend or on a public holiday.
 */
export function acknowledgeDeadline(arrivedAt: Date): Date {
  const { date, time } = osloWallClock(arrivedAt)
  const dueDay = isWorkingDay(date) && time < WORKDAY_ENDS_AT ? date : nextWorkingDay(date)
  return osloInstant(dueDay, WORKDAY_ENDS_AT)
}

/** When to remind the owner: REMINDER_BEFORE_MINUTES before the deadline, but never before the case arrived. */
export function reminderTime(arrivedAt: Date, deadline: Date): Date {
  return new Date(Math.max(arrivedAt.getTime(), deadline.getTime() - REMINDER_BEFORE_MINUTES * 60_000))
}
