import { Alert, BodyShort, Box, Heading, HStack, Link, Tag, VStack } from '@navikt/ds-react'
import { Link as RemixLink } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { MeetingCandidateView, MeetingOpeningView, Suggestion } from '~/modules/matching-meetings.server'
import { formatHours } from './employer-labels'
import { AddSuggestionButton } from './matching-meeting-forms'

type Searched = { status: 'ok'; items: Suggestion[] } | { status: 'unavailable' }

/** A few ranked matches with the score and the short reasons behind it; `add` offers to bring one into the meeting. */
export function SuggestionList({
  heading,
  items,
  none,
  linkTo,
  add,
}: {
  heading: string
  items: Suggestion[] | Searched
  none: string
  linkTo: (id: string) => string
  add?: { intent: 'addCandidate' | 'addOpening'; name: 'candidateId' | 'openingId' }
}) {
  const list = Array.isArray(items) ? items : items.status === 'ok' ? items.items : null
  return (
    <VStack gap="space-8">
      <Heading level="4" size="xsmall">
        {heading}
      </Heading>
      {list === null ? (
        <Alert variant="warning" size="small">
          Søket svarer ikke akkurat nå, så forslagene utenfor møtet mangler. Prøv igjen om litt.
        </Alert>
      ) : list.length === 0 ? (
        <BodyShort size="small">{none}</BodyShort>
      ) : (
        <ol className="plain-list">
          {list.map((item) => (
            <li key={item.id}>
              <Box paddingBlock="space-4 space-8">
                <VStack gap="space-4">
                  <HStack gap="space-8" align="center" wrap>
                    <BodyShort size="small" weight="semibold">
                      {item.mayOpen ? (
                        <Link as={RemixLink} to={linkTo(item.id)}>
                          {item.name}
                        </Link>
                      ) : (
                        item.name
                      )}
                    </BodyShort>
                    {item.detail ? <BodyShort size="small">{item.detail}</BodyShort> : null}
                    <Tag variant="info" size="xsmall">
                      Treff {item.score} av 100
                    </Tag>
                    {add ? <AddSuggestionButton intent={add.intent} name={add.name} value={item.id} about={item.name} /> : null}
                  </HStack>
                  {item.reasons.length > 0 ? (
                    <ul>
                      {item.reasons.map((reason) => (
                        <li key={reason}>
                          <BodyShort size="small">{reason}</BodyShort>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </VStack>
              </Box>
            </li>
          ))}
        </ol>
      )}
    </VStack>
  )
}

function ItemBox({ id, headingId, children }: { id: string; headingId: string; children: ReactNode }) {
  return (
    <Box as="article" id={id} aria-labelledby={headingId} padding="space-16" borderWidth="1" borderColor="neutral-subtle" borderRadius="12">
      <VStack gap="space-16">{children}</VStack>
    </Box>
  )
}

/**
 * A candidate on the meeting's list: the anonymised label (a link for staff at the candidate's own office), the
 * responsible specialist, and the suggestions when the candidate is visible to employers in the county.
 */
export function MeetingCandidateCard({
  candidate,
  countyName,
  mayAdd,
  children,
}: {
  candidate: MeetingCandidateView
  countyName: string
  mayAdd: boolean
  children?: ReactNode
}) {
  const anchor = `kandidat-${candidate.id}`
  const headingId = `${anchor}-tittel`
  return (
    <ItemBox id={anchor} headingId={headingId}>
      <VStack gap="space-4">
        <Heading level="3" size="small" id={headingId}>
          {candidate.mayOpen ? (
            <Link as={RemixLink} to={`/ansatt/kandidater/${candidate.id}`}>
              {candidate.label}
            </Link>
          ) : (
            candidate.label
          )}
        </Heading>
        <BodyShort size="small">
          Jobbspesialist: {candidate.responsibleName}, {candidate.officeName} · lagt til av {candidate.addedByName}
        </BodyShort>
        {candidate.profile ? (
          <BodyShort size="small">
            {candidate.profile.location} · {formatHours(candidate.profile.hoursMin)}–{formatHours(candidate.profile.hoursMax)} timer i uka
            {candidate.profile.wantedTasks.length > 0 ? ` · vil gjerne: ${candidate.profile.wantedTasks.join(', ')}` : ''}
          </BodyShort>
        ) : null}
      </VStack>
      {candidate.visible ? null : (
        <Alert variant="info" size="small">
          Ikke synlig for arbeidsgivere ennå
          {candidate.hiddenReasons && candidate.hiddenReasons.length > 0 ? `: ${candidate.hiddenReasons.join(', ')}.` : '.'} Kandidaten foreslås ikke
          for stillinger i møtet før profilen er synlig.
        </Alert>
      )}
      {candidate.meetingOpenings ? (
        <SuggestionList
          heading="Passer best blant møtets stillinger"
          items={candidate.meetingOpenings}
          none="Ingen av møtets stillinger oppfyller kravene (sted, sertifikater, timer og oppstart)."
          linkTo={(id) => `/ansatt/stillinger/${id}`}
        />
      ) : null}
      {candidate.otherOpenings ? (
        <SuggestionList
          heading={`Andre publiserte stillinger i ${countyName} som passer`}
          items={candidate.otherOpenings}
          none={`Ingen andre publiserte stillinger i ${countyName} oppfyller kravene.`}
          linkTo={(id) => `/ansatt/stillinger/${id}`}
          add={mayAdd ? { intent: 'addOpening', name: 'openingId' } : undefined}
        />
      ) : null}
      {children}
    </ItemBox>
  )
}

/** An opening on the meeting's list, with the meeting's best candidates for it and the viewer's own office's others. */
export function MeetingOpeningCard({
  opening,
  ownOffice,
  mayAdd,
  children,
}: {
  opening: MeetingOpeningView
  ownOffice: string | null
  mayAdd: boolean
  children?: ReactNode
}) {
  const anchor = `stilling-${opening.id}`
  const headingId = `${anchor}-tittel`
  return (
    <ItemBox id={anchor} headingId={headingId}>
      <VStack gap="space-4">
        <Heading level="3" size="small" id={headingId}>
          {opening.mayOpen ? (
            <Link as={RemixLink} to={`/ansatt/stillinger/${opening.id}`}>
              {opening.title}
            </Link>
          ) : (
            opening.title
          )}
        </Heading>
        <BodyShort size="small">
          {opening.organisationName}, {opening.workplaceName} · {opening.municipalityName} · lagt til av {opening.addedByName}
        </BodyShort>
      </VStack>
      {opening.published ? null : (
        <Alert variant="info" size="small">
          Stillingen er ikke publisert lenger, så den får ingen forslag.
        </Alert>
      )}
      {opening.meetingCandidates ? (
        <SuggestionList
          heading="Passer best blant møtets kandidater"
          items={opening.meetingCandidates}
          none="Ingen av møtets synlige kandidater oppfyller kravene."
          linkTo={(id) => `/ansatt/kandidater/${id}`}
        />
      ) : null}
      {opening.otherCandidates ? (
        <SuggestionList
          heading={`Andre synlige kandidater fra ${ownOffice ?? 'ditt kontor'} som passer`}
          items={opening.otherCandidates}
          none="Ingen andre synlige kandidater fra kontoret ditt oppfyller kravene."
          linkTo={(id) => `/ansatt/kandidater/${id}`}
          add={mayAdd ? { intent: 'addCandidate', name: 'candidateId' } : undefined}
        />
      ) : null}
      {children}
    </ItemBox>
  )
}
