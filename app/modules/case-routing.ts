/**
 * Who a new case goes to (DOMAIN.md §3.6: "one door"). Pure: the caller reads who is responsible, who is away and
 * who stands in, and stores the decision. Tested by table in tests/unit/case-routing.test.ts.
 */

export type StaffMember = { userId: string; name: string; active: boolean }

export type RoutingInput = {
  /** The candidate's responsible specialist, if there is one. */
  responsible: StaffMember | undefined
  /** Set when the responsible specialist is out of office, with the stand-in they chose. */
  standIn: (StaffMember & { alsoAway: boolean }) | undefined
  responsibleAway: boolean
  /** The office (and team, when the specialist has one) whose queue takes what nobody can take. */
  officeId: string
  teamId: string | undefined
}

export type Routing =
  | { kind: 'responsible'; userId: string; name: string }
  | { kind: 'stand_in'; userId: string; name: string; forUserId: string }
  | { kind: 'team_queue'; officeId: string; teamId: string | undefined; why: 'no-responsible' | 'responsible-inactive' | 'nobody-present' }

export function routeCase(input: RoutingInput): Routing {
  const { responsible, standIn, officeId, teamId } = input
  if (!responsible) return { kind: 'team_queue', officeId, teamId, why: 'no-responsible' }
  if (!responsible.active) return { kind: 'team_queue', officeId, teamId, why: 'responsible-inactive' }
  if (!input.responsibleAway) return { kind: 'responsible', userId: responsible.userId, name: responsible.name }
  if (standIn && standIn.active && !standIn.alsoAway && standIn.userId !== responsible.userId) {
    return { kind: 'stand_in', userId: standIn.userId, name: standIn.name, forUserId: responsible.userId }
  }
  return { kind: 'team_queue', officeId, teamId, why: 'nobody-present' }
}
