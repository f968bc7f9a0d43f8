import type { ConsentState } from '../../matching/visibility'
import { norwegianDate } from '~/utils/opening-form'

export const candidateStatusLabels: Record<string, string> = {
  active: 'Aktiv',
  paused: 'Pause',
  in_work: 'I jobb',
  ended: 'Avsluttet',
}

export const candidateStatusVariants: Record<string, 'success' | 'warning' | 'info' | 'neutral'> = {
  active: 'success',
  paused: 'warning',
  in_work: 'info',
  ended: 'neutral',
}

/** One line about the consent in force, for the specialist. */
export function consentSummary(consent: ConsentState): string {
  switch (consent.kind) {
    case 'active':
      return `aktivt til ${norwegianDate(consent.expiresOn)}, ${consent.scope === 'all' ? 'alle arbeidsgivere' : 'arbeidsgivere i valgte fylker'}.`
    case 'expired':
      return `utløpt ${norwegianDate(consent.expiredOn)}. Forny det sammen med kandidaten.`
    case 'withdrawn':
      return 'trukket. Profilen er skjult.'
    case 'not-yet-valid':
      return `gjelder fra ${norwegianDate(consent.givenOn)}.`
    case 'none':
      return 'ikke registrert.'
  }
}
