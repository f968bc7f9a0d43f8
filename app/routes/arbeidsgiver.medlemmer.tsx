import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Alert, BodyShort, Button, Fieldset, Heading, HStack, Table, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { NameAndEmailFields } from '~/components/name-and-email-fields'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatOsloDate } from '~/components/labels'
import { inviteEmployerColleague } from '~/modules/accounts.server'
import { requireOrganisationOf } from '~/modules/employer-access.server'
import { decideAccessRequest, membersOfUsersOrganisations, removeMember } from '~/modules/organisations.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { useSchemaForm } from '~/utils/use-schema-form'
import { parseForm, plainText } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Medlemmer – Jobbsnekker' }]

const decisionSchema = z.object({
  intent: z.literal('decide'),
  organisationId: z.string().uuid(),
  userId: z.string().uuid(),
  decision: z.enum(['approve', 'reject']),
})
const removalSchema = z.object({ intent: z.literal('remove'), organisationId: z.string().uuid(), userId: z.string().uuid() })
const invitationSchema = z.object({
  name: plainText(z.string({ required_error: 'Skriv navnet til kollegaen.' }).trim().min(2, 'Skriv hele navnet.').max(200, 'Høyst 200 tegn.')),
  email: z
    .string({ required_error: 'Skriv e-postadressen til kollegaen.' })
    .trim()
    .toLowerCase()
    .email('Skriv en gyldig e-postadresse, for eksempel kari@bedrift.no.')
    .max(254, 'Høyst 254 tegn.'),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  return json({ organisations: await membersOfUsersOrganisations(user), userId: user.id })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submitted = Object.fromEntries(formData)
  switch (submitted.intent) {
    case 'invite': {
      const organisation = await requireOrganisationOf(user, String(submitted.organisationId ?? ''))
      const submission = parseForm(formData, { schema: invitationSchema })
      // Every organisation has its own invitation form on this page; the reply goes to the one that was sent.
      const reply = (fieldErrors?: Record<string, string[]>) =>
        json({ organisationId: organisation.id, result: submission.reply(fieldErrors ? { fieldErrors } : undefined) }, { status: 400 })
      if (submission.status !== 'success') return reply()
      const { name, email } = submission.value
      const result = await inviteEmployerColleague(user, { organisationId: organisation.id, name, email })
      if (result.outcome === 'staff-account') return reply({ email: ['Adressen tilhører en NAV-ansatt og kan ikke legges til en virksomhet.'] })
      if (result.outcome === 'already-member') return reply({ email: [`${email} har allerede tilgang til ${organisation.name}.`] })
      return redirect(`/arbeidsgiver/medlemmer?melding=${result.outcome === 'invited' ? 'invitert' : 'lagt-til'}`)
    }
    case 'remove': {
      const parsed = removalSchema.safeParse(submitted)
      if (!parsed.success) throw new Response('Ugyldig forespørsel.', { status: 400 })
      const outcome = await removeMember(user, parsed.data.organisationId, parsed.data.userId)
      if (outcome === 'removed' && parsed.data.userId === user.id) return redirect('/arbeidsgiver?melding=fjernet-deg')
      return redirect(`/arbeidsgiver/medlemmer?melding=${outcome === 'removed' ? 'fjernet' : outcome === 'last-member' ? 'siste-medlem' : 'allerede-fjernet'}`)
    }
    default: {
      const parsed = decisionSchema.safeParse(submitted)
      if (!parsed.success) throw new Response('Ugyldig forespørsel.', { status: 400 })
      const outcome = await decideAccessRequest(user, {
        organisationId: parsed.data.organisationId,
        userId: parsed.data.userId,
        approve: parsed.data.decision === 'approve',
      })
      const message = outcome === 'already-decided' ? 'allerede-behandlet' : parsed.data.decision === 'approve' ? 'godkjent' : 'avslatt'
      return redirect(`/arbeidsgiver/medlemmer?melding=${message}`)
    }
  }
}

const messages: Record<string, { variant: 'success' | 'info'; text: string }> = {
  godkjent: { variant: 'success', text: 'Forespørselen er godkjent. Personen har nå tilgang til virksomheten.' },
  avslatt: { variant: 'info', text: 'Forespørselen er avslått.' },
  'allerede-behandlet': { variant: 'info', text: 'Forespørselen var allerede behandlet av noen andre.' },
  invitert: { variant: 'success', text: 'Kollegaen er lagt til og har fått en e-post med lenke for å lage passord.' },
  'lagt-til': { variant: 'success', text: 'Kollegaen hadde allerede en bruker, er lagt til og har fått beskjed på e-post.' },
  fjernet: { variant: 'success', text: 'Personen har ikke lenger tilgang til virksomheten.' },
  'siste-medlem': { variant: 'info', text: 'En virksomhet må alltid ha minst én person med tilgang. Legg til en annen før du fjerner den siste.' },
  'allerede-fjernet': { variant: 'info', text: 'Personen hadde allerede mistet tilgangen.' },
}

export default function MembersPage() {
  const { organisations, userId } = useLoaderData<typeof loader>()
  const invitation = useActionData<typeof action>()
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
                          <input type="hidden" name="intent" value="decide" />
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
                  <Table.HeaderCell scope="col">Tilgang</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {members.map((member) => (
                  <Table.Row key={member.userId}>
                    <Table.DataCell>{member.name}</Table.DataCell>
                    <Table.DataCell>{member.email}</Table.DataCell>
                    <Table.DataCell>
                      {members.length > 1 ? (
                        <Form method="post">
                          <AuthenticityTokenInput />
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="organisationId" value={organisation.id} />
                          <input type="hidden" name="userId" value={member.userId} />
                          <Button type="submit" size="small" variant="tertiary" aria-label={`Fjern tilgangen til ${member.name}`}>
                            {member.userId === userId ? 'Fjern meg' : 'Fjern'}
                          </Button>
                        </Form>
                      ) : (
                        <BodyShort size="small">Eneste med tilgang</BodyShort>
                      )}
                    </Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <InvitationForm
              organisation={organisation}
              lastResult={invitation?.organisationId === organisation.id ? invitation.result : undefined}
            />
          </VStack>
        )
      })}
    </VStack>
  )
}

function InvitationForm({
  organisation,
  lastResult,
}: {
  organisation: { id: string; name: string }
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const [form, fields] = useSchemaForm(invitationSchema, { id: `invitasjon-${organisation.id}`, lastResult })
  return (
    <Form method="post" className="form-narrow" {...getFormProps(form)}>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="invite" />
      <input type="hidden" name="organisationId" value={organisation.id} />
      <Fieldset legend={`Gi en kollega tilgang til ${organisation.name}`} description="Kollegaen får en e-post med lenke for å logge inn.">
        <VStack gap="space-12">
          <NameAndEmailFields name={fields.name} email={fields.email} />
          <div>
            <Button type="submit" variant="secondary">
              Gi tilgang
            </Button>
          </div>
        </VStack>
      </Fieldset>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
