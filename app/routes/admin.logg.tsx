import { BodyShort, Heading, Table, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { formatOsloTime } from '~/components/admin/labels'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requireRole } from '~/utils/auth.server'
import { getSql } from '~/utils/db.server'
import { listRecentAudit } from '../../prisma-free-sql/queries/audit'

export const meta: MetaFunction = () => [{ title: 'Revisjonslogg – Jobbsnekker' }]

const LIMIT = 100

const actionLabels: Record<string, string> = {
  'user.logged_in': 'Logget inn',
  'user.password_set': 'Valgte passord',
  'organisation.registered': 'Registrerte virksomhet',
  'membership.requested': 'Ba om tilgang til virksomhet',
  'membership.approved': 'Godkjente tilgang til virksomhet',
  'membership.rejected': 'Avslo tilgang til virksomhet',
  'staff.invited': 'Inviterte ansatt',
  'office.created': 'Opprettet kontor',
  'team.created': 'Opprettet team',
}

const subjectLabels: Record<string, string> = {
  user: 'Bruker',
  organisation: 'Virksomhet',
  office: 'Kontor',
  team: 'Team',
  workplace: 'Arbeidssted',
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const entries = await listRecentAudit(getSql(), LIMIT)
  return json({
    entries: entries.map((entry) => ({
      id: entry.id,
      time: formatOsloTime(entry.occurredAt),
      isoTime: entry.occurredAt.toISOString(),
      actor: entry.actorName ?? (entry.actorUserId ? 'Slettet bruker' : 'Systemet'),
      action: actionLabels[entry.action] ?? entry.action,
      subjectType: subjectLabels[entry.subjectType] ?? entry.subjectType,
      subject: entry.subjectName ?? entry.subjectId,
    })),
  })
}

export default function AuditLogPage() {
  const { entries } = useLoaderData<typeof loader>()
  return (
    <VStack gap="space-24">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          Revisjonslogg
        </Heading>
        <BodyShort>
          De {LIMIT} siste hendelsene, nyeste først. Tidene er norsk tid. Loggen kan ikke endres eller slettes.
        </BodyShort>
      </VStack>
      {entries.length === 0 ? (
        <BodyShort>Ingen hendelser i loggen ennå.</BodyShort>
      ) : (
        <div role="region" aria-label="Revisjonslogg" tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table zebraStripes size="small">
            <caption className="sr-only">Revisjonslogg, nyeste først</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Tidspunkt</Table.HeaderCell>
                <Table.HeaderCell scope="col">Utført av</Table.HeaderCell>
                <Table.HeaderCell scope="col">Handling</Table.HeaderCell>
                <Table.HeaderCell scope="col">Gjelder</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {entries.map((entry) => (
                <Table.Row key={entry.id}>
                  <Table.DataCell>
                    <time dateTime={entry.isoTime}>{entry.time}</time>
                  </Table.DataCell>
                  <Table.DataCell>{entry.actor}</Table.DataCell>
                  <Table.DataCell>{entry.action}</Table.DataCell>
                  <Table.DataCell>
                    {entry.subjectType}
                    {entry.subject ? `: ${entry.subject}` : ''}
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
