import type { FieldMetadata } from '@conform-to/react'
import { HStack } from '@navikt/ds-react'
import { dayOptions, timeOfDayOptions } from '../../prisma-free-sql/reference-data/vocabulary'
import { CheckboxesField } from './choice-fields'

/** Times of day and days, as checkboxes; nothing ticked means "not stated". */
export function ScheduleFields({
  timesOfDay,
  days,
  legend,
}: {
  timesOfDay: FieldMetadata<string[]>
  days: FieldMetadata<string[]>
  legend: string
}) {
  return (
    <HStack gap="space-32" align="start">
      <CheckboxesField field={timesOfDay} legend={`${legend}: tid på døgnet`} options={timeOfDayOptions} />
      <CheckboxesField field={days} legend={`${legend}: dager`} options={dayOptions} />
    </HStack>
  )
}
