import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Alert, BodyShort, Button, Heading, Link, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/form-errors'
import { passwordTokenState, resetPassword, type TokenState } from '~/modules/accounts.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { clientAddressOf } from '~/utils/request.server'
import { consumeRateLimits, rateLimitMessage, retryAfterHeaders } from '~/utils/rate-limits.server'
import { passwordWeakness } from '~/utils/password-policy'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Velg nytt passord – Jobbsnekker' }]

const tokenSchema = z.string().min(20).max(200).regex(/^[\w-]+$/)

const newPasswordSchema = z
  .object({
    token: tokenSchema,
    password: z.string({ required_error: 'Velg et nytt passord.' }),
    passwordRepeat: z.string({ required_error: 'Gjenta det nye passordet.' }),
  })
  .superRefine((value, ctx) => {
    const weakness = passwordWeakness(value.password)
    if (weakness) ctx.addIssue({ code: 'custom', path: ['password'], message: weakness })
    else if (value.password !== value.passwordRepeat) {
      ctx.addIssue({ code: 'custom', path: ['passwordRepeat'], message: 'Passordene er ikke like.' })
    }
  })

const tokenProblems: Record<Exclude<TokenState, 'valid'>, string> = {
  expired: 'Lenken er utløpt. Be om en ny lenke for å velge passord.',
  used: 'Lenken er allerede brukt. Be om en ny lenke hvis du trenger å endre passordet igjen.',
  unknown: 'Lenken er ikke gyldig. Sjekk at du har kopiert hele lenken, eller be om en ny.',
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get('token'))
  const state: TokenState = token.success ? await passwordTokenState(token.data) : 'unknown'
  return json({ token: token.success ? token.data : '', problem: state === 'valid' ? null : tokenProblems[state] })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: newPasswordSchema })
  const hideFields = ['password', 'passwordRepeat']
  // Every submission counts, valid or not, so a script cannot probe the form without limit either.
  const limit = await consumeRateLimits([['newPasswordPerAddress', clientAddressOf(context)]])
  if (!limit.allowed) {
    return json(submission.reply({ formErrors: [rateLimitMessage(limit.retryAfterSeconds)], hideFields }), {
      status: 429,
      headers: retryAfterHeaders(limit.retryAfterSeconds),
    })
  }
  if (submission.status !== 'success') return json(submission.reply({ hideFields }), { status: 400 })
  const result = await resetPassword(submission.value.token, submission.value.password)
  if ('problem' in result) {
    const problem = result.problem === 'valid' ? tokenProblems.unknown : tokenProblems[result.problem]
    return json(submission.reply({ formErrors: [problem], hideFields }), { status: 400 })
  }
  return redirect('/logg-inn?melding=passord-endret')
}

export default function NewPasswordPage() {
  const { token, problem } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'nytt-passord',
    lastResult,
    constraint: getZodConstraint(newPasswordSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newPasswordSchema }),
  })
  return (
    <VStack gap="space-24" className="form-narrow">
      <Heading level="1" size="large">
        Velg nytt passord
      </Heading>
      {problem ? (
        <>
          <Alert variant="warning">{problem}</Alert>
          <BodyShort>
            <Link href="/glemt-passord">Be om en ny lenke</Link>
          </BodyShort>
        </>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <AuthenticityTokenInput />
          <input type="hidden" name="token" value={token} />
          <VStack gap="space-16">
            <FormErrors errors={form.errors} id={form.errorId} />
            <TextField
              {...getInputProps(fields.password, { type: 'password' })}
              key={fields.password.key}
              label="Nytt passord"
              description="Minst 12 tegn."
              autoComplete="new-password"
              error={fields.password.errors?.[0]}
            />
            <TextField
              {...getInputProps(fields.passwordRepeat, { type: 'password' })}
              key={fields.passwordRepeat.key}
              label="Gjenta nytt passord"
              autoComplete="new-password"
              error={fields.passwordRepeat.errors?.[0]}
            />
            <div>
              <Button type="submit">Lagre nytt passord</Button>
            </div>
          </VStack>
        </Form>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
