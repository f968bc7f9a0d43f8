import { BodyShort, Heading, Link, Table, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link as RemixLink, useLoaderData } from '@remix-run/react'
import { handlerSentence } from '~/components/case-note'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { caseStatusLabels } from '~/modules/case-flow'
import { employerCases } from '~/modules/cases.server'
import { caseSummaryOf } from '~/modules/matching.server'
import { requireEmployer } from '~/utils/auth.server'
import { candidateLabel } from '../../search-index/candidate-document'

export const meta: MetaFunction = () => [{ title: 'Saker – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const cases = await employerCases(user)
  return json({
    cases: cases.map((item) => ({ ...caseSummaryOf(item), candidateLabel: candidateLabel(item.candidateId), openingTitle: item.openingTitle })),
  })
}

export default function EmployerCasesPage() {
  const { cases } = useLoaderData<typeof loader>()
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Saker
      </Heading>
      <BodyShort className="form-narrow">
        Kandidatene du har sagt at du er interessert i. Hver sak har én jobbspesialist i NAV som svarer deg.
      </BodyShort>
      {cases.length === 0 ? (
        <BodyShort>Du har ingen saker ennå. Åpne en publisert stilling og se kandidater som passer.</BodyShort>
      ) : (
        <Table size="small">
          <caption className="navds-sr-only">Saker</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Kandidat</Table.HeaderCell>
              <Table.HeaderCell scope="col">Stilling</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
              <Table.HeaderCell scope="col">Hvem svarer</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {cases.map((item) => (
              <Table.Row key={item.id}>
                <Table.DataCell>
                  <Link as={RemixLink} to={`/arbeidsgiver/saker/${item.id}`}>
                    {item.candidateLabel}
                  </Link>
                </Table.DataCell>
                <Table.DataCell>{item.openingTitle}</Table.DataCell>
                <Table.DataCell>{caseStatusLabels[item.status]}</Table.DataCell>
                <Table.DataCell>{handlerSentence(item)}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
