import { BodyShort, Button, Heading, HStack, Search, Select, Table, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getSql } from '~/utils/db.server'
import { listCounties } from '../../prisma-free-sql/queries/geography'
import { listOrganisationsInCounties } from '../../prisma-free-sql/queries/organisations'
import { naceSectionName } from '../../prisma-free-sql/reference-data/vocabulary'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { sectorLabels, sizeBandLabels } from '~/components/labels'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Arbeidsgivere i regionen – Jobbsnekker' }]

const filterSchema = z.object({
  fylke: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  sok: z.string().trim().max(100).optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'market_contact')
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const sql = getSql()
  const counties = (await listCounties(sql)).filter((county) => user.countyNumbers.includes(county.number))
  const selected = filter.fylke && user.countyNumbers.includes(filter.fylke) ? [filter.fylke] : user.countyNumbers
  const search = filter.sok?.toLocaleLowerCase('nb') ?? ''
  const organisations = (await listOrganisationsInCounties(sql, selected))
    .filter((organisation) => !search || organisation.name.toLocaleLowerCase('nb').includes(search) || organisation.orgNumber.includes(search))
    .map((organisation) => ({ ...organisation, naceName: naceSectionName(organisation.naceSection) ?? organisation.naceSection }))
  return json({ counties, organisations, filter: { fylke: filter.fylke ?? '', sok: filter.sok ?? '' } })
}

export default function MarketRegister() {
  const { counties, organisations, filter } = useLoaderData<typeof loader>()
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Arbeidsgivere i regionen
      </Heading>
      {counties.length === 0 ? (
        <BodyShort>Du dekker ingen fylker ennå. Be en administrator om å legge til fylkene dine.</BodyShort>
      ) : (
        <>
          <BodyShort>Du dekker {counties.map((county) => county.name).join(' og ')}.</BodyShort>
          <Form method="get" role="search" aria-label="Filtrer arbeidsgivere">
            <HStack gap="space-16" align="end">
              <Select label="Fylke" name="fylke" defaultValue={filter.fylke}>
                <option value="">Alle mine fylker</option>
                {counties.map((county) => (
                  <option key={county.number} value={county.number}>
                    {county.name}
                  </option>
                ))}
              </Select>
              <Search label="Søk på navn eller organisasjonsnummer" hideLabel={false} name="sok" defaultValue={filter.sok} variant="simple" />
              <Button type="submit" variant="secondary">
                Vis
              </Button>
            </HStack>
          </Form>
          <BodyShort aria-live="polite">
            {organisations.length === 1 ? '1 arbeidsgiver' : `${organisations.length} arbeidsgivere`}
          </BodyShort>
          {organisations.length === 0 ? (
            <BodyShort>Ingen arbeidsgivere passer søket.</BodyShort>
          ) : (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Virksomhet</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Org.nr.</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Bransje</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Sektor</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Størrelse</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Kommune</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {organisations.map((organisation) => (
                  <Table.Row key={organisation.id}>
                    <Table.DataCell>{organisation.name}</Table.DataCell>
                    <Table.DataCell>{organisation.orgNumber}</Table.DataCell>
                    <Table.DataCell>{organisation.naceName}</Table.DataCell>
                    <Table.DataCell>{sectorLabels[organisation.sector]}</Table.DataCell>
                    <Table.DataCell>{sizeBandLabels[organisation.sizeBand]}</Table.DataCell>
                    <Table.DataCell>
                      {organisation.municipalityName} ({organisation.countyName})
                    </Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
