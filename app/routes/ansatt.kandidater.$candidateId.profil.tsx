import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { Alert, BodyShort, Checkbox, CheckboxGroup, Fieldset, HGrid, List, Select, Textarea, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { CheckboxesField, GroupedCheckboxesField, MunicipalityOptions, MunicipalitySelect, RadioField, stringList } from '~/components/choice-fields'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { FormActions } from '~/components/form-actions'
import { FormErrors } from '~/components/form-errors'
import { ScheduleFields } from '~/components/schedule-fields'
import { candidateProfile, namesForTextGuard, requireCandidateForStaff, saveCandidateProfile } from '~/modules/candidates.server'
import { requireStaff } from '~/utils/auth.server'
import { guardedProfileTexts, profileFormDefaults, profileInputFrom, profileSchema } from '~/utils/candidate-form'
import { requireValidCsrf } from '~/utils/csrf.server'
import { getSql } from '~/utils/db.server'
import { blockingFindings, checkFreeText, DIAGNOSIS_REASON, warningFindings } from '~/utils/text-guard'
import { useSchemaForm } from '~/utils/use-schema-form'
import { missingProfileParts, profilePartNames } from '../../matching/visibility'
import { findCandidate } from '../../prisma-free-sql/queries/candidates'
import { listCounties, listMunicipalities } from '../../prisma-free-sql/queries/geography'
import { occupationsByArea } from '../../prisma-free-sql/reference-data/styrk08'
import { accommodationGroups, measureOptions, taskCatalogue, taskGroupOptions } from '../../prisma-free-sql/reference-data/vocabulary'
import { candidateLabel, certificateOptions, educationLevelOptions, toleranceDimensions } from '../../search-index/candidate-document'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Profil for ${data?.label ?? 'kandidat'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const sql = getSql()
  const [profile, counties, municipalities] = await Promise.all([candidateProfile(candidate), listCounties(sql), listMunicipalities(sql)])
  return json({
    candidateId: candidate.id,
    label: candidateLabel(candidate.id),
    version: candidate.version,
    defaults: profileFormDefaults(profile, candidate.version),
    missing: missingProfileParts(profile).map((part) => profilePartNames[part]),
    counties,
    municipalities,
  })
}

type ProfileReply = { result: SubmissionResult<string[]>; warned: boolean; currentVersion?: number }

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: profileSchema })
  if (submission.status !== 'success') return json<ProfileReply>({ result: submission.reply(), warned: false }, { status: 400 })
  const value = submission.value

  // Nothing that could identify the candidate or name a diagnosis may reach the anonymised profile.
  const ownNames = await namesForTextGuard(candidate)
  const fieldErrors: Record<string, string[]> = {}
  let warned = false
  for (const name of guardedProfileTexts) {
    const findings = checkFreeText(value[name], { ownNames })
    const blocking = blockingFindings(findings)
    const warnings = value.diagnosisWarningSeen === 'ja' ? [] : warningFindings(findings)
    if (warnings.length > 0) warned = true
    const messages = [...blocking, ...warnings].map((finding) => finding.message)
    if (messages.length > 0) fieldErrors[name] = [messages.join(' ')]
  }
  if (Object.keys(fieldErrors).length > 0) {
    const formErrors = [
      warned
        ? `Teksten må endres før profilen lagres. ${DIAGNOSIS_REASON} Står det likevel noe som ikke er en diagnose, kryss av nederst og lagre igjen.`
        : 'Teksten må endres før profilen lagres: profilen skal være anonym.',
    ]
    return json<ProfileReply>({ result: submission.reply({ fieldErrors, formErrors }), warned }, { status: 400 })
  }

  const outcome = await saveCandidateProfile(user, candidate, value.version, profileInputFrom(value))
  if (outcome === 'stale') {
    const current = await findCandidate(getSql(), candidate.id)
    return json<ProfileReply>(
      {
        result: submission.reply({
          formErrors: ['Noen andre lagret profilen mens du skrev. Det du skrev er beholdt her. Lagre igjen for å erstatte den andres endringer.'],
        }),
        warned: false,
        currentVersion: current?.version,
      },
      { status: 409 },
    )
  }
  return redirect(`/ansatt/kandidater/${candidate.id}?melding=profil`)
}

const norwegianLevels = [
  { code: '0', name: 'Lite eller ingen' },
  { code: '1', name: 'Grunnleggende' },
  { code: '2', name: 'God' },
]
const policeCertificateOptions = [
  { code: 'ja', name: 'Ja' },
  { code: 'nei', name: 'Nei' },
  { code: 'uavklart', name: 'Ikke avklart' },
]
const taskGroups = taskGroupOptions.map((group) => ({
  ...group,
  options: taskCatalogue.filter((task) => task.group === group.code).map((task) => ({ code: task.code, name: task.name })),
}))
const occupationChoices = occupationsByArea.flatMap((area) => area.occupations)
const WORK_MUNICIPALITY_FIELDS = 4

export default function CandidateProfilePage() {
  const { candidateId, label, version, defaults, missing, counties, municipalities } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useSchemaForm(profileSchema, { id: `profil-${candidateId}`, lastResult: actionData?.result, defaultValue: defaults })
  const occupations = stringList(fields.occupations.initialValue)
  const occupationInputs = [...occupations, '', '', ''].slice(0, Math.max(3, occupations.length))
  const workMunicipalities = stringList(fields.workMunicipalities.initialValue)
  const back = `/ansatt/kandidater/${candidateId}`
  return (
    <VStack gap="space-24">
      <PageHeader back={{ to: back, label }} title="Profil">
        <BodyShort className="form-narrow">
          Skriv profilen sammen med kandidaten, med vekt på hva kandidaten kan og hva som hjelper. Arbeidsgivere ser den uten navn og
          kontaktopplysninger. Ingen diagnoser: beskriv behov, ikke årsaker.
        </BodyShort>
      </PageHeader>
      {searchParams.get('melding') === 'opprettet' ? (
        <Alert variant="success" role="status">
          Kandidaten er opprettet. Skriv profilen nå, eller fortsett senere.
        </Alert>
      ) : null}
      {missing.length > 0 ? (
        <Alert variant="info" size="small">
          Før profilen kan vises for arbeidsgivere mangler:
          <List size="small">
            {missing.map((part) => (
              <List.Item key={part}>{part}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <input type="hidden" name="version" value={actionData?.currentVersion ?? version} />
        <VStack gap="space-40">
          <FormErrors errors={form.errors} id={form.errorId} />

          <Fieldset legend="Presentasjon" className="form-narrow">
            <Textarea
              {...getTextareaProps(fields.pitch)}
              key={fields.pitch.key}
              label="Kort om kandidaten, med kandidatens egne ord"
              description="«Hva jeg kan, hva jeg liker, hva som hjelper meg.» Minst 40 tegn. Ikke navn, telefon, e-post, lenker eller diagnoser."
              maxLength={1000}
              minRows={4}
              error={fields.pitch.errors?.[0]}
            />
          </Fieldset>

          <VStack gap="space-16">
            <GroupedCheckboxesField
              field={fields.wantedTasks}
              legend="Oppgaver kandidaten ønsker"
              description="Fra oppgavekatalogen arbeidsgiverne bruker, så matchingen kan sammenligne oppgave for oppgave."
              groups={taskGroups}
            />
            <details>
              <summary>Oppgaver kandidaten også kan gjøre (valgfritt)</summary>
              <GroupedCheckboxesField field={fields.possibleTasks} legend="Oppgaver kandidaten også kan gjøre" groups={taskGroups} />
            </details>
            <Fieldset
              legend="Yrker (valgfritt)"
              description="Skriv for å søke i yrkeslisten (STYRK-08), og velg et forslag."
              className="form-narrow"
              error={fields.occupations.errors?.[0]}
            >
              <VStack gap="space-8">
                {occupationInputs.map((occupation, index) => {
                  const itemError = fields.occupations.allErrors[`${fields.occupations.name}[${index}]`]?.[0]
                  return (
                    <TextField
                      key={`${fields.occupations.key ?? ''}-${index}`}
                      label={`Yrke ${index + 1}`}
                      name={fields.occupations.name}
                      defaultValue={occupation}
                      list="styrk08-yrker"
                      autoComplete="off"
                      error={itemError}
                    />
                  )
                })}
              </VStack>
              <datalist id="styrk08-yrker">
                {occupationChoices.map((occupation) => (
                  <option key={occupation.code} value={`${occupation.code} ${occupation.name}`} />
                ))}
              </datalist>
            </Fieldset>
          </VStack>

          <Fieldset legend="Erfaring og utdanning" className="form-narrow">
            <VStack gap="space-16">
              <Textarea
                {...getTextareaProps(fields.workExperience)}
                key={fields.workExperience.key}
                label="Arbeidserfaring (valgfritt)"
                description="Hva kandidaten har gjort, for eksempel «Tre år på lager, mest varemottak». Ikke navn på personer."
                maxLength={2000}
                error={fields.workExperience.errors?.[0]}
              />
              <Textarea
                {...getTextareaProps(fields.informalCompetence)}
                key={fields.informalCompetence.key}
                label="Annen kompetanse (valgfritt)"
                description="Frivillig arbeid, ting kandidaten gjør hjemme eller på fritiden, for eksempel «Har pusset opp leiligheten selv»."
                maxLength={2000}
                error={fields.informalCompetence.errors?.[0]}
              />
              <RadioField field={fields.educationLevel} legend="Høyeste fullførte utdanning" options={educationLevelOptions} />
              <CheckboxesField field={fields.certificates} legend="Sertifikater og kurs (valgfritt)" options={certificateOptions} />
              <RadioField
                field={fields.canObtainPoliceCertificate}
                legend="Kan kandidaten skaffe politiattest?"
                description="Bare ja eller nei. Skriv aldri noe om hvorfor."
                options={policeCertificateOptions}
              />
            </VStack>
          </Fieldset>

          <Fieldset legend="Arbeidstid" className="form-narrow">
            <VStack gap="space-16">
              <HGrid gap="space-16" columns={{ xs: 1, sm: 2 }}>
                <TextField {...getInputProps(fields.hoursMin, { type: 'text' })} key={fields.hoursMin.key} label="Minst timer per uke" inputMode="decimal" error={fields.hoursMin.errors?.[0]} />
                <TextField {...getInputProps(fields.hoursMax, { type: 'text' })} key={fields.hoursMax.key} label="Maks timer per uke" inputMode="decimal" error={fields.hoursMax.errors?.[0]} />
              </HGrid>
              <CheckboxGroup legend="Gradvis økning" hideLegend defaultValue={stringList(fields.gradualIncrease.initialValue)} key={fields.gradualIncrease.key}>
                <Checkbox name={fields.gradualIncrease.name} value="ja">
                  Kandidaten vil begynne med få timer og øke gradvis
                </Checkbox>
              </CheckboxGroup>
              <ScheduleFields timesOfDay={fields.timesOfDay} days={fields.days} legend="Kan jobbe" />
              <TextField
                {...getInputProps(fields.earliestStart, { type: 'text' })}
                key={fields.earliestStart.key}
                label="Kan begynne"
                description="Dato som dd.mm.åååå."
                htmlSize={12}
                error={fields.earliestStart.errors?.[0]}
              />
            </VStack>
          </Fieldset>

          <Fieldset legend="Hvor" className="form-narrow">
            <VStack gap="space-16">
              <MunicipalitySelect
                field={fields.homeMunicipalityNumber}
                counties={counties}
                municipalities={municipalities}
                label="Bostedskommune"
                description="Arbeidsgivere ser kommunen bare når minst fem synlige kandidater bor der; ellers fylket."
              />
              <CheckboxesField
                field={fields.workCounties}
                legend="Kan jobbe i hele fylket"
                description="Velg fylker der hele fylket passer, eller enkeltkommuner under."
                options={counties.map((county) => ({ code: county.number, name: county.name }))}
              />
              <Fieldset legend="Kan jobbe i disse kommunene" description="Velg inntil fire." error={fields.workMunicipalities.errors?.[0]}>
                <HGrid gap="space-16" columns={{ xs: 1, sm: 2 }}>
                  {Array.from({ length: WORK_MUNICIPALITY_FIELDS }, (_, index) => (
                    <Select
                      key={`${fields.workMunicipalities.key ?? ''}-${index}`}
                      label={`Kommune ${index + 1}`}
                      name={fields.workMunicipalities.name}
                      defaultValue={workMunicipalities[index] ?? ''}
                    >
                      <option value="">Ingen valgt</option>
                      <MunicipalityOptions counties={counties} municipalities={municipalities} />
                    </Select>
                  ))}
                </HGrid>
              </Fieldset>
            </VStack>
          </Fieldset>

          <Fieldset
            legend="Hva kandidaten kan jobbe med"
            description="Det mest krevende kandidaten kan jobbe med på hvert område. Alt står på det høyeste til du endrer det."
          >
            <HGrid gap="space-16" columns={{ xs: 1, sm: 2, md: 3 }}>
              {toleranceDimensions.map((dimension) => {
                const field = fields[`tolerance_${dimension.code}` as keyof typeof fields] as { name: string; key?: string; initialValue?: unknown; errors?: string[] }
                return (
                  <Select
                    key={`${field.key ?? ''}-${dimension.code}`}
                    label={dimension.name}
                    name={field.name}
                    defaultValue={typeof field.initialValue === 'string' ? field.initialValue : '2'}
                    error={field.errors?.[0]}
                  >
                    {dimension.levels.map((levelName, index) => (
                      <option key={levelName} value={String(index)}>
                        {index === 2 ? `Alt, også ${levelName}` : `Høyst ${levelName}`}
                      </option>
                    ))}
                  </Select>
                )
              })}
            </HGrid>
          </Fieldset>

          <GroupedCheckboxesField
            field={fields.accommodationNeeds}
            legend="Dette hjelper kandidaten (tilrettelegging)"
            description="De samme kodene arbeidsgiverne krysser av for når de sier hva de kan tilby."
            groups={accommodationGroups}
          />

          <Fieldset legend="Norsk" className="form-narrow">
            <HGrid gap="space-16" columns={{ xs: 1, sm: 2 }}>
              <RadioField field={fields.oralNorwegian} legend="Muntlig" options={norwegianLevels} />
              <RadioField field={fields.writtenNorwegian} legend="Skriftlig" options={norwegianLevels} />
            </HGrid>
          </Fieldset>

          <CheckboxesField field={fields.measures} legend="Aktuelle virkemidler (valgfritt)" options={measureOptions} />

          {actionData?.warned ? (
            <CheckboxGroup legend="Advarsel om diagnoser" hideLegend>
              <Checkbox name={fields.diagnosisWarningSeen.name} value="ja">
                Jeg har lest advarselen. Teksten beskriver behov og ressurser, ikke diagnoser eller behandling.
              </Checkbox>
            </CheckboxGroup>
          ) : null}

          <FormActions submitLabel="Lagre profilen" cancelTo={back} />
        </VStack>
      </Form>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
