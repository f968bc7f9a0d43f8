import { beforeAll, describe, expect, it } from 'vitest'
import { withdrawConsent } from '~/modules/candidates.server'
import { candidatesForOpening, markEmployerInterest, openingsForCandidate } from '~/modules/matching.server'
import { findCandidate, type ProfileInput } from '../../prisma-free-sql/queries/candidates'
import { insertOffice } from '../../prisma-free-sql/queries/offices'
import type { Opening } from '../../prisma-free-sql/queries/openings'
import type { User } from '../../prisma-free-sql/queries/users'
import { getSearchBackend, resetSearchBackend } from '../../search-index/backends'
import { processSearchOutbox } from '../../search-index/sync'
import { useTestDatabase } from '../support/database'
import { newEmployerWithOrganisation } from '../support/employer-fixtures'
import { createStaffUser } from '../support/fixtures'
import { createPublishedOpening, createVisibleCandidate, today } from '../support/matching-fixtures'

const db = useTestDatabase()

let employer: { user: User; organisationId: string }
let specialist: User
let opening: Opening

/** What the portal's worker does every 250 ms, run here at once. */
async function syncIndex(): Promise<void> {
  for (let pass = 0; pass < 10; pass += 1) {
    const result = await processSearchOutbox(db.sql, getSearchBackend(), { today })
    if (result.claimed === 0) return
  }
}

const visibleCandidate = (overrides: Partial<ProfileInput>) => createVisibleCandidate(db.sql, specialist, overrides)

let canLift: string
let mustAvoidLifting: string
let elsewhere: string

beforeAll(async () => {
  resetSearchBackend()
  const officeId = (await insertOffice(db.sql, { name: 'NAV Matching', countyNumber: '03' }))!
  specialist = await createStaffUser(db.sql, { roles: ['specialist'], officeId })
  employer = await newEmployerWithOrganisation(db.sql)
  opening = await createPublishedOpening(db.sql, employer)

  canLift = await visibleCandidate({ demandTolerances: { lifting: 2 } })
  mustAvoidLifting = await visibleCandidate({ demandTolerances: { lifting: 1 } })
  elsewhere = await visibleCandidate({ homeMunicipalityNumber: '4601', workMunicipalities: ['4601'] })
  await syncIndex()
})

const page = { side: 1, minScore: 0 }

describe('matching an opening and candidates', () => {
  it('ranks visible candidates in the region with reasons, and the one who must avoid heavy lifting lower', async () => {
    const result = await candidatesForOpening(opening, page, { today })
    if (result.status !== 'ok') throw new Error(result.status)
    const ids = result.results.map((match) => match.candidate.id)
    expect(ids).toContain(canLift)
    expect(ids).toContain(mustAvoidLifting)
    expect(ids).not.toContain(elsewhere)
    expect(ids.indexOf(canLift)).toBeLessThan(ids.indexOf(mustAvoidLifting))
    const lower = result.results.find((match) => match.candidate.id === mustAvoidLifting)!
    expect(lower.explanation.score).toBeGreaterThan(0)
    expect(JSON.stringify(lower.explanation)).toMatch(/Varemottak/)
    expect(lower.explanation.whatWouldMakeItFit.join(' ')).toMatch(/Uten oppgaven Varemottak/)
  })

  it('never hands the employer anything but the anonymised document', async () => {
    const result = await candidatesForOpening(opening, page, { today })
    if (result.status !== 'ok') throw new Error(result.status)
    const text = JSON.stringify(result)
    expect(text).not.toMatch(/nationalId|firstName|lastName|"phone"|"email"/)
  })

  it('records interest once, and not for a candidate who is no longer visible', async () => {
    const first = await markEmployerInterest(employer.user, opening, canLift, 'Kan vi møtes?')
    expect(first).toMatchObject({ status: 'recorded', case: { status: 'new', handledBy: specialist.name } })
    const again = await markEmployerInterest(employer.user, opening, canLift, '')
    expect(again).toMatchObject({ status: 'already-recorded' })
    expect(again.status !== 'not-visible' && first.status !== 'not-visible' && again.case.id === first.case.id).toBe(true)
    expect(await markEmployerInterest(employer.user, opening, elsewhere, '')).toEqual({ status: 'not-visible' })
    const result = await candidatesForOpening(opening, page, { today })
    if (result.status !== 'ok') throw new Error(result.status)
    const listed = result.results.find((match) => match.candidate.id === canLift)
    expect(listed?.interested).toBe(true)
    expect(listed?.case).toMatchObject({ status: 'new', handledBy: specialist.name, acknowledged: false })
  })

  it('shows the specialist ranked openings for a candidate', async () => {
    const candidate = (await findCandidate(db.sql, canLift))!
    const result = await openingsForCandidate(specialist, candidate, page, { today })
    if (result.status !== 'ok') throw new Error(result.status)
    expect(result.results.map((match) => match.opening.id)).toContain(opening.id)
    expect(result.results[0]?.explanation.summary.length).toBeGreaterThan(0)
  })

  it('takes a candidate out of the employer’s list as soon as consent is withdrawn and the outbox is applied', async () => {
    const candidate = (await findCandidate(db.sql, mustAvoidLifting))!
    await withdrawConsent(specialist, candidate, '')
    await syncIndex()
    const result = await candidatesForOpening(opening, page, { today })
    if (result.status !== 'ok') throw new Error(result.status)
    expect(result.results.map((match) => match.candidate.id)).not.toContain(mustAvoidLifting)
    expect(await markEmployerInterest(employer.user, opening, mustAvoidLifting, '')).toEqual({ status: 'not-visible' })
  })

  it('shows nothing for an opening that is not published', async () => {
    expect(await candidatesForOpening({ ...opening, status: 'paused' }, page, { today })).toEqual({ status: 'not-published' })
  })
})
