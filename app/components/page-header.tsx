import { BodyShort, Heading, Link, VStack } from '@navikt/ds-react'
import { Link as RemixLink } from '@remix-run/react'
import type { ReactNode } from 'react'

/** A subpage's heading, with the way back to the page it belongs to above it and an introduction below. */
export function PageHeader({ back, title, children }: { back: { to: string; label: string }; title: string; children?: ReactNode }) {
  return (
    <VStack gap="space-8">
      <BodyShort>
        <Link as={RemixLink} to={back.to}>
          {back.label}
        </Link>
      </BodyShort>
      <Heading level="1" size="large">
        {title}
      </Heading>
      {children}
    </VStack>
  )
}
