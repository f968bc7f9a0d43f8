import { getInputProps, getTextareaProps, type useForm } from '@conform-to/react'
import { Fieldset, HGrid, Textarea, TextField, VStack } from '@navikt/ds-react'
import type { z } from 'zod'
import type { County, Municipality } from '../../prisma-free-sql/queries/geography'
import { accessibilityOptions, demandDimensions } from '../../prisma-free-sql/reference-data/vocabulary'
import type { workplaceSchema } from '~/utils/workplace-form'
import { commonLanguages } from '~/utils/workplace-form'
import { CheckboxesField, MunicipalitySelect, RadioField } from './choice-fields'

type WorkplaceFields = ReturnType<typeof useForm<z.input<typeof workplaceSchema>>>[1]

// The environment questions use the shared demand scales, so matching compares like with like.
const environmentQuestions = [
  { field: 'noiseLevel', dimension: 'noise', legend: 'Støy', description: 'Hvor mye støy er det der folk jobber?' },
  { field: 'paceLevel', dimension: 'tempo', legend: 'Tempo', description: 'Hvor høyt er tempoet og tidspresset på en vanlig dag?' },
  { field: 'socialContactLevel', dimension: 'teamwork', legend: 'Sosial kontakt', description: 'Jobber man mest alene, eller sammen med andre?' },
] as const

const languageNames: Record<(typeof commonLanguages)[number], string> = {
  norsk: 'Norsk',
  engelsk: 'Engelsk',
  polsk: 'Polsk',
  litauisk: 'Litauisk',
  arabisk: 'Arabisk',
  somali: 'Somali',
  tigrinja: 'Tigrinja',
  ukrainsk: 'Ukrainsk',
}

export function WorkplaceFormFields({
  fields,
  counties,
  municipalities,
}: {
  fields: WorkplaceFields
  counties: County[]
  municipalities: Municipality[]
}) {
  return (
    <VStack gap="space-32">
      <Fieldset legend="Arbeidsstedet">
        <VStack gap="space-16">
          <TextField
            {...getInputProps(fields.name, { type: 'text' })}
            key={fields.name.key}
            label="Navn på arbeidsstedet"
            description="For eksempel «Bakeriet på Grünerløkka» eller «Sentrallageret»."
            error={fields.name.errors?.[0]}
          />
          <TextField
            {...getInputProps(fields.address, { type: 'text' })}
            key={fields.address.key}
            label="Adresse"
            autoComplete="street-address"
            error={fields.address.errors?.[0]}
          />
          <MunicipalitySelect field={fields.municipalityNumber} counties={counties} municipalities={municipalities} />
        </VStack>
      </Fieldset>

      <Fieldset legend="Arbeidsmiljøet" description="Samme skala som kandidatene bruker når de sier hva de tåler og trenger.">
        <HGrid gap="space-24" columns={{ xs: 1, md: 3 }}>
          {environmentQuestions.map((question) => {
            const field = fields[question.field]
            const levels = demandDimensions.find((dimension) => dimension.code === question.dimension)?.levels ?? ['lav', 'middels', 'høy']
            return (
              <RadioField
                key={field.key}
                field={field}
                legend={question.legend}
                description={question.description}
                options={levels.map((levelName, index) => ({ code: String(index), name: levelName.charAt(0).toLocaleUpperCase('nb') + levelName.slice(1) }))}
              />
            )
          })}
        </HGrid>
      </Fieldset>

      <Fieldset legend="Tilgjengelighet" description="Universell utforming gjør at flere kan jobbe her uten særskilt tilrettelegging.">
        <VStack gap="space-16">
          <CheckboxesField field={fields.accessibility} legend="Dette har arbeidsstedet" hideLegend options={accessibilityOptions} />
          <Textarea
            {...getTextareaProps(fields.accessibilityNotes)}
            key={fields.accessibilityNotes.key}
            label="Annet om tilgjengelighet (valgfritt)"
            description="For eksempel «Trapp ned til lageret, ellers alt på gateplan»."
            maxLength={1000}
            error={fields.accessibilityNotes.errors?.[0]}
          />
        </VStack>
      </Fieldset>

      <Fieldset legend="Språk på jobben" description="Språkene som brukes i det daglige arbeidet.">
        <VStack gap="space-16">
          <CheckboxesField
            field={fields.languages}
            legend="Språk"
            hideLegend
            options={commonLanguages.map((language) => ({ code: language, name: languageNames[language] }))}
          />
          <TextField
            {...getInputProps(fields.otherLanguages, { type: 'text' })}
            key={fields.otherLanguages.key}
            label="Andre språk (valgfritt)"
            description="Skill med komma, for eksempel «tamil, vietnamesisk»."
            error={fields.otherLanguages.errors?.[0]}
          />
        </VStack>
      </Fieldset>
    </VStack>
  )
}
