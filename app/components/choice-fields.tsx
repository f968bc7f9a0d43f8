import { getSelectProps, type FieldMetadata } from '@conform-to/react'
import { Checkbox, CheckboxGroup, Radio, RadioGroup, Select } from '@navikt/ds-react'
import type { County, Municipality } from '../../prisma-free-sql/queries/geography'

/** A conform list field's initial value as a list of strings (a single value arrives as a string). */
export function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === 'string')
  return typeof value === 'string' ? [value] : []
}

type Choice = { code: string; name: string; description?: string }
/** What the choice components read of a conform field, whatever type its value parses to. */
type ChoiceField = { name: string; key?: string | undefined; initialValue?: unknown; errors?: string[] | undefined }

/** One answer from a few, as radio buttons bound to a conform field. */
export function RadioField({
  field,
  legend,
  description,
  options,
}: {
  field: ChoiceField
  legend: string
  description?: string
  options: Choice[]
}) {
  return (
    <RadioGroup
      legend={legend}
      description={description}
      name={field.name}
      defaultValue={typeof field.initialValue === 'string' ? field.initialValue : undefined}
      error={field.errors?.[0]}
      key={field.key}
    >
      {options.map((option) => (
        <Radio key={option.code} value={option.code} description={option.description}>
          {option.name}
        </Radio>
      ))}
    </RadioGroup>
  )
}

export const yesNoOptions: Choice[] = [
  { code: 'ja', name: 'Ja' },
  { code: 'nei', name: 'Nei' },
]

/** Any number of answers, as checkboxes bound to a conform list field. */
export function CheckboxesField({
  field,
  legend,
  hideLegend = false,
  description,
  options,
}: {
  field: ChoiceField
  legend: string
  hideLegend?: boolean
  description?: string
  options: Choice[]
}) {
  return (
    <CheckboxGroup
      legend={legend}
      hideLegend={hideLegend}
      description={description}
      defaultValue={stringList(field.initialValue)}
      error={field.errors?.[0]}
      key={field.key}
    >
      {options.map((option) => (
        <Checkbox key={option.code} name={field.name} value={option.code} description={option.description}>
          {option.name}
        </Checkbox>
      ))}
    </CheckboxGroup>
  )
}

/** Municipalities grouped by county in a native select, so it works without JavaScript. */
export function MunicipalitySelect({
  field,
  counties,
  municipalities,
  description,
}: {
  field: FieldMetadata<string | undefined> | FieldMetadata<string>
  counties: County[]
  municipalities: Municipality[]
  description?: string
}) {
  return (
    <Select
      {...getSelectProps(field)}
      key={field.key}
      label="Kommune"
      description={description}
      error={field.errors?.[0]}
    >
      <option value="">Velg kommune</option>
      {counties.map((county) => (
        <optgroup key={county.number} label={county.name}>
          {municipalities
            .filter((municipality) => municipality.countyNumber === county.number)
            .map((municipality) => (
              <option key={municipality.number} value={municipality.number}>
                {municipality.name}
              </option>
            ))}
        </optgroup>
      ))}
    </Select>
  )
}
