/**
 * Whether a candidate's anonymised profile may be shown to employers and indexed for matching.
 * Fail-closed: the profile is visible only when every condition is known to hold; anything
 * missing, malformed or unknown means hidden. Pure functions, no I/O; dates are ISO
 * `YYYY-MM-DD` strings in Norwegian time.
 */

export type CandidateStatus = 'active' | 'paused' | 'in_work' | 'ended'

export type ConsentRecord = {
  givenOn: string
  expiresOn: string
  scope: 'all' | 'counties'
  scopeCounties: readonly string[]
  supersededAt: Date | string | null
  withdrawnAt: Date | string | null
}

export type ConsentState =
  | { kind: 'none' }
  | { kind: 'active'; expiresOn: string; scope: 'all' | 'counties'; scopeCounties: readonly string[] }
  | { kind: 'not-yet-valid'; givenOn: string }
  | { kind: 'expired'; expiredOn: string }
  | { kind: 'withdrawn' }

/** The fields that must be filled before a profile can be shown; the rest are optional. */
export type ProfileForCompleteness = {
  homeMunicipalityNumber: string | null
  pitch: string
  wantedTasks: readonly string[]
  possibleTasks: readonly string[]
  occupations: readonly string[]
  educationLevel: string | null
  hoursMin: number | null
  hoursMax: number | null
  timesOfDay: readonly string[]
  days: readonly string[]
  workMunicipalities: readonly string[]
  workCounties: readonly string[]
  earliestStart: string | null
  oralNorwegian: number | null
  writtenNorwegian: number | null
}

export type ProfilePart =
  | 'home'
  | 'pitch'
  | 'tasks'
  | 'education'
  | 'hours'
  | 'schedule'
  | 'workArea'
  | 'earliestStart'
  | 'norwegian'

/** In the order the profile form asks for them, so the page can list what is missing from the top. */
export const profilePartNames: Record<ProfilePart, string> = {
  home: 'hvor kandidaten bor (kommune)',
  pitch: 'en kort presentasjon (minst 40 tegn)',
  tasks: 'minst én oppgave eller et yrke kandidaten ønsker eller kan',
  education: 'utdanningsnivå',
  hours: 'timer per uke (minst og maks)',
  schedule: 'når på døgnet og hvilke dager kandidaten kan jobbe',
  workArea: 'hvor kandidaten kan jobbe (kommuner eller fylker)',
  earliestStart: 'når kandidaten kan begynne',
  norwegian: 'norsk muntlig og skriftlig',
}

export const MIN_PITCH_LENGTH = 40

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/
/** A real calendar day written YYYY-MM-DD; 2026-13-45 is not one. */
const isoDate = {
  test(value: string): boolean {
    if (!isoDatePattern.test(value)) return false
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  },
}

export function missingProfileParts(profile: ProfileForCompleteness | null | undefined): ProfilePart[] {
  if (!profile) return Object.keys(profilePartNames) as ProfilePart[]
  const missing: ProfilePart[] = []
  if (!profile.homeMunicipalityNumber) missing.push('home')
  if ((profile.pitch ?? '').trim().length < MIN_PITCH_LENGTH) missing.push('pitch')
  if (profile.wantedTasks.length + profile.possibleTasks.length + profile.occupations.length === 0) missing.push('tasks')
  if (!profile.educationLevel) missing.push('education')
  if (!validHours(profile.hoursMin, profile.hoursMax)) missing.push('hours')
  if (profile.timesOfDay.length === 0 || profile.days.length === 0) missing.push('schedule')
  if (profile.workMunicipalities.length + profile.workCounties.length === 0) missing.push('workArea')
  if (!profile.earliestStart || !isoDate.test(profile.earliestStart)) missing.push('earliestStart')
  if (!isLevel(profile.oralNorwegian) || !isLevel(profile.writtenNorwegian)) missing.push('norwegian')
  return missing
}

function validHours(min: number | null, max: number | null): boolean {
  return typeof min === 'number' && typeof max === 'number' && Number.isFinite(min) && Number.isFinite(max) && min > 0 && min <= max
}

function isLevel(level: number | null): boolean {
  return level === 0 || level === 1 || level === 2
}

/** The consent in force today, from the latest consent record (renewal supersedes, so only the latest counts). */
export function consentState(latest: ConsentRecord | null | undefined, today: string): ConsentState {
  if (!latest) return { kind: 'none' }
  if (latest.withdrawnAt) return { kind: 'withdrawn' }
  if (latest.supersededAt) return { kind: 'none' }
  if (!isoDate.test(latest.givenOn) || !isoDate.test(latest.expiresOn) || !isoDate.test(today)) return { kind: 'none' }
  if (latest.scope !== 'all' && !(latest.scope === 'counties' && latest.scopeCounties.length > 0)) return { kind: 'none' }
  if (today < latest.givenOn) return { kind: 'not-yet-valid', givenOn: latest.givenOn }
  // Consent lasts until the day before expiresOn; on expiresOn it is no longer in force.
  if (today >= latest.expiresOn) return { kind: 'expired', expiredOn: latest.expiresOn }
  return { kind: 'active', expiresOn: latest.expiresOn, scope: latest.scope, scopeCounties: latest.scopeCounties }
}

export type HiddenReason =
  | { code: 'status'; status: string }
  | { code: 'consent'; consent: ConsentState['kind'] }
  | { code: 'incomplete'; missing: ProfilePart[] }

export type Visibility = { visible: true; consent: Extract<ConsentState, { kind: 'active' }> } | { visible: false; reasons: HiddenReason[] }

export type VisibilityInput = {
  status: CandidateStatus | string | null | undefined
  latestConsent: ConsentRecord | null | undefined
  profile: ProfileForCompleteness | null | undefined
  today: string
}

export function employerVisibility(input: VisibilityInput): Visibility {
  const reasons: HiddenReason[] = []
  if (input.status !== 'active') reasons.push({ code: 'status', status: String(input.status ?? 'ukjent') })
  const consent = consentState(input.latestConsent, input.today)
  if (consent.kind !== 'active') reasons.push({ code: 'consent', consent: consent.kind })
  const missing = missingProfileParts(input.profile)
  if (missing.length > 0) reasons.push({ code: 'incomplete', missing })
  if (reasons.length > 0 || consent.kind !== 'active') return { visible: false, reasons }
  return { visible: true, consent }
}

/** Whether an employer whose workplace lies in `countyNumber` may see a visible candidate, by the consent's scope. */
export function consentCoversCounty(visibility: Visibility, countyNumber: string): boolean {
  if (!visibility.visible) return false
  return visibility.consent.scope === 'all' || visibility.consent.scopeCounties.includes(countyNumber)
}

const statusNames: Record<string, string> = {
  paused: 'kandidaten er satt på pause',
  in_work: 'kandidaten er i jobb',
  ended: 'oppfølgingen er avsluttet',
}

const consentNames: Record<ConsentState['kind'], string> = {
  none: 'det er ikke registrert samtykke',
  'not-yet-valid': 'samtykket gjelder fra en senere dato',
  expired: 'samtykket har utløpt',
  withdrawn: 'samtykket er trukket',
  active: 'samtykket er aktivt',
}

/** One bokmål sentence per reason, for the specialist. */
export function hiddenReasonTexts(reasons: readonly HiddenReason[]): string[] {
  return reasons.map((reason) => {
    switch (reason.code) {
      case 'status':
        return Object.hasOwn(statusNames, reason.status) ? statusNames[reason.status]! : 'statusen er ukjent'
      case 'consent':
        return consentNames[reason.consent]
      case 'incomplete':
        return `profilen mangler ${joinNorwegian(reason.missing.map((part) => profilePartNames[part]))}`
    }
  })
}

export function joinNorwegian(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`
}

/** Consent lasts six months unless the candidate agrees to something shorter. */
export function defaultConsentExpiry(givenOn: string): string {
  const [year, month, day] = givenOn.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(year, month - 1 + 6, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return target.toISOString().slice(0, 10)
}

/** Location is shown as the municipality only when at least this many visible candidates share it. */
export const MIN_CANDIDATES_SHARING_MUNICIPALITY = 5

/** Consent that ends within this many days is flagged so the specialist can renew it with the candidate in time. */
export const CONSENT_EXPIRING_WITHIN_DAYS = 30

/** The consent filter of the caseload: the consent states, plus "expiring soon". */
export const consentFilterValues = ['active', 'expiring', 'expired', 'withdrawn', 'none'] as const
export type ConsentFilter = (typeof consentFilterValues)[number]

/** A candidate as one query row: status, the latest consent's columns and the profile (null columns when none). */
export type CandidateVisibilityColumns = ProfileForCompleteness & {
  status: string
  hasProfile: boolean
  consentGivenOn: string | null
  consentExpiresOn: string | null
  consentScope: 'all' | 'counties' | null
  consentScopeCounties: readonly string[] | null
  consentSupersededAt: Date | string | null
  consentWithdrawnAt: Date | string | null
}

export function consentRecordOfRow(row: CandidateVisibilityColumns): ConsentRecord | null {
  if (!row.consentGivenOn || !row.consentExpiresOn || !row.consentScope) return null
  return {
    givenOn: row.consentGivenOn,
    expiresOn: row.consentExpiresOn,
    scope: row.consentScope,
    scopeCounties: row.consentScopeCounties ?? [],
    supersededAt: row.consentSupersededAt,
    withdrawnAt: row.consentWithdrawnAt,
  }
}

/** The one rule, applied to a candidate row. */
export function visibilityOfRow(row: CandidateVisibilityColumns, today: string): Visibility {
  return employerVisibility({ status: row.status, latestConsent: consentRecordOfRow(row), profile: row.hasProfile ? row : null, today })
}
