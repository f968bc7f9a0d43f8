import { BodyShort, Heading, HStack, Tag, VStack } from '@navikt/ds-react'
import type { MatchExplanation } from '../../matching/scoring'

function scoreVariant(score: number): 'success' | 'info' | 'warning' {
  if (score >= 70) return 'success'
  if (score >= 45) return 'info'
  return 'warning'
}

/** Reasons are written as short phrases; in running text each ends as a sentence. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

/** The score with the reasons behind it: the short version first, every component in a disclosure below. */
export function MatchExplanationView({ explanation, headingLevel = '3' }: { explanation: MatchExplanation; headingLevel?: '3' | '4' }) {
  return (
    <VStack gap="space-8">
      <HStack gap="space-8" align="center">
        <Tag variant={scoreVariant(explanation.score)} size="small">
          Treff {explanation.score} av 100
        </Tag>
      </HStack>
      <ul className="plain-list">
        {explanation.summary.map((reason) => (
          <li key={reason}>
            <BodyShort size="small">{reason}</BodyShort>
          </li>
        ))}
      </ul>
      {explanation.whatWouldMakeItFit.length > 0 ? (
        <VStack gap="space-4">
          <BodyShort size="small" weight="semibold">
            Dette ville gjort det bedre
          </BodyShort>
          <ul className="plain-list">
            {explanation.whatWouldMakeItFit.map((change) => (
              <li key={change}>
                <BodyShort size="small">{sentence(change)}</BodyShort>
              </li>
            ))}
          </ul>
        </VStack>
      ) : null}
      <details>
        <summary>Slik er treffet regnet ut</summary>
        <VStack gap="space-4">
          <Heading level={headingLevel} size="xsmall" className="navds-sr-only">
            Delene av treffet
          </Heading>
          <table className="match-components">
            <caption className="navds-sr-only">Hver del av treffet, med vekt og begrunnelse</caption>
            <thead>
              <tr>
                <th scope="col">Del</th>
                <th scope="col">Passer</th>
                <th scope="col">Vekt</th>
                <th scope="col">Begrunnelse</th>
              </tr>
            </thead>
            <tbody>
              {explanation.components
                .filter((component) => component.applicable)
                .map((component) => (
                  <tr key={component.code}>
                    <th scope="row">{component.label}</th>
                    <td>{Math.round(component.value * 100)} %</td>
                    <td>{component.weight}</td>
                    <td>{component.reasons.map(sentence).join(' ')}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </VStack>
      </details>
    </VStack>
  )
}
