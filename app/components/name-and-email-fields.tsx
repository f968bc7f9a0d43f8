import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { TextField } from '@navikt/ds-react'

type Field = FieldMetadata<string | undefined>

/** Who gets an account: asked the same way when staff are added and when an employer invites a colleague. */
export function NameAndEmailFields({ name, email }: { name: Field; email: Field }) {
  return (
    <>
      <TextField {...getInputProps(name, { type: 'text' })} key={name.key} label="Navn" autoComplete="off" error={name.errors?.[0]} />
      <TextField {...getInputProps(email, { type: 'email' })} key={email.key} label="E-post" autoComplete="off" error={email.errors?.[0]} />
    </>
  )
}
