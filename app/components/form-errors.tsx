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
