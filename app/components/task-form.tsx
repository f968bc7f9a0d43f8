import { getInputProps, getSelectProps, type useForm } from '@conform-to/react'
import { Fieldset, HGrid, Select, TextField, VStack } from '@navikt/ds-react'
import { occupationsByArea } from '../../prisma-free-sql/reference-data/styrk08'
import { demandDimensions, requirementOptions } from '../../prisma-free-sql/reference-data/vocabulary'
import type { z } from 'zod'
import type { taskSchema } from '~/utils/task-form'
import { CheckboxesField, RadioField, yesNoOptions } from './choice-fields'
import { ScheduleFields } from './schedule-fields'

type TaskFields = ReturnType<typeof useForm<z.input<typeof taskSchema>>>[1]

/** The fields of one task; used for the employer's own tasks and for editing any task. */
export function TaskFormFields({ fields, nameReadOnly = false }: { fields: TaskFields; nameReadOnly?: boolean }) {
  const demandFields = fields.demands.getFieldset()
  return (
    <VStack gap="space-32">
      <Fieldset legend="Oppgaven">
        <VStack gap="space-16">
          <TextField
            {...getInputProps(fields.name, { type: 'text' })}
            key={fields.name.key}
            label="Hva er oppgaven?"
            description="Beskriv en virkelig oppgave som gjøres i dag, for eksempel «Sortere og levere internpost»."
            readOnly={nameReadOnly}
            error={fields.name.errors?.[0]}
          />
          <Select
            {...getSelectProps(fields.styrk08)}
            key={fields.styrk08.key}
            label="Yrke (valgfritt)"
            description="Yrket oppgaven hører til etter STYRK-08. Det hjelper oss å finne kandidater med riktig erfaring."
            error={fields.styrk08.errors?.[0]}
          >
            <option value="">Ikke valgt</option>
            {occupationsByArea.map((area) => (
              <optgroup key={area.code} label={area.name}>
                {area.occupations.map((occupation) => (
                  <option key={occupation.code} value={occupation.code}>
                    {occupation.code} {occupation.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
          <TextField
            {...getInputProps(fields.hoursPerWeek, { type: 'text' })}
            key={fields.hoursPerWeek.key}
            label="Timer per uke"
            description="Omtrent hvor mange timer oppgaven tar i en vanlig uke."
            inputMode="decimal"
            htmlSize={6}
            error={fields.hoursPerWeek.errors?.[0]}
          />
        </VStack>
      </Fieldset>
      <ScheduleFields timesOfDay={fields.timesOfDay} days={fields.days} legend="Når gjøres oppgaven?" />
      <Fieldset legend="Hva krever oppgaven?" description="Forhåndsutfylt fra katalogen der det finnes. La stå «Ikke oppgitt» når det ikke er relevant.">
        <HGrid gap="space-16" columns={{ xs: 1, sm: 2, md: 3 }}>
          {demandDimensions.map((dimension) => {
            const field = demandFields[dimension.code]
            if (!field) return null
            return (
              <Select {...getSelectProps(field)} key={field.key} label={dimension.name} size="small" error={field.errors?.[0]}>
                <option value="">Ikke oppgitt</option>
                {dimension.levels.map((levelName, index) => (
                  <option key={levelName} value={String(index)}>
                    {levelName[0]?.toUpperCase()}
                    {levelName.slice(1)}
                  </option>
                ))}
              </Select>
            )
          })}
        </HGrid>
      </Fieldset>
      <CheckboxesField
        field={fields.requirements}
        legend="Krav"
        description="Sertifikater og attester som kreves for å gjøre oppgaven."
        options={requirementOptions}
      />
      <Fieldset legend="Hvem gjør oppgaven i dag?">
        <VStack gap="space-16">
          <RadioField
            field={fields.separable}
            legend="Kan oppgaven skilles ut fra dagens stillinger?"
            description="Bare oppgaver som kan skilles ut, brukes når vi snekrer en tilpasset jobb."
            options={yesNoOptions}
          />
          <TextField
            {...getInputProps(fields.currentRole, { type: 'text' })}
            key={fields.currentRole.key}
            label="Hvem gjør den nå? (valgfritt)"
            description="En rolle, ikke et navn, for eksempel «Resepsjonist» eller «Lagermedarbeider». Vi viser hvor mye tid den tilpassede jobben frigjør for dem."
            error={fields.currentRole.errors?.[0]}
          />
        </VStack>
      </Fieldset>
    </VStack>
  )
}
