import type { StaffRole } from '../../../prisma-free-sql/queries/users'
import { roleLabels } from '../labels'

export function roleList(roles: readonly StaffRole[]): string {
  return roles.map((role) => roleLabels[role] ?? role).join(', ')
}

const osloTime = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/**
 * Norwegian time to the second (log entries and e-mails often share a minute). Called in
 * loaders, so the page shows Oslo time whatever the server's zone and never re-renders.
 */
export function formatOsloTime(value: Date | string): string {
  return osloTime.format(typeof value === 'string' ? new Date(value) : value)
}
