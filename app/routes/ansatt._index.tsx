import { getFormProps, getInputProps, getSelectProps } from '@conform-to/react'
import { Alert, BodyShort, Button, Heading, Link, Select, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { getSql } from '~/utils/db.server'
import { findOffice } from '../../prisma-free-sql/queries/offices'
import { listOfficeStaff, type User } from '../../prisma-free-sql/queries/users'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/form-errors'
import { StaffTable } from '~/components/staff-table'
import { assertCaseworker, endAbsence, officeSpecialists, ownAbsence, startAbsence } from '~/modules/candidates.server'
import { todayInNorway } from '~/modules/openings.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { calendarDateProblem, isoDateFromNorwegian, norwegianDate } from '~/utils/opening-form'
import { useSchemaForm } from '~/utils/use-schema-form'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Mitt kontor – Jobbsnekker' }]

/** Specialists and team leads placed at an office follow candidates up, and so can be away with a stand-in. */
function isCaseworker(user: User): user is User & { officeId: string } {
  try {
    assertCaseworker(user)
    return true
  } catch {
    return false
  }
}

/** `today` is the calendar date in Norway; the last day away cannot be before it. */
function absenceSchema(today: string) {
  return z.object({
    intent: z.literal('start-absence'),
    standInUserId: z
      .string({ required_error: 'Velg hvem som skal være stedfortreder.' })
      .uuid('Velg en kollega fra listen.'),
    untilDate: z.preprocess(isoDateFromNorwegian, z.string().optional()).superRefine((date, context) => {
      if (date === undefined) return
      const problem = calendarDateProblem(date)
      if (problem) context.addIssue({ code: 'custom', message: problem })
      else if (date < today) context.addIssue({ code: 'custom', message: 'Datoen kan ikke være tilbake i tid.' })
    }),
  })
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const sql = getSql()
  const office = user.officeId ? await findOffice(sql, user.officeId) : undefined
  const colleagues = office ? await listOfficeStaff(sql, office.id) : []
  let absence = null
  if (isCaseworker(user)) {
    const [own, specialists] = await Promise.all([ownAbsence(user), officeSpecialists(user.officeId)])
    absence = {
      away: own.absence ? { standInName: own.absence.standInName, untilDate: own.absence.untilDate } : null,
      standingInFor: own.standingInFor.map((colleague) => ({ name: colleague.name, untilDate: colleague.untilDate })),
      standInOptions: specialists
        .filter((specialist) => specialist.id !== user.id)
        .map((specialist) => ({ id: specialist.id, name: specialist.name, away: specialist.away })),
    }
  }
  return json({ name: user.name, teamName: user.teamName, office, colleagues, absence, today: todayInNorway() })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  assertCaseworker(user)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const intent = formData.get('intent')
  if (intent === 'end-absence') {
    await endAbsence(user)
    return redirect('/ansatt?melding=fravaer-avsluttet')
  }
  if (intent !== 'start-absence') throw new Response('Ugyldig forespørsel.', { status: 400 })
  const submission = parseForm(formData, { schema: absenceSchema(todayInNorway()) })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const { standInUserId, untilDate } = submission.value
  const outcome = await startAbsence(user, standInUserId, untilDate ?? null)
  if (outcome === 'not-a-colleague') {
    return json(
      submission.reply({ fieldErrors: { standInUserId: [`Stedfortrederen må være en annen jobbspesialist ved ${user.officeName ?? 'kontoret ditt'}.`] } }),
      { status: 400 },
    )
  }
  return redirect('/ansatt?melding=fravaer-registrert')
}

const messages: Record<string, string> = {
  'fravaer-registrert': 'Fraværet er registrert. Stedfortrederen ser kandidatene dine til du avslutter fraværet.',
  'fravaer-avsluttet': 'Velkommen tilbake. Fraværet er avsluttet.',
}

export default function StaffHome() {
  const { name, teamName, office, colleagues, absence, today } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const message = messages[searchParams.get('melding') ?? '']
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Mitt kontor
      </Heading>
      {message ? (
        <Alert variant="success" role="status">
          {message}
        </Alert>
      ) : null}
      <BodyShort>Hei, {name}.</BodyShort>
      {office ? (
        <>
          <BodyShort>
            Du jobber ved <strong>{office.name}</strong> ({office.countyName})
            {teamName ? (
              <>
                {' '}
                i teamet <strong>{teamName}</strong>
              </>
            ) : null}
            .
          </BodyShort>
          {absence ? <AbsenceSection absence={absence} today={today} /> : null}
          <Heading level="2" size="medium">
            Kolleger ved {office.name}
          </Heading>
          <StaffTable staff={colleagues} caption={`Ansatte ved ${office.name}`} />
        </>
      ) : (
        <BodyShort>Du er ikke knyttet til et kontor ennå. Be en administrator om å legge deg til.</BodyShort>
      )}
    </VStack>
  )
}

type Absence = {
  away: { standInName: string; untilDate: string | null } | null
  standingInFor: { name: string; untilDate: string | null }[]
  standInOptions: { id: string; name: string; away: boolean }[]
}

function AbsenceSection({ absence, today }: { absence: Absence; today: string }) {
  return (
    <VStack gap="space-16" as="section" aria-labelledby="fravaer" className="form-narrow">
      <Heading level="2" size="medium" id="fravaer">
        Fravær
      </Heading>
      {absence.standingInFor.length > 0 ? (
        <BodyShort>
          Du er stedfortreder for:{' '}
          {absence.standingInFor
            .map((colleague) => (colleague.untilDate ? `${colleague.name} (til og med ${norwegianDate(colleague.untilDate)})` : colleague.name))
            .join(', ')}
          .{' '}
          <Link as={RemixLink} to="/ansatt/kandidater?visning=vikar">
            Se kandidatene deres
          </Link>
        </BodyShort>
      ) : null}
      {absence.away ? (
        <Form method="post">
          <AuthenticityTokenInput />
          <input type="hidden" name="intent" value="end-absence" />
          <VStack gap="space-12">
            <Alert variant="info">
              Du er registrert som borte, {absence.away.standInName} er stedfortreder
              {absence.away.untilDate ? ` til og med ${norwegianDate(absence.away.untilDate)}` : ''}.
              {absence.away.untilDate && absence.away.untilDate < today
                ? ' Datoen har passert; avslutt fraværet når du er tilbake.'
                : ''}
            </Alert>
            <div>
              <Button type="submit" variant="secondary">
                Jeg er tilbake
              </Button>
            </div>
          </VStack>
        </Form>
      ) : (
        <AbsenceForm options={absence.standInOptions} today={today} />
      )}
    </VStack>
  )
}

function AbsenceForm({ options, today }: { options: Absence['standInOptions']; today: string }) {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(absenceSchema(today), { id: 'fravaer-skjema', lastResult })
  if (options.length === 0) {
    return <BodyShort>Det er ingen andre jobbspesialister ved kontoret som kan være stedfortreder for deg.</BodyShort>
  }
  return (
    <Form method="post" {...getFormProps(form)}>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="start-absence" />
      <VStack gap="space-16">
        <BodyShort>
          Skal du være borte? Velg en kollega som følger opp kandidatene dine så lenge. Hen ser dem under «Som stedfortreder» på
          kandidatsiden. Ansvaret for kandidatene flyttes ikke.
        </BodyShort>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Select
          {...getSelectProps(fields.standInUserId)}
          key={fields.standInUserId.key}
          label="Stedfortreder"
          error={fields.standInUserId.errors?.[0]}
        >
          <option value="">Velg kollega</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.away ? `${option.name} (borte)` : option.name}
            </option>
          ))}
        </Select>
        <TextField
          {...getInputProps(fields.untilDate, { type: 'text' })}
          key={fields.untilDate.key}
          label="Borte til og med (valgfritt)"
          description="dd.mm.åååå. Fraværet varer til du avslutter det, også etter denne datoen."
          htmlSize={12}
          autoComplete="off"
          error={fields.untilDate.errors?.[0]}
        />
        <div>
          <Button type="submit" variant="secondary">
            Registrer fravær
          </Button>
        </div>
      </VStack>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
