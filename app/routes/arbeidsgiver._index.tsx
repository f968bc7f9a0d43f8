import { Alert, BodyShort, Box, Heading, HStack, Link, List, Table, Tag, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link as RemixLink, useLoaderData, useSearchParams } from '@remix-run/react'
import { naceSectionName, openingTypeOptions, optionName } from '../../prisma-free-sql/reference-data/vocabulary'
import { openingStatusLabels, openingStatusVariants } from '~/components/employer-labels'
import { ButtonLink } from '~/components/button-link'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { sectorLabels, sizeBandLabels } from '~/components/labels'
import { employerHome } from '~/modules/organisations.server'
import { requireEmployer } from '~/utils/auth.server'
import { norwegianDate } from '~/utils/opening-form'

export const meta: MetaFunction = () => [{ title: 'Oversikt – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const home = await employerHome(user)
  return json({
    name: user.name,
    ...home,
    organisations: home.organisations.map((organisation) => ({
      ...organisation,
      naceName: naceSectionName(organisation.naceSection) ?? organisation.naceSection,
    })),
  })
}

/** The market contact who owns the relationship; until one does, the employer is told how to reach NAV at all. */
function NavContact({
  organisationId,
  organisationName,
  contact,
}: {
  organisationId: string
  organisationName: string
  contact: { name: string; phone: string; email: string } | null
}) {
  const headingId = `nav-kontakt-${organisationId}`
  return (
    <Box padding="space-16" background="neutral-soft" borderRadius="8" as="section" aria-labelledby={headingId}>
      <VStack gap="space-4">
        <Heading level="3" size="xsmall" id={headingId}>
          Din kontakt i NAV
          {/* One such box per organisation: the landmark's name says whose. */}
          <span className="sr-only"> for {organisationName}</span>
        </Heading>
        {contact ? (
          <>
            <BodyShort size="small">
              <strong>{contact.name}</strong>, markedskontakt i NAV, er fast kontakt for virksomheten.
            </BodyShort>
            <BodyShort size="small">
              {contact.phone ? <>Direkte telefon {contact.phone}, e-post </> : <>E-post </>}
              <Link href={`mailto:${contact.email}`}>{contact.email}</Link>
            </BodyShort>
          </>
        ) : (
          <>
            <BodyShort size="small">
              <strong>Ikke tildelt ennå – slik når du NAV:</strong> ring NAV Arbeidsgivertelefonen på 55 55 33 36, eller gå til
              nav.no/arbeidsgiver.
            </BodyShort>
            <BodyShort size="small">Markedsteamet i fylket ditt gir dere en fast kontakt.</BodyShort>
          </>
        )}
      </VStack>
    </Box>
  )
}

export default function EmployerHome() {
  const { name, organisations, waiting, termsAccepted } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const notice = searchParams.get('melding')
  return (
    <VStack gap="space-32">
      <Heading level="1" size="large">
        Velkommen, {name}
      </Heading>
      {notice === 'registrert' ? (
        <Alert variant="success" role="status">
          Virksomheten er registrert. Du kan nå legge til arbeidssteder og beskrive arbeidsoppgavene der.
        </Alert>
      ) : null}
      {notice === 'forespurt' ? (
        <Alert variant="info" role="status">
          Virksomheten var allerede registrert. Vi har sendt forespørselen din til dem som har tilgang. Du får tilgang
          når en av dem har godkjent den.
        </Alert>
      ) : null}
      {notice === 'fjernet-deg' ? (
        <Alert variant="info" role="status">
          Du har ikke lenger tilgang til virksomheten.
        </Alert>
      ) : null}
      {waiting.length > 0 ? (
        <VStack gap="space-8">
          <Heading level="2" size="medium">
            Forespørsler om tilgang
          </Heading>
          <List>
            {waiting.map((organisation) => (
              <List.Item key={organisation.id}>
                {organisation.name} ({organisation.orgNumber}):{' '}
                {organisation.status === 'requested' ? 'venter på godkjenning' : 'forespørselen ble avslått'}
              </List.Item>
            ))}
          </List>
        </VStack>
      ) : null}

      {organisations.length === 0 ? <BodyShort>Du har ikke tilgang til noen virksomhet ennå.</BodyShort> : null}
      {organisations.map((organisation) => (
        <VStack key={organisation.id} gap="space-20" as="section" aria-labelledby={`org-${organisation.id}`}>
          <VStack gap="space-4">
            <Heading level="2" size="medium" id={`org-${organisation.id}`}>
              {organisation.name}
            </Heading>
            <BodyShort size="small">
              Org.nr. {organisation.orgNumber} · {organisation.naceName} · {sectorLabels[organisation.sector]} · {sizeBandLabels[organisation.sizeBand]} ·{' '}
              {organisation.municipalityName} ·{' '}
              <Link as={RemixLink} to={`/arbeidsgiver/virksomheter/${organisation.id}`}>
                Profil for {organisation.name}
              </Link>
            </BodyShort>
            <NavContact organisationId={organisation.id} organisationName={organisation.name} contact={organisation.navContact} />
          </VStack>

          {organisation.attention.length > 0 ? (
            <Box padding="space-16" background="warning-soft" borderRadius="8" as="section" aria-labelledby={`oppmerksomhet-${organisation.id}`}>
              <Heading level="3" size="small" id={`oppmerksomhet-${organisation.id}`}>
                Trenger oppmerksomhet
              </Heading>
              <List size="small">
                {organisation.attention.map((item) => (
                  <List.Item key={`${item.href}-${item.text}`}>
                    <Link as={RemixLink} to={item.href}>
                      {item.text}
                    </Link>
                  </List.Item>
                ))}
              </List>
            </Box>
          ) : null}

          <VStack gap="space-8">
            <HStack gap="space-16" align="center" justify="space-between">
              <Heading level="3" size="small">
                Arbeidssteder
              </Heading>
              <ButtonLink to={`/arbeidsgiver/virksomheter/${organisation.id}/arbeidssteder/ny`} size="small" variant="secondary">
                Nytt arbeidssted
              </ButtonLink>
            </HStack>
            {organisation.workplaces.length === 0 ? (
              <BodyShort size="small">Ingen arbeidssteder registrert ennå.</BodyShort>
            ) : (
              <List size="small">
                {organisation.workplaces.map((workplace) => (
                  <List.Item key={workplace.id}>
                    <Link as={RemixLink} to={`/arbeidsgiver/arbeidssteder/${workplace.id}`}>
                      {workplace.name}
                    </Link>{' '}
                    – {workplace.address || workplace.municipalityName} ·{' '}
                    {workplace.taskCount === 1 ? '1 oppgave' : `${workplace.taskCount} oppgaver`}
                  </List.Item>
                ))}
              </List>
            )}
          </VStack>

          <VStack gap="space-8">
            <Heading level="3" size="small">
              Stillinger og plasser
            </Heading>
            {organisation.openings.length === 0 ? (
              <BodyShort size="small">Ingen stillinger ennå. Lag en fra et arbeidssted, gjerne av en tilpasset jobb.</BodyShort>
            ) : (
              <Table size="small">
                <caption className="sr-only">Stillinger i {organisation.name}</caption>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Stilling</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Arbeidssted</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Type</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Start</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Status</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {organisation.openings.map((opening) => (
                    <Table.Row key={opening.id}>
                      <Table.DataCell>
                        <Link as={RemixLink} to={`/arbeidsgiver/stillinger/${opening.id}`}>
                          {opening.title}
                        </Link>
                      </Table.DataCell>
                      <Table.DataCell>{opening.workplaceName}</Table.DataCell>
                      <Table.DataCell>{optionName(openingTypeOptions, opening.openingType)}</Table.DataCell>
                      <Table.DataCell>{norwegianDate(opening.startDate)}</Table.DataCell>
                      <Table.DataCell>
                        <Tag size="small" variant={openingStatusVariants[opening.status] ?? 'neutral'}>
                          {openingStatusLabels[opening.status]}
                        </Tag>
                      </Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            )}
          </VStack>
        </VStack>
      ))}

      <BodyShort size="small">
        <Link as={RemixLink} to="/arbeidsgiver/vilkar">
          Vilkår for bruk av kandidatprofiler
        </Link>
        : {termsAccepted ? 'du har godtatt gjeldende vilkår.' : 'ikke godtatt ennå. Du må godta dem før du ser kandidater.'}
      </BodyShort>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
