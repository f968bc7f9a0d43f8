import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { Alert, BodyLong, BodyShort, Button, Fieldset, Heading, HGrid, Link, Select, Table, Textarea, TextField, VStack } from '@navikt/ds-react'
import { Form, Link as RemixLink } from '@remix-run/react'
import type { ReactNode } from 'react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import type { CaseStatus } from '~/modules/case-flow'
import { useSchemaForm } from '~/utils/use-schema-form'
import { MAX_MEETING_POINTS, trialAgreementFormDefaults, trialAgreementSchema } from '~/utils/trial-agreement-form'
import { norwegianDate } from '~/utils/opening-form'
import { Facts } from './admin/facts'
import { CasePageHeader } from './case-panel'
import { CheckboxesField } from './choice-fields'
import { formatHours } from './employer-labels'
import { ActionError, FormErrors } from './form-errors'
import { formatOsloDateTime } from './labels'

/** The agreement as the loaders send it (dates as ISO strings). */
export type TrialAgreementData = {
  goals: string
  taskIds: string[]
  otherTasks: string
  startDate: string
  endDate: string
  meetingPoints: { meetsOn: string; note: string }[]
  employerContactName: string
  employerContactPhone: string
  employerContactEmail: string
  employerContactUserId: string | null
  employerContactUserName: string | null
  accommodationPromises: string
  createdByName: string
  updatedByName: string
  updatedAt: string
  version: number
  followUps: { dueOn: string; notifiedAt: string | null; skipped: boolean; doneAt: string | null; doneByName: string | null }[]
}

export type TrialPageData = {
  agreement: TrialAgreementData | null
  carvedTasks: { id: string; name: string; hoursPerWeek: number }[]
  navContact: { name: string; email: string } | null
  members: { userId: string; name: string }[]
  fallback: { contactName: string; contactPhone: string; contactEmail: string; taskIds: string[]; employerContactUserId: string | null }
  editable: boolean
}

/** The case a trial page belongs to, for its header, and why the agreement cannot be changed when the form is not shown. */
export type TrialPageCase = { caseId: string; candidateLabel: string; openingTitle: string; status: CaseStatus; lockedReason: string }

const contactLine = (parts: string[]) => parts.filter(Boolean).join(', ')

/** The saved agreement, read-only: what both sides agreed and who is whose contact. */
export function TrialAgreementView({ data, side }: { data: TrialPageData & { agreement: TrialAgreementData }; side: 'staff' | 'employer' }) {
  const { agreement } = data
  const tasks = data.carvedTasks.filter((task) => agreement.taskIds.includes(task.id))
  return (
    <VStack gap="space-16" as="section" aria-labelledby="trial-agreement">
      <Heading level="2" size="medium" id="trial-agreement">
        Avtalen
      </Heading>
      <Facts
        items={[
          ['Periode', `${norwegianDate(agreement.startDate)} – ${norwegianDate(agreement.endDate)}`],
          ['Kontaktperson hos arbeidsgiver', contactLine([agreement.employerContactName, agreement.employerContactPhone, agreement.employerContactEmail])],
          ['Kontaktperson i NAV', data.navContact ? contactLine([data.navContact.name, data.navContact.email]) : 'Ikke tildelt ennå (saken ligger i kontorets kø)'],
          ...(side === 'employer' || agreement.employerContactUserName
            ? [['Varsler om oppfølging hos arbeidsgiver', agreement.employerContactUserName ?? 'Ingen valgt'] as [string, string]]
            : []),
          ['Sist endret', `${formatOsloDateTime(agreement.updatedAt)} av ${agreement.updatedByName}`],
        ]}
      />
      <VStack gap="space-4">
        <BodyShort weight="semibold">Mål</BodyShort>
        <BodyLong className="preserve-lines">{agreement.goals}</BodyLong>
      </VStack>
      <VStack gap="space-4">
        <BodyShort weight="semibold">Oppgaver</BodyShort>
        {tasks.length > 0 ? (
          <ul>
            {tasks.map((task) => (
              <li key={task.id}>
                {task.name} ({formatHours(task.hoursPerWeek)} t/uke)
              </li>
            ))}
          </ul>
        ) : null}
        {agreement.otherTasks ? <BodyLong className="preserve-lines">{agreement.otherTasks}</BodyLong> : null}
      </VStack>
      <VStack gap="space-4">
        <BodyShort weight="semibold">Tilretteleggingsgaranti – dette lover NAV</BodyShort>
        <BodyLong className="preserve-lines">{agreement.accommodationPromises || 'Ingen løfter er skrevet inn.'}</BodyLong>
      </VStack>
      <VStack gap="space-4">
        <BodyShort weight="semibold">Møtepunkter</BodyShort>
        {agreement.meetingPoints.length > 0 ? (
          <ul>
            {agreement.meetingPoints.map((point, index) => (
              <li key={index}>
                {norwegianDate(point.meetsOn)}: {point.note}
              </li>
            ))}
          </ul>
        ) : (
          <BodyShort>Ingen møtepunkter er avtalt.</BodyShort>
        )}
      </VStack>
    </VStack>
  )
}

function followUpState(followUp: TrialAgreementData['followUps'][number]): string {
  if (followUp.doneAt) return `Gjennomført${followUp.doneByName ? ` (${followUp.doneByName})` : ''}`
  if (followUp.skipped) return 'Hoppet over (en senere dato ble varslet)'
  if (followUp.notifiedAt) return `Varslet ${formatOsloDateTime(followUp.notifiedAt)}`
  return 'Planlagt'
}

/**
 * The follow-up dates (two weeks after the start, then every two weeks), with what happened to each. NAV can record
 * that one was held; `onHeld` gives the form for that, or nothing on the employer's page.
 */
export function FollowUpList({ followUps, canRecord }: { followUps: TrialAgreementData['followUps']; canRecord: boolean }) {
  return (
    <VStack gap="space-8" as="section" aria-labelledby="trial-follow-ups">
      <Heading level="2" size="medium" id="trial-follow-ups">
        Oppfølging
      </Heading>
      <BodyShort>
        NAV følger opp to uker etter start og deretter annenhver uke til utprøvingen slutter. Begge kontaktpersonene får et
        varsel når det er tid.
      </BodyShort>
      {followUps.length === 0 ? (
        <BodyShort>Ingen oppfølgingsdatoer ennå.</BodyShort>
      ) : (
        <Table size="small">
          <caption className="navds-sr-only">Oppfølgingsdatoer</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Dato</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
              {canRecord ? <Table.HeaderCell scope="col">Registrer</Table.HeaderCell> : null}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {followUps.map((followUp) => (
              <Table.Row key={followUp.dueOn}>
                <Table.DataCell>{norwegianDate(followUp.dueOn)}</Table.DataCell>
                <Table.DataCell>{followUpState(followUp)}</Table.DataCell>
                {canRecord ? (
                  <Table.DataCell>
                    {followUp.doneAt ? null : (
                      <Form method="post">
                        <AuthenticityTokenInput />
                        <input type="hidden" name="intent" value="followUpHeld" />
                        <input type="hidden" name="dueOn" value={followUp.dueOn} />
                        <Button type="submit" size="small" variant="secondary">
                          Oppfølgingen er gjennomført
                        </Button>
                      </Form>
                    )}
                  </Table.DataCell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </VStack>
  )
}

/**
 * The agreement form, the same on both sides. It posts the version it was opened at, so a save made from a page
 * older than the other side's is refused with a message and what was typed comes back. Works without JavaScript:
 * the meeting points are a fixed number of rows, and empty rows are ignored.
 */
export function TrialAgreementForm({
  data,
  side,
  lastResult,
}: {
  data: TrialPageData
  side: 'staff' | 'employer'
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const schema = trialAgreementSchema()
  const defaults = trialAgreementFormDefaults(data.agreement ?? undefined, data.fallback)
  const rows = Math.min(MAX_MEETING_POINTS, Math.max(3, defaults.meetingPoints.length + 2))
  const [form, fields] = useSchemaForm(schema, {
    id: `utproving-${data.agreement?.version ?? 0}`,
    lastResult,
    defaultValue: {
      ...defaults,
      meetingPoints: [...defaults.meetingPoints, ...Array.from({ length: rows - defaults.meetingPoints.length }, () => ({ meetsOn: '', note: '' }))],
    },
  })
  const meetingRows = fields.meetingPoints.getFieldList()
  return (
    <Form method="post" {...getFormProps(form)}>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="save" />
      <input {...getInputProps(fields.version, { type: 'hidden' })} key={fields.version.key} />
      <VStack gap="space-32" className="form-wide">
        <Heading level="2" size="medium">
          {data.agreement ? 'Endre avtalen' : 'Skriv avtalen'}
        </Heading>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Textarea
          {...getTextareaProps(fields.goals)}
          key={fields.goals.key}
          label="Mål for utprøvingen"
          description="Hva dere vil finne ut av eller oppnå, i kandidatens og arbeidsplassens egne ord. Ikke skriv noe om helse."
          maxLength={2000}
          error={fields.goals.errors?.[0]}
        />
        <Fieldset legend="Oppgaver" description="Velg oppgavene fra jobben kandidaten skal prøve, eller skriv dem inn selv." error={fields.taskIds.errors?.[0]}>
          <VStack gap="space-16">
            {data.carvedTasks.length > 0 ? (
              <CheckboxesField
                field={fields.taskIds}
                legend="Oppgaver fra den tilpassede jobben"
                options={data.carvedTasks.map((task) => ({ code: task.id, name: `${task.name} (${formatHours(task.hoursPerWeek)} t/uke)` }))}
              />
            ) : null}
            <Textarea
              {...getTextareaProps(fields.otherTasks)}
              key={fields.otherTasks.key}
              label={data.carvedTasks.length > 0 ? 'Andre oppgaver (valgfritt)' : 'Oppgaver'}
              maxLength={2000}
              minRows={2}
              error={fields.otherTasks.errors?.[0]}
            />
          </VStack>
        </Fieldset>
        <Fieldset legend="Periode">
          <HGrid gap="space-16" columns={{ xs: 1, sm: 2 }}>
            <TextField {...getInputProps(fields.startDate, { type: 'text' })} key={fields.startDate.key} label="Startdato" description="dd.mm.åååå" htmlSize={12} error={fields.startDate.errors?.[0]} />
            <TextField {...getInputProps(fields.endDate, { type: 'text' })} key={fields.endDate.key} label="Sluttdato" description="dd.mm.åååå" htmlSize={12} error={fields.endDate.errors?.[0]} />
          </HGrid>
        </Fieldset>
        <Fieldset legend="Møtepunkter (valgfritt)" description="For eksempel en midtveissamtale og en sluttevaluering. Tomme rader lagres ikke." error={fields.meetingPoints.errors?.[0]}>
          <VStack gap="space-8">
            {meetingRows.map((row, index) => {
              const point = row.getFieldset()
              return (
                <HGrid gap="space-16" columns={{ xs: 1, sm: '12rem 1fr' }} key={row.key}>
                  <TextField {...getInputProps(point.meetsOn, { type: 'text' })} key={point.meetsOn.key} label={`Dato, møte ${index + 1}`} htmlSize={12} error={point.meetsOn.errors?.[0]} />
                  <TextField {...getInputProps(point.note, { type: 'text' })} key={point.note.key} label={`Hva møtet gjelder, møte ${index + 1}`} maxLength={300} error={point.note.errors?.[0]} />
                </HGrid>
              )
            })}
          </VStack>
        </Fieldset>
        <Fieldset legend="Kontaktperson på arbeidsplassen" description="Den kandidaten og NAV snakker med i utprøvingen.">
          <VStack gap="space-16">
            <HGrid gap="space-16" columns={{ xs: 1, sm: 3 }}>
              <TextField {...getInputProps(fields.employerContactName, { type: 'text' })} key={fields.employerContactName.key} label="Navn" autoComplete="off" error={fields.employerContactName.errors?.[0]} />
              <TextField {...getInputProps(fields.employerContactPhone, { type: 'tel' })} key={fields.employerContactPhone.key} label="Telefon (valgfritt)" autoComplete="off" error={fields.employerContactPhone.errors?.[0]} />
              <TextField {...getInputProps(fields.employerContactEmail, { type: 'email' })} key={fields.employerContactEmail.key} label="E-post (valgfritt)" autoComplete="off" error={fields.employerContactEmail.errors?.[0]} />
            </HGrid>
            {side === 'employer' ? (
              <Select
                {...getSelectProps(fields.employerContactUserId)}
                key={fields.employerContactUserId.key}
                label="Hvem hos dere får varsel om oppfølgingene?"
                description="Varselet kommer i innboksen og på e-post, uten personopplysninger."
                error={fields.employerContactUserId.errors?.[0]}
              >
                <option value="">Ingen</option>
                {data.members.map((member) => (
                  <option key={member.userId} value={member.userId}>
                    {member.name}
                  </option>
                ))}
              </Select>
            ) : null}
          </VStack>
        </Fieldset>
        <Textarea
          {...getTextareaProps(fields.accommodationPromises)}
          key={fields.accommodationPromises.key}
          label="Tilretteleggingsgaranti: dette lover NAV (valgfritt)"
          description="Skriftlige løfter til arbeidsgiveren: fast kontaktperson, hvor ofte NAV følger opp, hjelpemidler og tilskudd."
          maxLength={2000}
          error={fields.accommodationPromises.errors?.[0]}
        />
        <div>
          <Button type="submit">{data.agreement ? 'Lagre endringene' : 'Lagre avtalen'}</Button>
        </div>
      </VStack>
    </Form>
  )
}

/** What the page says when the agreement cannot be changed (any more, or yet). */
export function AgreementLockedNote({ hasAgreement, reason }: { hasAgreement: boolean; reason: string }) {
  return <Alert variant="info">{hasAgreement ? reason : `Det er ingen avtale om utprøving i denne saken. ${reason}`}</Alert>
}

/**
 * The employer's one click to end a running trial: a reason, then the button. The step is the case flow's «end
 * without hire», so NAV's specialist is told at once and the reason is in the case history.
 */
export function EndTrialForm({ version, failed, action }: { version: number; failed: { reason: string; error: string } | undefined; action?: string }) {
  return (
    <Form method="post" action={action} className="form-narrow">
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="endTrial" />
      <input type="hidden" name="version" value={version} />
      <VStack gap="space-8" as="section" aria-labelledby="end-trial">
        <Heading level="2" size="medium" id="end-trial">
          Avslutt utprøvingen
        </Heading>
        <BodyShort>
          Dere kan avslutte når som helst. Skriv kort hvorfor, så kan jobbspesialisten følge opp kandidaten og finne noe som
          passer bedre. Jobbspesialisten får beskjed med en gang.
        </BodyShort>
        <Textarea
          label="Hvorfor avslutter dere?"
          name="reason"
          maxLength={1000}
          minRows={2}
          defaultValue={failed?.reason ?? ''}
          error={failed?.error}
        />
        <div>
          <Button type="submit" variant="danger">
            Avslutt utprøvingen
          </Button>
        </div>
      </VStack>
    </Form>
  )
}

/**
 * The trial page of a case, the same on both sides: the agreement and its follow-ups, the form while it can be
 * changed (or why not), and the way back to the case. `error` is a refused follow-up; `children` come after the form.
 */
export function TrialAgreementPage({
  data,
  side,
  caseHref,
  notice,
  lastResult,
  canRecordFollowUps,
  error,
  children,
}: {
  data: TrialPageData & TrialPageCase
  side: 'staff' | 'employer'
  caseHref: string
  notice: string | undefined
  lastResult: SubmissionResult<string[]> | null | undefined
  canRecordFollowUps: boolean
  error?: string | null
  children?: ReactNode
}) {
  return (
    <VStack gap="space-24">
      <CasePageHeader back={{ to: caseHref, label: 'Saken' }} title={`Utprøving: ${data.candidateLabel} – ${data.openingTitle}`} status={data.status} notice={notice} />
      <ActionError error={error} />
      {data.agreement ? <TrialAgreementView data={{ ...data, agreement: data.agreement }} side={side} /> : null}
      {data.agreement ? <FollowUpList followUps={data.agreement.followUps} canRecord={canRecordFollowUps} /> : null}
      {data.editable ? (
        <TrialAgreementForm data={data} side={side} lastResult={lastResult} />
      ) : (
        <AgreementLockedNote hasAgreement={data.agreement !== null} reason={data.lockedReason} />
      )}
      {children}
      <BodyShort>
        <Link as={RemixLink} to={caseHref}>
          Tilbake til saken
        </Link>
      </BodyShort>
    </VStack>
  )
}

/** The case page's way to the trial: the agreement and follow-ups, and on the employer's side the button that ends it. */
export function TrialSection({
  href,
  trial,
  endTrial,
}: {
  href: string
  trial: { hasAgreement: boolean; editable: boolean; running: boolean }
  /** The employer's page: the case version, for the one-click end of a running trial. */
  endTrial?: { version: number }
}) {
  if (!trial.hasAgreement && !trial.editable) return null
  return (
    <VStack gap="space-16" as="section" aria-labelledby="case-trial">
      <Heading level="2" size="small" id="case-trial">
        Utprøving
      </Heading>
      <BodyShort>
        <Link as={RemixLink} to={href}>
          {trial.hasAgreement ? 'Se avtalen om utprøving og oppfølgingsdatoene' : 'Skriv avtalen om utprøving'}
        </Link>
      </BodyShort>
      {endTrial && trial.running ? <EndTrialForm version={endTrial.version} failed={undefined} action={href} /> : null}
    </VStack>
  )
}

/**
 * The case actions an employer gets on the case page: while the trial runs, ending it without a hire is the «Avslutt
 * utprøvingen» button of TrialSection, so the general «Avslutt uten ansettelse» is not offered twice.
 */
export const employerCaseActions = <A extends string>(actions: A[], running: boolean): A[] =>
  running ? actions.filter((action) => action !== 'endWithoutHire') : actions
