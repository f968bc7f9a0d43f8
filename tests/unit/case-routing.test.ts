import { describe, expect, it } from 'vitest'
import { routeCase, type RoutingInput } from '../../app/modules/case-routing'

const kari = { userId: 'kari', name: 'Kari Nordmann', active: true }
const ola = { userId: 'ola', name: 'Ola Hansen', active: true, alsoAway: false }
const base: RoutingInput = { responsible: kari, standIn: undefined, responsibleAway: false, officeId: 'office', teamId: 'team' }

describe('routing a new case', () => {
  it.each<[string, Partial<RoutingInput>, ReturnType<typeof routeCase>]>([
    ['to the responsible specialist when present', {}, { kind: 'responsible', userId: 'kari', name: 'Kari Nordmann' }],
    ['present: a stand-in on record changes nothing', { standIn: ola }, { kind: 'responsible', userId: 'kari', name: 'Kari Nordmann' }],
    ['to the stand-in when the specialist is away', { responsibleAway: true, standIn: ola }, { kind: 'stand_in', userId: 'ola', name: 'Ola Hansen', forUserId: 'kari' }],
    ['to the team queue when away without a stand-in', { responsibleAway: true }, { kind: 'team_queue', officeId: 'office', teamId: 'team', why: 'nobody-present' }],
    ['to the team queue when the stand-in is away too', { responsibleAway: true, standIn: { ...ola, alsoAway: true } }, { kind: 'team_queue', officeId: 'office', teamId: 'team', why: 'nobody-present' }],
    ['to the team queue when the stand-in has left', { responsibleAway: true, standIn: { ...ola, active: false } }, { kind: 'team_queue', officeId: 'office', teamId: 'team', why: 'nobody-present' }],
    ['to the team queue when nobody is responsible', { responsible: undefined }, { kind: 'team_queue', officeId: 'office', teamId: 'team', why: 'no-responsible' }],
    ['to the team queue when the specialist has left', { responsible: { ...kari, active: false } }, { kind: 'team_queue', officeId: 'office', teamId: 'team', why: 'responsible-inactive' }],
    ['to the office queue when there is no team', { responsible: undefined, teamId: undefined }, { kind: 'team_queue', officeId: 'office', teamId: undefined, why: 'no-responsible' }],
  ])('%s', (_case, overrides, expected) => {
    expect(routeCase({ ...base, ...overrides })).toEqual(expected)
  })
})
