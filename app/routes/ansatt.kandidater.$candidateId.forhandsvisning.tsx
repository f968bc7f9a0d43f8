import { Alert, BodyShort, Link, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link as RemixLink, useLoaderData } from '@remix-run/react'
import { AnonymisedCandidateView } from '~/components/anonymised-candidate'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { employerPreview, requireCandidateForStaff } from '~/modules/candidates.server'
import { requireStaff } from '~/utils/auth.server'
import { hiddenReasonTexts, joinNorwegian } from '../../matching/visibility'
import { candidateLabel } from '../../search-index/candidate-document'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.label ?? 'Kandidat'} sett som arbeidsgiver – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const preview = await employerPreview(candidate)
  return json({
    candidateId: candidate.id,
    label: candidateLabel(candidate.id),
    document: preview.document ?? null,
    visible: preview.visibility.visible,
    hiddenBecause: preview.visibility.visible ? [] : hiddenReasonTexts(preview.visibility.reasons),
  })
}

export default function EmployerPreviewPage() {
  const { candidateId, label, document, visible, hiddenBecause } = useLoaderData<typeof loader>()
  const back = `/ansatt/kandidater/${candidateId}`
  return (
    <VStack gap="space-24">
      <PageHeader back={{ to: back, label }} title="Slik ser arbeidsgivere profilen">
        <BodyShort className="form-narrow">
          Dette er nøyaktig det en arbeidsgiver får se: ingen navn, fødselsnummer, kontaktopplysninger eller bosted mer presist enn kommunen
          (fylket når færre enn fem synlige kandidater bor i kommunen).
        </BodyShort>
      </PageHeader>
      {visible ? (
        <Alert variant="success" size="small">
          Profilen er synlig for arbeidsgivere nå.
        </Alert>
      ) : (
        <Alert variant="warning">
          <strong>Skjult for arbeidsgivere.</strong> Arbeidsgivere ser ingenting av denne profilen nå, fordi {joinNorwegian(hiddenBecause)}.
          {document ? ' Under ser du hvordan den vil se ut når den blir synlig.' : ''}
        </Alert>
      )}
      {document ? (
        <AnonymisedCandidateView candidate={document} />
      ) : (
        <BodyShort>
          Profilen mangler bosted, timer, oppstart eller norsknivå, så det finnes ingenting å vise ennå.{' '}
          <Link as={RemixLink} to={`${back}/profil`}>
            Skriv profilen
          </Link>
          .
        </BodyShort>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
