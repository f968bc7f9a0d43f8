import { Alert, BodyShort, Heading, Link, Table, VStack } from '@navikt/ds-react'
import type { MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link as RemixLink, useLoaderData } from '@remix-run/react'
import { formatOsloTime } from '~/components/admin/labels'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getEnv } from '~/utils/env.server'
import { listDevelopmentMailbox } from '~/utils/email.server'

export const meta: MetaFunction = () => [
  { title: 'Utviklingspostkasse – Jobbsnekker' },
  { name: 'robots', content: 'noindex' },
]

/**
 * Open without log-in on purpose: it is how a developer or demo user follows the
 * password and invitation links that would otherwise go out by e-mail. It exists only
 * while no SMTP server is configured and DEVELOPMENT_MAILBOX allows it (see env.server.ts).
 */
export async function loader() {
  const env = getEnv()
  if (!env.DEVELOPMENT_MAILBOX)
    throw new Response('Siden finnes ikke, eller den er flyttet.', { status: 404, statusText: 'Not Found' })
  const mails = await listDevelopmentMailbox(env.MAIL_DIR)
  return json({
    mails: mails.map((mail) => ({
      id: mail.id,
      to: mail.to,
      subject: mail.subject,
      time: formatOsloTime(mail.createdAt),
      isoTime: mail.createdAt,
    })),
  })
}

export default function DevelopmentMailboxPage() {
  const { mails } = useLoaderData<typeof loader>()
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Utviklingspostkasse
      </Heading>
      <Alert variant="warning">
        Dette er en utviklingspostkasse. Den vises fordi SMTP_URL ikke er satt: e-poster fra Jobbsnekker blir ikke
        sendt, men lagret på serveren og vist her. Sett SMTP_URL for å sende ekte e-post.
      </Alert>
      {mails.length === 0 ? (
        <BodyShort>Ingen e-poster ennå.</BodyShort>
      ) : (
        <Table zebraStripes>
          <caption className="sr-only">E-poster, nyeste først</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Tidspunkt</Table.HeaderCell>
              <Table.HeaderCell scope="col">Til</Table.HeaderCell>
              <Table.HeaderCell scope="col">Emne</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {mails.map((mail) => (
              <Table.Row key={mail.id}>
                <Table.DataCell>
                  <time dateTime={mail.isoTime}>{mail.time}</time>
                </Table.DataCell>
                <Table.DataCell>{mail.to}</Table.DataCell>
                <Table.DataCell>
                  <Link as={RemixLink} to={`/utvikling/epost/${mail.id}`}>
                    {mail.subject}
                  </Link>
                </Table.DataCell>
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
