import { describe, expect, it } from 'vitest'
import { followUpDates } from '../../app/modules/trial-follow-up'
import { isWorkingDay } from '../../app/modules/working-days'

describe('follow-up dates of a trial', () => {
  it.each([
    ['an ordinary spring trial from a Monday; Whit Monday moves to the Tuesday', '2026-03-02', '2026-05-29',
      ['2026-03-16', '2026-03-30', '2026-04-13', '2026-04-27', '2026-05-11', '2026-05-26']],
    ['exactly two weeks: the one follow-up is on the last day', '2026-03-02', '2026-03-16', ['2026-03-16']],
    ['shorter than two weeks, ending on a Friday: one follow-up on the last day', '2026-03-02', '2026-03-06', ['2026-03-06']],
    ['thirteen days, ending on a Sunday: on the Friday before', '2026-03-02', '2026-03-15', ['2026-03-13']],
    ['a job taster of two days', '2026-03-03', '2026-03-04', ['2026-03-04']],
    ['from a Saturday at a month end: every date moves to the Monday, across February', '2026-01-31', '2026-03-31',
      ['2026-02-16', '2026-03-02', '2026-03-16', '2026-03-30']],
    ['over a leap day', '2028-02-15', '2028-03-31', ['2028-02-29', '2028-03-14', '2028-03-28']],
    ['over Easter and Labour Day', '2026-03-20', '2026-06-30',
      ['2026-04-07', '2026-04-17', '2026-05-04', '2026-05-15', '2026-05-29', '2026-06-12', '2026-06-26']],
    ['a holiday at the end: moves back, not past the end', '2026-03-20', '2026-04-06', ['2026-04-01']],
    ['over Christmas and New Year', '2026-12-11', '2027-01-15', ['2026-12-28', '2027-01-08']],
    ['a follow-up due on the end date itself is kept', '2026-09-07', '2026-10-05', ['2026-09-21', '2026-10-05']],
    ['one day short of the next step: that step is not planned', '2026-09-07', '2026-10-04', ['2026-09-21']],
    ['end before start: nothing', '2026-03-10', '2026-03-02', []],
    ['end on the start: nothing', '2026-03-10', '2026-03-10', []],
    ['only a weekend after the first day: nothing to follow up on', '2026-03-06', '2026-03-08', []],
  ])('%s (%s to %s)', (_label, start, end, expected) => {
    expect(followUpDates(start, end)).toEqual(expected)
  })

  it('runs twice a month for a year: 26 dates, each a working day inside the trial, 14 days apart unless moved', () => {
    const dates = followUpDates('2026-01-05', '2027-01-04')
    expect(dates).toHaveLength(26)
    expect(dates[0]).toBe('2026-01-19')
    expect(dates.at(-1)).toBe('2027-01-04')
    for (const date of dates) {
      expect(isWorkingDay(date), date).toBe(true)
      expect(date > '2026-01-05' && date <= '2027-01-04').toBe(true)
    }
    expect([...dates].sort()).toEqual(dates)
    expect(new Set(dates).size).toBe(dates.length)
    const gaps = dates.slice(1).map((date, index) => (Date.parse(date) - Date.parse(dates[index]!)) / 86_400_000)
    // Mondays, so only Easter Monday and Whit Monday move a date (by a day), which shortens the next gap.
    expect(gaps.every((gap) => gap >= 13 && gap <= 15)).toBe(true)
  })
})
