import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Alert, BodyShort, Button, Heading, Link, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/form-errors'
import { authenticate } from '~/modules/accounts.server'
import { homePathFor } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { clientAddressOf } from '~/utils/request.server'
import { getSessionUser, safeRedirectTarget, startSession } from '~/utils/session.server'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Logg inn – Jobbsnekker' }]

const loginSchema = z.object({
  email: z.string({ required_error: 'Skriv inn e-postadressen din.' }).trim().email('Skriv inn en gyldig e-postadresse.').max(254),
  password: z.string({ required_error: 'Skriv inn passordet ditt.' }).max(200, 'Passordet er for langt.'),
  redirectTo: z.string().optional(),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  if (user) throw redirect(homePathFor(user))
  return json({})
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: loginSchema })
  if (submission.status !== 'success') {
    return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const result = await authenticate({ email, password, clientAddress: clientAddressOf(context) })
  if (result.outcome === 'locked') {
    return json(
      submission.reply({
        formErrors: [
          `For mange mislykkede forsøk. Vent ${result.minutes} minutter før du prøver igjen, eller tilbakestill passordet.`,
        ],
        hideFields: ['password'],
      }),
      { status: 429 },
    )
  }
  if (result.outcome === 'invalid') {
    return json(
      submission.reply({ formErrors: ['Feil e-postadresse eller passord.'], hideFields: ['password'] }),
      { status: 400 },
    )
  }
  return startSession(request, result.user.id, safeRedirectTarget(redirectTo, homePathFor(result.user)))
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useForm({
    id: 'logg-inn',
    lastResult,
    constraint: getZodConstraint(loginSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  })
  const notice = searchParams.get('melding')
  return (
    <VStack gap="space-24" className="form-narrow">
      <Heading level="1" size="large">
        Logg inn
      </Heading>
      {notice === 'passord-endret' ? (
        <Alert variant="success">Passordet er endret. Logg inn med det nye passordet.</Alert>
      ) : null}
      {notice === 'utlogget' ? <Alert variant="info">Du er logget ut.</Alert> : null}
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <VStack gap="space-16">
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextField
            {...getInputProps(fields.email, { type: 'email' })}
            key={fields.email.key}
            label="E-post"
            autoComplete="username"
            error={fields.email.errors?.[0]}
          />
          <TextField
            {...getInputProps(fields.password, { type: 'password' })}
            key={fields.password.key}
            label="Passord"
            autoComplete="current-password"
            error={fields.password.errors?.[0]}
          />
          <div>
            <Button type="submit">Logg inn</Button>
          </div>
        </VStack>
      </Form>
      <BodyShort>
        <Link href="/glemt-passord">Glemt passordet?</Link>
      </BodyShort>
      <BodyShort>
        Ny arbeidsgiver? <Link href="/registrer">Registrer virksomheten din</Link>
      </BodyShort>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
