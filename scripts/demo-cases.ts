// Demo cases, so the specialist's case inbox and «Varsler» show the flow on the first start: three employers' interests
// in the demo specialist's candidates for the warehouse's «Lagermedarbeider, emballasje og merking» opening, one waiting for
// acknowledgement, one where the candidate said yes, one in a running trial. The demo employer's own bakery opening is
// left without cases: the browser tests take that flow from the start.
import { caseTransitions, decideTransition, type CaseAction, type CaseStatus } from '../app/modules/case-flow'
import { openRoutedInterestCase } from '../app/modules/cases.server'
import { notify } from '../app/modules/notifications.server'
import { scoreMatch } from '../matching/scoring'
import type { Queryable } from '../prisma-free-sql/db'
import { moveCase } from '../prisma-free-sql/queries/cases'
import { insertInterest } from '../prisma-free-sql/queries/matches'
import { loadIndexedCandidates, loadIndexedOpenings } from '../search-index/load-documents'
import { demoLogins } from './demo-logins'

const DEMO_OPENING_TITLE = 'Lagermedarbeider, emballasje og merking'

const demoCases: { message: string; steps: CaseAction[] }[] = [
  { message: 'Vi har en ledig plass på dagtid fra neste måned. Kan vi ta en prat?', steps: [] },
  { message: 'Profilen passer godt med det vi trenger på kjøkkenet og i fellesarealene.', steps: ['acknowledge', 'askCandidate', 'candidateSaidYes'] },
  { message: '', steps: ['acknowledge', 'askCandidate', 'candidateSaidYes', 'agreeMeeting', 'startTrial'] },
]

export async function seedCaseDemo(tx: Queryable, now = new Date()): Promise<number> {
  const [existing] = await tx`select exists (select 1 from cases) as any`
  if (existing?.any) return 0
  const [place] = await tx`
    select op.id as "openingId", s.id as "specialistId",
      (select m.user_id from organisation_memberships m where m.organisation_id = w.organisation_id and m.status = 'active'
       order by m.requested_at limit 1) as "employerId"
    from openings op join workplaces w on w.id = op.workplace_id, users s
    where op.title = ${DEMO_OPENING_TITLE} and op.status = 'published' and lower(s.email) = lower(${demoLogins.specialist})`
  if (!place?.employerId) return 0
  const openingId = String(place.openingId)
  const opening = (await loadIndexedOpenings(tx, [openingId])).get(openingId)
  if (!opening) return 0
  const own = await tx`select id from candidates where responsible_user_id = ${place.specialistId} order by id`
  const visible = await loadIndexedCandidates(tx, own.map((row) => String(row.id)))
  const matching = [...visible.entries()]
    .map(([id, candidate]) => ({ id, explanation: scoreMatch(opening.matching, candidate.matching) }))
    .filter((match) => match.explanation.passes)
    .slice(0, demoCases.length)

  for (const [index, match] of matching.entries()) {
    const demo = demoCases[index]!
    const employerId = String(place.employerId)
    await insertInterest(tx, { openingId, candidateId: match.id, userId: employerId, message: demo.message, score: match.explanation.score })
    const opened = await openRoutedInterestCase(tx, { openingId, candidateId: match.id, employerUserId: employerId, message: demo.message, now })
    const caseId = opened.case.id
    // The waiting case's notice, in the portal only: the demo should not start by e-mailing its own accounts.
    if (opened.case.ownerUserId && demo.steps.length === 0) {
      await notify(tx, [opened.case.ownerUserId], { kind: 'case_new', path: `/ansatt/saker/${caseId}`, eventKey: `case:${caseId}:opened`, caseId, inAppOnly: true })
    }
    let status: CaseStatus = opened.case.status
    let version = opened.case.version
    for (const action of demo.steps) {
      const actor = (caseTransitions[action].by as readonly string[]).includes('staff') ? 'staff' : 'employer'
      const decision = decideTransition(status, action, actor)
      if (!decision.ok) throw new Error(`demo data: ${action} from ${status}: ${decision.message}`)
      const actorUserId = actor === 'staff' ? String(place.specialistId) : employerId
      if (!(await moveCase(tx, { caseId, version, action, from: status, to: decision.to, actorUserId, reason: '' }))) {
        throw new Error(`demo data: case ${caseId} did not move from ${status}`)
      }
      status = decision.to
      version += 1
    }
  }
  return matching.length
}
