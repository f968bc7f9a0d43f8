import { describe, expect, it } from 'vitest'
import { acknowledgeDeadline, isWorkingDay, nextWorkingDay, osloInstant, osloWallClock, publicHolidayName, reminderTime } from '../../app/modules/working-days'

describe('Norwegian working days', () => {
  it.each([
    ['2026-12-01', true, 'an ordinary Tuesday'],
    ['2026-12-05', false, 'Saturday'],
    ['2026-12-06', false, 'Sunday'],
    ['2026-01-01', false, 'New Year\'s Day'],
    ['2026-04-02', false, 'Maundy Thursday'],
    ['2026-04-03', false, 'Good Friday'],
    ['2026-04-06', false, 'Easter Monday'],
    ['2026-05-01', false, 'Labour Day'],
    ['2026-05-14', false, 'Ascension Day'],
    ['2026-05-25', false, 'Whit Monday'],
    ['2026-12-24', true, 'Christmas Eve is a working day (not a public holiday)'],
    ['2026-12-25', false, 'Christmas Day'],
    ['2026-12-31', true, 'New Year\'s Eve is a working day'],
    ['2027-03-25', false, 'Maundy Thursday 2027'],
    ['2027-05-17', false, 'Constitution Day and Whit Monday at once'],
    ['2027-05-18', true, 'the Tuesday after'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected)
  })

  it('names public holidays in bokmål', () => {
    expect(publicHolidayName('2026-05-17')).toMatch(/grunnlovsdag/i)
    expect(publicHolidayName('2026-12-01')).toBeUndefined()
  })

  it.each([
    ['2026-12-01', '2026-12-02'],
    ['2026-12-04', '2026-12-07'],
    ['2026-04-01', '2026-04-07'],
    ['2026-12-23', '2026-12-24'],
    ['2026-12-24', '2026-12-28'],
    ['2027-05-14', '2027-05-18'],
  ])('the working day after %s is %s', (date, expected) => {
    expect(nextWorkingDay(date)).toBe(expected)
  })
})

describe('Oslo wall-clock time', () => {
  it.each([
    ['2026-12-01', '16:00', '2026-12-01T15:00:00.000Z', 'winter time, UTC+1'],
    ['2026-07-01', '16:00', '2026-07-01T14:00:00.000Z', 'summer time, UTC+2'],
    ['2026-03-30', '16:00', '2026-03-30T14:00:00.000Z', 'the Monday after clocks go forward'],
    ['2026-10-26', '16:00', '2026-10-26T15:00:00.000Z', 'the Monday after clocks go back'],
  ])('%s %s in Oslo is %s (%s)', (date, time, expected) => {
    expect(osloInstant(date, time).toISOString()).toBe(expected)
    expect(osloWallClock(new Date(expected))).toEqual({ date, time })
  })
})

describe('acknowledge by the end of the same working day', () => {
  it.each([
    ['2026-12-01T09:00:00Z', '2026-12-01T15:00:00.000Z', 'Tuesday 10:00 → 16:00 the same day'],
    ['2026-12-01T14:59:00Z', '2026-12-01T15:00:00.000Z', 'one minute before closing still counts as today'],
    ['2026-12-01T15:00:00Z', '2026-12-02T15:00:00.000Z', 'at 16:00 it is due the next working day'],
    ['2026-12-01T15:30:00Z', '2026-12-02T15:00:00.000Z', 'Tuesday 16:30 → Wednesday 16:00'],
    ['2026-12-04T16:00:00Z', '2026-12-07T15:00:00.000Z', 'Friday 17:00 → Monday 16:00'],
    ['2026-12-05T09:00:00Z', '2026-12-07T15:00:00.000Z', 'Saturday → Monday'],
    ['2026-12-06T22:30:00Z', '2026-12-07T15:00:00.000Z', 'Sunday 23:30 → Monday'],
    ['2026-04-01T13:00:00Z', '2026-04-01T14:00:00.000Z', 'Wednesday before Easter, 15:00 → 16:00 the same day'],
    ['2026-04-01T15:00:00Z', '2026-04-07T14:00:00.000Z', 'Wednesday before Easter, 17:00 → Tuesday after Easter Monday'],
    ['2026-05-13T16:00:00Z', '2026-05-15T14:00:00.000Z', 'the evening before Ascension Day → Friday'],
    ['2026-12-24T09:00:00Z', '2026-12-24T15:00:00.000Z', 'Christmas Eve morning → the same afternoon'],
    ['2026-12-24T16:00:00Z', '2026-12-28T15:00:00.000Z', 'Christmas Eve evening → Monday 28 December'],
    ['2027-05-14T15:00:00Z', '2027-05-18T14:00:00.000Z', 'Friday before 17 May 2027 (also Whit Monday) → Tuesday'],
    ['2026-03-27T16:00:00Z', '2026-03-30T14:00:00.000Z', 'across the change to summer time'],
  ])('%s → %s (%s)', (arrived, expected) => {
    expect(acknowledgeDeadline(new Date(arrived)).toISOString()).toBe(expected)
  })

  it('reminds an hour before the deadline, or at once when less is left', () => {
    const morning = new Date('2026-12-01T09:00:00Z')
    expect(reminderTime(morning, acknowledgeDeadline(morning)).toISOString()).toBe('2026-12-01T14:00:00.000Z')
    const late = new Date('2026-12-01T14:30:00Z')
    expect(reminderTime(late, acknowledgeDeadline(late)).toISOString()).toBe('2026-12-01T14:30:00.000Z')
  })
})
