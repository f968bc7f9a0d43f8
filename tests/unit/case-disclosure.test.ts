import { describe, expect, it } from 'vitest'
import {
  MAX_DISCLOSURE_DAYS,
  canonicalFields,
  decideSharing,
  disclosureExpiry,
  disclosureVisibility,
  fieldsInWords,
  hiddenReasonTexts,
  purgeReasonFor,
  shareFormSchema,
  type DisclosureState,
  type DisclosureVisibility,
  type HiddenReason,
  type PurgeReason,
  type SharingRefusal,
} from '~/modules/case-disclosure'
import { caseStatuses } from '~/modules/case-flow'

// app/modules/case-disclosure.ts decides whether an employer sees the contact details NAV shared in a case. It must fail
// closed: shown only while not withdrawn, not purged, not past six months and the case has not ended without a hire;
// anything missing, malformed or unknown means hidden. The purge deletes what is hidden for good, and nothing else.

const SHARED = new Date('2026-03-10T09:30:00Z')
const EXPIRES = disclosureExpiry(SHARED)
const NOW = new Date('2026-04-01T12:00:00Z')

function state(overrides: Partial<DisclosureState> = {}): DisclosureState {
  return { caseStatus: 'meeting_agreed', sharedAt: SHARED, expiresAt: EXPIRES, revokedAt: null, purgedAt: null, ...overrides }
}

const hidden = (reason: HiddenReason): DisclosureVisibility => ({ visible: false, reason })
const visible: DisclosureVisibility = { visible: true }

describe('disclosureExpiry', () => {
  it.each([
    ['2026-03-10T09:30:00.000Z', '2026-09-10T09:30:00.000Z'],
    ['2026-01-15T00:00:00.000Z', '2026-07-15T00:00:00.000Z'],
    // The 31st becomes the last day of a shorter month.
    ['2026-08-31T12:00:00.000Z', '2027-02-28T12:00:00.000Z'],
    ['2027-08-31T12:00:00.000Z', '2028-02-29T12:00:00.000Z'],
    ['2026-03-31T23:59:59.999Z', '2026-09-30T23:59:59.999Z'],
    // Over the new year.
    ['2026-11-02T08:00:00.000Z', '2027-05-02T08:00:00.000Z'],
    ['2026-07-31T10:00:00.000Z', '2027-01-31T10:00:00.000Z'],
  ])('%s + 6 months = %s', (from, expected) => {
    expect(disclosureExpiry(new Date(from)).toISOString()).toBe(expected)
  })

  it('never lasts longer than the database allows, whatever the day of the year', () => {
    const longest = Array.from({ length: 366 * 2 }, (_, day) => new Date(Date.UTC(2026, 0, 1 + day, 13)))
      .map((from) => (disclosureExpiry(from).getTime() - from.getTime()) / 86_400_000)
      .reduce((max, days) => Math.max(max, days), 0)
    expect(longest).toBe(MAX_DISCLOSURE_DAYS)
  })
})

describe('disclosureVisibility', () => {
  const day = 86_400_000
  it.each<[string, Partial<DisclosureState>, Date, DisclosureVisibility]>([
    ['shared and in force', {}, NOW, visible],
    ['right after sharing', {}, SHARED, visible],
    ['one millisecond before it expires', {}, new Date(EXPIRES.getTime() - 1), visible],
    ['when the candidate has said yes', { caseStatus: 'candidate_yes' }, NOW, visible],
    ['during a trial', { caseStatus: 'trial_running' }, NOW, visible],
    ['hired: kept until six months have passed', { caseStatus: 'hired' }, new Date(EXPIRES.getTime() - day), visible],
    ['hired, six months later', { caseStatus: 'hired' }, EXPIRES, hidden('expired')],
    ['at the moment it expires', {}, EXPIRES, hidden('expired')],
    ['a year later', {}, new Date(SHARED.getTime() + 365 * day), hidden('expired')],
    ['withdrawn by the specialist', { revokedAt: NOW }, NOW, hidden('revoked')],
    ['withdrawn, even in the future', { revokedAt: new Date(NOW.getTime() + day) }, NOW, hidden('revoked')],
    ['purged', { purgedAt: NOW }, NOW, hidden('purged')],
    ['the candidate said no', { caseStatus: 'candidate_no' }, NOW, hidden('case-ended')],
    ['not hired', { caseStatus: 'not_hired' }, NOW, hidden('case-ended')],
    ['the case was withdrawn', { caseStatus: 'withdrawn' }, NOW, hidden('case-ended')],
    ['withdrawn sharing in an ended case: the withdrawal is named', { caseStatus: 'withdrawn', revokedAt: NOW }, NOW, hidden('revoked')],
    ['a case before the yes', { caseStatus: 'candidate_asked' }, NOW, hidden('case-status')],
    ['a new case', { caseStatus: 'new' }, NOW, hidden('case-status')],
    ['an unknown status', { caseStatus: 'trial_paused' }, NOW, hidden('case-status')],
    ['an empty status', { caseStatus: '' }, NOW, hidden('case-status')],
    ['shared later than now (a clock behind)', {}, new Date(SHARED.getTime() - 1000), hidden('not-yet-shared')],
    ['expiry before sharing', { expiresAt: new Date(SHARED.getTime() - 1) }, NOW, hidden('invalid')],
    ['expiry at the moment of sharing', { expiresAt: SHARED }, NOW, hidden('invalid')],
    ['longer than the longest six months', { expiresAt: new Date(SHARED.getTime() + (MAX_DISCLOSURE_DAYS + 1) * day) }, NOW, hidden('invalid')],
    ['an invalid sharing date', { sharedAt: new Date('nonsense') }, NOW, hidden('invalid')],
    ['an invalid expiry', { expiresAt: new Date(Number.NaN) }, NOW, hidden('invalid')],
    ['a missing expiry', { expiresAt: undefined as unknown as Date }, NOW, hidden('invalid')],
    ['a date as text', { expiresAt: EXPIRES.toISOString() as unknown as Date }, NOW, hidden('invalid')],
    ['a withdrawal that is not a date', { revokedAt: 'yes' as unknown as Date }, NOW, hidden('invalid')],
    ['a withdrawal left undefined', { revokedAt: undefined as unknown as null }, NOW, hidden('invalid')],
    ['a purge left undefined', { purgedAt: undefined as unknown as null }, NOW, hidden('invalid')],
    ['an invalid now', {}, new Date(Number.NaN), hidden('invalid')],
  ])('%s', (_name, overrides, now, expected) => {
    expect(disclosureVisibility(state(overrides), now)).toEqual(expected)
  })

  it('hides the details in every status where the case has ended without a hire, and in every status before the yes', () => {
    const visibleIn = caseStatuses.filter((status) => disclosureVisibility(state({ caseStatus: status }), NOW).visible)
    expect(visibleIn).toEqual(['candidate_yes', 'meeting_agreed', 'trial_running', 'hired'])
  })

  it('fails closed on no state at all', () => {
    expect(disclosureVisibility(undefined as unknown as DisclosureState, NOW)).toEqual(hidden('invalid'))
  })

  it('has words for every reason', () => {
    for (const reason of Object.keys(hiddenReasonTexts)) expect(hiddenReasonTexts[reason as HiddenReason]).toMatch(/\S/)
  })
})

describe('purgeReasonFor', () => {
  it.each<[DisclosureVisibility, PurgeReason | undefined]>([
    [visible, undefined],
    // Hidden only for now: deleting would lose what the candidate agreed to share.
    [hidden('not-yet-shared'), undefined],
    [hidden('purged'), undefined],
    [hidden('revoked'), 'revoked'],
    [hidden('expired'), 'expired'],
    [hidden('case-ended'), 'case_ended'],
    [hidden('case-status'), 'not_visible'],
    [hidden('invalid'), 'not_visible'],
  ])('%j → %s', (visibility, expected) => {
    expect(purgeReasonFor(visibility)).toBe(expected)
  })
})

describe('decideSharing', () => {
  const yes = ['open', 'acknowledge', 'askCandidate', 'candidateSaidYes']
  it.each<[string, { mayAct: boolean; status: string; historyActions: string[] }, true | SharingRefusal]>([
    ['the owner after the yes', { mayAct: true, status: 'candidate_yes', historyActions: yes }, true],
    ['after a meeting', { mayAct: true, status: 'meeting_agreed', historyActions: [...yes, 'agreeMeeting'] }, true],
    ['during a trial', { mayAct: true, status: 'trial_running', historyActions: [...yes, 'agreeMeeting', 'startTrial'] }, true],
    ['after the hire', { mayAct: true, status: 'hired', historyActions: [...yes, 'agreeMeeting', 'hire'] }, true],
    ['someone who may not act on the case', { mayAct: false, status: 'candidate_yes', historyActions: yes }, 'not-allowed-for-user'],
    ['before the candidate is asked', { mayAct: true, status: 'received', historyActions: ['open', 'acknowledge'] }, 'not-allowed-from-status'],
    ['while waiting for the answer', { mayAct: true, status: 'candidate_asked', historyActions: ['open', 'acknowledge', 'askCandidate'] }, 'not-allowed-from-status'],
    ['after a no', { mayAct: true, status: 'candidate_no', historyActions: ['open', 'acknowledge', 'askCandidate', 'candidateSaidNo'] }, 'not-allowed-from-status'],
    ['after the case ended without a hire', { mayAct: true, status: 'not_hired', historyActions: [...yes, 'agreeMeeting', 'endWithoutHire'] }, 'not-allowed-from-status'],
    ['after the case was withdrawn', { mayAct: true, status: 'withdrawn', historyActions: [...yes, 'withdraw'] }, 'not-allowed-from-status'],
    ['an unknown status', { mayAct: true, status: 'somewhere', historyActions: yes }, 'not-allowed-from-status'],
    ['a status that claims the yes without it in the history', { mayAct: true, status: 'meeting_agreed', historyActions: ['open', 'agreeMeeting'] }, 'no-candidate-yes'],
  ])('%s', (_name, input, expected) => {
    const decision = decideSharing(input)
    if (expected === true) expect(decision).toEqual({ ok: true })
    else expect(decision).toMatchObject({ ok: false, refusal: expected, message: expect.stringMatching(/\S/) })
  })

  it('fails closed when mayAct is not exactly true', () => {
    expect(decideSharing({ mayAct: 'yes' as unknown as boolean, status: 'candidate_yes', historyActions: ['candidateSaidYes'] })).toMatchObject({ ok: false })
  })
})

describe('the fields', () => {
  it('keeps only what can be shared, once each, in a fixed order', () => {
    expect(canonicalFields(['email', 'name', 'email', 'nationalId', 'address', 'birthDate', 'diagnosis', 'phone'])).toEqual(['name', 'phone', 'email'])
    expect(canonicalFields([])).toEqual([])
  })

  it('names them in a sentence', () => {
    expect(fieldsInWords(['name'])).toBe('navn')
    expect(fieldsInWords(['email', 'name'])).toBe('navn og e-post')
    expect(fieldsInWords(['name', 'phone', 'email'])).toBe('navn, telefon og e-post')
  })

  it.each<[string, Record<string, unknown>, string[] | string]>([
    ['name and phone, confirmed', { fields: ['phone', 'name'], confirmed: 'ja' }, ['name', 'phone']],
    ['nothing chosen', { fields: [], confirmed: 'ja' }, 'fields'],
    ['only fields that cannot be shared', { fields: ['nationalId'], confirmed: 'ja' }, 'fields'],
    ['not confirmed', { fields: ['name'] }, 'confirmed'],
    ['confirmed with something else', { fields: ['name'], confirmed: 'on' }, 'confirmed'],
  ])('the form: %s', (_name, input, expected) => {
    const parsed = shareFormSchema.safeParse(input)
    if (Array.isArray(expected)) expect(parsed.success && parsed.data.fields).toEqual(expected)
    else expect(parsed.success ? undefined : parsed.error.issues[0]?.path[0]).toBe(expected)
  })
})
