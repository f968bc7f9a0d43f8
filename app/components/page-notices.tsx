import { Alert } from '@navikt/ds-react'
import { useSearchParams } from '@remix-run/react'

export type RedirectNoticeText = { variant: 'success' | 'info'; text: string }

/**
 * What the last redirect reported it did (`?melding=…`), in the page's own words. Only the page's own keys count, so
 * an unknown or edited value shows nothing.
 */
export function RedirectNotice({ notices }: { notices: Record<string, RedirectNoticeText> }) {
  const [searchParams] = useSearchParams()
  const key = searchParams.get('melding') ?? ''
  const notice = Object.hasOwn(notices, key) ? notices[key] : undefined
  if (!notice) return null
  return (
    <Alert variant={notice.variant} role="status">
      {notice.text}
    </Alert>
  )
}
