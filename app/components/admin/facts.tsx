import { BodyShort } from '@navikt/ds-react'
import { Fragment, type ReactNode } from 'react'

/** A compact list of label–value pairs (a real <dl>, so screen readers pair them). */
export function Facts({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.25rem 1rem', margin: 0 }}>
      {items.map(([label, value]) => (
        <Fragment key={label}>
          <BodyShort as="dt" weight="semibold">
            {label}
          </BodyShort>
          <BodyShort as="dd" style={{ margin: 0 }}>
            {value}
          </BodyShort>
        </Fragment>
      ))}
    </dl>
  )
}
