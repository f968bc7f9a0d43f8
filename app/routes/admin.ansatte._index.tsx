import { PlusIcon } from '@navikt/aksel-icons'
import { Alert, BodyShort, Heading, HStack, Table, Tag, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { roleList } from '~/components/admin/labels'
import { ButtonLink } from '~/components/button-link'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requireRole } from '~/utils/auth.server'
import { getSql } from '~/utils/db.server'
import { listCounties } from '../../prisma-free-sql/queries/geography'
import { listStaffAccounts } from '../../prisma-free-sql/queries/users'

export const meta: MetaFunction = () => [{ title: 'Ansatte – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const sql = getSql()
  const [staff, counties] = await Promise.all([listStaffAccounts(sql), listCounties(sql)])
  const countyNames = new Map(counties.map((county) => [county.number, county.name]))
  return json({
    staff: staff.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      roles: user.roles,
      officeName: user.officeName,
      teamName: user.teamName,
      counties: user.roles.includes('market_contact')
        ? user.countyNumbers.map((number) => countyNames.get(number) ?? number)
        : [],
      status: user.disabledAt ? ('disabled' as const) : user.hasPassword ? ('active' as const) : ('invited' as const),
    })),
  })
}

const statusTags = {
  active: { label: 'Aktiv', color: 'success' },
  invited: { label: 'Invitert', color: 'info' },
  disabled: { label: 'Deaktivert', color: 'neutral' },
} as const

export default function StaffPage() {
  const { staff } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  return (
    <VStack gap="space-24">
      <HStack justify="space-between" align="center" gap="space-16">
        <Heading level="1" size="large">
          Ansatte
        </Heading>
        {/* Aksel marks a non-button as role="button"; this navigates, so it stays a link for screen readers. */}
        <ButtonLink to="/admin/ansatte/ny" icon={<PlusIcon aria-hidden />}>
          Ny ansatt
        </ButtonLink>
      </HStack>
      {searchParams.get('melding') === 'invitert' ? (
        <Alert variant="success" role="status">
          Den ansatte er invitert. Hen får en e-post med en lenke for å velge passord.
        </Alert>
      ) : null}
      {staff.length === 0 ? (
        <BodyShort>Ingen ansatte ennå.</BodyShort>
      ) : (
        <>
          <BodyShort>Status «Invitert» betyr at personen har fått invitasjonen, men ikke valgt passord ennå.</BodyShort>
          {/* Seven columns do not fit a phone; the region scrolls sideways and can take focus for keyboard users. */}
          <div role="region" aria-label="Ansatte" tabIndex={0} style={{ overflowX: 'auto' }}>
            <Table zebraStripes>
              <caption className="sr-only">Ansatte</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Navn</Table.HeaderCell>
                  <Table.HeaderCell scope="col">E-post</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Roller</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Kontor</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Team</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Fylker (markedskontakt)</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Status</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {staff.map((user) => (
                  <Table.Row key={user.id}>
                    <Table.HeaderCell scope="row">{user.name}</Table.HeaderCell>
                    <Table.DataCell>{user.email}</Table.DataCell>
                    <Table.DataCell>{roleList(user.roles) || 'Ingen roller'}</Table.DataCell>
                    <Table.DataCell>{user.officeName ?? 'Ikke knyttet til et kontor'}</Table.DataCell>
                    <Table.DataCell>{user.teamName ?? '–'}</Table.DataCell>
                    <Table.DataCell>{user.counties.length > 0 ? user.counties.join(', ') : '–'}</Table.DataCell>
                    <Table.DataCell>
                      <Tag size="small" variant="moderate" data-color={statusTags[user.status].color}>
                        {statusTags[user.status].label}
                      </Tag>
                    </Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
