import { Alert, BodyShort, Button, Heading, Link, List, Radio, RadioGroup, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { deletionReasons } from '~/modules/candidate-rights'
import { deleteCandidate, deletedBy, mayDeleteCandidate } from '~/modules/candidate-rights.server'
import { requireCandidateForStaff } from '~/modules/candidates.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { candidateLabel } from '../../search-index/candidate-document'

export const meta: MetaFunction = () => [{ title: 'Innsyn og sletting – Jobbsnekker' }]

/**
 * The candidate's rights: a download of everything stored (an identity read, audited by the export route) and
 * deletion on request. After a deletion the id no longer exists; only the person who deleted it is told so here.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const url = new URL(request.url)
  try {
    const candidate = await requireCandidateForStaff(user, params.candidateId)
    return json({
      deleted: false as const,
      candidateId: candidate.id,
      label: candidateLabel(candidate.id),
      responsibleName: candidate.responsibleName,
      mayDelete: mayDeleteCandidate(user, candidate),
    })
  } catch (error) {
    const gone = error instanceof Response && error.status === 404
    if (gone && url.searchParams.get('melding') === 'slettet' && (await deletedBy(user, params.candidateId))) {
      return json({ deleted: true as const })
    }
    throw error
  }
}

const deletionFormSchema = z.object({
  intent: z.literal('delete'),
  reason: z.string().max(60).default(''),
  confirmName: z.string().max(300, 'Navnet er for langt.').default(''),
})

type ActionFailure = { field: 'confirmName' | 'reason' | 'form'; message: string; reason: string; confirmName: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const parsed = deletionFormSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path[0] === 'confirmName' ? 'confirmName' : issue?.path[0] === 'reason' ? 'reason' : 'form'
    const message =
      field === 'confirmName' ? (issue?.message ?? 'Ugyldig navn.') : field === 'reason' ? 'Velg hvorfor kandidaten slettes.' : 'Ukjent handling. Last siden på nytt og prøv igjen.'
    return json<ActionFailure>({ field, message, reason: '', confirmName: '' }, { status: 400 })
  }
  const outcome = await deleteCandidate(user, candidate.id, { confirmName: parsed.data.confirmName, reason: parsed.data.reason })
  if (outcome.status === 'refused') {
    return json<ActionFailure>(
      { field: outcome.field, message: outcome.message, reason: parsed.data.reason, confirmName: parsed.data.confirmName },
      { status: outcome.field === 'form' ? 403 : 400 },
    )
  }
  return redirect(`/ansatt/kandidater/${candidate.id}/personvern?melding=slettet`)
}

export default function CandidateRightsPage() {
  const data = useLoaderData<typeof loader>()
  if (data.deleted) {
    return (
      <VStack gap="space-24" className="form-narrow">
        <PageHeader back={{ to: '/ansatt/kandidater', label: 'Kandidater' }} title="Kandidaten er slettet">
          <Alert variant="success" role="status">
            Kandidaten og alt som var lagret om kandidaten, er slettet. Profilen fjernes fra søket i løpet av kort tid. I loggen står det bare at
            kandidaten ble slettet, av hvem og når.
          </Alert>
        </PageHeader>
      </VStack>
    )
  }
  return <RightsPage {...data} />
}

function RightsPage({ candidateId, label, responsibleName, mayDelete }: { candidateId: string; label: string; responsibleName: string; mayDelete: boolean }) {
  const failed = useActionData<typeof action>()
  const base = `/ansatt/kandidater/${candidateId}`
  return (
    <VStack gap="space-32" className="form-narrow">
      <PageHeader back={{ to: base, label }} title="Innsyn og sletting">
        <BodyShort>Kandidaten har rett til å få vite hva som er lagret, og til å få det slettet.</BodyShort>
      </PageHeader>

      <section aria-labelledby="innsyn">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="innsyn">
            Innsyn
          </Heading>
          <BodyShort>
            Last ned alt Jobbsnekker har lagret om kandidaten som en JSON-fil: personopplysninger, profil, samtykker, historikk, saker, delinger
            med arbeidsgivere, interesse, utprøvingsavtaler, matchemøter, varsler og logg. Filen inneholder fødselsnummeret. Gi den bare til
            kandidaten, og slett den fra maskinen etterpå.
          </BodyShort>
          <BodyShort>Nedlastingen logges med hvem og når.</BodyShort>
          <div>
            <Button as="a" href={`${base}/eksport.json`} download role={undefined} variant="secondary">
              Last ned alt om kandidaten (JSON)
            </Button>
          </div>
        </VStack>
      </section>

      <section aria-labelledby="sletting">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="sletting">
            Slett kandidaten
          </Heading>
          <BodyShort>Slettingen kan ikke angres. Dette blir slettet med en gang:</BodyShort>
          <List>
            <List.Item>personopplysninger, profil, samtykker og historikk</List.Item>
            <List.Item>saker, interesse fra arbeidsgivere, delte kontaktopplysninger og utprøvingsavtaler</List.Item>
            <List.Item>det som er skrevet om kandidaten i matchemøter, og varsler og e-poster om kandidaten</List.Item>
            <List.Item>profilen i søket (den forsvinner i løpet av kort tid)</List.Item>
          </List>
          <BodyShort>
            I loggen står det etterpå bare at noe skjedde, når og hvem som gjorde det. Kontakter med arbeidsgivere beholdes i arbeidsgiverens logg,
            men er ikke lenger knyttet til kandidaten.
          </BodyShort>
          {mayDelete ? (
            <Form method="post">
              <AuthenticityTokenInput />
              <input type="hidden" name="intent" value="delete" />
              <VStack gap="space-16">
                {failed?.field === 'form' ? (
                  <Alert variant="error" role="alert">
                    {failed.message}
                  </Alert>
                ) : null}
                <RadioGroup legend="Hvorfor slettes kandidaten?" name="reason" defaultValue={failed?.reason || undefined} error={failed?.field === 'reason' ? failed.message : undefined}>
                  {Object.entries(deletionReasons).map(([code, text]) => (
                    <Radio key={code} value={code}>
                      {text}
                    </Radio>
                  ))}
                </RadioGroup>
                <TextField
                  label="Skriv kandidatens fulle navn for å bekrefte"
                  description="Fornavn og etternavn slik de er registrert under personopplysninger."
                  name="confirmName"
                  autoComplete="off"
                  maxLength={300}
                  defaultValue={failed?.confirmName}
                  error={failed?.field === 'confirmName' ? failed.message : undefined}
                />
                <div>
                  <Button type="submit" variant="danger">
                    Slett kandidaten for godt
                  </Button>
                </div>
              </VStack>
            </Form>
          ) : (
            <Alert variant="info">
              Bare den som er ansvarlig for kandidaten ({responsibleName}), eller en teamleder ved kontoret, kan slette kandidaten.
            </Alert>
          )}
          <BodyShort>
            <Link as={RemixLink} to={base}>
              Tilbake til kandidaten
            </Link>
          </BodyShort>
        </VStack>
      </section>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
