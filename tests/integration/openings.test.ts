import { beforeAll, describe, expect, it } from 'vitest'
import { carvedJobForOpening, createOpening, editOpening, hoursProblems, openingHistory, transitionOpening, todayInNorway } from '~/modules/openings.server'
import { addOwnTask, createWorkplace, saveCarvedJob } from '~/modules/workplaces.server'
import { openingFormDefaults, openingInputFrom, openingSchema } from '~/utils/opening-form'
import { findOpeningForMember, type Opening, type OpeningInput } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation, workplaceInput } from '../support/employer-fixtures'

const db = useTestDatabase()

const today = '2026-11-22'
const later = '2027-01-15'

/** The form as an employer would fill it in, as strings. */
const formValues = (overrides: Record<string, unknown> = {}) => ({
  title: 'Lagermedarbeider',
  openingType: 'ARBEIDSTRENING',
  hoursMin: '10',
  hoursMax: '15',
  timesOfDay: ['DAG'],
  days: ['UKEDAGER'],
  accommodations: ['FASTE_RUTINER'],
  mentorAvailable: 'ja',
  measures: ['MENTORTILSKUDD'],
  startDate: '15.01.2027',
  durationWeeks: '12',
  places: '1',
  hireProspect: 'KANSKJE',
  contactName: 'Kari Arbeidsgiver',
  contactPhone: '22 33 44 55',
  contactEmail: '',
  ...overrides,
})

function fieldErrors(values: Record<string, unknown>, keptStartDate?: string): Record<string, string> {
  const parsed = openingSchema(today, keptStartDate).safeParse(values)
  if (parsed.success) return {}
  return Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]))
}

describe('the opening form', () => {
  it('accepts a complete form and reads Norwegian dates and decimal commas', () => {
    const parsed = openingSchema(today).parse(formValues({ hoursMin: '7,5', startDate: '1.2.2027' }))
    expect(openingInputFrom(parsed)).toMatchObject({ hoursMin: 7.5, startDate: '2027-02-01', mentorAvailable: true, durationWeeks: 12 })
  })

  it.each([
    ['minimum above maximum', { hoursMin: '20', hoursMax: '10' }, 'hoursMax', /lavere enn minst/],
    ['a start date in the past', { startDate: '21.11.2026' }, 'startDate', /tilbake i tid/],
    ['a date that does not exist', { startDate: '31.02.2027' }, 'startDate', /finnes ikke/],
    ['a date in another format', { startDate: 'neste uke' }, 'startDate', /dd\.mm\.åååå/],
    ['no type', { openingType: undefined }, 'openingType', /hva slags plass/],
    ['no hire prospect', { hireProspect: undefined }, 'hireProspect', /ærlig/],
    ['zero places', { places: '0' }, 'places', /antall plasser/],
    ['hours as words', { hoursMin: 'ti' }, 'hoursMin', /tall/],
    ['an invalid e-mail', { contactEmail: 'kari@' }, 'contactEmail', /gyldig e-post/],
  ])('explains %s on the right field', (_name, overrides, field, message) => {
    expect(fieldErrors(formValues(overrides))[field]).toMatch(message)
  })

  it('lets an opening keep a start date that has passed, but not move it further back', () => {
    expect(fieldErrors(formValues({ startDate: '01.11.2026' }), '2026-11-01')).toEqual({})
    expect(fieldErrors(formValues({ startDate: '31.10.2026' }), '2026-11-01').startDate).toMatch(/tilbake i tid/)
  })
})

describe('openings and their lifecycle', () => {
  let employer: { user: User; organisationId: string }
  let workplaceId: string
  let carvedJobId: string

  const input = (overrides: Partial<OpeningInput> = {}): OpeningInput => ({
    ...openingInputFrom(openingSchema(today).parse(formValues())),
    startDate: later,
    ...overrides,
  })
  const reload = async (id: string): Promise<Opening> => (await findOpeningForMember(db.sql, id, employer.user.id))!

  beforeAll(async () => {
    employer = await newEmployerWithOrganisation(db.sql)
    const created = await createWorkplace(employer.user, employer.organisationId, workplaceInput({ name: 'Lageret' }))
    if (created.outcome !== 'created') throw new Error('no workplace')
    workplaceId = created.workplaceId
    const task = { styrk08: null, timesOfDay: ['DAG'], days: ['UKEDAGER'], demands: {}, requirements: [], separable: true, currentRole: 'Lagermedarbeider' }
    const packing = await addOwnTask(employer.user, workplaceId, { ...task, name: 'Pakke ordre', hoursPerWeek: 8 })
    const labels = await addOwnTask(employer.user, workplaceId, { ...task, name: 'Merke paller', hoursPerWeek: 4 })
    carvedJobId = await saveCarvedJob(employer.user, workplaceId, { name: 'Pakk og merk', targetHours: 12, taskIds: [packing, labels] })
  })

  it('makes a draft from a carved job, whose hours the opening must cover', async () => {
    const carvedJob = await carvedJobForOpening(workplaceId, carvedJobId)
    expect(carvedJob?.summary.totalHours).toBe(12)
    expect(hoursProblems({ hoursMin: 13, hoursMax: 15 }, 12).hoursMin?.[0]).toMatch(/12 timer/)
    expect(hoursProblems({ hoursMin: 5, hoursMax: 10 }, 12).hoursMax?.[0]).toMatch(/12 timer/)
    expect(hoursProblems({ hoursMin: 10, hoursMax: 12 }, 12)).toEqual({})
    const id = await createOpening(employer.user, { ...input({ hoursMin: 10, hoursMax: 12 }), workplaceId, carvedJobId })
    expect(await reload(id)).toMatchObject({ status: 'draft', carvedJobId, hoursMin: 10, hoursMax: 12, startDate: later })
  })

  it('makes a draft written from scratch and round-trips it through the edit form', async () => {
    const id = await createOpening(employer.user, { ...input({ title: 'Resepsjonsvakt', openingType: 'JOBBSMAK' }), workplaceId, carvedJobId: null })
    const opening = await reload(id)
    expect(opening).toMatchObject({ carvedJobId: null, openingType: 'JOBBSMAK', accommodations: ['FASTE_RUTINER'], mentorAvailable: true })
    const again = openingInputFrom(openingSchema(today, opening.startDate).parse(openingFormDefaults(opening)))
    expect(again).toEqual(input({ title: 'Resepsjonsvakt', openingType: 'JOBBSMAK' }))
  })

  it('goes draft → published → paused → published → filled, and keeps the history with the actor', async () => {
    const id = await createOpening(employer.user, { ...input(), workplaceId, carvedJobId: null })
    for (const [action, status] of [
      ['publish', 'published'],
      ['pause', 'paused'],
      ['publish', 'published'],
      ['fill', 'filled'],
    ] as const) {
      expect(await transitionOpening(employer.user, await reload(id), action, `${action}!`, todayInNorway())).toBe('done')
      expect((await reload(id)).status).toBe(status)
    }
    const history = await openingHistory(id)
    expect(history.map((entry) => entry.event)).toEqual(['filled', 'published', 'paused', 'published', 'created'])
    expect(new Set(history.map((entry) => entry.actorName))).toEqual(new Set(['Kari Arbeidsgiver']))
    expect((await reload(id)).publishedAt).not.toBeNull()
  })

  it.each(['draft', 'published', 'paused'] as const)('closes from %s with the reason kept', async (from) => {
    const id = await createOpening(employer.user, { ...input(), workplaceId, carvedJobId: null })
    if (from !== 'draft') await transitionOpening(employer.user, await reload(id), 'publish', '', today)
    if (from === 'paused') await transitionOpening(employer.user, await reload(id), 'pause', '', today)
    expect((await reload(id)).status).toBe(from)
    expect(await transitionOpening(employer.user, await reload(id), 'close', 'Behovet falt bort.', today)).toBe('done')
    expect(await reload(id)).toMatchObject({ status: 'closed', closeReason: 'Behovet falt bort.' })
    expect((await openingHistory(id))[0]).toMatchObject({ event: 'closed', note: 'Behovet falt bort.' })
  })

  it('refuses what the status does not allow, and a second click on the same button', async () => {
    const id = await createOpening(employer.user, { ...input(), workplaceId, carvedJobId: null })
    expect(await transitionOpening(employer.user, await reload(id), 'pause', '', today)).toBe('stale')
    expect(await transitionOpening(employer.user, await reload(id), 'fill', '', today)).toBe('stale')
    const page = await reload(id)
    expect(await transitionOpening(employer.user, page, 'publish', '', today)).toBe('done')
    expect(await transitionOpening(employer.user, page, 'publish', '', today)).toBe('stale')
    await transitionOpening(employer.user, await reload(id), 'close', 'Ferdig.', today)
    expect(await transitionOpening(employer.user, await reload(id), 'publish', '', today)).toBe('stale')
    expect(await editOpening(employer.user, await reload(id), input({ title: 'Etter slutt' }))).toBe('not-editable')
    expect((await openingHistory(id)).map((entry) => entry.event)).toEqual(['closed', 'published', 'created'])
  })

  it('will not publish an opening whose start date has passed', async () => {
    const id = await createOpening(employer.user, { ...input({ startDate: '2026-12-01' }), workplaceId, carvedJobId: null })
    expect(await transitionOpening(employer.user, await reload(id), 'publish', '', '2026-12-02')).toBe('start-date-passed')
    expect((await reload(id)).status).toBe('draft')
  })

  it('records an edit in the history', async () => {
    const id = await createOpening(employer.user, { ...input(), workplaceId, carvedJobId: null })
    expect(await editOpening(employer.user, await reload(id), input({ places: 3 }))).toBe('saved')
    expect((await reload(id)).places).toBe(3)
    expect((await openingHistory(id)).map((entry) => entry.event)).toEqual(['edited', 'created'])
  })

  it('keeps another organisation’s employer out', async () => {
    const id = await createOpening(employer.user, { ...input(), workplaceId, carvedJobId: null })
    const stranger = await newEmployerWithOrganisation(db.sql)
    expect(await findOpeningForMember(db.sql, id, stranger.user.id)).toBeUndefined()
  })
})
