import { describe, expect, it } from 'vitest'
import {
  availableActions,
  caseActions,
  caseStatuses,
  decideTransition,
  endStatuses,
  isEnded,
  type CaseAction,
  type CaseActorKind,
  type CaseStatus,
} from '../../app/modules/case-flow'

describe('case state machine', () => {
  // Every allowed move, and nothing else: the table below is the whole flow.
  const allowed: [CaseStatus, CaseAction, CaseActorKind, CaseStatus][] = [
    ['new', 'acknowledge', 'staff', 'received'],
    ['received', 'askCandidate', 'staff', 'candidate_asked'],
    ['candidate_asked', 'candidateSaidYes', 'staff', 'candidate_yes'],
    ['candidate_asked', 'candidateSaidNo', 'staff', 'candidate_no'],
    ['candidate_yes', 'agreeMeeting', 'staff', 'meeting_agreed'],
    ['candidate_yes', 'agreeMeeting', 'employer', 'meeting_agreed'],
    ['meeting_agreed', 'startTrial', 'staff', 'trial_running'],
    ['meeting_agreed', 'startTrial', 'employer', 'trial_running'],
    ['meeting_agreed', 'hire', 'staff', 'hired'],
    ['meeting_agreed', 'hire', 'employer', 'hired'],
    ['trial_running', 'hire', 'staff', 'hired'],
    ['trial_running', 'hire', 'employer', 'hired'],
    ['meeting_agreed', 'endWithoutHire', 'staff', 'not_hired'],
    ['meeting_agreed', 'endWithoutHire', 'employer', 'not_hired'],
    ['trial_running', 'endWithoutHire', 'staff', 'not_hired'],
    ['trial_running', 'endWithoutHire', 'employer', 'not_hired'],
    ...caseStatuses
      .filter((status) => !isEnded(status))
      .flatMap((status) => (['staff', 'employer'] as const).map((actor) => [status, 'withdraw', actor, 'withdrawn'] as [CaseStatus, CaseAction, CaseActorKind, CaseStatus])),
  ]

  it.each(allowed)('%s --%s by %s--> %s', (from, action, actor, to) => {
    expect(decideTransition(from, action, actor, 'En begrunnelse')).toEqual({ ok: true, to })
  })

  const everyMove = caseStatuses.flatMap((status) => caseActions.flatMap((action) => (['staff', 'employer'] as const).map((actor) => [status, action, actor] as const)))
  const refused = everyMove.filter(([status, action, actor]) => !allowed.some(([s, a, who]) => s === status && a === action && who === actor))

  it(`refuses the other ${refused.length} moves with a message in bokmål`, () => {
    for (const [status, action, actor] of refused) {
      const outcome = decideTransition(status, action, actor, 'En begrunnelse')
      expect(outcome.ok, `${status} ${action} ${actor}`).toBe(false)
      if (!outcome.ok) expect(outcome.message).toMatch(/kan ikke|gjøres av NAV/)
    }
  })

  it('nothing follows an end', () => {
    for (const status of endStatuses) {
      expect(availableActions(status, 'staff')).toEqual([])
      expect(availableActions(status, 'employer')).toEqual([])
    }
  })

  it.each([
    ['candidate_asked', 'candidateSaidNo'],
    ['trial_running', 'hire'],
    ['trial_running', 'endWithoutHire'],
    ['received', 'withdraw'],
  ] as const)('%s --%s-- needs a reason (blank is refused)', (status, action) => {
    expect(decideTransition(status, action, 'staff', '   ')).toMatchObject({ ok: false, refusal: 'reason-required' })
  })

  it('an employer cannot act for NAV, and is told so', () => {
    expect(decideTransition('new', 'acknowledge', 'employer')).toEqual({
      ok: false,
      refusal: 'not-allowed-for-actor',
      message: '«Bekreft at saken er mottatt» gjøres av NAV, ikke av arbeidsgiveren.',
    })
  })

  it('a stale page that repeats a move is refused by status', () => {
    expect(decideTransition('received', 'acknowledge', 'staff')).toMatchObject({ ok: false, refusal: 'not-allowed-from-status' })
  })

  it.each([
    ['new', 'staff', ['acknowledge', 'withdraw']],
    ['new', 'employer', ['withdraw']],
    ['candidate_yes', 'employer', ['agreeMeeting', 'withdraw']],
    ['trial_running', 'employer', ['hire', 'endWithoutHire', 'withdraw']],
  ] as const)('in %s, %s can: %j', (status, actor, actions) => {
    expect(availableActions(status, actor)).toEqual(actions)
  })
})
