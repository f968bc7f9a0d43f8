import { BodyShort, VStack } from '@navikt/ds-react'
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
  summary,
  pagesHeading,
  itemKey,
  itemAnchor,
  renderItem,
}: {
  matches: MatchPage<T>
  minScore: number
  summary: string
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
      <BodyShort role="status">{summary}</BodyShort>
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
