// The traffic light per employer (DOMAIN.md §3.8, §4 "Don't wear employers out"): computed from what the portal
// knows, never set by hand, and always explained, so a market contact can see why an employer is red before calling.
// Pure: the figures are gathered by employer-relationships.server.ts; tests/unit/employer-traffic-light.test.ts.

export type EmployerActivity = {
  /** The last logged contact by anyone, or null when nobody has logged one. */
  lastContactAt: Date | null
  contactsLast30Days: number
  publishedOpenings: number
  activeTrials: number
  /** Trials started in the last 12 months, and how many of those candidates were hired. */
  trialsLast12Months: number
  hiresLast12Months: number
  /** How many trainees the employer has agreed to take at once; null until someone has asked. */
  traineeCapacity: number | null
}

export type TrafficLight = 'green' | 'yellow' | 'red'
export type Flag = 'trials_without_hire' | 'above_capacity'
export type Reason = { tone: 'good' | 'neutral' | 'warning' | 'bad'; text: string }
export type TrafficLightResult = { light: TrafficLight; flags: Flag[]; reasons: Reason[] }

/** A trial series this long without one hire is the "trainee after trainee, never hires" pattern (003 L9711–9719). */
export const TRIALS_WITHOUT_HIRE_FLAG_AT = 3
/** More contacts than this in 30 days, from all of NAV together, is strain on the employer. */
export const CONTACTS_STRAIN_AT = 6
export const RECENT_CONTACT_DAYS = 90
/** Six months without contact is a red flag for a relationship (DOMAIN.md §5). */
export const STALE_CONTACT_DAYS = 182

const DAY_MS = 24 * 60 * 60 * 1000

export const trafficLightLabels: Record<TrafficLight, string> = { green: 'Grønn', yellow: 'Gul', red: 'Rød' }
export const flagLabels: Record<Flag, string> = {
  trials_without_hire: 'Flere utprøvinger uten ansettelse',
  above_capacity: 'Flere tiltaksdeltakere enn kapasiteten',
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

export function trafficLightOf(activity: EmployerActivity, now: Date): TrafficLightResult {
  const reasons: Reason[] = []
  const flags: Flag[] = []
  let strained = false

  const daysSinceContact = activity.lastContactAt ? Math.floor((now.getTime() - activity.lastContactAt.getTime()) / DAY_MS) : null
  if (daysSinceContact === null) reasons.push({ tone: 'warning', text: 'Ingen kontakt er logget ennå.' })
  else if (daysSinceContact > STALE_CONTACT_DAYS) reasons.push({ tone: 'warning', text: `Ingen kontakt på ${daysSinceContact} dager (over et halvt år).` })
  else if (daysSinceContact > RECENT_CONTACT_DAYS) reasons.push({ tone: 'neutral', text: `Siste kontakt for ${daysSinceContact} dager siden.` })
  else reasons.push({ tone: 'good', text: daysSinceContact === 0 ? 'Kontakt i dag.' : `Siste kontakt for ${plural(daysSinceContact, 'dag', 'dager')} siden.` })

  if (activity.publishedOpenings > 0) reasons.push({ tone: 'good', text: `${plural(activity.publishedOpenings, 'åpen stilling', 'åpne stillinger')}.` })
  else reasons.push({ tone: 'neutral', text: 'Ingen åpne stillinger.' })

  if (activity.activeTrials > 0) reasons.push({ tone: 'good', text: `${plural(activity.activeTrials, 'utprøving pågår', 'utprøvinger pågår')}.` })

  if (activity.trialsLast12Months > 0) {
    const summary = `${plural(activity.trialsLast12Months, 'utprøving', 'utprøvinger')} og ${plural(activity.hiresLast12Months, 'ansettelse', 'ansettelser')} siste 12 måneder.`
    if (activity.trialsLast12Months >= TRIALS_WITHOUT_HIRE_FLAG_AT && activity.hiresLast12Months === 0) {
      flags.push('trials_without_hire')
      reasons.push({ tone: 'bad', text: `${summary} Snakk med arbeidsgiveren om ansettelse før neste utprøving.` })
    } else {
      reasons.push({ tone: activity.hiresLast12Months > 0 ? 'good' : 'neutral', text: summary })
    }
  }

  if (activity.traineeCapacity === null) {
    if (activity.activeTrials > 0) reasons.push({ tone: 'neutral', text: 'Kapasitet for tiltaksdeltakere er ikke avklart.' })
  } else if (activity.activeTrials > activity.traineeCapacity) {
    flags.push('above_capacity')
    reasons.push({ tone: 'bad', text: `${plural(activity.activeTrials, 'tiltaksdeltaker', 'tiltaksdeltakere')} mot en kapasitet på ${activity.traineeCapacity}.` })
  } else if (activity.traineeCapacity > 0 && activity.activeTrials === activity.traineeCapacity) {
    strained = true
    reasons.push({ tone: 'warning', text: `Fullt: ${activity.activeTrials} av ${activity.traineeCapacity} plasser for tiltaksdeltakere er i bruk.` })
  }

  if (activity.contactsLast30Days >= CONTACTS_STRAIN_AT) {
    strained = true
    reasons.push({ tone: 'warning', text: `${activity.contactsLast30Days} kontakter fra NAV siste 30 dager. Samordne før noen tar kontakt igjen.` })
  }

  const engaged = activity.publishedOpenings > 0 || activity.activeTrials > 0 || activity.hiresLast12Months > 0
  const inTouch = daysSinceContact !== null && daysSinceContact <= RECENT_CONTACT_DAYS
  const light: TrafficLight = flags.length > 0 ? 'red' : engaged && inTouch && !strained ? 'green' : 'yellow'
  return { light, flags, reasons }
}
