import { describe, expect, it } from 'vitest'
import {
  completeWeeksBefore,
  daysBetween,
  firstContactFidelity,
  isoWeek,
  median,
  medianAcknowledgementHours,
  monthlySeries,
  monthsUpTo,
  osloMidnight,
  quarterOf,
  sameDateLastYear,
  specialistFidelity,
  type CandidateStart,
} from '../../app/modules/market-dashboard'

// The regional dashboard's calendar (Oslo's months, ISO weeks and quarters, across DST and year ends) and its
// arithmetic (medians, the IPS fidelity figures). The figures from real rows are tested in
// tests/integration/market-dashboard.test.ts.

describe('medians', () => {
  it.each([
    [[], null],
    [[4], 4],
    [[3, 1], 2],
    [[5, 1, 3], 3],
    [[1, 2, 3, 10], 2.5],
    [[2, 2, 2, 9, 9], 2],
    [[0.25, 0.75], 0.5],
  ])('median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected)
  })

  it('does not reorder what it was given', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })

  it.each([
    [[], null],
    [[1.25], 1.3],
    [[0.5, 1, 2.04], 1],
    [[1, 2.1], 1.6],
    [[26.66], 26.7],
  ])('acknowledgement hours %j have the median %s to one decimal', (hours, expected) => {
    expect(medianAcknowledgementHours(hours)).toBe(expected)
  })
})

describe('ISO weeks', () => {
  it.each([
    ['2026-01-01', 2026, 1, 'Thursday 1 January is in week 1'],
    ['2025-12-29', 2026, 1, 'the Monday before belongs to the next year\'s week 1'],
    ['2027-01-01', 2026, 53, 'Friday 1 January 2027 is still in 2026\'s week 53'],
    ['2027-01-04', 2027, 1, 'and the Monday after starts week 1'],
    ['2026-06-14', 2026, 24, 'a Sunday is the last day of its week'],
    ['2026-06-15', 2026, 25, 'a Monday starts the next'],
    ['2021-01-03', 2020, 53, 'Sunday 3 January 2021'],
  ])('%s is in week %s of %s (%s)', (date, year, week) => {
    expect(isoWeek(date)).toEqual({ year, week })
  })

  it('the last 8 complete weeks end before this Monday, in Oslo time', () => {
    // Monday 15 June 2026 00:30 in Oslo is Sunday 22:30 UTC: the week of 15 June has begun and is not complete.
    const weeks = completeWeeksBefore(new Date('2026-06-14T22:30:00Z'))
    expect(weeks.map((week) => week.start)).toEqual([
      '2026-04-20',
      '2026-04-27',
      '2026-05-04',
      '2026-05-11',
      '2026-05-18',
      '2026-05-25',
      '2026-06-01',
      '2026-06-08',
    ])
    expect(weeks.map((week) => week.label)).toEqual(['Uke 17', 'Uke 18', 'Uke 19', 'Uke 20', 'Uke 21', 'Uke 22', 'Uke 23', 'Uke 24'])
    expect(weeks[7]!.end).toBe('2026-06-15')
  })

  it('on a Sunday evening the current week is not yet complete', () => {
    // Sunday 14 June 2026 23:59 in Oslo.
    const weeks = completeWeeksBefore(new Date('2026-06-14T21:59:00Z'))
    expect(weeks[0]!.start).toBe('2026-04-13')
    expect(weeks[7]!).toMatchObject({ start: '2026-06-01', end: '2026-06-08', week: 23 })
  })

  it('counts weeks across a year end', () => {
    const weeks = completeWeeksBefore(new Date('2026-01-14T12:00:00Z'), 3)
    expect(weeks.map((week) => [week.start, week.year, week.week])).toEqual([
      ['2025-12-22', 2025, 52],
      ['2025-12-29', 2026, 1],
      ['2026-01-05', 2026, 2],
    ])
  })
})

describe('months and quarters in Oslo', () => {
  it('the last 12 months run to and include this one, oldest first', () => {
    const months = monthsUpTo(new Date('2026-05-20T10:00:00Z'))
    expect(months).toHaveLength(12)
    expect(months[0]).toEqual({ month: '2025-06', label: 'juni 2025' })
    expect(months[11]).toEqual({ month: '2026-05', label: 'mai 2026' })
    expect(months.map((month) => month.month)).toContain('2026-01')
  })

  it('a moment late on 31 December UTC is already January in Oslo', () => {
    const months = monthsUpTo(new Date('2025-12-31T23:30:00Z'), 2)
    expect(months.map((month) => month.month)).toEqual(['2025-12', '2026-01'])
  })

  it.each([
    ['2026-01-01T00:30:00+01:00', '2026-01-01', '2026-04-01', '1. kvartal 2026'],
    ['2026-03-31T23:59:00+02:00', '2026-01-01', '2026-04-01', '1. kvartal 2026'],
    ['2026-04-01T00:00:00+02:00', '2026-04-01', '2026-07-01', '2. kvartal 2026'],
    ['2026-09-30T22:30:00Z', '2026-10-01', '2027-01-01', '4. kvartal 2026'],
    ['2026-12-31T12:00:00Z', '2026-10-01', '2027-01-01', '4. kvartal 2026'],
  ])('at %s the quarter is %s to %s (%s)', (at, start, end, label) => {
    expect(quarterOf(new Date(at))).toEqual({ start, end, label })
  })

  it('Oslo midnight follows summer and winter time', () => {
    expect(osloMidnight('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z')
    expect(osloMidnight('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z')
  })

  it.each([
    ['2026-06-15T10:00:00Z', '2025-06-15'],
    ['2028-02-29T10:00:00Z', '2027-02-28'],
    ['2026-01-01T00:30:00+01:00', '2025-01-01'],
  ])('a year before %s is %s', (at, expected) => {
    expect(sameDateLastYear(new Date(at))).toBe(expected)
  })

  it.each([
    ['2026-03-01', '2026-03-31', 30],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2026-05-10', '2026-05-10', 0],
    ['2026-05-10', '2026-05-09', -1],
  ])('from %s to %s is %s days, whatever the clocks do', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days)
  })
})

describe('series', () => {
  it('fills the months that had nothing with 0', () => {
    const months = monthsUpTo(new Date('2026-03-10T12:00:00Z'), 3)
    expect(monthlySeries(months, [{ month: '2026-02', trials: 2, hires: 1 }])).toEqual([
      { month: '2026-01', label: 'jan. 2026', trials: 0, hires: 0 },
      { month: '2026-02', label: 'feb. 2026', trials: 2, hires: 1 },
      { month: '2026-03', label: 'mars 2026', trials: 0, hires: 0 },
    ])
  })

  const weeks = completeWeeksBefore(new Date('2026-06-17T12:00:00Z'))
  const ola = { id: '00000000-0000-4000-8000-000000000001', name: 'Ola', officeName: 'NAV A' }
  const kari = { id: '00000000-0000-4000-8000-000000000002', name: 'Kari', officeName: 'NAV A' }
  const nils = { id: '00000000-0000-4000-8000-000000000003', name: 'Nils', officeName: 'NAV B' }

  it.each([
    ['six in every week meets the target', ola, weeks.map(() => 6), 6, true],
    ['47 in 8 weeks is 5.9 a week: under it', kari, [6, 6, 6, 6, 6, 6, 6, 5], 5.9, false],
    ['one busy week can carry the average', nils, [48, 0, 0, 0, 0, 0, 0, 0], 6, true],
  ])('%s', (_, specialist, perWeek, average, meets) => {
    const counted = perWeek.map((contacts, index) => ({ specialistId: specialist.id, weekStart: weeks[index]!.start, contacts }))
    const [result] = specialistFidelity(weeks, [specialist], counted)
    expect(result).toMatchObject({ id: specialist.id, total: perWeek.reduce((a, b) => a + b, 0), weeklyAverage: average, meetsTarget: meets })
    expect(result!.weeks.map((week) => week.contacts)).toEqual(perWeek)
  })

  it('a specialist without contacts has 0 every week and does not meet the target', () => {
    const [result] = specialistFidelity(weeks, [ola], [{ specialistId: kari.id, weekStart: weeks[0]!.start, contacts: 9 }])
    expect(result).toMatchObject({ total: 0, weeklyAverage: 0, meetsTarget: false })
    expect(result!.weeks).toHaveLength(8)
  })
})

describe('days to the first employer contact', () => {
  const today = '2026-06-15'
  const start = (id: number, startedOn: string, firstContactOn: string | null, stillLooking = true): CandidateStart => ({
    candidateId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    officeName: 'NAV Test',
    startedOn,
    firstContactOn,
    stillLooking,
  })

  it('has nothing to say without candidates', () => {
    expect(firstContactFidelity([], today)).toMatchObject({
      candidates: 0,
      contacted: 0,
      medianDays: null,
      decided: 0,
      shareWithinTarget: null,
      waiting: 0,
      longestWaiting: [],
    })
  })

  it('counts the median over those contacted, and the share over those whose 30 days are over or who were contacted', () => {
    const result = firstContactFidelity(
      [
        start(1, '2026-01-10', '2026-01-20'), // 10 days: within
        start(2, '2026-02-01', '2026-03-03'), // 30 days: within, just
        start(3, '2026-02-01', '2026-03-04'), // 31 days: past
        start(4, '2026-06-01', null), // 14 days waiting: not decided yet
        start(5, '2026-04-01', null), // 75 days waiting: past
        start(6, '2026-03-01', null, false), // ended without a contact: past, but no longer waiting
      ],
      today,
    )
    expect(result).toMatchObject({
      candidates: 6,
      contacted: 3,
      medianDays: 30,
      decided: 5,
      withinTarget: 2,
      shareWithinTarget: 2 / 5,
      waiting: 2,
    })
    expect(result.waitingBands).toEqual([
      { label: '0–30 dager', count: 1 },
      { label: '31–60 dager', count: 0 },
      { label: '61–90 dager', count: 1 },
      { label: 'Mer enn 90 dager', count: 0 },
    ])
    expect(result.longestWaiting.map((candidate) => [candidate.candidateId.slice(-1), candidate.waitedDays])).toEqual([
      ['5', 75],
      ['4', 14],
    ])
  })

  it.each([
    [30, '0–30 dager'],
    [31, '31–60 dager'],
    [60, '31–60 dager'],
    [61, '61–90 dager'],
    [90, '61–90 dager'],
    [91, 'Mer enn 90 dager'],
    [400, 'Mer enn 90 dager'],
  ])('a candidate who has waited %s days is in the band %s', (days, band) => {
    const result = firstContactFidelity([start(1, daysAgo(today, days), null)], today)
    expect(result.waitingBands.find((found) => found.count === 1)?.label).toBe(band)
  })

  it('takes the median of an even number of candidates as the mean of the middle two, to one decimal', () => {
    const result = firstContactFidelity([start(1, '2026-05-01', '2026-05-04'), start(2, '2026-05-01', '2026-05-09')], today)
    expect(result.medianDays).toBe(5.5)
  })

  it('lists only the longest-waiting ten', () => {
    const many = Array.from({ length: 14 }, (_, index) => start(index + 1, daysAgo(today, index), null))
    const result = firstContactFidelity(many, today)
    expect(result.waiting).toBe(14)
    expect(result.longestWaiting).toHaveLength(10)
    expect(result.longestWaiting[0]!.waitedDays).toBe(13)
  })
})

function daysAgo(today: string, days: number): string {
  const date = new Date(`${today}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() - days)
  return date.toISOString().slice(0, 10)
}
