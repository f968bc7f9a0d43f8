import { todayInOslo } from '../../search-index/load-documents'
import { getSql } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { findCarvedJob } from '../../prisma-free-sql/queries/carved-jobs'
import {
  appendOpeningEvent,
  changeOpeningStatus,
  insertOpening,
  listOpeningEvents,
  updateOpening,
  type Opening,
  type OpeningInput,
  type OpeningStatus,
} from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { enqueueSearchSync } from '../../search-index/sync'
import { listTasks } from '../../prisma-free-sql/queries/workplaces'
import { notFound, requireUuid } from './employer-access.server'
import { formatHours } from '../components/employer-labels'
import { summariseSelection } from './workplaces.server'

/** What each lifecycle action needs the opening to be in, and what it becomes. */
export const openingTransitions = {
  publish: { from: ['draft', 'paused'], to: 'published' },
  pause: { from: ['published'], to: 'paused' },
  fill: { from: ['published', 'paused'], to: 'filled' },
  close: { from: ['draft', 'published', 'paused'], to: 'closed' },
} as const satisfies Record<string, { from: readonly OpeningStatus[]; to: OpeningStatus }>
export type OpeningAction = keyof typeof openingTransitions

export const editableStatuses: readonly OpeningStatus[] = ['draft', 'published', 'paused']

/** The carved job an opening is made from, with what its tasks add up to. */
export async function carvedJobForOpening(workplaceId: string, carvedJobId: string | null | undefined) {
  if (!carvedJobId) return undefined
  const sql = getSql()
  const carvedJob = await findCarvedJob(sql, workplaceId, requireUuid(carvedJobId))
  if (!carvedJob) throw notFound()
  const tasks = await listTasks(sql, workplaceId)
  const summary = summariseSelection(tasks, carvedJob.taskIds)
  return {
    ...carvedJob,
    summary,
    tasks: tasks.filter((task) => carvedJob.taskIds.includes(task.id)).map((task) => ({ id: task.id, name: task.name, hoursPerWeek: task.hoursPerWeek })),
    taskSchedules: tasks.filter((task) => carvedJob.taskIds.includes(task.id)).map((task) => ({ timesOfDay: task.timesOfDay, days: task.days })),
  }
}

/** Field errors that need the database or the carved job: hours must cover what the tasks add up to. */
export function hoursProblems(input: Pick<OpeningInput, 'hoursMin' | 'hoursMax'>, carvedJobHours: number | undefined): Record<string, string[]> {
  if (carvedJobHours === undefined) return {}
  if (input.hoursMax < carvedJobHours) {
    return { hoursMax: [`Oppgavene i den tilpassede jobben utgjør ${formatHours(carvedJobHours)} timer i uka. Maks timer kan ikke være lavere.`] }
  }
  if (input.hoursMin > carvedJobHours) {
    return { hoursMin: [`Oppgavene i den tilpassede jobben utgjør ${formatHours(carvedJobHours)} timer i uka. Minst timer kan ikke være høyere.`] }
  }
  return {}
}

export async function createOpening(
  actor: User,
  opening: OpeningInput & { workplaceId: string; carvedJobId: string | null },
): Promise<string> {
  return getSql().begin(async (tx) => {
    const id = await insertOpening(tx, { ...opening, createdBy: actor.id })
    await appendOpeningEvent(tx, { openingId: id, actorUserId: actor.id, event: 'created', note: 'Opprettet som utkast.' })
    await appendAudit(tx, { actorUserId: actor.id, action: 'opening.created', subjectType: 'opening', subjectId: id })
    await enqueueSearchSync(tx, 'opening', id)
    return id
  })
}

export async function editOpening(actor: User, opening: Opening, change: OpeningInput): Promise<'saved' | 'not-editable'> {
  if (!editableStatuses.includes(opening.status)) return 'not-editable'
  return getSql().begin(async (tx) => {
    await updateOpening(tx, opening.id, change)
    await appendOpeningEvent(tx, { openingId: opening.id, actorUserId: actor.id, event: 'edited', note: 'Opplysningene ble endret.' })
    await appendAudit(tx, { actorUserId: actor.id, action: 'opening.updated', subjectType: 'opening', subjectId: opening.id })
    await enqueueSearchSync(tx, 'opening', opening.id)
    return 'saved' as const
  })
}

export type TransitionResult = 'done' | 'stale' | 'start-date-passed'

/** Moves the opening through its lifecycle; a form from before someone else's change gets 'stale'. */
export async function transitionOpening(
  actor: User,
  opening: Opening,
  action: OpeningAction,
  note: string,
  today: string,
): Promise<TransitionResult> {
  const transition = openingTransitions[action]
  if (action === 'publish' && opening.startDate < today) return 'start-date-passed'
  return getSql().begin(async (tx) => {
    const changed = await changeOpeningStatus(tx, {
      openingId: opening.id,
      from: transition.from,
      to: transition.to,
      closeReason: action === 'close' ? note : undefined,
    })
    if (!changed) return 'stale' as const
    await appendOpeningEvent(tx, { openingId: opening.id, actorUserId: actor.id, event: transitionEvents[action], note })
    await appendAudit(tx, { actorUserId: actor.id, action: `opening.${transitionEvents[action]}`, subjectType: 'opening', subjectId: opening.id })
    await enqueueSearchSync(tx, 'opening', opening.id, { hide: transition.to !== 'published' })
    return 'done' as const
  })
}

const transitionEvents = { publish: 'published', pause: 'paused', fill: 'filled', close: 'closed' } as const

export async function openingHistory(openingId: string) {
  return listOpeningEvents(getSql(), openingId)
}

/** Today's date in Norway, as the employer sees it (start dates are calendar dates). */
export const todayInNorway = todayInOslo
