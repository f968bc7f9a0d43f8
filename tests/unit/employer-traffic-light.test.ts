import { describe, expect, it } from 'vitest'
import { trafficLightOf, type EmployerActivity } from '../../app/modules/employer-traffic-light'

const now = new Date('2026-12-02T10:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000)

const quiet: EmployerActivity = {
  lastContactAt: null,
  contactsLast30Days: 0,
  publishedOpenings: 0,
  activeTrials: 0,
  trialsLast12Months: 0,
  hiresLast12Months: 0,
  traineeCapacity: null,
}

describe('traffic light per employer', () => {
  it.each<[string, Partial<EmployerActivity>, 'green' | 'yellow' | 'red', string[]]>([
    ['never contacted, nothing going on', {}, 'yellow', []],
    ['an open opening but nobody has called', { publishedOpenings: 1 }, 'yellow', []],
    ['an open opening and a visit last week', { publishedOpenings: 1, lastContactAt: daysAgo(7), contactsLast30Days: 1 }, 'green', []],
    ['a trial running and a call today', { activeTrials: 1, lastContactAt: daysAgo(0), contactsLast30Days: 1, traineeCapacity: 2 }, 'green', []],
    ['hired last year, contact 90 days ago is still recent', { hiresLast12Months: 1, trialsLast12Months: 1, lastContactAt: daysAgo(90) }, 'green', []],
    ['hired last year, contact 91 days ago is no longer recent', { hiresLast12Months: 1, trialsLast12Months: 1, lastContactAt: daysAgo(91) }, 'yellow', []],
    ['recent contact but nothing to offer', { lastContactAt: daysAgo(3), contactsLast30Days: 1 }, 'yellow', []],
    ['two trials without hire: not yet the pattern', { trialsLast12Months: 2, lastContactAt: daysAgo(5), activeTrials: 1 }, 'green', []],
    ['three trials in 12 months and no hire', { trialsLast12Months: 3, lastContactAt: daysAgo(5), activeTrials: 1 }, 'red', ['trials_without_hire']],
    ['three trials and one hire is fine', { trialsLast12Months: 3, hiresLast12Months: 1, lastContactAt: daysAgo(5), publishedOpenings: 1 }, 'green', []],
    ['trainees above capacity', { activeTrials: 3, traineeCapacity: 2, lastContactAt: daysAgo(2), trialsLast12Months: 3, hiresLast12Months: 2 }, 'red', ['above_capacity']],
    ['capacity zero and one trainee is above it', { activeTrials: 1, traineeCapacity: 0, lastContactAt: daysAgo(2) }, 'red', ['above_capacity']],
    ['exactly at capacity is strain, not a flag', { activeTrials: 2, traineeCapacity: 2, lastContactAt: daysAgo(2) }, 'yellow', []],
    ['unknown capacity never flags', { activeTrials: 5, lastContactAt: daysAgo(2) }, 'green', []],
    ['six contacts in 30 days wears the employer out', { publishedOpenings: 2, lastContactAt: daysAgo(1), contactsLast30Days: 6 }, 'yellow', []],
    ['five contacts in 30 days is still fine', { publishedOpenings: 2, lastContactAt: daysAgo(1), contactsLast30Days: 5 }, 'green', []],
    ['both flags at once', { activeTrials: 4, traineeCapacity: 1, trialsLast12Months: 4, lastContactAt: daysAgo(1) }, 'red', ['trials_without_hire', 'above_capacity']],
  ])('%s', (_label, activity, light, flags) => {
    const result = trafficLightOf({ ...quiet, ...activity }, now)
    expect(result.light).toBe(light)
    expect(result.flags).toEqual(flags)
  })

  it('explains itself: one reason per signal, the bad ones saying what to do', () => {
    const result = trafficLightOf({ ...quiet, trialsLast12Months: 3, activeTrials: 1, traineeCapacity: 1, lastContactAt: daysAgo(200), contactsLast30Days: 0 }, now)
    expect(result.reasons.map((reason) => reason.text)).toEqual([
      'Ingen kontakt på 200 dager (over et halvt år).',
      'Ingen åpne stillinger.',
      '1 utprøving pågår.',
      '3 utprøvinger og 0 ansettelser siste 12 måneder. Snakk med arbeidsgiveren om ansettelse før neste utprøving.',
      'Fullt: 1 av 1 plasser for tiltaksdeltakere er i bruk.',
    ])
    expect(result.reasons.map((reason) => reason.tone)).toEqual(['warning', 'neutral', 'good', 'bad', 'warning'])
  })

  it('says when nobody has logged a contact, and when capacity is unknown with trainees in place', () => {
    const texts = trafficLightOf({ ...quiet, activeTrials: 2 }, now).reasons.map((reason) => reason.text)
    expect(texts).toContain('Ingen kontakt er logget ennå.')
    expect(texts).toContain('Kapasitet for tiltaksdeltakere er ikke avklart.')
    expect(texts).toContain('2 utprøvinger pågår.')
  })

  it('counts days in whole days, today being zero', () => {
    expect(trafficLightOf({ ...quiet, lastContactAt: daysAgo(0.5) }, now).reasons[0]?.text).toBe('Kontakt i dag.')
    expect(trafficLightOf({ ...quiet, lastContactAt: daysAgo(1) }, now).reasons[0]?.text).toBe('Siste kontakt for 1 dag siden.')
    expect(trafficLightOf({ ...quiet, lastContactAt: daysAgo(120) }, now).reasons[0]?.text).toBe('Siste kontakt for 120 dager siden.')
  })
})
