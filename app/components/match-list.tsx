import { Alert, BodyShort, VStack } from '@navikt/ds-react'
import { useSearchParams } from '@remix-run/react'
import type { ReactNode } from 'react'
import { LinkPagination, pageHref } from './link-pagination'
import { MatchFilterForm } from './match-filter'

type MatchPage<T> = { total: number; page: number; pageCount: number; from: number; to: number; results: T[] }

/**
 * A ranked match list as every match page shows it: the score filter, how many and which are shown (announced), the
 * ranked items in order, and paging as links.
 */
export function MatchList<T>({
  matches,
  minScore,
  counted,
  none,
  pagesHeading,
  itemKey,
  itemAnchor,
  renderItem,
}: {
  matches: MatchPage<T>
  minScore: number
  /** What the total counts, after the number: «kandidater passer». */
  counted: string
  /** What to say when nothing passes the hard filters. */
  none: string
  pagesHeading: string
  itemKey: (item: T) => string
  /** The id a form's redirect jumps back to. */
  itemAnchor?: (item: T) => string
  renderItem: (item: T) => ReactNode
}) {
  const [searchParams] = useSearchParams()
  return (
    <>
      <MatchFilterForm minScore={minScore} />
      <BodyShort role="status">
        {matches.total === 0 ? none : `${matches.total} ${counted}. Viser ${matches.from}–${matches.to}, best treff først.`}
      </BodyShort>
      <VStack gap="space-24" as="ol" className="plain-list">
        {matches.results.map((item) => (
          <li key={itemKey(item)} id={itemAnchor?.(item)}>
            {renderItem(item)}
          </li>
        ))}
      </VStack>
      <LinkPagination
        page={matches.page}
        count={matches.pageCount}
        heading={pagesHeading}
        hrefFor={(page) => pageHref(searchParams, page)}
      />
    </>
  )
}

/** The search backend could not be reached; the outbox keeps every change until it is back. */
export function SearchUnavailable() {
  return <Alert variant="warning">Søket er ikke tilgjengelig akkurat nå. Prøv igjen om litt; ingen endringer går tapt.</Alert>
}
