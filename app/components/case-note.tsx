import { Alert, BodyShort, Link, VStack } from '@navikt/ds-react'
import { Link as RemixLink } from '@remix-run/react'
import { caseStatusLabels, type CaseStatus } from '~/modules/case-flow'
import { formatOsloDeadline } from './labels'

export type CaseNoteData = {
  id: string
  /** A case NAV proposed is not the employer's own interest, and the note says so. */
  origin?: 'employer_interest' | 'specialist_proposal'
  status: CaseStatus
  handledBy: string | null
  acknowledgeBy: string
  acknowledged: boolean
}

/** Who answers the employer's interest and by when (DOMAIN.md: one door, a named person, a deadline). */
export function handlerSentence(summary: Pick<CaseNoteData, 'handledBy' | 'acknowledgeBy' | 'acknowledged'>): string {
  const who = summary.handledBy ? `Jobbspesialist ${summary.handledBy}` : 'Jobbspesialistene ved NAV-kontoret'
  return summary.acknowledged ? `${who} følger opp saken.` : `${who} svarer innen ${formatOsloDeadline(summary.acknowledgeBy)}.`
}

export function CaseNote({ summary, href }: { summary: CaseNoteData; href: string }) {
  return (
    <Alert variant="success" size="small">
      <VStack gap="space-4">
        <BodyShort size="small" weight="semibold">
          {summary.origin === 'specialist_proposal' ? 'NAV har foreslått kandidaten for dere.' : 'Du har sagt at du er interessert.'} Status:{' '}
          {caseStatusLabels[summary.status]}.
        </BodyShort>
        <BodyShort size="small">{handlerSentence(summary)}</BodyShort>
        <BodyShort size="small">
          <Link as={RemixLink} to={href}>
            Se saken
          </Link>
        </BodyShort>
      </VStack>
    </Alert>
  )
}
