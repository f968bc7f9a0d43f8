import { BodyShort, Box, Heading, VStack } from '@navikt/ds-react'
import type { ReactNode } from 'react'
import type { OpeningDocument } from '../../search-index/opening-document'
import { formatHours, scheduleText } from './employer-labels'
import { norwegianDate } from '~/utils/opening-form'

/** A published opening as specialists see it in match lists. */
export function OpeningSummaryView({ opening, title, children }: { opening: OpeningDocument; title?: ReactNode; children?: ReactNode }) {
  const headingId = `stilling-${opening.id}`
  return (
    <Box as="article" aria-labelledby={headingId} padding="space-24" borderWidth="1" borderColor="neutral-subtle" borderRadius="12">
      <VStack gap="space-12">
        <VStack gap="space-4">
          <Heading level="2" size="medium" id={headingId}>
            {title ?? opening.title}
          </Heading>
          <BodyShort>
            {opening.organisationName}, {opening.workplaceName} · {opening.municipality.name}, {opening.county.name}
          </BodyShort>
          <BodyShort size="small">
            {opening.openingType.name} · {formatHours(opening.hoursMin)}–{formatHours(opening.hoursMax)} timer i uka ·{' '}
            {scheduleText(opening.timesOfDay, opening.days)} · oppstart {norwegianDate(opening.startDate)}
          </BodyShort>
        </VStack>
        {opening.tasks.length > 0 ? (
          <BodyShort size="small">
            <strong>Oppgaver:</strong> {opening.tasks.map((task) => `${task.name} (${formatHours(task.hoursPerWeek)} t)`).join(', ')}
          </BodyShort>
        ) : null}
        {children}
      </VStack>
    </Box>
  )
}
