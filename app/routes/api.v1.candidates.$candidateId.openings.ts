import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiJson, apiMessages, handleApi, jsonError, openingMatchBody, openingsForCandidateResponseSchema } from '~/modules/api.server'
import { requireCandidateForStaff } from '~/modules/candidates.server'
import { matchPageSchema, openingsForCandidate } from '~/modules/matching.server'
import { requireStaff } from '~/utils/auth.server'
import { candidateLabel } from '../../search-index/candidate-document'

/**
 * GET /api/v1/candidates/:candidateId/openings — the JSON twin of /ansatt/kandidater/:id/stillinger: ranked published
 * openings for a candidate, for the specialists and team leads at the office that follows the candidate up.
 */
export function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(async () => {
    // Employers are refused here (403) before any candidate is looked up; other offices' candidates are 404.
    const user = await requireStaff(request)
    const candidate = await requireCandidateForStaff(user, params.candidateId)
    const query = matchPageSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
    if (!query.success) return jsonError(400, apiMessages.badQuery)
    const matches = await openingsForCandidate(user, candidate, query.data)
    if (matches.status === 'incomplete') return jsonError(409, apiMessages.incomplete)
    if (matches.status === 'unavailable') return jsonError(503, apiMessages.unavailable)
    return apiJson(openingsForCandidateResponseSchema, {
      candidate: { id: candidate.id, label: candidateLabel(candidate.id) },
      total: matches.total,
      page: matches.page,
      pageCount: matches.pageCount,
      results: matches.results.map(openingMatchBody),
    })
  })
}
