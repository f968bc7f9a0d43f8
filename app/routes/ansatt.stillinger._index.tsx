import { BodyShort, Heading, Link, Table, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link as RemixLink, useLoaderData } from '@remix-run/react'
import { formatHours } from '~/components/employer-labels'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { assertCaseworker } from '~/modules/candidates.server'
import { requireStaff } from '~/utils/auth.server'
import { getSql } from '~/utils/db.server'
import { norwegianDate } from '~/utils/opening-form'
import { findOffice } from '../../prisma-free-sql/queries/offices'
import { listPublishedOpeningsInCounties } from '../../prisma-free-sql/queries/openings'
import { openingTypeOptions, optionName } from '../../prisma-free-sql/reference-data/vocabulary'

export const meta: MetaFunction = () => [{ title: 'Stillinger i regionen – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  assertCaseworker(user)
  const sql = getSql()
  const office = await findOffice(sql, user.officeId)
  const openings = office ? await listPublishedOpeningsInCounties(sql, [office.countyNumber]) : []
  return json({ countyName: office?.countyName ?? '', openings })
}

export default function RegionOpeningsPage() {
  const { countyName, openings } = useLoaderData<typeof loader>()
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Stillinger i {countyName}
      </Heading>
      <BodyShort className="form-narrow">
        Publiserte stillinger i fylket kontoret ditt dekker. Åpne en stilling for å se hvilke av kontorets kandidater som passer, med begrunnelse.
      </BodyShort>
      {openings.length === 0 ? (
        <BodyShort>Ingen publiserte stillinger i {countyName} akkurat nå.</BodyShort>
      ) : (
        <Table size="small">
          <caption className="navds-sr-only">Publiserte stillinger i {countyName}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Stilling</Table.HeaderCell>
              <Table.HeaderCell scope="col">Arbeidsgiver</Table.HeaderCell>
              <Table.HeaderCell scope="col">Sted</Table.HeaderCell>
              <Table.HeaderCell scope="col">Type</Table.HeaderCell>
              <Table.HeaderCell scope="col">Timer</Table.HeaderCell>
              <Table.HeaderCell scope="col">Oppstart</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {openings.map((opening) => (
              <Table.Row key={opening.id}>
                <Table.DataCell>
                  <Link as={RemixLink} to={`/ansatt/stillinger/${opening.id}`}>
                    {opening.title}
                  </Link>
                </Table.DataCell>
                <Table.DataCell>
                  {opening.organisationName}, {opening.workplaceName}
                </Table.DataCell>
                <Table.DataCell>{opening.municipalityName}</Table.DataCell>
                <Table.DataCell>{optionName(openingTypeOptions, opening.openingType)}</Table.DataCell>
                <Table.DataCell>
                  {formatHours(opening.hoursMin)}–{formatHours(opening.hoursMax)}
                </Table.DataCell>
                <Table.DataCell>{norwegianDate(opening.startDate)}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
