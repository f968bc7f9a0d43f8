// The reasons a specialist can give for deleting a candidate: shown on the page and kept, as a code, in the audit log.
// Not a .server module, because the page lists them.

export const deletionReasons = {
  candidate_request: 'Kandidaten har bedt om å bli slettet',
  no_longer_needed: 'Oppfølgingen er avsluttet, og opplysningene trengs ikke lenger',
  consent_withdrawn: 'Kandidaten har trukket samtykket og vil ikke følges opp her',
  registered_by_mistake: 'Kandidaten ble registrert ved en feil',
} as const
export type DeletionReason = keyof typeof deletionReasons

export function readDeletionReason(value: unknown): DeletionReason | undefined {
  return typeof value === 'string' && Object.hasOwn(deletionReasons, value) ? (value as DeletionReason) : undefined
}
