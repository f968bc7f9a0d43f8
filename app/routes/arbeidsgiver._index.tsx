import { Alert, BodyShort, Box, Heading, HGrid, Link, List, Tag, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { naceSectionName } from '../../prisma-free-sql/reference-data/vocabulary'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { sectorLabels, sizeBandLabels } from '~/components/labels'
import { employerOverview } from '~/modules/organisations.server'
import { requireEmployer } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Oversikt – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const organisations = await employerOverview(user)
  return json({
    name: user.name,
    organisations: organisations.map((organisation) => ({
      ...organisation,
      naceName: naceSectionName(organisation.naceSection) ?? organisation.naceSection,
    })),
  })
}

export default function EmployerHome() {
  const { name, organisations } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const notice = searchParams.get('melding')
  const active = organisations.filter((organisation) => organisation.status === 'active')
  const waiting = organisations.filter((organisation) => organisation.status !== 'active')
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
      <VStack gap="space-16">
        <Heading level="2" size="medium">
          Dine virksomheter
        </Heading>
        {active.length === 0 ? (
          <BodyShort>Du har ikke tilgang til noen virksomhet ennå.</BodyShort>
        ) : (
          <HGrid gap="space-16" columns={{ xs: 1, md: 2 }}>
            {active.map((organisation) => (
              <Box key={organisation.id} padding="space-20" borderWidth="1" borderRadius="8" as="section" aria-labelledby={`org-${organisation.id}`}>
                <VStack gap="space-12">
                  <Heading level="3" size="small" id={`org-${organisation.id}`}>
                    {organisation.name}
                  </Heading>
                  <BodyShort size="small">
                    Org.nr. {organisation.orgNumber} · {organisation.naceName} · {sectorLabels[organisation.sector]} ·{' '}
                    {sizeBandLabels[organisation.sizeBand]} · {organisation.municipalityName}
                  </BodyShort>
                  {organisation.pendingRequests > 0 ? (
                    <div>
                      <Tag variant="warning" size="small">
                        {organisation.pendingRequests === 1
                          ? '1 forespørsel om tilgang'
                          : `${organisation.pendingRequests} forespørsler om tilgang`}
                      </Tag>{' '}
                      <Link href="/arbeidsgiver/medlemmer">Behandle</Link>
                    </div>
                  ) : null}
                  <Heading level="4" size="xsmall">
                    Arbeidssteder
                  </Heading>
                  {organisation.workplaces.length === 0 ? (
                    <BodyShort size="small">Ingen arbeidssteder registrert ennå.</BodyShort>
                  ) : (
                    <List size="small">
                      {organisation.workplaces.map((workplace) => (
                        <List.Item key={workplace.id}>
                          {workplace.name} – {workplace.address || workplace.municipalityName}
                        </List.Item>
                      ))}
                    </List>
                  )}
                </VStack>
              </Box>
            ))}
          </HGrid>
        )}
      </VStack>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
