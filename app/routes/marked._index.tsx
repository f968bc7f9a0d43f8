import { BodyShort, Button, HGrid, Heading, HStack, Link, Search, Select, Table, Tag, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link as RemixLink, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ButtonLink } from '~/components/button-link'
import { RelationshipFilterSelects, TrafficLightTag } from '~/components/employer-market'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatOsloDate, sectorLabels, sizeBandLabels } from '~/components/labels'
import { stageLabels } from '~/components/market-labels'
import { employerRegister } from '~/modules/employer-relationships.server'
import { requireRegion } from '~/modules/market-region.server'
import { requireStaff } from '~/utils/auth.server'
import { getSql } from '~/utils/db.server'
import { listMarketContactsCovering, pipelineStages } from '../../prisma-free-sql/queries/employer-relationships'
import { listMunicipalities } from '../../prisma-free-sql/queries/geography'
import { sectors, sizeBands } from '../../prisma-free-sql/queries/organisations'
import { naceSectionName, naceSections } from '../../prisma-free-sql/reference-data/vocabulary'
import { plainText } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Arbeidsgivere – Jobbsnekker' }]

// A value that is not one of the choices is dropped, as if the filter were not set: a stale bookmark still works.
const filterSchema = z.object({
  fylke: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  sok: plainText(z.string().trim().max(100)).optional().catch(undefined),
  bransje: z.string().regex(/^[A-U]$/).optional().catch(undefined),
  kommune: z.string().regex(/^\d{4}$/).optional().catch(undefined),
  storrelse: z.enum(sizeBands).optional().catch(undefined),
  sektor: z.enum(sectors).optional().catch(undefined),
  steg: z.enum(pipelineStages).optional().catch(undefined),
  eier: z.union([z.literal('meg'), z.literal('ingen'), z.string().uuid()]).optional().catch(undefined),
  lys: z.enum(['green', 'yellow', 'red']).optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const sql = getSql()
  const region = await requireRegion(sql, user)
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const regionNumbers = region.map((county) => county.number)
  const countyNumbers = filter.fylke && regionNumbers.includes(filter.fylke) ? [filter.fylke] : regionNumbers
  const [allMunicipalities, owners] = await Promise.all([listMunicipalities(sql), listMarketContactsCovering(sql, regionNumbers)])
  const municipalities = allMunicipalities.filter((municipality) => countyNumbers.includes(municipality.countyNumber))
  const rows = await employerRegister({
    countyNumbers,
    search: filter.sok,
    naceSection: filter.bransje,
    municipalityNumber: municipalities.some((municipality) => municipality.number === filter.kommune) ? filter.kommune : undefined,
    sizeBand: filter.storrelse,
    sector: filter.sektor,
    stage: filter.steg,
    owner: filter.eier === 'meg' ? user.id : filter.eier === 'ingen' ? 'none' : filter.eier,
    light: filter.lys,
  })
  return json({
    region,
    municipalities,
    owners,
    naceSections: naceSections(),
    filter: Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, value ?? ''])) as Record<keyof typeof filter, string>,
    employers: rows.map((row) => ({
      id: row.id,
      name: row.name,
      orgNumber: row.orgNumber,
      naceName: naceSectionName(row.naceSection) ?? row.naceSection,
      sector: row.sector,
      sizeBand: row.sizeBand,
      place: `${row.municipalityName} (${row.countyName})`,
      stage: row.stage,
      ownerName: row.ownerName,
      ownedByMe: row.ownerUserId === user.id,
      isUser: row.activeMembers > 0,
      lastContactAt: row.lastContactAt?.toISOString() ?? null,
      lastContactByName: row.lastContactByName,
      light: row.trafficLight.light,
      flags: row.trafficLight.flags,
    })),
  })
}

export default function EmployerRegister() {
  const { region, municipalities, owners, naceSections, filter, employers } = useLoaderData<typeof loader>()
  return (
    <VStack gap="space-24">
      <HStack justify="space-between" align="end" gap="space-16">
        <VStack gap="space-8">
          <Heading level="1" size="large">
            Arbeidsgivere
          </Heading>
          <BodyShort>
            Alle virksomheter i {region.map((county) => county.name).join(', ')}, med ansvarlig markedskontakt, steg i oppfølgingen og siste kontakt.
          </BodyShort>
        </VStack>
        <ButtonLink to="/marked/ny" variant="secondary">
          Legg til arbeidsgiver
        </ButtonLink>
      </HStack>
      <Form method="get" role="search" aria-label="Filtrer arbeidsgivere">
        <VStack gap="space-16">
          <HGrid gap="space-16" columns={{ xs: 1, sm: 2, md: 4 }}>
            <Search label="Søk på navn eller organisasjonsnummer" hideLabel={false} name="sok" defaultValue={filter.sok} variant="simple" />
            <RelationshipFilterSelects region={region} naceSections={naceSections} owners={owners} filter={filter} />
            <Select label="Kommune" name="kommune" defaultValue={filter.kommune}>
              <option value="">Alle kommuner</option>
              {municipalities.map((municipality) => (
                <option key={municipality.number} value={municipality.number}>
                  {municipality.name}
                </option>
              ))}
            </Select>
            <Select label="Størrelse" name="storrelse" defaultValue={filter.storrelse}>
              <option value="">Alle størrelser</option>
              {Object.entries(sizeBandLabels).map(([band, label]) => (
                <option key={band} value={band}>
                  {label}
                </option>
              ))}
            </Select>
            <Select label="Sektor" name="sektor" defaultValue={filter.sektor}>
              <option value="">Begge sektorer</option>
              {Object.entries(sectorLabels).map(([sector, label]) => (
                <option key={sector} value={sector}>
                  {label}
                </option>
              ))}
            </Select>
            <Select label="Steg" name="steg" defaultValue={filter.steg}>
              <option value="">Alle steg</option>
              {Object.entries(stageLabels).map(([stage, label]) => (
                <option key={stage} value={stage}>
                  {label}
                </option>
              ))}
            </Select>
          </HGrid>
          <HStack gap="space-16">
            <Button type="submit" variant="secondary">
              Vis
            </Button>
            <Link as={RemixLink} to="/marked">
              Nullstill filtrene
            </Link>
          </HStack>
        </VStack>
      </Form>
      <BodyShort aria-live="polite">{employers.length === 1 ? '1 arbeidsgiver' : `${employers.length} arbeidsgivere`}</BodyShort>
      {employers.length === 0 ? (
        <BodyShort>Ingen arbeidsgivere passer søket. Legg til virksomheten hvis den ikke er registrert.</BodyShort>
      ) : (
        <div className="table-scroll">
          <Table size="small">
            <caption className="sr-only">Arbeidsgivere som passer filtrene</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Virksomhet</Table.HeaderCell>
                <Table.HeaderCell scope="col">Bransje</Table.HeaderCell>
                <Table.HeaderCell scope="col">Sted</Table.HeaderCell>
                <Table.HeaderCell scope="col">Steg</Table.HeaderCell>
                <Table.HeaderCell scope="col">Ansvarlig</Table.HeaderCell>
                <Table.HeaderCell scope="col">Siste kontakt</Table.HeaderCell>
                <Table.HeaderCell scope="col">Trafikklys</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {employers.map((employer) => (
                <Table.Row key={employer.id}>
                  <Table.DataCell>
                    <VStack gap="space-4">
                      <Link as={RemixLink} to={`/marked/virksomheter/${employer.id}`}>
                        {employer.name}
                      </Link>
                      <BodyShort size="small" textColor="subtle">
                        Org.nr. {employer.orgNumber} · {sectorLabels[employer.sector]} · {sizeBandLabels[employer.sizeBand]}
                      </BodyShort>
                      {employer.isUser ? null : (
                        <div>
                          <Tag variant="neutral" size="xsmall">
                            Ikke bruker av portalen ennå
                          </Tag>
                        </div>
                      )}
                    </VStack>
                  </Table.DataCell>
                  <Table.DataCell>{employer.naceName}</Table.DataCell>
                  <Table.DataCell>{employer.place}</Table.DataCell>
                  <Table.DataCell>{stageLabels[employer.stage]}</Table.DataCell>
                  <Table.DataCell>{employer.ownerName ? `${employer.ownerName}${employer.ownedByMe ? ' (deg)' : ''}` : 'Ingen'}</Table.DataCell>
                  <Table.DataCell>
                    {employer.lastContactAt ? `${formatOsloDate(employer.lastContactAt)}, ${employer.lastContactByName}` : 'Aldri'}
                  </Table.DataCell>
                  <Table.DataCell>
                    <TrafficLightTag light={employer.light} flags={employer.flags} />
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
