import { Alert, BodyShort, Button, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { MatchList, SearchUnavailable } from '~/components/match-list'
import { MatchExplanationView } from '~/components/match-explanation'
import { OpeningSummaryView } from '~/components/opening-summary'
import { PageHeader } from '~/components/page-header'
import { ProposalNotice, ProposeCandidateForm } from '~/components/propose-candidate-form'
import { casesOfCandidateForStaff, respondToPostedProposal } from '~/modules/case-proposals.server'
import { requireCandidateForStaff } from '~/modules/candidates.server'
import { candidateVisibleNow, matchPageSchema, openingsForCandidate, setShortlisted } from '~/modules/matching.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { candidateLabel } from '../../search-index/candidate-document'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Stillinger for ${data?.label ?? 'kandidaten'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const query = matchPageSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw new Response('Ugyldig side eller filter. Gå tilbake til listen og prøv igjen.', { status: 400 })
  const [matches, visible, cases] = await Promise.all([
    openingsForCandidate(user, candidate, query.data),
    candidateVisibleNow(candidate),
    casesOfCandidateForStaff(user, candidate),
  ])
  return json({ candidateId: candidate.id, label: candidateLabel(candidate.id), query: query.data, matches, visible, cases: [...cases.values()] })
}

const shortlistSchema = z.object({ openingId: z.string().uuid(), shortlisted: z.enum(['ja', 'nei']) })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  if (formData.get('intent') === 'propose') {
    formData.set('candidateId', candidate.id)
    return respondToPostedProposal(user, request, formData, async () => candidate, `stilling-${String(formData.get('openingId'))}`)
  }
  const parsed = shortlistSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw new Response('Ugyldig forespørsel.', { status: 400 })
  await setShortlisted(user, candidate, parsed.data.openingId, parsed.data.shortlisted === 'ja')
  const url = new URL(request.url)
  return redirect(`${url.pathname}${url.search}#stilling-${parsed.data.openingId}`)
}

export default function CandidateOpeningsPage() {
  const { candidateId, label, query, matches, visible, cases } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const base = `/ansatt/kandidater/${candidateId}`
  return (
    <VStack gap="space-24">
      <PageHeader back={{ to: base, label }} title="Stillinger som passer">
        <BodyShort className="form-narrow">
          Publiserte stillinger der kandidaten oppfyller kravene (sted, sertifikater, timer og oppstart), med de beste treffene først og
          begrunnelsen for hvert treff.
        </BodyShort>
      </PageHeader>
      <ProposalNotice caseShownUnder="stillingen" />
      {visible ? null : (
        <Alert variant="info" size="small">
          Kandidaten er ikke synlig for arbeidsgivere ennå. Du kan likevel se hva som passer, og foreslå stillinger til kandidaten.
        </Alert>
      )}
      {matches.status === 'incomplete' ? (
        <Alert variant="info">Profilen mangler timer, oppstart eller norsknivå, så det kan ikke regnes treff ennå.</Alert>
      ) : matches.status === 'unavailable' ? (
        <SearchUnavailable />
      ) : (
        <>
          <MatchList
            matches={matches}
            minScore={query.minScore}
            counted="stillinger passer"
            none="Ingen publiserte stillinger passer kravene ennå."
            pagesHeading="Sider med stillinger"
            itemKey={(result) => result.opening.id}
            renderItem={(result) => (
              <OpeningSummaryView opening={result.opening}>
                <MatchExplanationView explanation={result.explanation} />
                <Form method="post">
                  <AuthenticityTokenInput />
                  <input type="hidden" name="openingId" value={result.opening.id} />
                  <input type="hidden" name="shortlisted" value={result.shortlisted ? 'nei' : 'ja'} />
                  <Button type="submit" size="small" variant={result.shortlisted ? 'tertiary' : 'secondary'}>
                    {result.shortlisted ? 'Fjern fra kortlisten' : 'Legg på kortlisten'}
                  </Button>
                </Form>
                {visible || cases.some((found) => found.openingId === result.opening.id) ? (
                  <ProposeCandidateForm
                    candidateId={candidateId}
                    openingId={result.opening.id}
                    about={`${label} til ${result.opening.title}`}
                    existing={cases.find((found) => found.openingId === result.opening.id) ?? null}
                    failed={failed}
                  />
                ) : null}
              </OpeningSummaryView>
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
