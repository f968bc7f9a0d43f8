import { BodyShort, Heading, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { handlerSentence } from '~/components/case-note'
import { CaseTable } from '~/components/case-panel'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { caseOriginText } from '~/components/employer-verdict-form'
import { employerCases } from '~/modules/cases.server'
import { caseSummaryOf } from '~/modules/matching.server'
import { requireEmployer } from '~/utils/auth.server'
import { candidateLabel } from '../../search-index/candidate-document'

export const meta: MetaFunction = () => [{ title: 'Saker – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const cases = await employerCases(user)
  return json({
    cases: cases.map((item) => ({
      ...caseSummaryOf(item),
      candidateLabel: candidateLabel(item.candidateId),
      openingTitle: item.openingTitle,
      origin: item.origin,
      verdict: item.employerVerdict,
    })),
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
        Kandidatene du har sagt at du er interessert i, og kandidatene NAV har foreslått for dere. Hver sak har én jobbspesialist i
        NAV som svarer deg.
      </BodyShort>
      {cases.length === 0 ? (
        <BodyShort>Du har ingen saker ennå. Åpne en publisert stilling og se kandidater som passer.</BodyShort>
      ) : (
        <CaseTable
          caption="Saker"
          rows={cases}
          href={(item) => `/arbeidsgiver/saker/${item.id}`}
          extraColumns={[
            { header: 'Kom fra', cell: (item) => caseOriginText(item, 'employer') },
            { header: 'Hvem svarer', cell: (item) => handlerSentence(item) },
          ]}
        />
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
