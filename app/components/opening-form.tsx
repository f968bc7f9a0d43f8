import { getInputProps, getTextareaProps, type useForm } from '@conform-to/react'
import { Fieldset, HGrid, Textarea, TextField, VStack } from '@navikt/ds-react'
import type { z } from 'zod'
import { accommodationGroups, hireProspectOptions, measureOptions, openingTypeOptions } from '../../prisma-free-sql/reference-data/vocabulary'
import type { openingSchema } from '~/utils/opening-form'
import { formatHours } from './employer-labels'
import { CheckboxesField, GroupedCheckboxesField, RadioField, yesNoOptions } from './choice-fields'
import { ScheduleFields } from './schedule-fields'

type OpeningFields = ReturnType<typeof useForm<z.input<ReturnType<typeof openingSchema>>>>[1]

// Honest, short explanations: employers often do not know the measures apart, and the candidate plans by them.
const openingTypeDescriptions: Record<string, string> = {
  JOBBSMAK: 'Noen dager for å prøve jobben og arbeidsplassen. Ingen lønn og ingen forpliktelser for noen av dere.',
  ARBEIDSTRENING:
    'Ulønnet praksis, ofte rundt tre måneder, for å prøve seg og lære. Kandidaten beholder ytelsen fra NAV; dere gir opplæring og oppfølging.',
  LONNSTILSKUDD: 'Ansettelse med lønn fra dere, der NAV dekker en del av lønnen i en periode, eller varig.',
  ORDINAER: 'Vanlig ansettelse med full lønn fra dere. Dere kan likevel få mentortilskudd eller hjelp til tilrettelegging.',
  LAERLING: 'Læreplass mot fagbrev eller kompetansebevis, med lærlinglønn og opplæring etter læreplanen.',
}

const measureDescriptions: Record<string, string> = {
  MENTORTILSKUDD: 'NAV betaler for tiden en kollega bruker på å følge opp.',
  LONNSTILSKUDD_MIDLERTIDIG: 'NAV dekker en del av lønnen i en periode.',
  LONNSTILSKUDD_VARIG: 'For den som har varig nedsatt arbeidsevne. NAV dekker en del av lønnen uten fast slutt.',
  INKLUDERINGSTILSKUDD: 'NAV dekker ekstra utgifter til tilrettelegging, for eksempel utstyr.',
  TILRETTELEGGINGSGARANTI: 'Skriftlig løfte fra NAV om fast kontaktperson, oppfølging og hjelpemidler.',
}

/** `carvedJobHours`: what the tasks of the carved job add up to, which the hours must cover. */
export function OpeningFormFields({ fields, carvedJobHours }: { fields: OpeningFields; carvedJobHours?: number }) {
  const hoursHint =
    carvedJobHours === undefined
      ? 'Hele eller halve timer, for eksempel 10 eller 7,5.'
      : `Oppgavene i jobben utgjør ${formatHours(carvedJobHours)} timer i uka. Det tallet må ligge mellom minst og maks timer per uke.`
  return (
    <VStack gap="space-32">
      <Fieldset legend="Stillingen">
        <VStack gap="space-16">
          <TextField {...getInputProps(fields.title, { type: 'text' })} key={fields.title.key} label="Tittel" error={fields.title.errors?.[0]} />
          <RadioField
            field={fields.openingType}
            legend="Hva slags plass er dette?"
            options={openingTypeOptions.map((option) => ({ ...option, description: openingTypeDescriptions[option.code] }))}
          />
          <Textarea
            {...getTextareaProps(fields.description)}
            key={fields.description.key}
            label="Om plassen (valgfritt)"
            description="Hva kandidaten skal gjøre, og hvordan en vanlig dag ser ut. Ikke skriv noe om helse."
            maxLength={4000}
            error={fields.description.errors?.[0]}
          />
        </VStack>
      </Fieldset>

      <Fieldset legend="Arbeidstid" description={hoursHint}>
        <VStack gap="space-16">
          <HGrid gap="space-16" columns={{ xs: 1, sm: 2 }}>
            <TextField
              {...getInputProps(fields.hoursMin, { type: 'text' })}
              key={fields.hoursMin.key}
              label="Minst timer per uke"
              inputMode="decimal"
              htmlSize={6}
              error={fields.hoursMin.errors?.[0]}
            />
            <TextField
              {...getInputProps(fields.hoursMax, { type: 'text' })}
              key={fields.hoursMax.key}
              label="Maks timer per uke"
              inputMode="decimal"
              htmlSize={6}
              error={fields.hoursMax.errors?.[0]}
            />
          </HGrid>
          <ScheduleFields timesOfDay={fields.timesOfDay} days={fields.days} legend="Når jobbes det?" />
          <Textarea
            {...getTextareaProps(fields.flexibility)}
            key={fields.flexibility.key}
            label="Fleksibilitet (valgfritt)"
            description="For eksempel «Start kl. 9 eller 10, kortere dager de første ukene»."
            maxLength={1000}
            error={fields.flexibility.errors?.[0]}
          />
        </VStack>
      </Fieldset>

      <GroupedCheckboxesField
        field={fields.accommodations}
        legend="Tilrettelegging arbeidsplassen kan tilby (valgfritt)"
        description="Kryss av for behovene dere kan møte. Kandidatene bruker den samme listen når de forteller hva de trenger, så vi kan finne dem som passer hos dere."
        groups={accommodationGroups}
      />

      <RadioField
        field={fields.mentorAvailable}
        legend="Finnes det en fast kollega som kan følge opp (mentor)?"
        description="En kollega kandidaten kan spørre, og som viser hvordan arbeidet gjøres. NAV kan betale for tiden med mentortilskudd."
        options={yesNoOptions}
      />

      <CheckboxesField
        field={fields.measures}
        legend="Virkemidler dere er åpne for (valgfritt)"
        description="Veilederen avklarer hva kandidaten har rett på. Et kryss her betyr bare at dere er åpne for det."
        options={measureOptions.map((option) => ({ ...option, description: measureDescriptions[option.code] }))}
      />

      <Fieldset legend="Oppstart og varighet">
        <HGrid gap="space-16" columns={{ xs: 1, sm: 3 }}>
          <TextField
            {...getInputProps(fields.startDate, { type: 'text' })}
            key={fields.startDate.key}
            label="Startdato"
            description="Tidligste dato, dd.mm.åååå."
            htmlSize={12}
            error={fields.startDate.errors?.[0]}
          />
          <TextField
            {...getInputProps(fields.durationWeeks, { type: 'text' })}
            key={fields.durationWeeks.key}
            label="Varighet i uker (valgfritt)"
            description="Tomt betyr ingen fast slutt."
            inputMode="numeric"
            htmlSize={6}
            error={fields.durationWeeks.errors?.[0]}
          />
          <TextField
            {...getInputProps(fields.places, { type: 'text' })}
            key={fields.places.key}
            label="Antall plasser"
            inputMode="numeric"
            htmlSize={4}
            error={fields.places.errors?.[0]}
          />
        </HGrid>
      </Fieldset>

      <RadioField
        field={fields.hireProspect}
        legend="Kan det bli ansettelse?"
        description="Svar ærlig. Kandidaten og veilederen planlegger ut fra svaret."
        options={hireProspectOptions.map((option) => ({ code: option.code, name: hireProspectNames[option.code] ?? option.code, description: option.name }))}
      />

      <Fieldset legend="Kontaktperson på arbeidsplassen" description="Den kandidaten og veilederen skal snakke med.">
        <HGrid gap="space-16" columns={{ xs: 1, sm: 3 }}>
          <TextField
            {...getInputProps(fields.contactName, { type: 'text' })}
            key={fields.contactName.key}
            label="Kontaktperson"
            autoComplete="name"
            error={fields.contactName.errors?.[0]}
          />
          <TextField
            {...getInputProps(fields.contactPhone, { type: 'tel' })}
            key={fields.contactPhone.key}
            label="Telefon (valgfritt)"
            autoComplete="tel"
            error={fields.contactPhone.errors?.[0]}
          />
          <TextField
            {...getInputProps(fields.contactEmail, { type: 'email' })}
            key={fields.contactEmail.key}
            label="E-post (valgfritt)"
            autoComplete="email"
            error={fields.contactEmail.errors?.[0]}
          />
        </HGrid>
      </Fieldset>
    </VStack>
  )
}

export const hireProspectNames: Record<string, string> = { JA: 'Ja', KANSKJE: 'Kanskje', NEI: 'Nei' }
