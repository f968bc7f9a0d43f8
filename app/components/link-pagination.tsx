import { Pagination } from '@navikt/ds-react'
import { Link as RemixLink } from '@remix-run/react'

/** Pages as ordinary links, so paging works without JavaScript and every page has its own address. */
export function LinkPagination({ page, count, hrefFor, heading }: { page: number; count: number; hrefFor: (page: number) => string; heading: string }) {
  if (count <= 1) return null
  return (
    <Pagination
      page={page}
      count={count}
      size="small"
      prevNextTexts
      srHeading={{ tag: 'h2', text: heading }}
      renderItem={({ page: itemPage, onClick: _onClick, ...item }) => (
        <Pagination.Item {...item} as={RemixLink} to={hrefFor(itemPage)} role={undefined} />
      )}
    />
  )
}

/** The same list on another page: the current query string with `side` set, and any one-off notice dropped. */
export function pageHref(searchParams: URLSearchParams, page: number): string {
  const next = new URLSearchParams(searchParams)
  next.set('side', String(page))
  next.delete('melding')
  return `?${next.toString()}`
}
