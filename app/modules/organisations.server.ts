import { getSql } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import {
  decideMembershipRequest,
  isActiveMember,
  listMembers,
  listMembershipsOfUser,
  listWorkplaces,
} from '../../prisma-free-sql/queries/organisations'
import type { User } from '../../prisma-free-sql/queries/users'
import { forbidden } from '../utils/auth.server'

/** The employer's organisations with workplaces, and how many access requests wait for them. */
export async function employerOverview(user: User) {
  const sql = getSql()
  const memberships = await listMembershipsOfUser(sql, user.id)
  return Promise.all(
    memberships.map(async (membership) => {
      if (membership.status !== 'active') return { ...membership, workplaces: [], pendingRequests: 0 }
      const [workplaces, members] = await Promise.all([listWorkplaces(sql, membership.id), listMembers(sql, membership.id)])
      return { ...membership, workplaces, pendingRequests: members.filter((m) => m.status === 'requested').length }
    }),
  )
}

/** Members and pending requests of every organisation the user is an active member of. */
export async function membersOfUsersOrganisations(user: User) {
  const sql = getSql()
  const memberships = (await listMembershipsOfUser(sql, user.id)).filter((m) => m.status === 'active')
  return Promise.all(
    memberships.map(async (organisation) => ({
      id: organisation.id,
      name: organisation.name,
      orgNumber: organisation.orgNumber,
      members: await listMembers(sql, organisation.id),
    })),
  )
}

/** Only an active member may approve or reject a request to join the organisation. */
export async function decideAccessRequest(
  actor: User,
  decision: { organisationId: string; userId: string; approve: boolean },
): Promise<'decided' | 'already-decided'> {
  return getSql().begin(async (tx) => {
    if (!(await isActiveMember(tx, decision.organisationId, actor.id))) throw forbidden('Du er ikke medlem av denne virksomheten.')
    const decided = await decideMembershipRequest(tx, { ...decision, decidedBy: actor.id })
    if (!decided) return 'already-decided'
    await appendAudit(tx, {
      actorUserId: actor.id,
      action: decision.approve ? 'membership.approved' : 'membership.rejected',
      subjectType: 'organisation',
      subjectId: decision.organisationId,
      details: { userId: decision.userId },
    })
    return 'decided'
  })
}
