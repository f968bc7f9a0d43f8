import { Button, HStack } from '@navikt/ds-react'
import { ButtonLink } from './button-link'

/** The submit button of a form and the way back without saving. */
export function FormActions({ submitLabel, cancelTo }: { submitLabel: string; cancelTo: string }) {
  return (
    <HStack gap="space-16">
      <Button type="submit">{submitLabel}</Button>
      <ButtonLink to={cancelTo} variant="tertiary">
        Avbryt
      </ButtonLink>
    </HStack>
  )
}
