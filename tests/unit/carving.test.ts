import { describe, expect, it } from 'vitest'
import { proposeCarvedJobs, summariseCarvedJob, type CarvingTask, type CarvingTarget } from '../../matching/carving'

function task(id: string, hoursPerWeek: number, overrides: Partial<CarvingTask> = {}): CarvingTask {
  return {
    id,
    name: `Oppgave ${id}`,
    hoursPerWeek,
    timesOfDay: ['DAG'],
    days: ['UKEDAGER'],
    demands: {},
    requirements: [],
    separable: true,
    currentRole: 'Butikkmedarbeider',
    ...overrides,
  }
}

const firstIds = (tasks: CarvingTask[], target: CarvingTarget, toleranceHours?: number) =>
  [...(proposeCarvedJobs(tasks, target, { toleranceHours }).proposals[0]?.taskIds ?? [])].sort()

describe('proposeCarvedJobs: which tasks are combined', () => {
  const cases: { name: string; tasks: CarvingTask[]; target: CarvingTarget; tolerance?: number; expected: string[] }[] = [
    {
      name: 'exact combination of the target size',
      tasks: [task('a', 4), task('b', 4), task('c', 4), task('d', 9)],
      target: { hoursPerWeek: 12 },
      tolerance: 0,
      expected: ['a', 'b', 'c'],
    },
    {
      name: 'tasks that cannot be separated out are never used',
      tasks: [task('a', 6), task('b', 6, { separable: false }), task('c', 6)],
      target: { hoursPerWeek: 12 },
      expected: ['a', 'c'],
    },
    {
      name: 'tasks on the same schedule beat a night task',
      tasks: [task('day1', 6), task('day2', 6), task('night', 6, { timesOfDay: ['NATT'] })],
      target: { hoursPerWeek: 12 },
      expected: ['day1', 'day2'],
    },
    {
      name: 'alike demands beat a heavy-lifting task',
      tasks: [
        task('light1', 6, { demands: { lifting: 1, standing: 1 } }),
        task('light2', 6, { demands: { lifting: 1, standing: 1 } }),
        task('heavy', 6, { demands: { lifting: 2, standing: 2 } }),
      ],
      target: { hoursPerWeek: 12 },
      expected: ['light1', 'light2'],
    },
    {
      name: 'fewer distinct requirements win',
      tasks: [
        task('plain1', 6),
        task('plain2', 6),
        task('truck', 6, { requirements: ['forkliftLicence'] }),
        task('car', 6, { requirements: ['driversLicenceB'] }),
      ],
      target: { hoursPerWeek: 12 },
      expected: ['plain1', 'plain2'],
    },
    {
      name: 'a time-of-day wish keeps other times out, tasks without stated times stay in',
      tasks: [task('day', 6), task('evening', 6, { timesOfDay: ['KVELD'] }), task('any', 6, { timesOfDay: [] })],
      target: { hoursPerWeek: 12, timesOfDay: ['KVELD'] },
      expected: ['any', 'evening'],
    },
    {
      name: 'a day wish keeps weekday-only tasks out',
      tasks: [task('weekday', 6), task('sat', 6, { days: ['LORDAG'] }), task('weekend', 6, { days: ['LORDAG', 'SONDAG'] })],
      target: { hoursPerWeek: 12, days: ['LORDAG'] },
      expected: ['sat', 'weekend'],
    },
    {
      name: 'within tolerance counts as reaching',
      tasks: [task('a', 5.5), task('b', 5.5), task('c', 20)],
      target: { hoursPerWeek: 12 },
      expected: ['a', 'b'],
    },
  ]
  it.each(cases)('$name', ({ tasks, target, tolerance, expected }) => {
    expect(firstIds(tasks, target, tolerance)).toEqual(expected)
    expect(proposeCarvedJobs(tasks, target, { toleranceHours: tolerance }).status).toBe('reached')
  })
})

describe('proposeCarvedJobs: targets no combination can reach', () => {
  const cases: {
    name: string
    tasks: CarvingTask[]
    target: CarvingTarget
    tolerance?: number
    closestHours: number[]
  }[] = [
    {
      name: 'tasks of 5 hours cannot make 12; 10 and 15 are closest',
      tasks: [task('a', 5), task('b', 5), task('c', 5), task('d', 5)],
      target: { hoursPerWeek: 12 },
      tolerance: 1,
      closestHours: [10, 15],
    },
    {
      name: 'a target above all tasks together gives everything there is',
      tasks: [task('a', 2), task('b', 3)],
      target: { hoursPerWeek: 20 },
      closestHours: [5],
    },
    {
      name: 'one big task and a tiny target',
      tasks: [task('a', 30)],
      target: { hoursPerWeek: 4 },
      closestHours: [30],
    },
  ]
  it.each(cases)('$name', ({ tasks, target, tolerance, closestHours }) => {
    const result = proposeCarvedJobs(tasks, target, { toleranceHours: tolerance })
    expect(result.status).toBe('closest')
    expect(result.proposals.map((proposal) => proposal.totalHours).slice(0, closestHours.length)).toEqual(closestHours)
    for (const proposal of result.proposals) {
      expect(proposal.reachesTarget).toBe(false)
      expect(proposal.hoursFromTarget).toBe(proposal.totalHours - target.hoursPerWeek)
    }
  })

  it.each([
    { name: 'no tasks at all', tasks: [] as CarvingTask[], target: { hoursPerWeek: 12 } },
    { name: 'only tasks that cannot be separated out', tasks: [task('a', 6, { separable: false })], target: { hoursPerWeek: 6 } },
    { name: 'no task at the wished time', tasks: [task('a', 6)], target: { hoursPerWeek: 6, timesOfDay: ['NATT'] as const } },
  ])('$name gives no-tasks', ({ tasks, target }) => {
    expect(proposeCarvedJobs(tasks, target)).toMatchObject({ status: 'no-tasks', proposals: [] })
  })

  it.each([0, -3, Number.NaN, Number.POSITIVE_INFINITY, 101])('target %s hours is refused', (hoursPerWeek) => {
    expect(() => proposeCarvedJobs([task('a', 6)], { hoursPerWeek })).toThrow(RangeError)
  })

  it('refuses a negative tolerance and a zero proposal count', () => {
    expect(() => proposeCarvedJobs([task('a', 6)], { hoursPerWeek: 6 }, { toleranceHours: -1 })).toThrow(RangeError)
    expect(() => proposeCarvedJobs([task('a', 6)], { hoursPerWeek: 6 }, { maxProposals: 0 })).toThrow(RangeError)
  })
})

describe('proposeCarvedJobs: tolerance, ranking and determinism', () => {
  it.each([
    { target: 5, tolerance: 1 },
    { target: 12, tolerance: 1.2 },
    { target: 30, tolerance: 3 },
  ])('default tolerance for $target hours is $tolerance', ({ target, tolerance }) => {
    expect(proposeCarvedJobs([task('a', 1)], { hoursPerWeek: target }).toleranceHours).toBeCloseTo(tolerance)
  })

  it('ranks proposals by coherence, best first, and gives at most the asked number', () => {
    const tasks = Array.from({ length: 12 }, (_, index) =>
      task(`t${index}`, 2 + (index % 4), { timesOfDay: index % 3 === 0 ? ['KVELD'] : ['DAG'], demands: { lifting: index % 3 } }),
    )
    const result = proposeCarvedJobs(tasks, { hoursPerWeek: 12 }, { maxProposals: 4 })
    expect(result.proposals).toHaveLength(4)
    const coherence = result.proposals.map((proposal) => proposal.coherence)
    expect(coherence).toEqual([...coherence].sort((a, b) => b - a))
    expect(new Set(result.proposals.map((proposal) => [...proposal.taskIds].sort().join())).size).toBe(4)
  })

  it('gives the same proposals whatever order the tasks come in', () => {
    const tasks = Array.from({ length: 30 }, (_, index) => task(`t${String(index).padStart(2, '0')}`, 1 + (index % 5), { demands: { tempo: index % 3 } }))
    const reversed = [...tasks].reverse()
    const normalise = (result: ReturnType<typeof proposeCarvedJobs>) => result.proposals.map((proposal) => [...proposal.taskIds].sort())
    expect(normalise(proposeCarvedJobs(reversed, { hoursPerWeek: 15 }))).toEqual(normalise(proposeCarvedJobs(tasks, { hoursPerWeek: 15 })))
  })

  it('finds a reaching set when only less coherent tasks can make the target', () => {
    // Coherent one-hour tasks can make at most 3 hours; the target needs the mixed large tasks.
    const tasks = [
      ...Array.from({ length: 3 }, (_, index) => task(`small${index}`, 1)),
      task('big1', 7, { timesOfDay: ['KVELD'], demands: { lifting: 2 }, requirements: ['driversLicenceB'] }),
      task('big2', 13, { timesOfDay: ['NATT'], demands: { noise: 2 }, requirements: ['forkliftLicence'] }),
    ]
    const result = proposeCarvedJobs(tasks, { hoursPerWeek: 20 }, { toleranceHours: 0 })
    expect(result.status).toBe('reached')
    expect(result.proposals[0]?.totalHours).toBe(20)
  })

  it('agrees with brute force about whether the target can be reached (seeded random workplaces)', () => {
    let seed = 20261122
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let round = 0; round < 200; round++) {
      const count = 1 + Math.floor(random() * 10)
      const tasks = Array.from({ length: count }, (_, index) => task(`r${index}`, 0.5 * (1 + Math.floor(random() * 20))))
      const target = 1 + Math.floor(random() * 30)
      const tolerance = Math.floor(random() * 3) * 0.5
      let reachable = false
      for (let mask = 1; mask < 1 << count && !reachable; mask++) {
        const hours = tasks.reduce((sum, candidate, index) => (mask & (1 << index) ? sum + candidate.hoursPerWeek : sum), 0)
        reachable = Math.abs(hours - target) <= tolerance
      }
      const result = proposeCarvedJobs(tasks, { hoursPerWeek: target }, { toleranceHours: tolerance })
      expect(result.status, `round ${round}`).toBe(reachable ? 'reached' : 'closest')
      const first = result.proposals[0]
      expect(first, `round ${round}`).toBeDefined()
      if (reachable) expect(Math.abs(first!.totalHours - target)).toBeLessThanOrEqual(tolerance)
    }
  })
})

describe('summariseCarvedJob', () => {
  const tasks = [
    task('till', 6, { demands: { standing: 2, lifting: 0 }, currentRole: 'Butikkmedarbeider' }),
    task('shelves', 4, { demands: { lifting: 1 }, requirements: ['foodHygiene'], currentRole: 'Butikkmedarbeider' }),
    task('van', 3, { demands: { lifting: 2 }, requirements: ['driversLicenceB', 'foodHygiene'], currentRole: 'Sjåfør' }),
    task('unknown', 1.5, { currentRole: '' }),
  ]
  const summary = summariseCarvedJob(tasks)

  it('adds up the hours', () => expect(summary.totalHours).toBe(14.5))
  it('takes the highest level per demanded dimension', () => expect(summary.demandProfile).toEqual({ standing: 2, lifting: 2 }))
  it('lists each requirement once, sorted', () => expect(summary.requirements).toEqual(['driversLicenceB', 'foodHygiene']))
  it('tells what it frees for each role, most first', () =>
    expect(summary.freedHoursByRole).toEqual([
      { role: 'Butikkmedarbeider', hours: 10 },
      { role: 'Sjåfør', hours: 3 },
      { role: '', hours: 1.5 },
    ]))
  it('scores coherence from its parts', () => {
    expect(summary.coherenceParts.schedule).toBe(1)
    expect(summary.coherenceParts.requirements).toBeCloseTo(1 / 3, 3)
    expect(summary.coherence).toBeGreaterThan(0)
    expect(summary.coherence).toBeLessThan(1)
  })
  it('gives a single task full schedule and demand coherence', () => {
    expect(summariseCarvedJob([task('one', 3, { demands: { lifting: 2 } })]).coherenceParts).toEqual({ schedule: 1, demands: 1, requirements: 1 })
  })
  it('summarises nothing as zero hours', () => expect(summariseCarvedJob([]).totalHours).toBe(0))
})
