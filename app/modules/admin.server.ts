import { getSql } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { listCounties } from '../../prisma-free-sql/queries/geography'
import { findOffice, findTeam, insertOffice, insertTeam } from '../../prisma-free-sql/queries/offices'
import type { StaffRole, User } from '../../prisma-free-sql/queries/users'

export type CreateResult = { outcome: 'created'; id: string } | { outcome: 'name-taken' }

/** Creates a NAV office and records who did it; a taken name is an answer, not an error. */
export async function createOffice(actor: User, office: { name: string; countyNumber: string }): Promise<CreateResult> {
  return getSql().begin(async (tx) => {
    const id = await insertOffice(tx, office)
    if (!id) return { outcome: 'name-taken' as const }
    await appendAudit(tx, {
      actorUserId: actor.id,
      action: 'office.created',
      subjectType: 'office',
      subjectId: id,
      details: { name: office.name },
    })
    return { outcome: 'created' as const, id }
  })
}

export async function createTeam(actor: User, team: { officeId: string; name: string }): Promise<CreateResult> {
  return getSql().begin(async (tx) => {
    const id = await insertTeam(tx, team)
    if (!id) return { outcome: 'name-taken' as const }
    await appendAudit(tx, {
      actorUserId: actor.id,
      action: 'team.created',
      subjectType: 'team',
      subjectId: id,
      details: { name: team.name, officeId: team.officeId },
    })
    return { outcome: 'created' as const, id }
  })
}

export async function countyExists(countyNumber: string): Promise<boolean> {
  return (await listCounties(getSql())).some((county) => county.number === countyNumber)
}

export type PlacementProblems = Partial<Record<'officeId' | 'teamId' | 'countyNumbers', string>>

/**
 * Checks what the form cannot: that the office and counties exist and that the team
 * belongs to the chosen office (the team list is not filtered without JavaScript).
 */
export async function checkStaffPlacement(placement: {
  roles: StaffRole[]
  officeId: string
  teamId: string | null
  countyNumbers: string[]
}): Promise<PlacementProblems> {
  const sql = getSql()
  const problems: PlacementProblems = {}
  const office = await findOffice(sql, placement.officeId)
  if (!office) problems.officeId = 'Velg et kontor fra listen.'
  if (placement.teamId) {
    const team = await findTeam(sql, placement.teamId)
    if (!team) problems.teamId = 'Velg et team fra listen.'
    else if (office && team.officeId !== office.id) {
      problems.teamId = `Teamet ${team.name} hører til ${team.officeName}, ikke ${office.name}. Velg et team ved ${office.name}, eller ingen team.`
    }
  }
  const known = new Set((await listCounties(sql)).map((county) => county.number))
  if (placement.countyNumbers.some((county) => !known.has(county))) problems.countyNumbers = 'Velg fylker fra listen.'
  return problems
}
