import {
  proposeCarvedJobs,
  summariseCarvedJob,
  type CarvedJobSummary,
  type CarvingResult,
  type CarvingTarget,
  type CarvingTask,
} from '../../matching/carving'
import { getSql } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { deleteUnusedCarvedJob, findCarvedJob, insertCarvedJob, listCarvedJobs } from '../../prisma-free-sql/queries/carved-jobs'
import { appendOpeningEvent, fitOpeningHoursToCarvedJob, listOpeningsOfWorkplace, liveOpeningsUsingTask } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { enqueueOpeningsUsing } from '../../search-index/sync'
import {
  deleteTask,
  findTask,
  insertTask,
  insertWorkplace,
  listTasks,
  updateTask,
  updateWorkplace,
  type TaskInput,
  type WorkplaceDetail,
  type WorkplaceInput,
  type WorkplaceTask,
} from '../../prisma-free-sql/queries/workplaces'
import { listCounties, listMunicipalities, municipalityExists } from '../../prisma-free-sql/queries/geography'
import { findCatalogueTask } from '../../prisma-free-sql/reference-data/vocabulary'
import { formatHours } from '../components/employer-labels'
import { notFound, requireUuid } from './employer-access.server'

/** Counties and municipalities for the workplace form's municipality list. */
export async function municipalityChoices() {
  const sql = getSql()
  const [counties, municipalities] = await Promise.all([listCounties(sql), listMunicipalities(sql)])
  return { counties, municipalities }
}

/** Field errors only the database can find; undefined when there are none. */
export async function workplaceProblems(municipalityNumber: string): Promise<Record<string, string[]> | undefined> {
  if (await municipalityExists(getSql(), municipalityNumber)) return undefined
  return { municipalityNumber: ['Velg en kommune fra listen.'] }
}

export async function createWorkplace(
  actor: User,
  organisationId: string,
  input: WorkplaceInput,
): Promise<{ outcome: 'created'; workplaceId: string } | { outcome: 'name-taken' }> {
  return getSql().begin(async (tx) => {
    const workplaceId = await insertWorkplace(tx, organisationId, input)
    if (!workplaceId) return { outcome: 'name-taken' as const }
    await appendAudit(tx, { actorUserId: actor.id, action: 'workplace.created', subjectType: 'workplace', subjectId: workplaceId })
    return { outcome: 'created' as const, workplaceId }
  })
}

export async function editWorkplace(actor: User, workplaceId: string, input: WorkplaceInput): Promise<'saved' | 'name-taken'> {
  return getSql().begin(async (tx) => {
    if (!(await updateWorkplace(tx, workplaceId, input))) return 'name-taken' as const
    await appendAudit(tx, { actorUserId: actor.id, action: 'workplace.updated', subjectType: 'workplace', subjectId: workplaceId })
    await enqueueOpeningsUsing(tx, { workplaceId })
    return 'saved' as const
  })
}

export type CatalogueSelection = {
  code: string
  hoursPerWeek: number
  timesOfDay: string[]
  days: string[]
  separable: boolean
  currentRole: string
}

/** Adds catalogue tasks with their typical demands and requirements; the employer adjusts them afterwards. */
export async function addCatalogueTasks(actor: User, workplaceId: string, selections: CatalogueSelection[]): Promise<string[]> {
  return getSql().begin(async (tx) => {
    const ids: string[] = []
    for (const selection of selections) {
      const entry = findCatalogueTask(selection.code)
      if (!entry) throw new Response('Ukjent oppgave i katalogen.', { status: 400 })
      ids.push(
        await insertTask(tx, workplaceId, {
          catalogueCode: entry.code,
          name: entry.name,
          styrk08: entry.styrk08,
          hoursPerWeek: selection.hoursPerWeek,
          timesOfDay: selection.timesOfDay,
          days: selection.days,
          demands: entry.demands,
          requirements: entry.requirements,
          separable: selection.separable,
          currentRole: selection.currentRole,
        }),
      )
    }
    await appendAudit(tx, {
      actorUserId: actor.id,
      action: 'tasks.added_from_catalogue',
      subjectType: 'workplace',
      subjectId: workplaceId,
      details: { count: ids.length },
    })
    return ids
  })
}

export async function addOwnTask(actor: User, workplaceId: string, task: Omit<TaskInput, 'catalogueCode'>): Promise<string> {
  return getSql().begin(async (tx) => {
    const id = await insertTask(tx, workplaceId, { ...task, catalogueCode: null })
    await appendAudit(tx, { actorUserId: actor.id, action: 'task.created', subjectType: 'workplace', subjectId: workplaceId, details: { taskId: id } })
    return id
  })
}

export async function requireTaskOf(workplaceId: string, taskId: string | undefined): Promise<WorkplaceTask> {
  const task = await findTask(getSql(), workplaceId, requireUuid(taskId))
  if (!task) throw notFound()
  return task
}

export type TaskEditResult =
  | { outcome: 'saved'; adjustedOpenings: number }
  | { outcome: 'needs-confirmation'; openings: { id: string; title: string }[] }

/**
 * A task that a live opening is built on changes what the opening promises. The employer confirms first;
 * then every such opening gets a history entry, and its hours are widened if the carved job no longer fits them.
 */
export async function editTask(
  actor: User,
  workplaceId: string,
  task: WorkplaceTask,
  change: Omit<TaskInput, 'catalogueCode'>,
  confirmed: boolean,
): Promise<TaskEditResult> {
  if (task.liveOpenings.length > 0 && !confirmed) return { outcome: 'needs-confirmation', openings: task.liveOpenings }
  return getSql().begin(async (tx) => {
    await updateTask(tx, task.id, change)
    const affected = await liveOpeningsUsingTask(tx, task.id)
    const tasks = await listTasks(tx, workplaceId)
    let adjustedOpenings = 0
    for (const carvedJobId of new Set(affected.map((opening) => opening.carvedJobId))) {
      const carvedJob = await findCarvedJob(tx, workplaceId, carvedJobId)
      if (!carvedJob) continue
      const total = summariseCarvedJob(tasks.filter((candidate) => carvedJob.taskIds.includes(candidate.id)).map(toCarvingTask)).totalHours
      const widened = await fitOpeningHoursToCarvedJob(tx, carvedJobId, total)
      adjustedOpenings += widened.length
      for (const opening of affected.filter((candidate) => candidate.carvedJobId === carvedJobId)) {
        const note = widened.includes(opening.id)
          ? `Oppgaven «${change.name}» ble endret. Oppgavene utgjør nå ${formatHours(total)} timer i uka, og timene i stillingen ble justert.`
          : `Oppgaven «${change.name}» ble endret. Oppgavene utgjør nå ${formatHours(total)} timer i uka.`
        await appendOpeningEvent(tx, { openingId: opening.id, actorUserId: actor.id, event: 'task_changed', note })
      }
    }
    await appendAudit(tx, { actorUserId: actor.id, action: 'task.updated', subjectType: 'workplace', subjectId: workplaceId, details: { taskId: task.id } })
    await enqueueOpeningsUsing(tx, { taskId: task.id })
    return { outcome: 'saved' as const, adjustedOpenings }
  })
}

/** A task that a carved job uses stays until the carved job is removed, so no opening loses a task silently. */
export async function removeTask(
  actor: User,
  workplaceId: string,
  task: WorkplaceTask,
): Promise<{ outcome: 'deleted' } | { outcome: 'in-use'; carvedJobNames: string[] }> {
  return getSql().begin(async (tx) => {
    if (task.carvedJobIds.length > 0) {
      const carvedJobs = await listCarvedJobs(tx, workplaceId)
      return { outcome: 'in-use' as const, carvedJobNames: carvedJobs.filter((job) => task.carvedJobIds.includes(job.id)).map((job) => job.name) }
    }
    // No carved job uses the task (checked above), so no opening does; enqueued anyway should that rule change.
    await enqueueOpeningsUsing(tx, { taskId: task.id })
    await deleteTask(tx, task.id)
    await appendAudit(tx, { actorUserId: actor.id, action: 'task.deleted', subjectType: 'workplace', subjectId: workplaceId, details: { taskId: task.id, name: task.name } })
    return { outcome: 'deleted' as const }
  })
}

export function toCarvingTask(task: WorkplaceTask): CarvingTask {
  return {
    id: task.id,
    name: task.name,
    hoursPerWeek: task.hoursPerWeek,
    timesOfDay: task.timesOfDay,
    days: task.days,
    demands: task.demands,
    requirements: task.requirements,
    separable: task.separable,
    currentRole: task.currentRole,
  }
}

export async function carvingProposals(workplaceId: string, target: CarvingTarget): Promise<{ tasks: WorkplaceTask[]; result: CarvingResult }> {
  const tasks = await listTasks(getSql(), workplaceId)
  return { tasks, result: proposeCarvedJobs(tasks.map(toCarvingTask), target) }
}

/** The summary of an employer's own selection; ids that are not separable tasks of the workplace are ignored. */
export function summariseSelection(tasks: WorkplaceTask[], taskIds: readonly string[]): CarvedJobSummary {
  return summariseCarvedJob(tasks.filter((task) => task.separable && taskIds.includes(task.id)).map(toCarvingTask))
}

export async function saveCarvedJob(
  actor: User,
  workplaceId: string,
  carvedJob: { name: string; targetHours: number; taskIds: string[] },
): Promise<string> {
  return getSql().begin(async (tx) => {
    const separableIds = new Set((await listTasks(tx, workplaceId)).filter((task) => task.separable).map((task) => task.id))
    if (carvedJob.taskIds.length === 0 || carvedJob.taskIds.some((id) => !separableIds.has(id))) {
      throw new Response('En tilpasset jobb består av oppgaver ved arbeidsstedet som kan skilles ut.', { status: 400 })
    }
    const id = await insertCarvedJob(tx, { ...carvedJob, workplaceId, createdBy: actor.id })
    await appendAudit(tx, { actorUserId: actor.id, action: 'carved_job.created', subjectType: 'workplace', subjectId: workplaceId, details: { carvedJobId: id } })
    return id
  })
}

export async function removeCarvedJob(actor: User, workplaceId: string, carvedJobId: string): Promise<'deleted' | 'in-use'> {
  return getSql().begin(async (tx) => {
    if (!(await findCarvedJob(tx, workplaceId, carvedJobId))) throw notFound()
    // Only an unused carved job is deleted, so this finds no opening unless the job stays; kept should that rule change.
    await enqueueOpeningsUsing(tx, { carvedJobId })
    if (!(await deleteUnusedCarvedJob(tx, carvedJobId))) return 'in-use' as const
    await appendAudit(tx, { actorUserId: actor.id, action: 'carved_job.deleted', subjectType: 'workplace', subjectId: workplaceId, details: { carvedJobId } })
    return 'deleted' as const
  })
}

/** Everything the workplace page shows: facts, tasks, carved jobs with their totals, openings. */
export async function workplaceOverview(workplace: WorkplaceDetail) {
  const sql = getSql()
  const [tasks, carvedJobs, openings] = await Promise.all([
    listTasks(sql, workplace.id),
    listCarvedJobs(sql, workplace.id),
    listOpeningsOfWorkplace(sql, workplace.id),
  ])
  return {
    workplace,
    tasks,
    carvedJobs: carvedJobs.map((job) => {
      const jobTasks = tasks.filter((task) => job.taskIds.includes(task.id))
      const summary = summariseCarvedJob(jobTasks.map(toCarvingTask))
      return {
        id: job.id,
        name: job.name,
        targetHours: job.targetHours,
        totalHours: summary.totalHours,
        requirements: summary.requirements,
        freedHoursByRole: summary.freedHoursByRole,
        tasks: jobTasks.map((task) => ({ id: task.id, name: task.name, hoursPerWeek: task.hoursPerWeek })),
        openingCount: openings.filter((opening) => opening.carvedJobId === job.id).length,
      }
    }),
    openings: openings.map((opening) => ({
      id: opening.id,
      title: opening.title,
      openingType: opening.openingType,
      hoursMin: opening.hoursMin,
      hoursMax: opening.hoursMax,
      status: opening.status,
    })),
  }
}

export async function workplaceTasks(workplaceId: string): Promise<WorkplaceTask[]> {
  return listTasks(getSql(), workplaceId)
}
