import { Alert, BodyLong, BodyShort, Box, Heading, Link, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link as RemixLink, useLoaderData } from '@remix-run/react'
import { formatOsloTime } from '~/components/admin/labels'
import { Facts } from '~/components/admin/facts'
import { LinkifiedText } from '~/components/admin/linkified-text'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getEnv } from '~/utils/env.server'
import { readDevelopmentMail } from '~/utils/email.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.mail.subject} – Utviklingspostkasse – Jobbsnekker` : 'Utviklingspostkasse – Jobbsnekker' },
  { name: 'robots', content: 'noindex' },
]

function notFound(message: string): Response {
  return new Response(message, { status: 404, statusText: 'Not Found' })
}

// Open without log-in for the same reason as the mailbox list: see utvikling.epost._index.tsx.
export async function loader({ params }: LoaderFunctionArgs) {
  const env = getEnv()
  if (!env.DEVELOPMENT_MAILBOX) throw notFound('Siden finnes ikke, eller den er flyttet.')
  // readDevelopmentMail refuses ids that could name a file outside the mailbox folder.
  const mail = params.id ? await readDevelopmentMail(env.MAIL_DIR, params.id) : undefined
  if (!mail) throw notFound('Fant ikke e-posten. Den finnes ikke i utviklingspostkassen.')
  return json({
    mail: {
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      time: formatOsloTime(mail.createdAt),
      isoTime: mail.createdAt,
    },
  })
}

export default function DevelopmentMailPage() {
  const { mail } = useLoaderData<typeof loader>()
  return (
    <VStack gap="space-24">
      <VStack gap="space-8">
        <BodyShort>
          <Link as={RemixLink} to="/utvikling/epost">
            Alle e-poster
          </Link>
        </BodyShort>
        <Heading level="1" size="large">
          {mail.subject}
        </Heading>
      </VStack>
      <Alert variant="warning">
        Dette er en utviklingspostkasse. Den vises fordi SMTP_URL ikke er satt, så e-posten ble lagret her i stedet for
        å bli sendt.
      </Alert>
      <Facts
        items={[
          ['Fra', mail.from],
          ['Til', mail.to],
          ['Tidspunkt', <time dateTime={mail.isoTime}>{mail.time}</time>],
        ]}
      />
      <VStack as="section" gap="space-8" aria-labelledby="tekstversjon">
        <Heading level="2" size="medium" id="tekstversjon">
          Tekstversjon
        </Heading>
        <Box padding="space-16" borderWidth="1" borderRadius="8" background="neutral-soft">
          <BodyLong style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            <LinkifiedText text={mail.text} />
          </BodyLong>
        </Box>
      </VStack>
      <VStack as="section" gap="space-8" aria-labelledby="html-versjon">
        <Heading level="2" size="medium" id="html-versjon">
          HTML-versjon
        </Heading>
        {/* An empty sandbox runs no scripts and cannot reach the portal, whatever the HTML contains. */}
        <iframe
          srcDoc={mail.html}
          sandbox=""
          title={`HTML-versjon av e-posten «${mail.subject}»`}
          style={{
            width: '100%',
            height: '32rem',
            border: '1px solid #cbcfd5',
            borderRadius: '8px',
            background: '#fff',
          }}
        />
      </VStack>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
