import { Alert } from '@navikt/ds-react'

/** The form-level message (wrong credentials, locked out, link expired), announced to screen readers. */
export function FormErrors({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors || errors.length === 0) return null
  return (
    <Alert variant="error" role="alert" id={id}>
      {errors.join(' ')}
    </Alert>
  )
}

/** The one refusal an action sent back with the page (`{ error }`), announced like a form-level message. */
export function ActionError({ error }: { error: string | null | undefined }) {
  return <FormErrors errors={error ? [error] : undefined} />
}
