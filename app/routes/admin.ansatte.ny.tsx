import { getFormProps, getSelectProps, useForm, type FieldMetadata } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Alert, BodyShort, Checkbox, CheckboxGroup, Heading, Link, Select, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { FormActions } from '~/components/form-actions'
import { NameAndEmailFields } from '~/components/name-and-email-fields'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/form-errors'
import { roleLabels } from '~/components/labels'
import { inviteStaff } from '~/modules/accounts.server'
import { checkStaffPlacement } from '~/modules/admin.server'
import { requireRole } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { getSql } from '~/utils/db.server'
import { listCounties } from '../../prisma-free-sql/queries/geography'
import { listOffices, listTeams } from '../../prisma-free-sql/queries/offices'
import { staffRoles } from '../../prisma-free-sql/queries/users'
import { boundedList, parseForm, plainText } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Ny ansatt – Jobbsnekker' }]

const roleDescriptions: Record<(typeof staffRoles)[number], string> = {
  specialist: 'Følger opp kandidater og finner arbeidsplasser til dem.',
  market_contact: 'Har ansvar for arbeidsgiverne i ett eller flere fylker.',
  team_lead: 'Leder et team og følger med på teamets saker.',
  admin: 'Administrerer kontorer, team og ansatte.',
}

const inviteSchema = z
  .object({
    name: plainText(
      z
        .string({ required_error: 'Skriv inn navnet til den ansatte.' })
        .trim()
        .min(1, 'Skriv inn navnet til den ansatte.')
        .max(200, 'Navnet kan være høyst 200 tegn.'),
    ),
    email: z
      .string({ required_error: 'Skriv inn e-postadressen til den ansatte.' })
      .trim()
      .email('Skriv inn en gyldig e-postadresse, for eksempel navn@nav.no.')
      .max(254, 'E-postadressen er for lang.'),
    roles: boundedList(
      z
        .array(z.enum(staffRoles, { errorMap: () => ({ message: 'Velg roller fra listen.' }) }), {
          required_error: 'Velg minst én rolle.',
        })
        .min(1, 'Velg minst én rolle.')
        .max(staffRoles.length, 'Velg roller fra listen.'),
    ),
    officeId: z.string({ required_error: 'Velg kontoret den ansatte jobber ved.' }).uuid('Velg et kontor fra listen.'),
    teamId: z.string().uuid('Velg et team fra listen.').optional(),
    countyNumbers: z.array(z.string().regex(/^\d{2}$/, 'Velg fylker fra listen.')).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.roles.includes('market_contact') && value.countyNumbers.length === 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['countyNumbers'],
        message: 'Velg minst ett fylke når den ansatte er markedskontakt.',
      })
    }
  })

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const sql = getSql()
  const [offices, teams, counties] = await Promise.all([listOffices(sql), listTeams(sql), listCounties(sql)])
  return json({
    offices: offices.map((office) => ({ id: office.id, name: office.name })),
    teams: teams.map((team) => ({ id: team.id, name: team.name, officeId: team.officeId })),
    counties,
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, 'admin')
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: inviteSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const { name, email, roles, officeId } = submission.value
  const placement = {
    roles,
    officeId,
    teamId: submission.value.teamId ?? null,
    // Counties only mean something for market contacts; ticked boxes left from another choice are dropped.
    countyNumbers: roles.includes('market_contact') ? submission.value.countyNumbers : [],
  }
  const problems = await checkStaffPlacement(placement)
  if (Object.keys(problems).length > 0) {
    const fieldErrors = Object.fromEntries(Object.entries(problems).map(([field, message]) => [field, [message]]))
    return json(submission.reply({ fieldErrors }), { status: 400 })
  }
  const result = await inviteStaff(actor, { name, email, ...placement })
  if (result.outcome === 'email-taken') {
    return json(
      submission.reply({ fieldErrors: { email: ['Det finnes allerede en konto med denne e-postadressen.'] } }),
      { status: 409 },
    )
  }
  return redirect('/admin/ansatte?melding=invitert')
}

/** Conform keeps a list's own errors and each item's errors apart; the group shows the first of either. */
function firstError(field: FieldMetadata<string[] | undefined>): string | undefined {
  return Object.values(field.allErrors).flat()[0]
}

function initialList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
  return typeof value === 'string' ? [value] : []
}

export default function InviteStaffPage() {
  const { offices, teams, counties } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'ny-ansatt',
    lastResult,
    constraint: getZodConstraint(inviteSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  })
  const rolesError = firstError(fields.roles)
  const countiesError = firstError(fields.countyNumbers)
  return (
    <VStack gap="space-24" className="form-narrow">
      <VStack gap="space-8">
        <BodyShort>
          <Link as={RemixLink} to="/admin/ansatte">
            Alle ansatte
          </Link>
        </BodyShort>
        <Heading level="1" size="large">
          Ny ansatt
        </Heading>
        <BodyShort>Den ansatte får en e-post med en lenke for å velge passord. Lenken virker i 7 dager.</BodyShort>
      </VStack>
      {offices.length === 0 ? (
        <Alert variant="info">
          Ingen kontorer ennå. En ansatt må høre til et kontor.{' '}
          <Link as={RemixLink} to="/admin/kontorer">
            Opprett et kontor først
          </Link>
          .
        </Alert>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <AuthenticityTokenInput />
          <VStack gap="space-24">
            <FormErrors errors={form.errors} id={form.errorId} />
            <NameAndEmailFields name={fields.name} email={fields.email} />
            <CheckboxGroup
              key={fields.roles.key}
              id={fields.roles.id}
              legend="Roller"
              description="Velg minst én."
              defaultValue={initialList(fields.roles.initialValue)}
              error={rolesError}
            >
              {staffRoles.map((role) => (
                <Checkbox key={role} name={fields.roles.name} value={role} description={roleDescriptions[role]}>
                  {roleLabels[role]}
                </Checkbox>
              ))}
            </CheckboxGroup>
            <Select
              {...getSelectProps(fields.officeId)}
              key={fields.officeId.key}
              label="Kontor"
              error={fields.officeId.errors?.[0]}
            >
              <option value="">Velg kontor</option>
              {offices.map((office) => (
                <option key={office.id} value={office.id}>
                  {office.name}
                </option>
              ))}
            </Select>
            <Select
              {...getSelectProps(fields.teamId)}
              key={fields.teamId.key}
              label="Team (valgfritt)"
              description="Teamet må høre til kontoret du valgte."
              error={fields.teamId.errors?.[0]}
            >
              <option value="">Ikke i et team</option>
              {offices.map((office) => {
                const officeTeams = teams.filter((team) => team.officeId === office.id)
                return officeTeams.length === 0 ? null : (
                  <optgroup key={office.id} label={office.name}>
                    {officeTeams.map((team) => (
                      <option key={team.id} value={team.id}>
                        {team.name}
                      </option>
                    ))}
                  </optgroup>
                )
              })}
            </Select>
            <CheckboxGroup
              key={fields.countyNumbers.key}
              id={fields.countyNumbers.id}
              legend="Fylker (for markedskontakter)"
              description="Påkrevd når den ansatte er markedskontakt: fylkene hen har ansvar for arbeidsgiverne i."
              defaultValue={initialList(fields.countyNumbers.initialValue)}
              error={countiesError}
            >
              {counties.map((county) => (
                <Checkbox key={county.number} name={fields.countyNumbers.name} value={county.number}>
                  {county.name}
                </Checkbox>
              ))}
            </CheckboxGroup>
            <FormActions submitLabel="Send invitasjon" cancelTo="/admin/ansatte" />
          </VStack>
        </Form>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
