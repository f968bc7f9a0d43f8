/** Bokmål names for stored codes, shared by every page that shows them. */
export const sectorLabels: Record<string, string> = { public: 'Offentlig', private: 'Privat' }

export const sizeBandLabels: Record<string, string> = {
  '1-4': '1–4 ansatte',
  '5-19': '5–19 ansatte',
  '20-99': '20–99 ansatte',
  '100-499': '100–499 ansatte',
  '500+': '500 ansatte eller flere',
}

export const roleLabels: Record<string, string> = {
  specialist: 'Jobbspesialist',
  market_contact: 'Markedskontakt',
  team_lead: 'Leder',
  admin: 'Administrator',
}

// Made once: building an Intl.DateTimeFormat costs far more than formatting with it, and lists format every row.
const osloDateTime = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Oslo' })
const osloDate = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeZone: 'Europe/Oslo' })
const osloWeekday = new Intl.DateTimeFormat('nb-NO', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Oslo' })
const osloClock = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Oslo' })

export function formatOsloDateTime(value: string | Date): string {
  return osloDateTime.format(new Date(value))
}

export function formatOsloDate(value: string | Date): string {
  return osloDate.format(new Date(value))
}

/** A deadline as people say it: «tirsdag 1. desember kl. 16:00». */
export function formatOsloDeadline(value: string | Date): string {
  const date = new Date(value)
  return `${osloWeekday.format(date)} kl. ${osloClock.format(date)}`
}
