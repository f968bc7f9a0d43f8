import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { BodyShort, Button, Fieldset, Heading, Link, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { getSql } from '~/utils/db.server'
import { listCounties, listMunicipalities, municipalityExists } from '../../prisma-free-sql/queries/geography'
import { naceSections } from '../../prisma-free-sql/reference-data/vocabulary'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/form-errors'
import { MunicipalitySelect } from '~/components/choice-fields'
import { OrganisationFields } from '~/components/organisation-fields'
import { registerEmployer } from '~/modules/accounts.server'
import { homePathFor } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { clientAddressOf } from '~/utils/request.server'
import { consumeRateLimits, rateLimitMessage, retryAfterHeaders } from '~/utils/rate-limits.server'
import { newOrganisationFields } from '~/utils/organisation-form'
import { passwordWeakness } from '~/utils/password-policy'
import { getSessionUser, startSession } from '~/utils/session.server'
import { parseForm, plainText } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Registrer virksomhet – Jobbsnekker' }]

const registrationSchema = z
  .object({
    ...newOrganisationFields,
    name: plainText(z.string({ required_error: 'Skriv inn navnet ditt.' }).trim().min(2, 'Navnet må ha minst to tegn.').max(200, 'Navnet kan ha høyst 200 tegn.')),
    email: z.string({ required_error: 'Skriv inn e-postadressen din.' }).trim().email('Skriv inn en gyldig e-postadresse.').max(254),
    password: z.string({ required_error: 'Velg et passord.' }),
    passwordRepeat: z.string({ required_error: 'Gjenta passordet.' }),
  })
  .superRefine((value, ctx) => {
    const weakness = passwordWeakness(value.password, { email: value.email, name: value.name })
    if (weakness) ctx.addIssue({ code: 'custom', path: ['password'], message: weakness })
    else if (value.password !== value.passwordRepeat) {
      ctx.addIssue({ code: 'custom', path: ['passwordRepeat'], message: 'Passordene er ikke like.' })
    }
  })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  if (user) throw redirect(homePathFor(user))
  const sql = getSql()
  const [counties, municipalities] = await Promise.all([listCounties(sql), listMunicipalities(sql)])
  return json({ counties, municipalities, naceSections: naceSections() })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: registrationSchema })
  const hideFields = ['password', 'passwordRepeat']
  // Every submission counts, valid or not, so a script cannot probe the form without limit either.
  const limit = await consumeRateLimits([['registrationPerAddress', clientAddressOf(context)]])
  if (!limit.allowed) {
    return json(submission.reply({ formErrors: [rateLimitMessage(limit.retryAfterSeconds)], hideFields }), {
      status: 429,
      headers: retryAfterHeaders(limit.retryAfterSeconds),
    })
  }
  if (submission.status !== 'success') return json(submission.reply({ hideFields }), { status: 400 })
  const value = submission.value
  if (!(await municipalityExists(getSql(), value.municipalityNumber))) {
    return json(submission.reply({ fieldErrors: { municipalityNumber: ['Velg en kommune fra listen.'] }, hideFields }), { status: 400 })
  }
  const result = await registerEmployer({
    organisation: {
      orgNumber: value.orgNumber,
      name: value.orgName,
      naceSection: value.naceSection,
      sector: value.sector,
      sizeBand: value.sizeBand,
      municipalityNumber: value.municipalityNumber,
    },
    name: value.name,
    email: value.email,
    password: value.password,
  })
  if (result.outcome === 'email-taken') {
    return json(
      submission.reply({
        fieldErrors: { email: ['Det finnes allerede en konto med denne e-postadressen. Logg inn, eller tilbakestill passordet.'] },
        hideFields,
      }),
      { status: 400 },
    )
  }
  const target = result.outcome === 'created' ? '/arbeidsgiver?melding=registrert' : '/arbeidsgiver?melding=forespurt'
  return startSession(request, result.userId, target)
}

export default function RegisterPage() {
  const { counties, municipalities, naceSections } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'registrer',
    lastResult,
    constraint: getZodConstraint(registrationSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registrationSchema }),
  })
  return (
    <VStack gap="space-24" className="form-narrow">
      <Heading level="1" size="large">
        Registrer virksomheten din
      </Heading>
      <BodyShort>
        Registrer virksomheten for å beskrive arbeidsoppgaver, snekre tilpassede jobber og finne kandidater. Er
        virksomheten allerede registrert, sender vi en forespørsel til dem som har tilgang.
      </BodyShort>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <VStack gap="space-32">
          <FormErrors errors={form.errors} id={form.errorId} />
          <Fieldset legend="Virksomheten">
            <VStack gap="space-16">
              <TextField
                {...getInputProps(fields.orgNumber, { type: 'text' })}
                key={fields.orgNumber.key}
                label="Organisasjonsnummer"
                description="Ni siffer, som i Enhetsregisteret."
                inputMode="numeric"
                autoComplete="off"
                htmlSize={14}
                error={fields.orgNumber.errors?.[0]}
              />
              <OrganisationFields fields={fields} naceSections={naceSections} />
              <MunicipalitySelect
                field={fields.municipalityNumber}
                counties={counties}
                municipalities={municipalities}
                description="Kommunen der virksomheten har hovedkontor."
              />
            </VStack>
          </Fieldset>
          <Fieldset legend="Deg">
            <VStack gap="space-16">
              <TextField
                {...getInputProps(fields.name, { type: 'text' })}
                key={fields.name.key}
                label="Ditt navn"
                autoComplete="name"
                error={fields.name.errors?.[0]}
              />
              <TextField
                {...getInputProps(fields.email, { type: 'email' })}
                key={fields.email.key}
                label="E-post"
                autoComplete="email"
                error={fields.email.errors?.[0]}
              />
              <TextField
                {...getInputProps(fields.password, { type: 'password' })}
                key={fields.password.key}
                label="Passord"
                description="Minst 12 tegn. En setning av flere ord er lett å huske og vanskelig å gjette."
                autoComplete="new-password"
                error={fields.password.errors?.[0]}
              />
              <TextField
                {...getInputProps(fields.passwordRepeat, { type: 'password' })}
                key={fields.passwordRepeat.key}
                label="Gjenta passord"
                autoComplete="new-password"
                error={fields.passwordRepeat.errors?.[0]}
              />
            </VStack>
          </Fieldset>
          <div>
            <Button type="submit">Registrer virksomheten</Button>
          </div>
        </VStack>
      </Form>
      <BodyShort>
        Har du allerede en konto? <Link href="/logg-inn">Logg inn</Link>
      </BodyShort>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
