import { Alert, BodyShort, Button, Heading, HStack, Table, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatOsloDate } from '~/components/labels'
import { decideAccessRequest, membersOfUsersOrganisations } from '~/modules/organisations.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'

export const meta: MetaFunction = () => [{ title: 'Medlemmer – Jobbsnekker' }]

const decisionSchema = z.object({
  organisationId: z.string().uuid(),
  userId: z.string().uuid(),
  decision: z.enum(['approve', 'reject']),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  return json({ organisations: await membersOfUsersOrganisations(user) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const parsed = decisionSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw new Response('Ugyldig forespørsel.', { status: 400 })
  const outcome = await decideAccessRequest(user, {
    organisationId: parsed.data.organisationId,
    userId: parsed.data.userId,
    approve: parsed.data.decision === 'approve',
  })
  const message = outcome === 'already-decided' ? 'allerede-behandlet' : parsed.data.decision === 'approve' ? 'godkjent' : 'avslatt'
  return redirect(`/arbeidsgiver/medlemmer?melding=${message}`)
}

const messages: Record<string, { variant: 'success' | 'info'; text: string }> = {
  godkjent: { variant: 'success', text: 'Forespørselen er godkjent. Personen har nå tilgang til virksomheten.' },
  avslatt: { variant: 'info', text: 'Forespørselen er avslått.' },
  'allerede-behandlet': { variant: 'info', text: 'Forespørselen var allerede behandlet av noen andre.' },
}

export default function MembersPage() {
  const { organisations } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const message = messages[searchParams.get('melding') ?? '']
  return (
    <VStack gap="space-32">
      <Heading level="1" size="large">
        Medlemmer
      </Heading>
      {message ? (
        <Alert variant={message.variant} role="status">
          {message.text}
        </Alert>
      ) : null}
      {organisations.length === 0 ? <BodyShort>Du har ikke tilgang til noen virksomhet ennå.</BodyShort> : null}
      {organisations.map((organisation) => {
        const requests = organisation.members.filter((member) => member.status === 'requested')
        const members = organisation.members.filter((member) => member.status === 'active')
        return (
          <VStack gap="space-16" key={organisation.id} as="section" aria-labelledby={`org-${organisation.id}`}>
            <Heading level="2" size="medium" id={`org-${organisation.id}`}>
              {organisation.name}
            </Heading>
            <Heading level="3" size="small">
              Forespørsler om tilgang
            </Heading>
            {requests.length === 0 ? (
              <BodyShort>Ingen ventende forespørsler.</BodyShort>
            ) : (
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Navn</Table.HeaderCell>
                    <Table.HeaderCell scope="col">E-post</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Spurt</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Behandle</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {requests.map((member) => (
                    <Table.Row key={member.userId}>
                      <Table.DataCell>{member.name}</Table.DataCell>
                      <Table.DataCell>{member.email}</Table.DataCell>
                      <Table.DataCell>{formatOsloDate(member.requestedAt)}</Table.DataCell>
                      <Table.DataCell>
                        <Form method="post">
                          <AuthenticityTokenInput />
                          <input type="hidden" name="organisationId" value={organisation.id} />
                          <input type="hidden" name="userId" value={member.userId} />
                          <HStack gap="space-8">
                            <Button type="submit" name="decision" value="approve" size="small" aria-label={`Godkjenn ${member.name}`}>
                              Godkjenn
                            </Button>
                            <Button type="submit" name="decision" value="reject" size="small" variant="secondary" aria-label={`Avslå ${member.name}`}>
                              Avslå
                            </Button>
                          </HStack>
                        </Form>
                      </Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            )}
            <Heading level="3" size="small">
              Har tilgang
            </Heading>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Navn</Table.HeaderCell>
                  <Table.HeaderCell scope="col">E-post</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {members.map((member) => (
                  <Table.Row key={member.userId}>
                    <Table.DataCell>{member.name}</Table.DataCell>
                    <Table.DataCell>{member.email}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </VStack>
        )
      })}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
