import { dayOptions, optionName, timeOfDayOptions } from '../../prisma-free-sql/reference-data/vocabulary'

export const openingStatusLabels: Record<string, string> = {
  draft: 'Utkast',
  published: 'Publisert',
  paused: 'På pause',
  filled: 'Besatt',
  closed: 'Avsluttet',
}

export const openingStatusVariants: Record<string, 'neutral' | 'success' | 'warning' | 'info' | 'alt1'> = {
  draft: 'neutral',
  published: 'success',
  paused: 'warning',
  filled: 'info',
  closed: 'alt1',
}

/** "2,5" rather than "2.5": hours as Norwegians write them. */
export function formatHours(hours: number): string {
  return hours.toLocaleString('nb-NO', { maximumFractionDigits: 1 })
}

/** "Dagtid, kveld · ukedager" or "Ikke oppgitt". */
export function scheduleText(timesOfDay: readonly string[], days: readonly string[]): string {
  const times = timesOfDay.map((code) => optionName(timeOfDayOptions, code))
  const dayNames = days.map((code) => optionName(dayOptions, code).toLocaleLowerCase('nb'))
  const parts = [times.join(', '), dayNames.join(', ')].filter((part) => part !== '')
  return parts.length > 0 ? parts.join(' · ') : 'Ikke oppgitt'
}
