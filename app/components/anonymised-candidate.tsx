import { BodyLong, BodyShort, Box, Heading, HGrid, Tag, VStack } from '@navikt/ds-react'
import type { ReactNode } from 'react'
import { demandDimensions, demandLevelName } from '../../prisma-free-sql/reference-data/vocabulary'
import type { AnonymisedCandidate } from '../../search-index/candidate-document'
import { formatHours, scheduleText } from './employer-labels'
import { norwegianDate } from '~/utils/opening-form'

const norwegianLevelNames = ['Lite eller ingen', 'Grunnleggende', 'God']

/**
 * The anonymised candidate as employers see it. It renders only the anonymised document, so whatever is not in the
 * document cannot appear here.
 */
export function AnonymisedCandidateView({ candidate, headingLevel = '2' }: { candidate: AnonymisedCandidate; headingLevel?: '2' | '3' }) {
  const limits = demandDimensions.filter(
    (dimension) => dimension.code !== 'oralNorwegian' && dimension.code !== 'writtenNorwegian' && (candidate.tolerances[dimension.code] ?? 2) < 2,
  )
  const headingId = `kandidat-${candidate.id}`
  return (
    <Box as="article" aria-labelledby={headingId} padding="space-24" borderWidth="1" borderColor="neutral-subtle" borderRadius="12">
      <VStack gap="space-16">
        <VStack gap="space-4">
          <Heading level={headingLevel} size="medium" id={headingId}>
            {candidate.label}
          </Heading>
          <BodyShort>
            {candidate.location.level === 'municipality' && candidate.location.name !== candidate.location.countyName
              ? `${candidate.location.name}, ${candidate.location.countyName}`
              : candidate.location.countyName}
            {' · '}
            {formatHours(candidate.hoursMin)}–{formatHours(candidate.hoursMax)} timer i uka
            {candidate.gradualIncrease ? ', med gradvis økning' : ''}
            {' · '}
            kan begynne {norwegianDate(candidate.earliestStart)}
          </BodyShort>
        </VStack>
        {candidate.pitch ? <BodyLong className="pitch">«{candidate.pitch}»</BodyLong> : null}
        <HGrid gap="space-24" columns={{ xs: 1, md: 2 }}>
          <Facts title="Vil gjerne">
            <TagList items={candidate.wantedTasks.map((task) => task.name)} />
          </Facts>
          {candidate.possibleTasks.length > 0 ? (
            <Facts title="Kan også">
              <TagList items={candidate.possibleTasks.map((task) => task.name)} />
            </Facts>
          ) : null}
          {candidate.occupations.length > 0 ? (
            <Facts title="Yrker">
              <TagList items={candidate.occupations.map((occupation) => occupation.name)} />
            </Facts>
          ) : null}
          <Facts title="Når">
            <BodyShort>{scheduleText(candidate.timesOfDay, candidate.days)}</BodyShort>
          </Facts>
          <Facts title="Kan jobbe i">
            <BodyShort>
              {[
                ...candidate.workArea.counties.map((county) => `${county.whole ? 'hele' : 'deler av'} ${county.name}`),
                ...candidate.workArea.municipalities.map((municipality) => municipality.name),
              ].join(', ')}
            </BodyShort>
          </Facts>
          <Facts title="Norsk">
            <BodyShort>
              Muntlig: {norwegianLevelNames[candidate.oralNorwegian]?.toLocaleLowerCase('nb')}. Skriftlig:{' '}
              {norwegianLevelNames[candidate.writtenNorwegian]?.toLocaleLowerCase('nb')}.
            </BodyShort>
          </Facts>
          {candidate.workExperience ? (
            <Facts title="Erfaring">
              <BodyLong>{candidate.workExperience}</BodyLong>
            </Facts>
          ) : null}
          {candidate.informalCompetence ? (
            <Facts title="Annen kompetanse">
              <BodyLong>{candidate.informalCompetence}</BodyLong>
            </Facts>
          ) : null}
          <Facts title="Utdanning og sertifikater">
            <BodyShort>
              {[
                candidate.educationLevel?.name,
                ...candidate.certificates.map((certificate) => certificate.name),
                candidate.canObtainPoliceCertificate === true ? 'Kan skaffe politiattest' : undefined,
              ]
                .filter(Boolean)
                .join(', ') || 'Ikke oppgitt'}
            </BodyShort>
          </Facts>
          <Facts title="Fungerer best med">
            {limits.length === 0 ? (
              <BodyShort>Ingen særlige begrensninger i arbeidskravene.</BodyShort>
            ) : (
              <ul className="plain-list">
                {limits.map((dimension) => (
                  <li key={dimension.code}>
                    {dimension.name}: høyst {demandLevelName(dimension.code, candidate.tolerances[dimension.code] ?? 2)}
                  </li>
                ))}
              </ul>
            )}
          </Facts>
          {candidate.accommodationNeeds.length > 0 ? (
            <Facts title="Dette hjelper">
              <TagList items={candidate.accommodationNeeds.map((need) => need.name)} />
            </Facts>
          ) : null}
          {candidate.measures.length > 0 ? (
            <Facts title="Aktuelle virkemidler">
              <TagList items={candidate.measures.map((measure) => measure.name)} />
            </Facts>
          ) : null}
        </HGrid>
      </VStack>
    </Box>
  )
}

// A plain block styled like VStack gap="space-4": it repeats a dozen times on each of the twenty cards of a
// candidate list, where Aksel's layout primitive cost a noticeable share of rendering the page.
function Facts({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="facts">
      <Heading level="3" size="xsmall">
        {title}
      </Heading>
      {children}
    </div>
  )
}

function TagList({ items }: { items: string[] }) {
  if (items.length === 0) return <BodyShort>Ikke oppgitt</BodyShort>
  return (
    <ul className="tag-list">
      {items.map((item) => (
        <li key={item}>
          <Tag variant="neutral" size="small">
            {item}
          </Tag>
        </li>
      ))}
    </ul>
  )
}
