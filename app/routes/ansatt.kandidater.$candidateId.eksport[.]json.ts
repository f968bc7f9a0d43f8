import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportCandidate, exportFileName } from '~/modules/candidate-rights.server'
import { requireCandidateForStaff } from '~/modules/candidates.server'
import { requireStaff } from '~/utils/auth.server'

/**
 * GET /ansatt/kandidater/:candidateId/eksport.json — everything about the candidate as a download, for the
 * candidate's right of access. The same staff as the personalia page; every download is in the audit log.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const now = new Date()
  const document = await exportCandidate(user, candidate, now)
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(candidate, now)}"`,
      // The national ID number is in it: kept by no browser cache or proxy.
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
