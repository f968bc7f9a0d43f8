import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react'
import { Select, TextField } from '@navikt/ds-react'
import { RadioField } from './choice-fields'
import type { Option } from '../../prisma-free-sql/reference-data/vocabulary'
import { sizeBands } from '../../prisma-free-sql/queries/organisations'
import { sizeBandLabels } from './labels'

type Field = FieldMetadata<string | undefined>

/**
 * Name, industry, sector and size: the same questions at registration and on the organisation's profile
 * (which leaves out the name: it is fixed once registered).
 */
export function OrganisationFields({
  fields,
  naceSections,
}: {
  fields: { orgName?: Field; naceSection: Field; sector: Field; sizeBand: Field }
  naceSections: Option[]
}) {
  return (
    <>
      {fields.orgName ? (
        <TextField
          {...getInputProps(fields.orgName, { type: 'text' })}
          key={fields.orgName.key}
          label="Navn på virksomheten"
          autoComplete="organization"
          error={fields.orgName.errors?.[0]}
        />
      ) : null}
      <Select {...getSelectProps(fields.naceSection)} key={fields.naceSection.key} label="Bransje" error={fields.naceSection.errors?.[0]}>
        <option value="">Velg bransje</option>
        {naceSections.map((section) => (
          <option key={section.code} value={section.code}>
            {section.code} – {section.name}
          </option>
        ))}
      </Select>
      <RadioField
        field={fields.sector}
        legend="Sektor"
        options={[
          { code: 'public', name: 'Offentlig' },
          { code: 'private', name: 'Privat' },
        ]}
      />
      <Select {...getSelectProps(fields.sizeBand)} key={fields.sizeBand.key} label="Antall ansatte" error={fields.sizeBand.errors?.[0]}>
        <option value="">Velg antall ansatte</option>
        {sizeBands.map((band) => (
          <option key={band} value={band}>
            {sizeBandLabels[band]}
          </option>
        ))}
      </Select>
    </>
  )
}
