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
import {
  employerVerdicts,
  stepAfterVerdict,
  verdictAllowed,
  verdictEventReason,
  verdictSchema,
  VERDICT_REASON_MAX,
  type CaseOrigin,
  type EmployerVerdict,
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

describe('the employer\'s verdict on a proposal', () => {
  const openStatuses = caseStatuses.filter((status) => !isEnded(status))

  it.each([
    ...openStatuses.map((status) => ['specialist_proposal', status, true] as const),
    ...endStatuses.map((status) => ['specialist_proposal', status, false] as const),
    ...caseStatuses.map((status) => ['employer_interest', status, false] as const),
  ] as [CaseOrigin, CaseStatus, boolean][])('%s in %s: verdict allowed %s', (origin, status, allowed) => {
    expect(verdictAllowed(origin, status)).toBe(allowed)
  })

  // The step a verdict points the specialist to, only where the flow allows that step for staff.
  const steps: [EmployerVerdict | null, CaseStatus, CaseAction | null][] = [
    [null, 'received', null],
    ['to_consider', 'received', null],
    ['relevant', 'received', null],
    ['relevant', 'trial_running', null],
    ['not_relevant', 'received', 'withdraw'],
    ['not_relevant', 'candidate_asked', 'withdraw'],
    ['not_relevant', 'trial_running', 'withdraw'],
    ['not_relevant', 'withdrawn', null],
    ['not_relevant', 'not_hired', null],
    ['got_the_job', 'received', null],
    ['got_the_job', 'candidate_yes', null],
    ['got_the_job', 'meeting_agreed', 'hire'],
    ['got_the_job', 'trial_running', 'hire'],
    ['got_the_job', 'hired', null],
  ]
  it.each(steps)('%s in %s points to %s', (verdict, status, step) => {
    expect(stepAfterVerdict(verdict, status)).toBe(step)
  })

  it('a suggested step is always one the flow allows staff now (every verdict, every status)', () => {
    for (const verdict of [null, ...employerVerdicts]) {
      for (const status of caseStatuses) {
        const step = stepAfterVerdict(verdict, status)
        if (step) expect(decideTransition(status, step, 'staff', 'En begrunnelse')).toMatchObject({ ok: true })
      }
    }
  })

  it.each([
    ['to_consider', '', 'Til vurdering'],
    ['relevant', '  Kan starte i mai ', 'Aktuell: Kan starte i mai'],
    ['not_relevant', 'Trenger førerkort', 'Ikke aktuell: Trenger førerkort'],
    ['got_the_job', '', 'Fikk jobben'],
  ] as [EmployerVerdict, string, string][])('the trail keeps %s with %j as %j', (verdict, reason, kept) => {
    expect(verdictEventReason(verdict, reason)).toBe(kept)
  })

  it('the longest reason still fits the case event (1000 characters) with the verdict in front', () => {
    for (const verdict of employerVerdicts) expect(verdictEventReason(verdict, 'x'.repeat(VERDICT_REASON_MAX)).length).toBeLessThanOrEqual(1000)
  })

  const posted = (fields: Record<string, string>) => verdictSchema.safeParse({ intent: 'verdict', version: '3', ...fields })
  it.each([
    [{ verdict: 'to_consider' }, { ok: true }],
    [{ verdict: 'relevant', reason: '' }, { ok: true }],
    [{ verdict: 'got_the_job' }, { ok: true }],
    [{ verdict: 'not_relevant', reason: 'Vi trenger noen med truckførerbevis.' }, { ok: true }],
    [{ verdict: 'not_relevant', reason: '   ' }, { ok: false, path: 'reason', message: /Skriv hvorfor kandidaten ikke er aktuell/ }],
    [{ verdict: 'not_relevant' }, { ok: false, path: 'reason', message: /Skriv hvorfor/ }],
    [{ verdict: 'relevant', reason: 'x'.repeat(VERDICT_REASON_MAX + 1) }, { ok: false, path: 'reason', message: /høyst 900 tegn/ }],
    [{ verdict: 'hired' }, { ok: false, path: 'verdict', message: /Velg en vurdering/ }],
    [{}, { ok: false, path: 'verdict', message: /Velg en vurdering/ }],
    [{ verdict: 'relevant', version: 'x' }, { ok: false, path: 'version', message: /Last siden på nytt/ }],
    [{ verdict: 'relevant', intent: 'withdraw' }, { ok: false, path: 'intent', message: /Ukjent handling/ }],
  ] as [Record<string, string>, { ok: boolean; path?: string; message?: RegExp }][])('posted %j: %j', (fields, expected) => {
    const result = posted(fields)
    expect(result.success).toBe(expected.ok)
    if (!result.success) {
      expect(result.error.issues[0]?.path[0]).toBe(expected.path)
      expect(result.error.issues[0]?.message).toMatch(expected.message!)
    }
  })

  it('keeps a trimmed reason and the version as a number', () => {
    expect(posted({ verdict: 'not_relevant', reason: '  For langt unna  ' })).toMatchObject({
      success: true,
      data: { intent: 'verdict', version: 3, verdict: 'not_relevant', reason: 'For langt unna' },
    })
  })
})
