import { Button, HStack, Select } from '@navikt/ds-react'
import { Form } from '@remix-run/react'

const minScoreOptions = [
  { value: '0', label: 'Alle som oppfyller kravene' },
  { value: '50', label: 'Treff 50 eller mer' },
  { value: '70', label: 'Treff 70 eller mer' },
]

/** The filter above every match list; a plain GET form, so it works without JavaScript. */
export function MatchFilterForm({ minScore }: { minScore: number }) {
  return (
    <Form method="get" className="form-narrow">
      <HStack gap="space-16" align="end">
        <Select label="Vis" name="minScore" defaultValue={String(minScore)}>
          {minScoreOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary">
          Bruk filter
        </Button>
      </HStack>
    </Form>
  )
}
