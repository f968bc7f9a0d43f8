import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Alert, BodyShort, Button, Heading, Link, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requestPasswordReset } from '~/modules/accounts.server'
import { RESET_LINK_MINUTES } from '~/utils/password-policy'
import { requireValidCsrf } from '~/utils/csrf.server'
import { clientAddressOf } from '~/utils/request.server'
import { consumeRateLimits, rateLimitMessage, retryAfterHeaders } from '~/utils/rate-limits.server'
import { FormErrors } from '~/components/form-errors'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Glemt passord – Jobbsnekker' }]

const resetRequestSchema = z.object({
  email: z.string({ required_error: 'Skriv inn e-postadressen din.' }).trim().email('Skriv inn en gyldig e-postadresse.').max(254),
})

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: resetRequestSchema })
  // Every submission counts, valid or not, so a script cannot probe the form without limit either.
  const limit = await consumeRateLimits([
    ['passwordResetPerAddress', clientAddressOf(context)],
    ['passwordResetPerEmail', String(submission.payload.email ?? '').trim()],
  ])
  if (!limit.allowed) {
    return json(submission.reply({ formErrors: [rateLimitMessage(limit.retryAfterSeconds)] }), {
      status: 429,
      headers: retryAfterHeaders(limit.retryAfterSeconds),
    })
  }
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  await requestPasswordReset(submission.value.email)
  // The same answer whether or not the account exists, so the form cannot be used to probe for accounts.
  return redirect('/glemt-passord?sendt=1')
}

export default function ForgotPasswordPage() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useForm({
    id: 'glemt-passord',
    lastResult,
    constraint: getZodConstraint(resetRequestSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetRequestSchema }),
  })
  const sent = searchParams.get('sendt') === '1'
  return (
    <VStack gap="space-24" className="form-narrow">
      <Heading level="1" size="large">
        Glemt passordet?
      </Heading>
      {sent ? (
        <Alert variant="success" role="status">
          Hvis det finnes en konto med denne e-postadressen, har vi sendt en lenke for å velge nytt passord. Lenken
          virker i {RESET_LINK_MINUTES} minutter.
        </Alert>
      ) : null}
      <BodyShort>Skriv inn e-postadressen du logger inn med, så sender vi deg en lenke for å velge nytt passord.</BodyShort>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <VStack gap="space-16">
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextField
            {...getInputProps(fields.email, { type: 'email' })}
            key={fields.email.key}
            label="E-post"
            autoComplete="email"
            error={fields.email.errors?.[0]}
          />
          <div>
            <Button type="submit">Send lenke</Button>
          </div>
        </VStack>
      </Form>
      <BodyShort>
        <Link href="/logg-inn">Tilbake til innlogging</Link>
      </BodyShort>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
