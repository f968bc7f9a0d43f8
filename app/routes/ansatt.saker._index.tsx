import { Alert, BodyShort, Heading, Tag, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { CaseTable } from '~/components/case-panel'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { caseOriginText } from '~/components/employer-verdict-form'
import { formatOsloDeadline } from '~/components/labels'
import { isEnded, type CaseOrigin, type CaseStatus, type EmployerVerdict } from '~/modules/case-flow'
import { staffInbox } from '~/modules/cases.server'
import { requireStaff } from '~/utils/auth.server'
import { candidateLabel } from '../../search-index/candidate-document'
import type { ListedCase } from '../../prisma-free-sql/queries/cases'

export const meta: MetaFunction = () => [{ title: 'Saker – Jobbsnekker' }]

type InboxRow = {
  id: string
  candidateLabel: string
  openingTitle: string
  status: CaseStatus
  ownerName: string | null
  acknowledgeBy: string
  overdue: boolean
  escalated: boolean
  waiting: boolean
  origin: CaseOrigin
  verdict: EmployerVerdict | null
}

function inboxRow(item: ListedCase, now: Date): InboxRow {
  const waiting = item.acknowledgedAt === null && !isEnded(item.status)
  return {
    id: item.id,
    candidateLabel: candidateLabel(item.candidateId),
    openingTitle: item.openingTitle,
    status: item.status,
    ownerName: item.ownerName,
    acknowledgeBy: item.acknowledgeBy.toISOString(),
    waiting,
    overdue: waiting && item.acknowledgeBy.getTime() < now.getTime(),
    escalated: waiting && item.escalatedAt !== null,
    origin: item.origin,
    verdict: item.employerVerdict,
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const now = new Date()
  const inbox = await staffInbox(user, now)
  return json({
    mine: inbox.mine.map((item) => inboxRow(item, now)),
    queue: inbox.queue.map((item) => inboxRow(item, now)),
    team: inbox.team.map((item) => inboxRow(item, now)),
    overdue: inbox.overdue,
    unacknowledged: inbox.unacknowledged,
    teamLead: user.roles.includes('team_lead'),
  })
}

function InboxTable({ caption, rows, showOwner }: { caption: string; rows: InboxRow[]; showOwner: boolean }) {
  const deadline = {
    header: 'Svarfrist',
    cell: (row: InboxRow) =>
      row.overdue ? (
        <Tag variant="error" size="small">
          Fristen gikk ut {formatOsloDeadline(row.acknowledgeBy)}
          {row.escalated ? ' – sendt til teamleder' : ''}
        </Tag>
      ) : row.waiting ? (
        formatOsloDeadline(row.acknowledgeBy)
      ) : (
        'Mottatt'
      ),
  }
  const owner = { header: 'Hos', cell: (row: InboxRow) => row.ownerName ?? 'Køen' }
  const origin = { header: 'Kom fra', cell: (row: InboxRow) => caseOriginText(row, 'staff') }
  return (
    <CaseTable
      caption={caption}
      rows={rows}
      href={(row) => `/ansatt/saker/${row.id}`}
      extraColumns={showOwner ? [origin, owner, deadline] : [origin, deadline]}
    />
  )
}

export default function StaffInboxPage() {
  const { mine, queue, team, overdue, unacknowledged, teamLead } = useLoaderData<typeof loader>()
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Saker
      </Heading>
      <BodyShort className="form-narrow">
        En sak er en arbeidsgivers interesse for en kandidat, eller et forslag fra deg. Bekreft at du har mottatt nye saker innen
        fristen, så ser arbeidsgiveren at noen følger opp.
      </BodyShort>
      {unacknowledged > 0 ? (
        <Alert variant={overdue > 0 ? 'warning' : 'info'} role="status">
          {unacknowledged === 1 ? '1 sak venter' : `${unacknowledged} saker venter`} på at noen bekrefter at de er mottatt
          {overdue > 0 ? `, og fristen er gått ut for ${overdue}` : ''}.
        </Alert>
      ) : null}
      <VStack gap="space-8" as="section" aria-labelledby="mine">
        <Heading level="2" size="medium" id="mine">
          Mine saker ({mine.length})
        </Heading>
        {mine.length === 0 ? <BodyShort>Du har ingen saker.</BodyShort> : <InboxTable caption="Mine saker" rows={mine} showOwner={false} />}
      </VStack>
      <VStack gap="space-8" as="section" aria-labelledby="queue">
        <Heading level="2" size="medium" id="queue">
          Kontorets kø ({queue.length})
        </Heading>
        <BodyShort size="small">Saker ingen har ennå, fordi den ansvarlige er borte uten stedfortreder eller har sluttet.</BodyShort>
        {queue.length === 0 ? <BodyShort>Køen er tom.</BodyShort> : <InboxTable caption="Kontorets kø" rows={queue} showOwner={false} />}
      </VStack>
      {teamLead ? (
        <VStack gap="space-8" as="section" aria-labelledby="team">
          <Heading level="2" size="medium" id="team">
            Teamets saker ({team.length})
          </Heading>
          {team.length === 0 ? <BodyShort>Ingen andre i teamet har saker.</BodyShort> : <InboxTable caption="Teamets saker" rows={team} showOwner />}
        </VStack>
      ) : null}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
