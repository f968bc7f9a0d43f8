import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { HGrid, TextField, VStack } from '@navikt/ds-react'

type Field = FieldMetadata<string | undefined>

/** Who the candidate is. Kept apart from the profile; only staff at the candidate's office see it. */
export function CandidateIdentityFields({
  fields,
}: {
  fields: { firstName: Field; lastName: Field; nationalId: Field; phone: Field; email: Field }
}) {
  return (
    <VStack gap="space-16">
      <HGrid gap="space-16" columns={{ xs: 1, sm: 2 }}>
        <TextField {...getInputProps(fields.firstName, { type: 'text' })} key={fields.firstName.key} label="Fornavn" autoComplete="off" error={fields.firstName.errors?.[0]} />
        <TextField {...getInputProps(fields.lastName, { type: 'text' })} key={fields.lastName.key} label="Etternavn" autoComplete="off" error={fields.lastName.errors?.[0]} />
      </HGrid>
      <TextField
        {...getInputProps(fields.nationalId, { type: 'text' })}
        key={fields.nationalId.key}
        label="Fødselsnummer eller d-nummer"
        description="11 siffer."
        inputMode="numeric"
        autoComplete="off"
        htmlSize={14}
        error={fields.nationalId.errors?.[0]}
      />
      <HGrid gap="space-16" columns={{ xs: 1, sm: 2 }}>
        <TextField {...getInputProps(fields.phone, { type: 'tel' })} key={fields.phone.key} label="Telefon (valgfritt)" autoComplete="off" error={fields.phone.errors?.[0]} />
        <TextField {...getInputProps(fields.email, { type: 'email' })} key={fields.email.key} label="E-post (valgfritt)" autoComplete="off" error={fields.email.errors?.[0]} />
      </HGrid>
    </VStack>
  )
}
