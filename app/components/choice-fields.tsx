import { getSelectProps, type FieldMetadata } from '@conform-to/react'
import { Checkbox, CheckboxGroup, Fieldset, HGrid, Radio, RadioGroup, Select } from '@navikt/ds-react'
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

/**
 * A long list of checkboxes in labelled groups (accommodations, tasks), all posting under one field name, so the form
 * works without JavaScript and the server gets one list.
 */
export function GroupedCheckboxesField({
  field,
  legend,
  description,
  groups,
}: {
  field: ChoiceField
  legend: string
  description?: string
  groups: { code: string; name: string; options: Choice[] }[]
}) {
  const ticked = stringList(field.initialValue)
  return (
    <Fieldset legend={legend} description={description} error={field.errors?.[0]} key={field.key}>
      <HGrid gap="space-24" columns={{ xs: 1, md: 2 }}>
        {groups.map((group) => (
          <CheckboxGroup
            key={group.code}
            legend={group.name}
            size="small"
            defaultValue={ticked.filter((code) => group.options.some((option) => option.code === code))}
          >
            {group.options.map((option) => (
              <Checkbox key={option.code} name={field.name} value={option.code} description={option.description}>
                {option.name}
              </Checkbox>
            ))}
          </CheckboxGroup>
        ))}
      </HGrid>
    </Fieldset>
  )
}

/** Municipalities grouped by county in a native select, so it works without JavaScript. */
export function MunicipalitySelect({
  field,
  counties,
  municipalities,
  description,
  label = 'Kommune',
}: {
  field: FieldMetadata<unknown> | FieldMetadata<string | undefined> | FieldMetadata<string>
  counties: County[]
  municipalities: Municipality[]
  description?: string
  label?: string
}) {
  return (
    <Select
      {...getSelectProps(field)}
      key={field.key}
      label={label}
      description={description}
      error={field.errors?.[0]}
    >
      <option value="">Velg kommune</option>
      <MunicipalityOptions counties={counties} municipalities={municipalities} />
    </Select>
  )
}

/** Every municipality as an option, grouped under its county. */
export function MunicipalityOptions({ counties, municipalities }: { counties: County[]; municipalities: Municipality[] }) {
  return counties.map((county) => (
    <optgroup key={county.number} label={county.name}>
      {municipalities
        .filter((municipality) => municipality.countyNumber === county.number)
        .map((municipality) => (
          <option key={municipality.number} value={municipality.number}>
            {municipality.name}
          </option>
        ))}
    </optgroup>
  ))
}
