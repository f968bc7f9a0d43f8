import { Alert, BodyShort, Button, HStack, Link, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { AnonymisedCandidateView } from '~/components/anonymised-candidate'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { MatchList, SearchUnavailable } from '~/components/match-list'
import { MatchExplanationView } from '~/components/match-explanation'
import { PageHeader } from '~/components/page-header'
import { ProposalNotice, ProposeCandidateForm } from '~/components/propose-candidate-form'
import { respondToPostedProposal } from '~/modules/case-proposals.server'
import { assertCaseworker, requireCandidateForStaff } from '~/modules/candidates.server'
import { notFound, requireUuid } from '~/modules/employer-access.server'
import { candidatesForOpening, matchPageSchema, setShortlisted, shortlistedCandidateIds } from '~/modules/matching.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { getSql } from '~/utils/db.server'
import type { User } from '../../prisma-free-sql/queries/users'
import { findOffice } from '../../prisma-free-sql/queries/offices'
import { findOpeningRegion } from '../../prisma-free-sql/queries/openings'
import { casesForOpening } from '../../prisma-free-sql/queries/cases'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.opening.title ?? 'Stilling'} – Jobbsnekker` }]

/** Staff see openings in their office's county; others are answered 404 like any unknown opening. */
async function requireOpeningInRegion(user: User, openingId: string | undefined) {
  assertCaseworker(user)
  const sql = getSql()
  const [opening, office] = await Promise.all([findOpeningRegion(sql, requireUuid(openingId)), findOffice(sql, user.officeId)])
  if (!opening || !office || opening.countyNumber !== office.countyNumber) throw notFound()
  return opening
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const opening = await requireOpeningInRegion(user, params.openingId)
  const query = matchPageSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw new Response('Ugyldig side eller filter. Gå tilbake til listen og prøv igjen.', { status: 400 })
  const [matches, shortlisted] = await Promise.all([
    candidatesForOpening(opening, query.data, { officeId: user.officeId! }),
    shortlistedCandidateIds(user, opening.id),
  ])
  // The cases of the candidates on this page only (all of them the office's own), so each shows its proposal or interest.
  const onPage = new Set(matches.status === 'ok' ? matches.results.map((result) => result.candidate.id) : [])
  const cases = [...(await casesForOpening(getSql(), opening.id)).values()]
    .filter((found) => onPage.has(found.candidateId))
    .map((found) => ({ candidateId: found.candidateId, id: found.id, status: found.status, origin: found.origin, employerVerdict: found.employerVerdict }))
  return json({ opening, query: query.data, matches, shortlisted: [...shortlisted], cases })
}

const shortlistSchema = z.object({ candidateId: z.string().uuid(), shortlisted: z.enum(['ja', 'nei']) })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const opening = await requireOpeningInRegion(user, params.openingId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  if (formData.get('intent') === 'propose') {
    formData.set('openingId', opening.id)
    const anchor = `kandidat-${String(formData.get('candidateId'))}`
    return respondToPostedProposal(user, request, formData, (candidateId) => requireCandidateForStaff(user, candidateId), anchor)
  }
  const parsed = shortlistSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw new Response('Ugyldig forespørsel.', { status: 400 })
  const candidate = await requireCandidateForStaff(user, parsed.data.candidateId)
  await setShortlisted(user, candidate, opening.id, parsed.data.shortlisted === 'ja')
  const url = new URL(request.url)
  return redirect(`${url.pathname}${url.search}#kandidat-${candidate.id}`)
}

export default function RegionOpeningPage() {
  const { opening, query, matches, shortlisted, cases } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  return (
    <VStack gap="space-24">
      <PageHeader back={{ to: '/ansatt/stillinger', label: 'Stillinger i regionen' }} title={opening.title}>
        <BodyShort className="form-narrow">Kandidater fra ditt kontor som oppfyller kravene, best treff først.</BodyShort>
      </PageHeader>
      <ProposalNotice caseShownUnder="kandidaten" />
      {matches.status === 'not-published' ? (
        <Alert variant="info">Stillingen er ikke publisert lenger.</Alert>
      ) : matches.status === 'unavailable' ? (
        <SearchUnavailable />
      ) : (
        <>
          <MatchList
            matches={matches}
            minScore={query.minScore}
            counted="kandidater passer"
            none="Ingen synlige kandidater fra kontoret ditt oppfyller kravene."
            pagesHeading="Sider med kandidater"
            itemKey={(result) => result.candidate.id}
            itemAnchor={(result) => `kandidat-${result.candidate.id}`}
            renderItem={(result) => {
              const onShortlist = shortlisted.includes(result.candidate.id)
              return (
                <VStack gap="space-12">
                  <AnonymisedCandidateView candidate={result.candidate} />
                  <MatchExplanationView explanation={result.explanation} />
                  <HStack gap="space-16" align="center">
                    <Link as={RemixLink} to={`/ansatt/kandidater/${result.candidate.id}`}>
                      Åpne {result.candidate.label}
                    </Link>
                    <Form method="post">
                      <AuthenticityTokenInput />
                      <input type="hidden" name="candidateId" value={result.candidate.id} />
                      <input type="hidden" name="shortlisted" value={onShortlist ? 'nei' : 'ja'} />
                      <Button type="submit" size="small" variant={onShortlist ? 'tertiary' : 'secondary'}>
                        {onShortlist ? 'Fjern fra kortlisten' : 'Legg på kortlisten'}
                      </Button>
                    </Form>
                  </HStack>
                  <ProposeCandidateForm
                    candidateId={result.candidate.id}
                    openingId={opening.id}
                    about={result.candidate.label}
                    existing={cases.find((found) => found.candidateId === result.candidate.id) ?? null}
                    failed={failed}
                  />
                </VStack>
              )
            }}
          />
        </>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
