import { Link } from '@navikt/ds-react'
import { Fragment } from 'react'

const urlPattern = /https?:\/\/[^\s<>"]+/g
const trailingPunctuation = /[.,;:!?)\]]+$/

/**
 * Plain text with its http(s) addresses made clickable, so a developer can follow a
 * reset or invitation link straight from the development mailbox. Nothing else is
 * interpreted: the text is never treated as HTML.
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts: { text: string; href?: string }[] = []
  let last = 0
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index ?? 0
    const url = match[0].replace(trailingPunctuation, '')
    if (start > last) parts.push({ text: text.slice(last, start) })
    parts.push({ text: url, href: url })
    last = start + url.length
  }
  if (last < text.length) parts.push({ text: text.slice(last) })
  return (
    <>
      {parts.map((part, index) =>
        part.href ? (
          <Link key={index} href={part.href}>
            {part.text}
          </Link>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  )
}
