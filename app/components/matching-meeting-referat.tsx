import { BodyLong, BodyShort, Box, Heading, Link, Table, VStack } from '@navikt/ds-react'
import { Link as RemixLink } from '@remix-run/react'
import type { MeetingPageData, MinuteView } from '~/modules/matching-meetings.server'
import { norwegianDate } from '~/utils/opening-form'
import { Facts } from './admin/facts'
import { formatOsloDateTime } from './labels'

/** "15.03.2026 kl. 09:00": a meeting's date and time as it was planned (Norwegian wall-clock time). */
export function meetingWhen(meeting: { meetsOn: string; startsAt: string }): string {
  return `${norwegianDate(meeting.meetsOn)} kl. ${meeting.startsAt}`
}

function nextStepText(minute: MinuteView): string {
  const who = minute.responsibleName ? `ansvarlig: ${minute.responsibleName}` : ''
  const due = minute.dueOn ? `frist ${norwegianDate(minute.dueOn)}` : ''
  return [minute.nextStep, [who, due].filter(Boolean).join(', ')].filter(Boolean).join(' – ')
}

/**
 * Entries of the minutes, oldest first. An entry is never changed; one that was corrected says by which entry, and
 * the correction says what it corrects, so the reader sees both.
 */
export function MinuteEntries({ minutes, show, empty }: { minutes: MinuteView[]; show: 'candidate' | 'opening' | 'both' | 'none'; empty?: string }) {
  if (minutes.length === 0) return empty ? <BodyShort size="small">{empty}</BodyShort> : null
  return (
    <ol className="plain-list">
      {minutes.map((minute) => (
        <li key={minute.id}>
          <Box paddingBlock="space-8" borderWidth="0 0 1 0" borderColor="neutral-subtle">
            <VStack gap="space-4">
              <BodyShort size="small" textColor="subtle">
                Nr. {minute.number} · {formatOsloDateTime(minute.recordedAt)} · {minute.recordedByName}
                {minute.afterHeld ? ' · skrevet etter møtet' : ''}
              </BodyShort>
              {(show === 'candidate' || show === 'both') && minute.candidateLabel ? (
                <BodyShort size="small">
                  <strong>Kandidat:</strong> {minute.candidateLabel}
                </BodyShort>
              ) : null}
              {(show === 'opening' || show === 'both') && minute.openingTitle ? (
                <BodyShort size="small">
                  <strong>Stilling:</strong> {minute.openingTitle}
                </BodyShort>
              ) : null}
              {minute.correctsNumber !== null ? (
                <BodyShort size="small">
                  <strong>Retter nr. {minute.correctsNumber}.</strong>
                </BodyShort>
              ) : null}
              <BodyLong size="small" style={{ whiteSpace: 'pre-line' }}>
                {minute.decision}
              </BodyLong>
              {minute.nextStep ? (
                <BodyShort size="small">
                  <strong>Neste steg:</strong> {nextStepText(minute)}
                </BodyShort>
              ) : null}
              {minute.correctedByNumbers.length > 0 ? (
                <BodyShort size="small" weight="semibold">
                  Rettet senere i nr. {minute.correctedByNumbers.join(', ')}.
                </BodyShort>
              ) : null}
            </VStack>
          </Box>
        </li>
      ))}
    </ol>
  )
}

// Printing the referat leaves out the portal around it (menu, header, footer) and the forms below it.
const printStyle = `@media print {
  .aksel-internalheader, .main-nav, .site-footer, .skip-link, .matching-meeting-screen-only { display: none !important; }
  .matching-meeting-referat { break-inside: auto; }
}`

/**
 * The minutes of a held meeting as a referat to read or print: when and who, the next steps with who does them and
 * by when, then what was decided about each candidate and each opening. Candidates appear by label only.
 */
export function MeetingReferat({ data }: { data: Pick<MeetingPageData, 'meeting' | 'participants' | 'candidates' | 'openings' | 'minutes'> }) {
  const { meeting, participants, candidates, openings, minutes } = data
  const current = minutes.filter((minute) => minute.correctedBy.length === 0)
  const nextSteps = current.filter((minute) => minute.nextStep !== '')
  const about = (minute: MinuteView) => [minute.candidateLabel, minute.openingTitle].filter(Boolean).join(' – ')
  const general = minutes.filter((minute) => minute.candidateId === null)
  return (
    <VStack gap="space-24" as="section" aria-labelledby="referat-tittel" className="matching-meeting-referat">
      <style>{printStyle}</style>
      <Heading level="2" size="large" id="referat-tittel">
        Referat
      </Heading>
      <Facts
        items={[
          ['Tid', meetingWhen(meeting)],
          ['Sted', meeting.place],
          ['Deltakere', participants.map((person) => person.name).join(', ') || 'Ingen registrert'],
          ['Holdt', meeting.heldAt ? `Markert som holdt ${formatOsloDateTime(meeting.heldAt)}${meeting.heldByName ? ` av ${meeting.heldByName}` : ''}` : 'Nei'],
        ]}
      />
      <VStack gap="space-8" as="section" aria-labelledby="referat-neste-steg">
        <Heading level="3" size="medium" id="referat-neste-steg">
          Neste steg
        </Heading>
        {nextSteps.length === 0 ? (
          <BodyShort>Ingen neste steg er skrevet i referatet.</BodyShort>
        ) : (
          <Table size="small">
            <caption className="sr-only">Neste steg fra møtet, med ansvarlig og frist</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Gjelder</Table.HeaderCell>
                <Table.HeaderCell scope="col">Neste steg</Table.HeaderCell>
                <Table.HeaderCell scope="col">Ansvarlig</Table.HeaderCell>
                <Table.HeaderCell scope="col">Frist</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {nextSteps.map((minute) => (
                <Table.Row key={minute.id}>
                  <Table.DataCell>{about(minute)}</Table.DataCell>
                  <Table.DataCell>{minute.nextStep}</Table.DataCell>
                  <Table.DataCell>{minute.responsibleName ?? '–'}</Table.DataCell>
                  <Table.DataCell>{minute.dueOn ? norwegianDate(minute.dueOn) : 'Ingen frist'}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </VStack>
      <VStack gap="space-16" as="section" aria-labelledby="referat-kandidater">
        <Heading level="3" size="medium" id="referat-kandidater">
          Kandidater
        </Heading>
        {candidates.length === 0 ? <BodyShort>Ingen kandidater var med.</BodyShort> : null}
        {candidates.map((candidate) => (
          <VStack gap="space-4" key={candidate.id}>
            <Heading level="4" size="small">
              {candidate.mayOpen ? (
                <Link as={RemixLink} to={`/ansatt/kandidater/${candidate.id}`}>
                  {candidate.label}
                </Link>
              ) : (
                candidate.label
              )}
            </Heading>
            <BodyShort size="small">
              Jobbspesialist: {candidate.responsibleName}, {candidate.officeName}
            </BodyShort>
            <MinuteEntries minutes={minutes.filter((minute) => minute.candidateId === candidate.id)} show="opening" empty="Ingenting skrevet om kandidaten." />
          </VStack>
        ))}
      </VStack>
      <VStack gap="space-16" as="section" aria-labelledby="referat-stillinger">
        <Heading level="3" size="medium" id="referat-stillinger">
          Stillinger
        </Heading>
        {openings.length === 0 ? <BodyShort>Ingen stillinger var med.</BodyShort> : null}
        {openings.map((opening) => (
          <VStack gap="space-4" key={opening.id}>
            <Heading level="4" size="small">
              {opening.title}
            </Heading>
            <BodyShort size="small">
              {opening.organisationName}, {opening.workplaceName} · {opening.municipalityName}
            </BodyShort>
            <MinuteEntries
              minutes={general.filter((minute) => minute.openingId === opening.id)}
              show="none"
              empty="Ingenting skrevet om stillingen alene (se kandidatene over)."
            />
          </VStack>
        ))}
      </VStack>
    </VStack>
  )
}
