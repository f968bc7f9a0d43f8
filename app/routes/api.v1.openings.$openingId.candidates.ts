import type { LoaderFunctionArgs } from '@remix-run/node'
import {
  apiJson,
  apiMessages,
  candidateMatchBody,
  candidatesForOpeningResponseSchema,
  handleApi,
  jsonError,
  requireApiUser,
  requireOpeningInStaffRegion,
} from '~/modules/api.server'
import { requireOpeningOf } from '~/modules/employer-access.server'
import { candidatesForOpening, matchPageSchema } from '~/modules/matching.server'
import { requireAcceptedTerms } from '~/modules/organisations.server'

/**
 * GET /api/v1/openings/:openingId/candidates — the JSON twin of /arbeidsgiver/stillinger/:id/kandidater (employers)
 * and /ansatt/stillinger/:id (specialists and team leads: their own office's candidates for an opening in the county).
 */
export function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(async () => {
    const user = await requireApiUser(request)
    const opening =
      user.accountType === 'employer'
        ? await requireOpeningOf(user, params.openingId).then(async (found) => {
            await requireAcceptedTerms(user, request)
            return found
          })
        : await requireOpeningInStaffRegion(user, params.openingId)
    const query = matchPageSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
    if (!query.success) return jsonError(400, apiMessages.badQuery)
    const matches = await candidatesForOpening(opening, query.data, user.accountType === 'employer' ? {} : { officeId: user.officeId! })
    if (matches.status === 'not-published') return jsonError(409, apiMessages.notPublished)
    if (matches.status === 'unavailable') return jsonError(503, apiMessages.unavailable)
    return apiJson(candidatesForOpeningResponseSchema, {
      opening: { id: opening.id, title: opening.title },
      total: matches.total,
      page: matches.page,
      pageCount: matches.pageCount,
      results: matches.results.map(candidateMatchBody),
    })
  })
}
