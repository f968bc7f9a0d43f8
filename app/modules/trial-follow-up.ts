/**
 * When a running trial is followed up (DOMAIN.md §3.7: "follow-up at 2 weeks and then twice a month"). Pure: no I/O,
 * so the rule is tested by table in tests/unit/trial-follow-up.test.ts; trial-follow-up.server.ts stores and sends.
 *
 * "Twice a month" is every 14 days counted from the start, not the 1st and 15th of each month: the follow-ups then
 * fall on the weekday the trial started on (a trial starting on a Monday is followed up on Mondays), the gaps are
 * always the same, and the first one at exactly two weeks is simply the first step of the series. Fixed dates in the
 * month would give gaps from 13 to 17 days and, right after the first follow-up, sometimes a second one days later.
 * The cost is about 26 follow-ups a year instead of 24.
 *
 * A date that falls on a weekend or a Norwegian public holiday moves to the next working day, or to the working day
 * before when that would pass the end of the trial. A trial shorter than two weeks (a job taster of a few days) gets
 * one follow-up on its last working day, so no trial goes without one.
 */
import { isWorkingDay } from './working-days'

export const FIRST_FOLLOW_UP_AFTER_DAYS = 14
export const FOLLOW_UP_EVERY_DAYS = 14

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** The nearest working day on or after `date`, or on or before `latest` when none is left by then; undefined if neither is after `after`. */
function workingDayNear(date: string, after: string, latest: string): string | undefined {
  for (let day = date; day <= latest; day = addDays(day, 1)) if (isWorkingDay(day)) return day
  for (let day = addDays(date, -1); day > after; day = addDays(day, -1)) if (isWorkingDay(day)) return day
  return undefined
}

/**
 * The follow-up dates (ISO `yyyy-mm-dd`, ascending, no duplicates) of a trial from `startDate` to `endDate`
 * (both inclusive calendar dates in Norway). Empty only when the trial has no working day after its first.
 */
export function followUpDates(startDate: string, endDate: string): string[] {
  if (endDate <= startDate) return []
  const dates: string[] = []
  for (let step = FIRST_FOLLOW_UP_AFTER_DAYS; ; step += FOLLOW_UP_EVERY_DAYS) {
    const planned = addDays(startDate, step)
    if (planned > endDate) break
    const moved = workingDayNear(planned, dates.at(-1) ?? startDate, endDate)
    if (moved) dates.push(moved)
  }
  if (dates.length === 0) {
    const last = workingDayNear(endDate, startDate, endDate)
    if (last) dates.push(last)
  }
  return dates
}
