import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { Alert, BodyShort, Button, Checkbox, CheckboxGroup, Fieldset, Heading, HGrid, Select, Textarea, TextField, VStack } from '@navikt/ds-react'
import { Form } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { calendarDateProblem, isoDateFromNorwegian } from '~/utils/opening-form'
import { boundedList, optionalText, plainText } from '~/utils/form-text'
import { useSchemaForm } from '~/utils/use-schema-form'
import { stringList } from './choice-fields'
import { FormErrors } from './form-errors'

// The matching meeting's forms and the schemas both the browser (conform) and the action parse them with.

const DAY_MS = 86_400_000
/** A meeting may be registered afterwards, but not years off: a year typed wrong is caught instead of stored. */
const MEETING_DAYS_BACK = 366
const MEETING_DAYS_AHEAD = 2 * 366

const DATE_FORMAT_MESSAGE = 'Skriv datoen som dd.mm.åååå, for eksempel 15.01.2027.'

/**
 * A date as Norwegians write it (15.1.2027 or 15.01.2027), as an ISO date. Unlike the opening form, an ISO date typed
 * by hand is refused too: the page asks for one format and says which.
 */
function typedDate(missing: string) {
  return z
    .string({ required_error: missing })
    .trim()
    .min(1, missing)
    .transform((typed, context) => {
      const iso = /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(typed) ? String(isoDateFromNorwegian(typed)) : undefined
      const problem = iso === undefined ? DATE_FORMAT_MESSAGE : calendarDateProblem(iso)
      if (iso === undefined || problem) {
        context.addIssue({ code: 'custom', message: problem ?? DATE_FORMAT_MESSAGE })
        return z.NEVER
      }
      return iso
    })
}

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== ''
const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS

/** "9:30", "09.30" and "0930" as people type them, or undefined for anything that is not a time of day. */
export function clockTimeFromInput(value: string): string | undefined {
  const match = value.trim().match(/^(?:kl\.?\s*)?(\d{1,2})[:.]?(\d{2})$/i)
  if (!match) return undefined
  const hours = Number(match[1])
  const minutes = Number(match[2])
  if (hours > 23 || minutes > 59) return undefined
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}

/** Where the meeting is for: a county of the region, or one office (and so its county). */
export const meetingPlaceValue = {
  county: (countyNumber: string) => `fylke-${countyNumber}`,
  office: (officeId: string) => `kontor-${officeId}`,
}
const placePattern = /^(fylke-\d{2}|kontor-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i

export function parseMeetingPlace(value: string): { kind: 'county'; countyNumber: string } | { kind: 'office'; officeId: string } {
  return value.startsWith('fylke-') ? { kind: 'county', countyNumber: value.slice('fylke-'.length) } : { kind: 'office', officeId: value.slice('kontor-'.length) }
}

/** The new-meeting form. `today` is the Norwegian calendar date the range of allowed dates is counted from. */
export function newMeetingSchema(today: string) {
  return z.object({
    title: plainText(
      z.string({ required_error: 'Gi møtet en tittel, for eksempel «Matchemøte Oslo øst».' }).trim().min(2, 'Tittelen må ha minst to tegn.').max(200, 'Høyst 200 tegn.'),
    ),
    meetsOn: typedDate('Skriv datoen for møtet som dd.mm.åååå.').superRefine((date, context) => {
      const offset = daysBetween(today, date)
      if (offset < -MEETING_DAYS_BACK || offset > MEETING_DAYS_AHEAD) {
        context.addIssue({ code: 'custom', message: 'Velg en dato innen ett år tilbake og to år fram.' })
      }
    }),
    startsAt: z
      .string({ required_error: 'Skriv når møtet starter, for eksempel 09:00.' })
      .trim()
      .transform((value, context) => {
        const time = clockTimeFromInput(value)
        if (!time) {
          context.addIssue({ code: 'custom', message: 'Skriv klokkeslettet som tt:mm, for eksempel 09:00.' })
          return z.NEVER
        }
        return time
      }),
    place: z
      .string({ required_error: 'Velg fylket eller kontoret møtet gjelder.' })
      .regex(placePattern, 'Velg fylket eller kontoret møtet gjelder.'),
    participantIds: boundedList(
      z
        .array(z.string().uuid('Ukjent deltaker. Last siden på nytt.'), { required_error: 'Velg minst én deltaker.' })
        .min(1, 'Velg minst én deltaker.')
        .max(50, 'Høyst 50 deltakere.'),
    ),
  })
}
export type NewMeetingValue = z.infer<ReturnType<typeof newMeetingSchema>>

const optionalUuid = (message: string) => z.preprocess((value) => (value === '' ? undefined : value), z.string().uuid(message).optional())

/**
 * One entry in the minutes. Checks across fields run on the raw form (as in opening-form.ts), so every message shows
 * at once instead of one after the other.
 */
export function minuteSchema(today: string) {
  const fields = z.object({
    candidateId: optionalUuid('Ukjent kandidat. Last siden på nytt.'),
    openingId: optionalUuid('Ukjent stilling. Last siden på nytt.'),
    decision: plainText(z.string({ required_error: 'Skriv hva dere ble enige om.' }).trim().min(1, 'Skriv hva dere ble enige om.').max(2000, 'Høyst 2000 tegn.')),
    nextStep: optionalText(500),
    responsibleUserId: optionalUuid('Velg en person fra listen.'),
    dueOn: z.preprocess(
      (value) => (value === '' ? undefined : value),
      typedDate('Skriv fristen som dd.mm.åååå.')
        .refine((date) => date >= today, 'Fristen kan ikke være tilbake i tid.')
        .optional(),
    ),
    correctsMinuteId: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.coerce.number({ invalid_type_error: 'Velg en oppføring fra listen.' }).int('Velg en oppføring fra listen.').positive('Velg en oppføring fra listen.').optional(),
    ),
  })
  const checked = z.preprocess((raw, context) => {
    const form = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
    if (!filled(form.candidateId) && !filled(form.openingId)) {
      context.addIssue({ code: 'custom', path: [], message: 'Velg kandidaten eller stillingen oppføringen gjelder.' })
    }
    if (filled(form.nextStep) && !filled(form.responsibleUserId)) {
      context.addIssue({ code: 'custom', path: ['responsibleUserId'], message: 'Velg hvem som har ansvar for neste steg.' })
    }
    if (filled(form.dueOn) && !filled(form.nextStep)) {
      context.addIssue({ code: 'custom', path: ['nextStep'], message: 'Skriv neste steg før du setter en frist.' })
    }
    return raw
  }, fields)
  // z.preprocess types its input as unknown; the form's fields are those of the object it wraps.
  return checked as unknown as z.ZodEffects<typeof fields>
}
export type MinuteValue = z.infer<ReturnType<typeof minuteSchema>>

// ---------------------------------------------------------------------------------------------
// Creating a meeting

export type NewMeetingOptions = {
  counties: { number: string; name: string }[]
  offices: { id: string; name: string; countyName: string }[]
  staff: { userId: string; name: string; officeName: string | null; roleNames: string }[]
  defaults: { place: string; participantIds: string[] }
  today: string
}

export function NewMeetingForm({ options, lastResult }: { options: NewMeetingOptions; lastResult: SubmissionResult<string[]> | null | undefined }) {
  const [form, fields] = useSchemaForm(newMeetingSchema(options.today), {
    id: 'nytt-matchemote',
    lastResult,
    defaultValue: { title: '', meetsOn: '', startsAt: '09:00', place: options.defaults.place, participantIds: options.defaults.participantIds },
  })
  const byOffice = new Map<string, NewMeetingOptions['staff']>()
  for (const person of options.staff) {
    const office = person.officeName ?? 'Uten kontor'
    byOffice.set(office, [...(byOffice.get(office) ?? []), person])
  }
  const chosen = stringList(fields.participantIds.initialValue)
  return (
    <Form method="post" {...getFormProps(form)}>
      <AuthenticityTokenInput />
      <VStack gap="space-24" className="form-wide">
        <Heading level="2" size="medium">
          Nytt matchemøte
        </Heading>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField {...getInputProps(fields.title, { type: 'text' })} key={fields.title.key} label="Tittel" maxLength={200} error={fields.title.errors?.[0]} />
        <HGrid gap="space-16" columns={{ xs: 1, sm: 2 }}>
          <TextField
            {...getInputProps(fields.meetsOn, { type: 'text' })}
            key={fields.meetsOn.key}
            label="Dato"
            description="dd.mm.åååå"
            htmlSize={12}
            autoComplete="off"
            error={fields.meetsOn.errors?.[0]}
          />
          <TextField
            {...getInputProps(fields.startsAt, { type: 'text' })}
            key={fields.startsAt.key}
            label="Klokkeslett"
            description="tt:mm"
            htmlSize={8}
            autoComplete="off"
            error={fields.startsAt.errors?.[0]}
          />
        </HGrid>
        <Select
          {...getSelectProps(fields.place)}
          key={fields.place.key}
          label="Fylke eller kontor"
          description="Møtet går gjennom publiserte stillinger i fylket. Alle som jobber med fylket kan åpne det."
          error={fields.place.errors?.[0]}
        >
          <optgroup label="Fylker">
            {options.counties.map((county) => (
              <option key={county.number} value={meetingPlaceValue.county(county.number)}>
                {county.name}
              </option>
            ))}
          </optgroup>
          {options.offices.length > 0 ? (
            <optgroup label="Kontorer">
              {options.offices.map((office) => (
                <option key={office.id} value={meetingPlaceValue.office(office.id)}>
                  {office.name} ({office.countyName})
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
        <Fieldset
          legend="Deltakere"
          description="Ansatte som jobber med fylket. Deltakerne og du som oppretter møtet kan legge til kandidater og stillinger og skrive referat."
          error={fields.participantIds.errors?.[0]}
        >
          <VStack gap="space-16">
            {[...byOffice.entries()].map(([office, people]) => (
              <CheckboxGroup key={`${office}-${fields.participantIds.key ?? ''}`} legend={office} size="small" defaultValue={chosen}>
                {people.map((person) => (
                  <Checkbox key={person.userId} name={fields.participantIds.name} value={person.userId} description={person.roleNames}>
                    {person.name}
                  </Checkbox>
                ))}
              </CheckboxGroup>
            ))}
          </VStack>
        </Fieldset>
        <div>
          <Button type="submit">Opprett møtet</Button>
        </div>
      </VStack>
    </Form>
  )
}

// ---------------------------------------------------------------------------------------------
// Running a meeting

/** Which of the page's forms a reply belongs to, so only that one shows the messages and what was typed. */
export type MeetingFormKey = string
export const minuteFormKey = {
  candidate: (candidateId: string) => `kandidat-${candidateId}`,
  opening: (openingId: string) => `stilling-${openingId}`,
  general: 'referat',
}

export type MinuteFormChoices = {
  candidates: { id: string; label: string }[]
  openings: { id: string; title: string }[]
  responsible: { userId: string; name: string }[]
  /** Earlier entries a new one may correct, with a short description each. */
  earlier: { id: number; text: string }[]
}

/**
 * One entry in the minutes, about a candidate (`fixed.candidateId`), an opening (`fixed.openingId`) or, with neither,
 * whichever the writer chooses. `generation` changes when the entries change, so a saved form starts empty again.
 */
export function MinuteForm({
  formKey,
  fixed,
  choices,
  currentUserId,
  today,
  generation,
  lastResult,
  heading,
  headingLevel = '4',
}: {
  formKey: MeetingFormKey
  fixed: { candidateId?: string; openingId?: string }
  choices: MinuteFormChoices
  currentUserId: string
  today: string
  generation: number
  lastResult: SubmissionResult<string[]> | null | undefined
  heading: string
  headingLevel?: '3' | '4'
}) {
  const [form, fields] = useSchemaForm(minuteSchema(today), {
    id: `referat-${formKey}-${generation}`,
    lastResult,
    defaultValue: {
      candidateId: fixed.candidateId ?? '',
      openingId: fixed.openingId ?? '',
      decision: '',
      nextStep: '',
      responsibleUserId: choices.responsible.some((person) => person.userId === currentUserId) ? currentUserId : '',
      dueOn: '',
      correctsMinuteId: '',
    },
  })
  const headingId = `${form.id}-heading`
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby={headingId}>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="minute" />
      <input type="hidden" name="form" value={formKey} />
      <VStack gap="space-12">
        <Heading level={headingLevel} size="xsmall" id={headingId}>
          {heading}
        </Heading>
        <FormErrors errors={form.errors} id={form.errorId} />
        {fixed.candidateId ? (
          <input type="hidden" name={fields.candidateId.name} value={fixed.candidateId} />
        ) : (
          <Select {...getSelectProps(fields.candidateId)} key={fields.candidateId.key} label={fixed.openingId ? 'Kandidat (valgfritt)' : 'Kandidat'} error={fields.candidateId.errors?.[0]}>
            <option value="">{fixed.openingId ? 'Gjelder hele stillingen' : 'Ingen kandidat'}</option>
            {choices.candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label}
              </option>
            ))}
          </Select>
        )}
        {fixed.openingId ? (
          <input type="hidden" name={fields.openingId.name} value={fixed.openingId} />
        ) : (
          <Select {...getSelectProps(fields.openingId)} key={fields.openingId.key} label={fixed.candidateId ? 'Stilling (valgfritt)' : 'Stilling'} error={fields.openingId.errors?.[0]}>
            <option value="">{fixed.candidateId ? 'Gjelder kandidaten generelt' : 'Ingen stilling'}</option>
            {choices.openings.map((opening) => (
              <option key={opening.id} value={opening.id}>
                {opening.title}
              </option>
            ))}
          </Select>
        )}
        <Textarea
          {...getTextareaProps(fields.decision)}
          key={fields.decision.key}
          label="Beslutning"
          description="Hva dere ble enige om. Skriv om kandidaten med kandidatnummeret, aldri navn eller helseopplysninger."
          maxLength={2000}
          minRows={2}
          error={fields.decision.errors?.[0]}
        />
        <HGrid gap="space-16" columns={{ xs: 1, md: '2fr 1fr 1fr' }}>
          <TextField {...getInputProps(fields.nextStep, { type: 'text' })} key={fields.nextStep.key} label="Neste steg (valgfritt)" maxLength={500} error={fields.nextStep.errors?.[0]} />
          <Select {...getSelectProps(fields.responsibleUserId)} key={fields.responsibleUserId.key} label="Ansvarlig" error={fields.responsibleUserId.errors?.[0]}>
            <option value="">Velg</option>
            {choices.responsible.map((person) => (
              <option key={person.userId} value={person.userId}>
                {person.name}
              </option>
            ))}
          </Select>
          <TextField
            {...getInputProps(fields.dueOn, { type: 'text' })}
            key={fields.dueOn.key}
            label="Frist (valgfritt)"
            description="dd.mm.åååå"
            htmlSize={12}
            autoComplete="off"
            error={fields.dueOn.errors?.[0]}
          />
        </HGrid>
        {choices.earlier.length > 0 ? (
          <Select
            {...getSelectProps(fields.correctsMinuteId)}
            key={fields.correctsMinuteId.key}
            label="Retter en tidligere oppføring (valgfritt)"
            description="Oppføringer endres ikke. En rettelse blir en ny oppføring som viser til den gamle."
            error={fields.correctsMinuteId.errors?.[0]}
          >
            <option value="">Nei, dette er en ny oppføring</option>
            {choices.earlier.map((entry) => (
              <option key={entry.id} value={String(entry.id)}>
                {entry.text}
              </option>
            ))}
          </Select>
        ) : null}
        <div>
          <Button type="submit" size="small" variant="secondary">
            Skriv i referatet
          </Button>
        </div>
      </VStack>
    </Form>
  )
}

/**
 * Adds a candidate or an opening from a list. `answer` is the action's reply to this form: a refusal on the field (with
 * the choice kept), or a calm note that the item was on the list already.
 */
export function AddToMeetingForm({
  intent,
  label,
  name,
  groups,
  submitLabel,
  answer,
  description,
  generation,
}: {
  intent: 'addCandidate' | 'addOpening'
  label: string
  name: 'candidateId' | 'openingId'
  groups: { label: string; options: { value: string; text: string }[] }[]
  submitLabel: string
  answer: { error?: string; notice?: string; value?: string } | null
  description?: string
  generation: number
}) {
  const fieldId = `${intent}-${name}`
  const empty = groups.every((group) => group.options.length === 0)
  return (
    <Form method="post" aria-label={submitLabel}>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value={intent} />
      <HGrid gap="space-16" columns={{ xs: 1, md: '1fr auto' }} align="end">
        <Select
          id={fieldId}
          name={name}
          label={label}
          description={description}
          defaultValue={answer?.error ? (answer.value ?? '') : ''}
          key={`${fieldId}-${generation}`}
          error={answer?.error}
          disabled={empty}
        >
          <option value="">{empty ? 'Ingen flere å legge til' : 'Velg'}</option>
          {groups
            .filter((group) => group.options.length > 0)
            .map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.text}
                  </option>
                ))}
              </optgroup>
            ))}
        </Select>
        <div>
          <Button type="submit" variant="secondary" disabled={empty}>
            {submitLabel}
          </Button>
        </div>
      </HGrid>
      {answer?.notice ? (
        <Alert variant="info" size="small" role="status">
          {answer.notice}
        </Alert>
      ) : null}
    </Form>
  )
}

/** A one-click add from a suggestion list (the same action as the list form above). */
export function AddSuggestionButton({ intent, name, value, about }: { intent: 'addCandidate' | 'addOpening'; name: 'candidateId' | 'openingId'; value: string; about: string }) {
  return (
    <Form method="post">
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={name} value={value} />
      <Button type="submit" size="xsmall" variant="tertiary">
        Legg til i møtet<span className="sr-only">: {about}</span>
      </Button>
    </Form>
  )
}

export function MarkHeldForm({ error }: { error?: string | null }) {
  return (
    <Form method="post" aria-labelledby="marker-holdt">
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="markHeld" />
      <VStack gap="space-8">
        <Heading level="2" size="medium" id="marker-holdt">
          Avslutt møtet
        </Heading>
        <BodyShort>Når møtet er holdt, vises referatet. Dere kan fortsatt skrive rettelser og tillegg i det etterpå.</BodyShort>
        <FormErrors errors={error ? [error] : undefined} />
        <div>
          <Button type="submit">Marker møtet som holdt</Button>
        </div>
      </VStack>
    </Form>
  )
}

/** The earlier entries a correction in one of the page's forms may point to: those about the same candidate or opening. */
export function earlierEntriesFor(
  minutes: { id: number; number: number; candidateId: string | null; openingId: string | null; decision: string }[],
  fixed: { candidateId?: string; openingId?: string },
): MinuteFormChoices['earlier'] {
  return minutes
    .filter((minute) => (!fixed.candidateId || minute.candidateId === fixed.candidateId) && (!fixed.openingId || minute.openingId === fixed.openingId))
    .map((minute) => ({ id: minute.id, text: `Nr. ${minute.number}: ${minute.decision.length > 60 ? `${minute.decision.slice(0, 57)}…` : minute.decision}` }))
}
