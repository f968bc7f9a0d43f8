import { beforeAll, describe, expect, it } from 'vitest'
import { createOpening, transitionOpening, todayInNorway } from '~/modules/openings.server'
import {
  addCatalogueTasks,
  addOwnTask,
  createWorkplace,
  editTask,
  removeCarvedJob,
  removeTask,
  saveCarvedJob,
  summariseSelection,
  workplaceOverview,
  workplaceTasks,
} from '~/modules/workplaces.server'
import { findOpeningForMember, listOpeningEvents } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { findWorkplaceForMember } from '../../prisma-free-sql/queries/workplaces'
import { findCatalogueTask } from '../../prisma-free-sql/reference-data/vocabulary'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation, workplaceInput } from '../support/employer-fixtures'

const db = useTestDatabase()

const ownTask = {
  name: 'Rydde møterom',
  styrk08: null,
  hoursPerWeek: 3,
  timesOfDay: ['DAG'],
  days: ['UKEDAGER'],
  demands: { walking: 1 },
  requirements: [],
  separable: true,
  currentRole: 'Resepsjonist',
}

describe('workplaces and their tasks', () => {
  let employer: { user: User; organisationId: string }
  let workplaceId: string

  beforeAll(async () => {
    employer = await newEmployerWithOrganisation(db.sql)
    const created = await createWorkplace(employer.user, employer.organisationId, workplaceInput())
    if (created.outcome !== 'created') throw new Error('workplace not created')
    workplaceId = created.workplaceId
  })

  it('refuses a second workplace with the same name in the organisation', async () => {
    expect(await createWorkplace(employer.user, employer.organisationId, workplaceInput())).toEqual({ outcome: 'name-taken' })
  })

  it('keeps another organisation’s workplace out of reach', async () => {
    const stranger = await newEmployerWithOrganisation(db.sql)
    expect(await findWorkplaceForMember(db.sql, workplaceId, stranger.user.id)).toBeUndefined()
    expect(await findWorkplaceForMember(db.sql, workplaceId, employer.user.id)).toMatchObject({
      name: 'Hovedkontoret',
      socialContactLevel: 2,
      accessibility: ['TRINNFRI_ADKOMST'],
      languages: ['norsk', 'engelsk'],
    })
  })

  it('adds catalogue tasks with the catalogue’s demands and requirements', async () => {
    const [id] = await addCatalogueTasks(employer.user, workplaceId, [
      { code: 'oppvask', hoursPerWeek: 4.5, timesOfDay: ['KVELD'], days: ['UKEDAGER'], separable: true, currentRole: 'Kokk' },
    ])
    const task = (await workplaceTasks(workplaceId)).find((candidate) => candidate.id === id)
    const entry = findCatalogueTask('oppvask')!
    expect(task).toMatchObject({
      catalogueCode: 'oppvask',
      name: entry.name,
      styrk08: entry.styrk08,
      hoursPerWeek: 4.5,
      demands: entry.demands,
      requirements: ['foodHygiene'],
      timesOfDay: ['KVELD'],
    })
  })

  it('asks before changing a task a live opening is built on, then widens the opening’s hours and notes it', async () => {
    const taskA = await addOwnTask(employer.user, workplaceId, { ...ownTask, name: 'Sortere post', hoursPerWeek: 6 })
    const taskB = await addOwnTask(employer.user, workplaceId, { ...ownTask, name: 'Kopiering', hoursPerWeek: 6 })
    const carvedJobId = await saveCarvedJob(employer.user, workplaceId, { name: 'Kontorassistent', targetHours: 12, taskIds: [taskA, taskB] })
    const openingId = await createOpening(employer.user, {
      workplaceId,
      carvedJobId,
      title: 'Kontorassistent',
      description: '',
      openingType: 'ARBEIDSTRENING',
      hoursMin: 10,
      hoursMax: 12,
      timesOfDay: ['DAG'],
      days: ['UKEDAGER'],
      flexibility: '',
      accommodations: [],
      mentorAvailable: true,
      measures: [],
      startDate: todayInNorway(),
      durationWeeks: 12,
      places: 1,
      hireProspect: 'KANSKJE',
      contactName: 'Kari Arbeidsgiver',
      contactPhone: '',
      contactEmail: '',
    })
    const opening = (await findOpeningForMember(db.sql, openingId, employer.user.id))!
    expect(await transitionOpening(employer.user, opening, 'publish', '', todayInNorway())).toBe('done')

    const task = (await workplaceTasks(workplaceId)).find((candidate) => candidate.id === taskA)!
    expect(task.liveOpenings).toEqual([{ id: openingId, title: 'Kontorassistent' }])
    const change = { ...ownTask, name: 'Sortere post', hoursPerWeek: 8 }
    expect(await editTask(employer.user, workplaceId, task, change, false)).toEqual({
      outcome: 'needs-confirmation',
      openings: [{ id: openingId, title: 'Kontorassistent' }],
    })
    expect((await workplaceTasks(workplaceId)).find((candidate) => candidate.id === taskA)?.hoursPerWeek).toBe(6)

    expect(await editTask(employer.user, workplaceId, task, change, true)).toEqual({ outcome: 'saved', adjustedOpenings: 1 })
    const after = (await findOpeningForMember(db.sql, openingId, employer.user.id))!
    expect([after.hoursMin, after.hoursMax]).toEqual([10, 14])
    const [latest] = await listOpeningEvents(db.sql, openingId)
    expect(latest).toMatchObject({ event: 'task_changed' })
    expect(latest?.note).toContain('14 timer')

    expect(await removeTask(employer.user, workplaceId, task)).toEqual({ outcome: 'in-use', carvedJobNames: ['Kontorassistent'] })
    expect(await removeCarvedJob(employer.user, workplaceId, carvedJobId)).toBe('in-use')
  })

  it('deletes a task no carved job uses, and a carved job no opening uses', async () => {
    const taskId = await addOwnTask(employer.user, workplaceId, { ...ownTask, name: 'Vanne planter' })
    const carvedJobId = await saveCarvedJob(employer.user, workplaceId, { name: 'Planter', targetHours: 3, taskIds: [taskId] })
    expect(await removeCarvedJob(employer.user, workplaceId, carvedJobId)).toBe('deleted')
    const task = (await workplaceTasks(workplaceId)).find((candidate) => candidate.id === taskId)!
    expect(await removeTask(employer.user, workplaceId, task)).toEqual({ outcome: 'deleted' })
    expect((await workplaceTasks(workplaceId)).some((candidate) => candidate.id === taskId)).toBe(false)
  })

  it('summarises a carved job and what it frees per role on the workplace page', async () => {
    const first = await addOwnTask(employer.user, workplaceId, { ...ownTask, name: 'Svare telefon', hoursPerWeek: 5, currentRole: 'Resepsjonist' })
    const second = await addOwnTask(employer.user, workplaceId, { ...ownTask, name: 'Skanne', hoursPerWeek: 2.5, currentRole: 'Konsulent' })
    const tasks = await workplaceTasks(workplaceId)
    expect(summariseSelection(tasks, [first, second])).toMatchObject({
      totalHours: 7.5,
      freedHoursByRole: [
        { role: 'Resepsjonist', hours: 5 },
        { role: 'Konsulent', hours: 2.5 },
      ],
    })
    await saveCarvedJob(employer.user, workplaceId, { name: 'Resepsjon light', targetHours: 8, taskIds: [first, second] })
    const workplace = (await findWorkplaceForMember(db.sql, workplaceId, employer.user.id))!
    const overview = await workplaceOverview(workplace)
    expect(overview.carvedJobs.find((job) => job.name === 'Resepsjon light')).toMatchObject({ totalHours: 7.5, openingCount: 0 })
  })

  it('never puts another workplace’s task into a carved job', async () => {
    const other = await newEmployerWithOrganisation(db.sql)
    const created = await createWorkplace(other.user, other.organisationId, workplaceInput({ name: 'Annet sted' }))
    if (created.outcome !== 'created') throw new Error('workplace not created')
    const foreignTask = await addOwnTask(other.user, created.workplaceId, ownTask)
    await expect(saveCarvedJob(employer.user, workplaceId, { name: 'Forsøk', targetHours: 3, taskIds: [foreignTask] })).rejects.toMatchObject({
      status: 400,
    })
    await expect(saveCarvedJob(employer.user, workplaceId, { name: 'Tom', targetHours: 3, taskIds: [] })).rejects.toMatchObject({ status: 400 })
  })
})
