/**
 * Job carving: combining separable, real tasks of one workplace into a job of a target size.
 * Pure functions, no I/O. Demand levels are indexes into the shared scales of
 * vocabulary.json's demandDimensions (0 = lowest, 2 = highest).
 */

export type TimeOfDay = 'DAG' | 'KVELD' | 'NATT'
export type DayKind = 'UKEDAGER' | 'LORDAG' | 'SONDAG'

export type CarvingTask = {
  id: string
  name: string
  hoursPerWeek: number
  /** Empty means "not stated": it neither overlaps nor conflicts. */
  timesOfDay: readonly TimeOfDay[]
  days: readonly DayKind[]
  /** Dimension code (e.g. "lifting") to level index 0..2; absent dimensions are not demanded. */
  demands: Readonly<Record<string, number>>
  /** Requirement codes, e.g. "driversLicenceB". */
  requirements: readonly string[]
  /** Whether the task can be separated out of today's roles; only separable tasks are carved. */
  separable: boolean
  /** Who does the task today (a role such as "Resepsjonist"); '' when not stated. */
  currentRole: string
}

export type CarvingTarget = {
  hoursPerWeek: number
  /** When given, only tasks done at one of these times (or with no time stated) are used. */
  timesOfDay?: readonly TimeOfDay[]
  days?: readonly DayKind[]
}

export type CarvingOptions = {
  /** How far from the target still counts as reaching it; default max(1, 10 % of the target). */
  toleranceHours?: number
  /** How many proposals to return; default 5. */
  maxProposals?: number
}

export type CoherenceParts = {
  /** 0..1: how much the tasks' times of day and days overlap. */
  schedule: number
  /** 0..1: how alike the tasks' demands are. */
  demands: number
  /** 0..1: fewer distinct requirements is better. */
  requirements: number
}

export type CarvedJobSummary = {
  taskIds: string[]
  totalHours: number
  /** 0..1 weighted from the parts. */
  coherence: number
  coherenceParts: CoherenceParts
  /** Highest level per demanded dimension over the tasks. */
  demandProfile: Record<string, number>
  /** Distinct requirements, sorted. */
  requirements: string[]
  /** Hours per week each current role no longer has to do, most first; '' role = not stated. */
  freedHoursByRole: { role: string; hours: number }[]
}

export type CarvingProposal = CarvedJobSummary & {
  reachesTarget: boolean
  /** totalHours - target (negative: short of it). */
  hoursFromTarget: number
}

export type CarvingResult = {
  /** 'reached': at least one proposal within tolerance; 'closest': none can, these come nearest;
   * 'no-tasks': no separable task fits the target's times and days. */
  status: 'reached' | 'closest' | 'no-tasks'
  toleranceHours: number
  proposals: CarvingProposal[]
}

/** Why the parts weigh what they do: a shared schedule and alike demands make a job one can learn and hold;
 * requirements matter less because most tasks have none, but each one narrows who can take the job. */
export const coherenceWeights = { schedule: 0.4, demands: 0.4, requirements: 0.2 } as const

const timeSlots: readonly TimeOfDay[] = ['DAG', 'KVELD', 'NATT']
const daySlots: readonly DayKind[] = ['UKEDAGER', 'LORDAG', 'SONDAG']

/** A task turned into numbers once per run, so the search can combine thousands of sets cheaply. */
type PreparedTask = {
  index: number
  task: CarvingTask
  hours: number
  times: readonly boolean[]
  days: readonly boolean[]
  demandLevels: Float64Array
  requirementMask: number
  timesStated: boolean
  daysStated: boolean
  /** Zobrist hash halves: a set's key is the XOR of its tasks', so growing a set updates its key in O(1). */
  hashHigh: number
  hashLow: number
}

/** What a set of tasks adds up to; extended one task at a time. */
type Aggregate = {
  members: readonly number[]
  hours: number
  /** Hours doable in each time slot; tasks without stated times count towards every slot. */
  timeHours: readonly number[]
  timeStated: boolean
  dayHours: readonly number[]
  dayStated: boolean
  demandMin: Float64Array
  demandMax: Float64Array
  requirementMask: number
  hashHigh: number
  hashLow: number
}

type Universe = { dimensions: string[]; requirements: string[] }

function universeOf(tasks: readonly CarvingTask[]): Universe {
  const dimensions = new Set<string>()
  const requirements = new Set<string>()
  for (const task of tasks) {
    for (const [dimension, level] of Object.entries(task.demands)) if (level > 0) dimensions.add(dimension)
    for (const requirement of task.requirements) requirements.add(requirement)
  }
  return { dimensions: [...dimensions].sort(), requirements: [...requirements].sort() }
}

function prepare(task: CarvingTask, index: number, universe: Universe): PreparedTask {
  let requirementMask = 0
  for (const requirement of task.requirements) {
    const bit = universe.requirements.indexOf(requirement)
    // Past 30 distinct requirements the bit mask would overflow; such sets count as requiring everything.
    requirementMask |= bit < 30 ? 1 << bit : 1 << 30
  }
  const times = timeSlots.map((slot) => task.timesOfDay.includes(slot))
  const days = daySlots.map((slot) => task.days.includes(slot))
  return {
    index,
    task,
    hours: task.hoursPerWeek,
    times,
    days,
    demandLevels: Float64Array.from(universe.dimensions, (dimension) => task.demands[dimension] ?? 0),
    requirementMask,
    timesStated: times.some(Boolean),
    daysStated: days.some(Boolean),
    hashHigh: hashHalf(index * 2 + 1),
    hashLow: hashHalf(index * 2 + 2),
  }
}

/** 26 well-mixed bits from a number (integer hash of Thomas Wang), so two halves make a 52-bit safe-integer key. */
function hashHalf(value: number): number {
  let hash = value | 0
  hash = (hash ^ 61) ^ (hash >>> 16)
  hash = Math.imul(hash, 9)
  hash ^= hash >>> 4
  hash = Math.imul(hash, 0x27d4eb2d)
  hash ^= hash >>> 15
  return hash & 0x3ffffff
}

const keyOf = (aggregate: Pick<Aggregate, 'hashHigh' | 'hashLow'>) => aggregate.hashHigh * 0x4000000 + aggregate.hashLow

function emptyAggregate(dimensionCount: number): Aggregate {
  return {
    members: [],
    hours: 0,
    timeHours: [0, 0, 0],
    timeStated: false,
    dayHours: [0, 0, 0],
    dayStated: false,
    demandMin: new Float64Array(dimensionCount).fill(Number.POSITIVE_INFINITY),
    demandMax: new Float64Array(dimensionCount).fill(Number.NEGATIVE_INFINITY),
    requirementMask: 0,
    hashHigh: 0,
    hashLow: 0,
  }
}

function slotHours(current: readonly number[], slots: readonly boolean[], stated: boolean, hours: number): number[] {
  return current.map((sum, slot) => sum + (!stated || slots[slot] ? hours : 0))
}

function withTask(aggregate: Aggregate, task: PreparedTask): Aggregate {
  const demandMin = aggregate.demandMin.slice()
  const demandMax = aggregate.demandMax.slice()
  for (let dimension = 0; dimension < task.demandLevels.length; dimension++) {
    const level = task.demandLevels[dimension]!
    if (level < demandMin[dimension]!) demandMin[dimension] = level
    if (level > demandMax[dimension]!) demandMax[dimension] = level
  }
  return {
    members: [...aggregate.members, task.index].sort((a, b) => a - b),
    hours: aggregate.hours + task.hours,
    timeHours: slotHours(aggregate.timeHours, task.times, task.timesStated, task.hours),
    timeStated: aggregate.timeStated || task.timesStated,
    dayHours: slotHours(aggregate.dayHours, task.days, task.daysStated, task.hours),
    dayStated: aggregate.dayStated || task.daysStated,
    demandMin,
    demandMax,
    requirementMask: aggregate.requirementMask | task.requirementMask,
    hashHigh: aggregate.hashHigh ^ task.hashHigh,
    hashLow: aggregate.hashLow ^ task.hashLow,
  }
}

function bitCount(mask: number): number {
  let count = 0
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++
  return count
}

/**
 * The share of the hours that can be done in one common slot (a time of day, or a kind of day), for the set
 * with `task` added when given. Tasks without stated slots fit every slot.
 */
function sharedSlotShare(
  slotHoursList: readonly number[],
  stated: boolean,
  hours: number,
  task: { slots: readonly boolean[]; stated: boolean; hours: number } | undefined,
): number {
  const anyStated = stated || (task?.stated ?? false)
  const totalHours = hours + (task?.hours ?? 0)
  if (!anyStated || totalHours <= 0) return 1
  let best = 0
  for (let slot = 0; slot < slotHoursList.length; slot++) {
    const added = task && (!task.stated || task.slots[slot]) ? task.hours : 0
    best = Math.max(best, slotHoursList[slot]! + added)
  }
  return Math.min(1, best / totalHours)
}

/** Coherence of the set, or of the set with `task` added, computed without building the larger set. */
function coherenceParts(aggregate: Aggregate, task?: PreparedTask): CoherenceParts {
  const schedule =
    (sharedSlotShare(aggregate.timeHours, aggregate.timeStated, aggregate.hours, task && { slots: task.times, stated: task.timesStated, hours: task.hours }) +
      sharedSlotShare(aggregate.dayHours, aggregate.dayStated, aggregate.hours, task && { slots: task.days, stated: task.daysStated, hours: task.hours })) /
    2
  let spreadSum = 0
  let demanded = 0
  for (let dimension = 0; dimension < aggregate.demandMax.length; dimension++) {
    const level = task ? task.demandLevels[dimension]! : Number.NaN
    const highest = task ? Math.max(aggregate.demandMax[dimension]!, level) : aggregate.demandMax[dimension]!
    if (highest <= 0) continue
    const lowest = task ? Math.min(aggregate.demandMin[dimension]!, level) : aggregate.demandMin[dimension]!
    demanded++
    // Levels run 0..2, so a spread of 2 is as unlike as two tasks can be.
    spreadSum += (highest - lowest) / 2
  }
  const demands = demanded === 0 ? 1 : 1 - spreadSum / demanded
  const requirements = 1 / (1 + bitCount(aggregate.requirementMask | (task?.requirementMask ?? 0)))
  return { schedule, demands, requirements }
}

function weightedCoherence(parts: CoherenceParts): number {
  return (
    coherenceWeights.schedule * parts.schedule + coherenceWeights.demands * parts.demands + coherenceWeights.requirements * parts.requirements
  )
}

const roundHours = (hours: number) => Math.round(hours * 100) / 100
const roundScore = (score: number) => Math.round(score * 1000) / 1000

function summarise(tasks: readonly CarvingTask[], aggregate: Aggregate, universe: Universe): CarvedJobSummary {
  const parts = coherenceParts(aggregate)
  const demandProfile: Record<string, number> = {}
  universe.dimensions.forEach((dimension, index) => {
    const highest = aggregate.demandMax[index]!
    if (highest > 0) demandProfile[dimension] = highest
  })
  const freed = new Map<string, number>()
  for (const task of tasks) {
    const role = task.currentRole.trim()
    freed.set(role, (freed.get(role) ?? 0) + task.hoursPerWeek)
  }
  return {
    taskIds: tasks.map((task) => task.id),
    totalHours: roundHours(aggregate.hours),
    coherence: roundScore(weightedCoherence(parts)),
    coherenceParts: { schedule: roundScore(parts.schedule), demands: roundScore(parts.demands), requirements: roundScore(parts.requirements) },
    demandProfile,
    requirements: [...new Set(tasks.flatMap((task) => task.requirements))].sort(),
    freedHoursByRole: [...freed]
      .map(([role, hours]) => ({ role, hours: roundHours(hours) }))
      .sort((a, b) => b.hours - a.hours || a.role.localeCompare(b.role, 'nb')),
  }
}

/** Total hours, demand profile, requirements and freed hours of exactly these tasks. */
export function summariseCarvedJob(tasks: readonly CarvingTask[]): CarvedJobSummary {
  const universe = universeOf(tasks)
  const aggregate = tasks.reduce(
    (sum, task, index) => withTask(sum, prepare(task, index, universe)),
    emptyAggregate(universe.dimensions.length),
  )
  return summarise(tasks, aggregate, universe)
}

const maxTargetHours = 100

function assertValidTarget(target: CarvingTarget, options: CarvingOptions): void {
  if (!Number.isFinite(target.hoursPerWeek) || target.hoursPerWeek <= 0 || target.hoursPerWeek > maxTargetHours) {
    throw new RangeError(`Target hours must be above 0 and at most ${maxTargetHours}; got ${target.hoursPerWeek}`)
  }
  if (options.toleranceHours !== undefined && (!Number.isFinite(options.toleranceHours) || options.toleranceHours < 0)) {
    throw new RangeError(`Tolerance must be zero or more hours; got ${options.toleranceHours}`)
  }
  if (options.maxProposals !== undefined && (!Number.isInteger(options.maxProposals) || options.maxProposals < 1)) {
    throw new RangeError(`maxProposals must be a positive integer; got ${options.maxProposals}`)
  }
}

const overlapsOrUnstated = <T>(stated: readonly T[], wanted: readonly T[] | undefined) =>
  !wanted || wanted.length === 0 || stated.length === 0 || stated.some((value) => wanted.includes(value))

/** Separable tasks with hours that can be done at the target's times and days, in a stable order. */
function eligibleTasks(tasks: readonly CarvingTask[], target: CarvingTarget): CarvingTask[] {
  return tasks
    .filter(
      (task) =>
        task.separable &&
        Number.isFinite(task.hoursPerWeek) &&
        task.hoursPerWeek > 0 &&
        overlapsOrUnstated(task.timesOfDay, target.timesOfDay) &&
        overlapsOrUnstated(task.days, target.days),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

type Scored = { aggregate: Aggregate; coherence: number; key: number }

function score(aggregate: Aggregate): Scored {
  return { aggregate, coherence: weightedCoherence(coherenceParts(aggregate)), key: keyOf(aggregate) }
}

/** How many partial sets survive each step of the search; wide enough to find several good sets among 200 tasks. */
const beamWidth = 24
/** A carved job of more tasks than this is no longer a job one can describe; the subset-sum fallback still answers. */
const maxTasksPerProposal = 25
/** Complete sets kept while searching; enough to rank and pick distinct proposals from. */
const foundLimit = 64

/** A set one task larger than its parent, scored before it is built: most are thrown away. */
type Growth = { parent: Scored; task: PreparedTask; coherence: number; hours: number; key: number }

/**
 * Beam search: grow sets one task at a time, keep the most coherent partial sets, and collect the sets whose
 * hours land within the tolerance. Coherence rarely rises when a task is added, so the best partial sets are
 * good predictors of the best complete ones.
 */
function beamSearch(prepared: readonly PreparedTask[], lower: number, upper: number, target: number, dimensionCount: number): Scored[] {
  const found = new BestOf<Growth>(
    foundLimit,
    (a, b) => b.coherence - a.coherence || Math.abs(a.hours - target) - Math.abs(b.hours - target) || a.key - b.key,
  )
  let beam: Scored[] = [score(emptyAggregate(dimensionCount))]
  for (let size = 1; size <= maxTasksPerProposal && beam.length > 0; size++) {
    const seen = new Set<number>()
    const next = new BestOf<Growth>(beamWidth, (a, b) => b.coherence - a.coherence || b.hours - a.hours || a.key - b.key)
    for (const state of beam) {
      for (const task of prepared) {
        const hours = state.aggregate.hours + task.hours
        if (hours > upper + 1e-9 || state.aggregate.members.includes(task.index)) continue
        const key = (state.aggregate.hashHigh ^ task.hashHigh) * 0x4000000 + (state.aggregate.hashLow ^ task.hashLow)
        if (seen.has(key)) continue
        seen.add(key)
        const growth: Growth = { parent: state, task, coherence: weightedCoherence(coherenceParts(state.aggregate, task)), hours, key }
        next.offer(growth)
        if (hours >= lower - 1e-9) found.offer(growth)
      }
    }
    beam = next.items.map((growth) => score(withTask(growth.parent.aggregate, growth.task)))
  }
  return found.items.map((growth) => score(withTask(growth.parent.aggregate, growth.task)))
}

/** The best `capacity` items offered so far, in order; most offers are turned away by one comparison. */
class BestOf<T> {
  readonly items: T[] = []
  constructor(
    private readonly capacity: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    const items = this.items
    if (items.length === this.capacity && this.compare(item, items[items.length - 1]!) >= 0) return
    let low = 0
    let high = items.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.compare(items[middle]!, item) <= 0) low = middle + 1
      else high = middle
    }
    items.splice(low, 0, item)
    if (items.length > this.capacity) items.pop()
  }
}

const compareKeys = (a: number, b: number) => a - b

/** Hours are compared in quarter hours in the subset-sum table. */
const unitsPerHour = 4
const unitsOf = (task: PreparedTask) => Math.max(1, Math.round(task.hours * unitsPerHour))

/**
 * Subset sum over quarter hours: which totals the tasks can make, and one set of tasks for each total.
 * This is the ground truth for "no combination reaches the target" and finds the closest totals.
 */
function reachableTotals(prepared: readonly PreparedTask[], capUnits: number) {
  // Larger tasks first, so the reconstruction prefers fewer tasks.
  const order = [...prepared].sort((a, b) => b.hours - a.hours || a.index - b.index)
  const weights = order.map(unitsOf)
  // table[row] marks the totals the first `row` tasks can make.
  const first = new Uint8Array(capUnits + 1)
  first[0] = 1
  const table: Uint8Array[] = [first]
  let previous = first
  for (const weight of weights) {
    const current = previous.slice()
    for (let units = weight; units <= capUnits; units++) if (previous[units - weight]) current[units] = 1
    table.push(current)
    previous = current
  }
  const last = previous
  return {
    reachable: (units: number) => units > 0 && units <= capUnits && last[units] === 1,
    tasksFor(units: number): PreparedTask[] {
      const chosen: PreparedTask[] = []
      let rest = units
      for (let row = order.length; row > 0 && rest > 0; row--) {
        if (table[row - 1]![rest]) continue
        chosen.push(order[row - 1]!)
        rest -= weights[row - 1]!
      }
      return chosen
    },
  }
}

function aggregateOf(tasks: readonly PreparedTask[], dimensionCount: number): Aggregate {
  return tasks.reduce(withTask, emptyAggregate(dimensionCount))
}

/** Sets that differ from a better one by little are shown after the distinct ones, so the first proposals give real choices. */
function preferDistinct(ranked: readonly Scored[], count: number): Scored[] {
  const distinct: Scored[] = []
  const similar: Scored[] = []
  for (const candidate of ranked) {
    const members = new Set(candidate.aggregate.members)
    const tooAlike = distinct.some((chosen) => {
      const shared = chosen.aggregate.members.filter((member) => members.has(member)).length
      return shared / (members.size + chosen.aggregate.members.length - shared) >= 0.75
    })
    ;(tooAlike ? similar : distinct).push(candidate)
  }
  return [...distinct, ...similar].slice(0, count)
}

/**
 * Proposes combinations of separable tasks that reach the target size, most coherent first. When no
 * combination lands within the tolerance, the closest totals are proposed instead (status 'closest').
 * Deterministic: the same tasks and target give the same proposals whatever order the tasks come in.
 */
export function proposeCarvedJobs(tasks: readonly CarvingTask[], target: CarvingTarget, options: CarvingOptions = {}): CarvingResult {
  assertValidTarget(target, options)
  const toleranceHours = options.toleranceHours ?? Math.max(1, target.hoursPerWeek * 0.1)
  const maxProposals = options.maxProposals ?? 5
  const eligible = eligibleTasks(tasks, target)
  if (eligible.length === 0) return { status: 'no-tasks', toleranceHours, proposals: [] }

  const universe = universeOf(eligible)
  const dimensionCount = universe.dimensions.length
  const prepared = eligible.map((task, index) => prepare(task, index, universe))
  const lower = Math.max(0, target.hoursPerWeek - toleranceHours)
  const upper = target.hoursPerWeek + toleranceHours

  const found = new Map(beamSearch(prepared, lower, upper, target.hoursPerWeek, dimensionCount).map((candidate) => [candidate.key, candidate]))
  const totalUnits = Math.round(prepared.reduce((sum, task) => sum + task.hours, 0) * unitsPerHour)
  // Totals beyond twice the target are never closer than the empty job, except the smallest task when all are large.
  const smallestUnits = Math.min(...prepared.map(unitsOf))
  const capUnits = Math.min(totalUnits, Math.max(smallestUnits, Math.ceil((2 * target.hoursPerWeek + toleranceHours) * unitsPerHour)))
  const totals = reachableTotals(prepared, capUnits)
  const targetUnits = target.hoursPerWeek * unitsPerHour
  const byDistance = Array.from({ length: capUnits }, (_, index) => index + 1)
    .filter(totals.reachable)
    .sort((a, b) => Math.abs(a - targetUnits) - Math.abs(b - targetUnits) || a - b)

  let status: CarvingResult['status'] = 'reached'
  if (found.size < maxProposals) {
    // The beam may miss sets made of less coherent tasks; the subset-sum table still knows every reachable total.
    const withinTolerance = byDistance.filter((units) => units >= lower * unitsPerHour - 1e-9 && units <= upper * unitsPerHour + 1e-9)
    const totalsToUse = withinTolerance.length > 0 ? withinTolerance : byDistance
    if (withinTolerance.length === 0 && found.size === 0) status = 'closest'
    for (const units of totalsToUse.slice(0, maxProposals)) {
      const candidate = score(aggregateOf(totals.tasksFor(units), dimensionCount))
      if (status === 'reached' && (candidate.aggregate.hours < lower - 1e-9 || candidate.aggregate.hours > upper + 1e-9)) continue
      found.set(candidate.key, candidate)
    }
  }

  const distanceOf = (candidate: Scored) => Math.abs(candidate.aggregate.hours - target.hoursPerWeek)
  const ranked = [...found.values()].sort((a, b) =>
    status === 'closest'
      ? distanceOf(a) - distanceOf(b) || b.coherence - a.coherence || compareKeys(a.key, b.key)
      : b.coherence - a.coherence ||
        distanceOf(a) - distanceOf(b) ||
        a.aggregate.members.length - b.aggregate.members.length ||
        compareKeys(a.key, b.key),
  )
  const proposals = preferDistinct(ranked, maxProposals).map((candidate): CarvingProposal => {
    const chosenTasks = candidate.aggregate.members.map((member) => prepared[member]!.task)
    const summary = summarise(chosenTasks, candidate.aggregate, universe)
    const hoursFromTarget = roundHours(candidate.aggregate.hours - target.hoursPerWeek)
    return { ...summary, reachesTarget: Math.abs(hoursFromTarget) <= toleranceHours + 1e-9, hoursFromTarget }
  })
  return { status, toleranceHours, proposals }
}
