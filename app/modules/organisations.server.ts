import { getSql } from '../../prisma-free-sql/db'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { redirect } from '@remix-run/node'
import { CURRENT_TERMS_VERSION, hasAcceptedTerms, recordTermsAcceptance, termsAcceptedAt } from '../../prisma-free-sql/queries/employer-terms'
import { namedContactOf } from '../../prisma-free-sql/queries/employer-relationships'
import { listOpeningsOfOrganisation } from '../../prisma-free-sql/queries/openings'
import { deleteSessionsOfUser } from '../../prisma-free-sql/queries/sessions'
import {
  countActiveMembers,
  decideMembershipRequest,
  isActiveMember,
  listMembers,
  listMembershipsOfUser,
  listWorkplaces,
  removeActiveMembership,
  updateOrganisationProfile,
  type OrganisationProfileChange,
} from '../../prisma-free-sql/queries/organisations'
import type { User } from '../../prisma-free-sql/queries/users'
import { listTasks, listWorkplacesOfOrganisation } from '../../prisma-free-sql/queries/workplaces'
import { notFound } from './employer-access.server'
import { todayInNorway } from './openings.server'

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
    if (!(await isActiveMember(tx, decision.organisationId, actor.id))) throw notFound()
    const decided = await decideMembershipRequest(tx, { ...decision, decidedBy: actor.id })
    if (!decided) return 'already-decided'
    // New rights come with a new session: the member logs in again, and a session issued before the change is void.
    if (decision.approve) await deleteSessionsOfUser(tx, decision.userId)
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

export async function organisationWorkplaces(organisationId: string) {
  return listWorkplacesOfOrganisation(getSql(), organisationId)
}

export async function editOrganisationProfile(actor: User, organisationId: string, change: OrganisationProfileChange): Promise<void> {
  await getSql().begin(async (tx) => {
    if (!(await isActiveMember(tx, organisationId, actor.id))) throw notFound()
    await updateOrganisationProfile(tx, organisationId, change)
    await appendAudit(tx, {
      actorUserId: actor.id,
      action: 'organisation.updated',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { naceSection: change.naceSection, sector: change.sector, sizeBand: change.sizeBand, iaAgreement: change.iaAgreement },
    })
  })
}

/** An organisation always keeps one active member, or nobody could ever manage it again. */
export async function removeMember(actor: User, organisationId: string, userId: string): Promise<'removed' | 'last-member' | 'not-member'> {
  return getSql().begin(async (tx) => {
    if (!(await isActiveMember(tx, organisationId, actor.id))) throw notFound()
    // Serialises concurrent removals in the same organisation, so two members cannot remove each other.
    await tx`select id from organisations where id = ${organisationId} for update`
    if ((await countActiveMembers(tx, organisationId)) <= 1) return 'last-member' as const
    if (!(await removeActiveMembership(tx, organisationId, userId))) return 'not-member' as const
    if (userId !== actor.id) await deleteSessionsOfUser(tx, userId)
    await appendAudit(tx, { actorUserId: actor.id, action: 'membership.removed', subjectType: 'organisation', subjectId: organisationId, details: { userId } })
    return 'removed' as const
  })
}

export type AttentionItem = { text: string; href: string }

/** The employer's home: per organisation its workplaces with task counts, its openings, and what needs doing. */
export async function employerHome(user: User) {
  const sql = getSql()
  const memberships = await listMembershipsOfUser(sql, user.id)
  const termsAccepted = await hasAcceptedTerms(sql, user.id, CURRENT_TERMS_VERSION)
  const today = todayInNorway()
  const organisations = await Promise.all(
    memberships
      .filter((membership) => membership.status === 'active')
      .map(async (organisation) => {
        const [workplaces, openings, members, navContact] = await Promise.all([
          listWorkplacesOfOrganisation(sql, organisation.id),
          listOpeningsOfOrganisation(sql, organisation.id),
          listMembers(sql, organisation.id),
          namedContactOf(sql, organisation.id),
        ])
        const taskCounts = await Promise.all(workplaces.map(async (workplace) => (await listTasks(sql, workplace.id)).length))
        const pendingRequests = members.filter((member) => member.status === 'requested').length
        const attention: AttentionItem[] = []
        if (pendingRequests > 0) {
          attention.push({
            text: pendingRequests === 1 ? 'Én person ber om tilgang til virksomheten.' : `${pendingRequests} personer ber om tilgang til virksomheten.`,
            href: '/arbeidsgiver/medlemmer',
          })
        }
        if (workplaces.length === 0) {
          attention.push({ text: 'Legg til et arbeidssted for å beskrive oppgavene der.', href: `/arbeidsgiver/virksomheter/${organisation.id}/arbeidssteder/ny` })
        }
        workplaces.forEach((workplace, index) => {
          if (taskCounts[index] === 0) {
            attention.push({ text: `${workplace.name} har ingen arbeidsoppgaver ennå.`, href: `/arbeidsgiver/arbeidssteder/${workplace.id}` })
          }
        })
        for (const opening of openings) {
          if (opening.status === 'draft') {
            attention.push({ text: `«${opening.title}» er et utkast og ikke publisert.`, href: `/arbeidsgiver/stillinger/${opening.id}` })
          } else if (opening.status === 'paused') {
            attention.push({ text: `«${opening.title}» er satt på pause.`, href: `/arbeidsgiver/stillinger/${opening.id}` })
          } else if (opening.status === 'published' && opening.startDate < today) {
            attention.push({
              text: `Startdatoen for «${opening.title}» har passert. Er plassen fortsatt ledig?`,
              href: `/arbeidsgiver/stillinger/${opening.id}`,
            })
          }
        }
        return {
          id: organisation.id,
          name: organisation.name,
          orgNumber: organisation.orgNumber,
          naceSection: organisation.naceSection,
          sector: organisation.sector,
          sizeBand: organisation.sizeBand,
          municipalityName: organisation.municipalityName,
          workplaces: workplaces.map((workplace, index) => ({
            id: workplace.id,
            name: workplace.name,
            address: workplace.address,
            municipalityName: workplace.municipalityName,
            taskCount: taskCounts[index] ?? 0,
          })),
          openings: openings.map((opening) => ({
            id: opening.id,
            title: opening.title,
            workplaceName: opening.workplaceName,
            openingType: opening.openingType,
            status: opening.status,
            startDate: opening.startDate,
          })),
          attention,
          // The market contact who owns the relationship; until someone does, the page says how to reach NAV.
          navContact: navContact ?? null,
        }
      }),
  )
  return {
    organisations,
    waiting: memberships.filter((membership) => membership.status !== 'active'),
    termsAccepted,
  }
}

export async function acceptEmployerTerms(user: User): Promise<void> {
  await getSql().begin(async (tx) => {
    await recordTermsAcceptance(tx, user.id, CURRENT_TERMS_VERSION)
    await appendAudit(tx, { actorUserId: user.id, action: 'terms.accepted', subjectType: 'user', subjectId: user.id, details: { version: CURRENT_TERMS_VERSION } })
  })
}

export async function employerTermsStatus(user: User): Promise<{ version: string; acceptedAt: Date | undefined }> {
  return { version: CURRENT_TERMS_VERSION, acceptedAt: await termsAcceptedAt(getSql(), user.id, CURRENT_TERMS_VERSION) }
}

/**
 * Candidate profiles are shown only to employer users who have accepted the current terms; everyone else is sent to
 * the terms first and comes back afterwards.
 */
export async function requireAcceptedTerms(user: User, request: Request): Promise<void> {
  if (await hasAcceptedTerms(getSql(), user.id, CURRENT_TERMS_VERSION)) return
  const url = new URL(request.url)
  throw redirect(`/arbeidsgiver/vilkar?tilbake=${encodeURIComponent(url.pathname + url.search)}`)
}
