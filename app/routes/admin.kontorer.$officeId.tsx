import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Alert, BodyShort, Box, Button, Heading, Link, Table, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { Facts } from '~/components/admin/facts'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/form-errors'
import { StaffTable } from '~/components/staff-table'
import { createTeam } from '~/modules/admin.server'
import { requireRole } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { getSql } from '~/utils/db.server'
import { findOffice, listTeams, type Office } from '../../prisma-free-sql/queries/offices'
import { listOfficeStaff } from '../../prisma-free-sql/queries/users'
import { parseForm, plainText } from '~/utils/form-text'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.office.name} – Kontorer og team – Jobbsnekker` : 'Kontor – Jobbsnekker' },
]

const teamSchema = z.object({
  name: plainText(
    z
      .string({ required_error: 'Skriv inn navnet på teamet.' })
      .trim()
      .min(1, 'Skriv inn navnet på teamet.')
      .max(200, 'Navnet kan være høyst 200 tegn.'),
  ),
})

const officeIdSchema = z.string().uuid()

function notFound(): Response {
  return new Response('Fant ikke kontoret. Det finnes ikke, eller lenken er feil.', {
    status: 404,
    statusText: 'Not Found',
  })
}

/** A malformed id is answered like an unknown one, and never reaches the database. */
async function requireOffice(officeId: string | undefined): Promise<Office> {
  const parsed = officeIdSchema.safeParse(officeId)
  if (!parsed.success) throw notFound()
  const office = await findOffice(getSql(), parsed.data)
  if (!office) throw notFound()
  return office
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const office = await requireOffice(params.officeId)
  const sql = getSql()
  const [teams, staff] = await Promise.all([listTeams(sql, office.id), listOfficeStaff(sql, office.id)])
  return json({
    office,
    teams,
    staff: staff.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      roles: user.roles,
      teamName: user.teamName,
    })),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, 'admin')
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const office = await requireOffice(params.officeId)
  const submission = parseForm(formData, { schema: teamSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = await createTeam(actor, { officeId: office.id, name: submission.value.name })
  if (result.outcome === 'name-taken') {
    return json(
      submission.reply({
        fieldErrors: { name: [`${office.name} har allerede et team med dette navnet. Velg et annet navn.`] },
      }),
      { status: 409 },
    )
  }
  return redirect(`/admin/kontorer/${office.id}?${new URLSearchParams({ melding: 'team-opprettet', team: result.id })}`)
}

export default function OfficePage() {
  const { office, teams, staff } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const createdTeam = teams.find((team) => team.id === searchParams.get('team'))
  const message = searchParams.get('melding')
  const notice =
    message === 'kontor-opprettet'
      ? 'Kontoret er opprettet. Nå kan du opprette team og invitere ansatte.'
      : message === 'team-opprettet'
      ? `Teamet ${createdTeam ? `${createdTeam.name} ` : ''}er opprettet.`
      : undefined
  const [form, fields] = useForm({
    id: 'nytt-team',
    lastResult,
    constraint: getZodConstraint(teamSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: teamSchema }),
  })
  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <BodyShort>
          <Link as={RemixLink} to="/admin/kontorer">
            Alle kontorer
          </Link>
        </BodyShort>
        <Heading level="1" size="large">
          {office.name}
        </Heading>
      </VStack>
      {notice && !lastResult ? (
        <Alert variant="success" role="status">
          {notice}
        </Alert>
      ) : null}
      <Facts
        items={[
          ['Fylke', office.countyName],
          ['Team', office.teamCount],
          ['Ansatte', office.staffCount],
        ]}
      />
      <VStack as="section" gap="space-16" aria-labelledby="team-overskrift">
        <Heading level="2" size="medium" id="team-overskrift">
          Team
        </Heading>
        {teams.length === 0 ? (
          <BodyShort>Ingen team ennå.</BodyShort>
        ) : (
          <Table zebraStripes>
            <caption className="sr-only">{`Team ved ${office.name}`}</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Team</Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  Medlemmer
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {teams.map((team) => (
                <Table.Row key={team.id}>
                  <Table.HeaderCell scope="row">{team.name}</Table.HeaderCell>
                  <Table.DataCell align="right">{team.memberCount}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </VStack>
      <Box as="section" aria-labelledby="nytt-team-overskrift" className="form-narrow">
        <VStack gap="space-16">
          <Heading level="2" size="medium" id="nytt-team-overskrift">
            Opprett team
          </Heading>
          {/* The redirect after a new team lands on this same page; a new key empties the form for the next one. */}
          <Form method="post" {...getFormProps(form)} key={createdTeam?.id ?? 'ny'}>
            <AuthenticityTokenInput />
            <VStack gap="space-16">
              <FormErrors errors={form.errors} id={form.errorId} />
              <TextField
                {...getInputProps(fields.name, { type: 'text' })}
                key={fields.name.key}
                label="Navn på teamet"
                description="For eksempel IPS-teamet eller Markedsteam Oslo øst."
                autoComplete="off"
                error={fields.name.errors?.[0]}
              />
              <div>
                <Button type="submit">Opprett team</Button>
              </div>
            </VStack>
          </Form>
        </VStack>
      </Box>
      <VStack as="section" gap="space-16" aria-labelledby="ansatte-overskrift">
        <Heading level="2" size="medium" id="ansatte-overskrift">
          Ansatte ved kontoret
        </Heading>
        {staff.length === 0 ? (
          <BodyShort>
            Ingen ansatte ennå.{' '}
            <Link as={RemixLink} to="/admin/ansatte/ny">
              Inviter en ansatt
            </Link>
          </BodyShort>
        ) : (
          <StaffTable staff={staff} caption={`Ansatte ved ${office.name}`} />
        )}
      </VStack>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
