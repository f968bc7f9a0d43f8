// Carving time for a large workplace: 200 tasks drawn from the task catalogue with realistic hours,
// schedules and roles, carved to several target sizes. Pure CPU, no database: the assistant's
// response time is this plus one query for the tasks.
import { proposeCarvedJobs, type CarvingTarget, type CarvingTask, type DayKind, type TimeOfDay } from '../matching/carving'
import { taskCatalogue } from '../prisma-free-sql/reference-data/vocabulary'

export const CARVING_P95_TARGET_MS = 50
const TASK_COUNT = 200
const RUNS_PER_TARGET = 60

/** A small deterministic generator, so every run measures the same workplace. */
function seededRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

export function largeWorkplace(taskCount = TASK_COUNT): CarvingTask[] {
  const random = seededRandom(2026)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const roles = ['Butikkmedarbeider', 'Lagermedarbeider', 'Renholder', 'Kokk', 'Resepsjonist', 'Vaktmester', 'Sjåfør', '']
  const schedules: { timesOfDay: TimeOfDay[]; days: DayKind[] }[] = [
    { timesOfDay: ['DAG'], days: ['UKEDAGER'] },
    { timesOfDay: ['DAG'], days: ['UKEDAGER', 'LORDAG'] },
    { timesOfDay: ['KVELD'], days: ['UKEDAGER'] },
    { timesOfDay: ['DAG', 'KVELD'], days: ['LORDAG', 'SONDAG'] },
    { timesOfDay: ['NATT'], days: ['UKEDAGER', 'LORDAG', 'SONDAG'] },
    { timesOfDay: [], days: [] },
  ]
  return Array.from({ length: taskCount }, (_, index) => {
    const entry = pick(taskCatalogue)
    return {
      id: `task-${String(index).padStart(3, '0')}`,
      name: entry.name,
      hoursPerWeek: 0.5 * (1 + Math.floor(random() * 16)),
      ...pick(schedules),
      demands: entry.demands,
      requirements: entry.requirements,
      separable: random() < 0.8,
      currentRole: pick(roles),
    }
  })
}

const targets: { label: string; target: CarvingTarget }[] = [
  { label: '12 t/uke', target: { hoursPerWeek: 12 } },
  { label: '20 t/uke, dagtid ukedager', target: { hoursPerWeek: 20, timesOfDay: ['DAG'], days: ['UKEDAGER'] } },
  { label: '37,5 t/uke', target: { hoursPerWeek: 37.5 } },
  { label: '6 t/uke, kveld', target: { hoursPerWeek: 6, timesOfDay: ['KVELD'] } },
]

const percentile = (sorted: readonly number[], share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!

export type CarvingBenchmark = { p50Ms: number; p95Ms: number; maxMs: number; runs: number; taskCount: number; withinTarget: boolean }

export function benchmarkCarving(): CarvingBenchmark {
  const tasks = largeWorkplace()
  // Warm-up, so the JIT's first compilations are not counted as the user's wait.
  for (const { target } of targets) proposeCarvedJobs(tasks, target)
  const times: number[] = []
  for (let run = 0; run < RUNS_PER_TARGET; run++) {
    for (const { target } of targets) {
      const started = performance.now()
      const result = proposeCarvedJobs(tasks, target)
      times.push(performance.now() - started)
      if (result.proposals.length === 0) throw new Error(`No proposals for ${target.hoursPerWeek} hours`)
    }
  }
  times.sort((a, b) => a - b)
  const p95Ms = percentile(times, 0.95)
  return {
    p50Ms: percentile(times, 0.5),
    p95Ms,
    maxMs: times[times.length - 1]!,
    runs: times.length,
    taskCount: tasks.length,
    withinTarget: p95Ms < CARVING_P95_TARGET_MS,
  }
}

export const carvingTargetLabels = targets.map((entry) => entry.label)

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = benchmarkCarving()
  console.log(
    `Carving, ${result.taskCount} tasks, ${result.runs} runs (${carvingTargetLabels.join('; ')}): ` +
      `p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, max ${result.maxMs.toFixed(1)} ms`,
  )
}
