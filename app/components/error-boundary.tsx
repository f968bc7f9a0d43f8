import { BodyShort, Box, Heading, Link, VStack } from '@navikt/ds-react'
import { isRouteErrorResponse, useRouteError } from '@remix-run/react'

const headings: Record<number, string> = {
  400: 'Forespørselen kunne ikke behandles',
  403: 'Ingen tilgang',
  404: 'Fant ikke siden',
  405: 'Handlingen er ikke tillatt',
  503: 'Tjenesten er midlertidig utilgjengelig',
}

/** One error view for every route; shows the response's own message, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const heading = headings[status] ?? 'Noe gikk galt'
  const message =
    isRouteErrorResponse(error) && typeof error.data === 'string' && error.data.length > 0 && status < 500
      ? error.data
      : status === 503
        ? 'Jobbsnekker får ikke kontakt med databasen akkurat nå. Prøv igjen om et minutt. Det du sendte akkurat nå, er kanskje ikke lagret: sjekk det når siden virker igjen.'
        : status === 404
        ? 'Siden finnes ikke, eller den er flyttet.'
        : status >= 500
          ? 'Det oppstod en feil hos oss. Prøv igjen om litt. Feilen er logget.'
          : 'Prøv igjen, eller gå tilbake til forsiden.'
  return (
    <Box paddingBlock="space-32">
      <VStack gap="space-16">
        <Heading level="1" size="large">
          {heading}
        </Heading>
        <BodyShort>{message}</BodyShort>
        <BodyShort size="small">Feilkode: {status}</BodyShort>
        <Link href="/">Gå til forsiden</Link>
      </VStack>
    </Box>
  )
}
