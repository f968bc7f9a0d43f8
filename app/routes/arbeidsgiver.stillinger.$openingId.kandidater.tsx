import { Alert, BodyShort, Button, Textarea, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { AnonymisedCandidateView } from '~/components/anonymised-candidate'
import { CaseNote } from '~/components/case-note'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { MatchList, SearchUnavailable } from '~/components/match-list'
import { MatchExplanationView } from '~/components/match-explanation'
import { PageHeader } from '~/components/page-header'
import { requireOpeningOf } from '~/modules/employer-access.server'
import { candidatesForOpening, markEmployerInterest, matchPageSchema } from '~/modules/matching.server'
import { requireAcceptedTerms } from '~/modules/organisations.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { consumeRateLimits, rateLimitMessage, retryAfterHeaders } from '~/utils/rate-limits.server'
import { plainText } from '~/utils/form-text'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Kandidater til ${data?.opening.title ?? 'stillingen'} – Jobbsnekker` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const opening = await requireOpeningOf(user, params.openingId)
  await requireAcceptedTerms(user, request)
  const query = matchPageSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw new Response('Ugyldig side eller filter. Gå tilbake til listen og prøv igjen.', { status: 400 })
  const matches = await candidatesForOpening(opening, query.data)
  return json({ opening: { id: opening.id, title: opening.title, status: opening.status }, query: query.data, matches })
}

const interestSchema = z.object({
  candidateId: z.string().uuid(),
  message: plainText(z.string().trim().max(1000, 'Meldingen kan ha høyst 1000 tegn.')).default(''),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const opening = await requireOpeningOf(user, params.openingId)
  await requireAcceptedTerms(user, request)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const parsed = interestSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    const candidateId = String(formData.get('candidateId') ?? '')
    return json(
      { candidateId, message: String(formData.get('message') ?? ''), error: parsed.error.issues[0]?.message ?? 'Ugyldig forespørsel.' },
      { status: 400 }
    )
  }
  const limit = await consumeRateLimits([['interestPerUser', user.id]])
  if (!limit.allowed) {
    return json(
      { candidateId: parsed.data.candidateId, message: parsed.data.message, error: rateLimitMessage(limit.retryAfterSeconds) },
      { status: 429, headers: retryAfterHeaders(limit.retryAfterSeconds) }
    )
  }
  const outcome = await markEmployerInterest(user, opening, parsed.data.candidateId, parsed.data.message)
  if (outcome.status === 'not-visible') {
    return json(
      {
        candidateId: parsed.data.candidateId,
        message: parsed.data.message,
        error: 'Kandidaten er ikke lenger tilgjengelig. Listen er oppdatert.',
      },
      { status: 409 }
    )
  }
  const url = new URL(request.url)
  url.searchParams.set('melding', 'interessert')
  return redirect(`${url.pathname}${url.search}#kandidat-${parsed.data.candidateId}`)
}

export default function OpeningCandidatesPage() {
  const { opening, query, matches } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const base = `/arbeidsgiver/stillinger/${opening.id}`
  return (
    <VStack gap="space-24">
      <PageHeader back={{ to: base, label: opening.title }} title="Kandidater som passer">
        <BodyShort className="form-narrow">
          Kandidatene er anonyme: du ser hva de kan og hva som hjelper dem, ikke hvem de er. Sier du at du er interessert, får
          jobbspesialisten som følger opp kandidaten beskjed og spør kandidaten. Navnet deles bare hvis kandidaten sier ja.
        </BodyShort>
      </PageHeader>
      {searchParams.get('melding') === 'interessert' ? (
        <Alert variant="success" role="status">
          Interessen er registrert, og jobbspesialisten som følger opp kandidaten har fått saken. Under kandidaten ser du hvem
          som svarer og innen når.
        </Alert>
      ) : null}
      {matches.status === 'not-published' ? (
        <Alert variant="info">Stillingen er ikke publisert. Publiser den for å se kandidater som passer.</Alert>
      ) : matches.status === 'unavailable' ? (
        <SearchUnavailable />
      ) : (
        <>
          <MatchList
            matches={matches}
            minScore={query.minScore}
            counted="kandidater oppfyller kravene"
            none="Ingen synlige kandidater oppfyller kravene til stillingen ennå."
            pagesHeading="Sider med kandidater"
            itemKey={(result) => result.candidate.id}
            itemAnchor={(result) => `kandidat-${result.candidate.id}`}
            renderItem={(result) => (
              <VStack gap="space-12">
                <AnonymisedCandidateView candidate={result.candidate} />
                <MatchExplanationView explanation={result.explanation} />
                {result.case ? (
                  <CaseNote summary={result.case} href={`/arbeidsgiver/saker/${result.case.id}`} />
                ) : (
                  <Form method="post" className="form-narrow">
                    <AuthenticityTokenInput />
                    <input type="hidden" name="candidateId" value={result.candidate.id} />
                    <VStack gap="space-8">
                      <Textarea
                        label={`Melding til jobbspesialisten om ${result.candidate.label} (valgfritt)`}
                        name="message"
                        maxLength={1000}
                        minRows={2}
                        defaultValue={actionData?.candidateId === result.candidate.id ? actionData.message : ''}
                        error={actionData?.candidateId === result.candidate.id ? actionData.error : undefined}
                      />
                      <div>
                        <Button type="submit">Jeg er interessert</Button>
                      </div>
                    </VStack>
                  </Form>
                )}
              </VStack>
            )}
          />
        </>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
