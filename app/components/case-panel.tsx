import { Alert, BodyShort, Button, Heading, HStack, Link, Table, Textarea, VStack } from '@navikt/ds-react'
import { Form, Link as RemixLink } from '@remix-run/react'
import type { ReactNode } from 'react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { actionLabel, actionNeedsReason, caseActions, caseStatusLabels, type CaseAction, type CaseStatus } from '~/modules/case-flow'
import { formatOsloDateTime } from './labels'
import { PageHeader } from './page-header'

export type CaseHistoryEntry = { action: string; toStatus: CaseStatus; actorName: string | null; reason: string; at: string }

function describeEvent(entry: CaseHistoryEntry): string {
  if (entry.action === 'open') return 'Saken ble opprettet'
  if (entry.action === 'take') return 'Saken ble tatt fra køen'
  if (entry.action === 'escalate') return 'Svarfristen gikk ut, og saken ble sendt til teamlederen'
  if (entry.action === 'trialAgreementCreated') return 'Avtalen om utprøving ble skrevet'
  if (entry.action === 'trialAgreementUpdated') return 'Avtalen om utprøving ble endret'
  if (entry.action === 'propose') return 'Kandidaten ble foreslått for arbeidsgiveren'
  // The verdict's reason holds the verdict itself and why (verdictEventReason), so it is the line, not a «Begrunnelse».
  if (entry.action === 'verdict') return `Arbeidsgiverens vurdering: ${entry.reason}`
  if ((caseActions as string[]).includes(entry.action)) return `${actionLabel(entry.action as CaseAction)} – ${caseStatusLabels[entry.toStatus]}`
  return caseStatusLabels[entry.toStatus]
}

/** Every step of the case with who took it and when, oldest first. */
export function CaseHistory({ history }: { history: CaseHistoryEntry[] }) {
  return (
    <VStack gap="space-8" as="section" aria-labelledby="case-history">
      <Heading level="2" size="small" id="case-history">
        Historikk
      </Heading>
      <ol className="case-history">
        {history.map((entry, index) => (
          <li key={index}>
            <BodyShort size="small">
              <strong>{formatOsloDateTime(entry.at)}</strong>: {describeEvent(entry)}
              {entry.actorName ? ` (${entry.actorName})` : ''}
            </BodyShort>
            {entry.reason && entry.action !== 'verdict' ? <BodyShort size="small">Begrunnelse: {entry.reason}</BodyShort> : null}
          </li>
        ))}
      </ol>
    </VStack>
  )
}

export type CaseActionError = { intent: string; reason: string; error: string }

/**
 * One form per next step, each carrying the version the page showed, so a repeated submit or a stale page is refused
 * by the server instead of moving the case twice. Steps that end the case ask for a reason. Works without JavaScript.
 */
export function CaseActions({ actions, version, failed }: { actions: CaseAction[]; version: number; failed: CaseActionError | undefined }) {
  if (actions.length === 0) return null
  return (
    <VStack gap="space-16" as="section" aria-labelledby="case-actions">
      <Heading level="2" size="small" id="case-actions">
        Neste steg
      </Heading>
      <HStack gap="space-16" align="start" wrap>
        {actions.map((action) => (
          <Form method="post" key={action} className="case-action">
            <AuthenticityTokenInput />
            <input type="hidden" name="intent" value={action} />
            <input type="hidden" name="version" value={version} />
            <VStack gap="space-8">
              {actionNeedsReason(action) ? (
                <Textarea
                  label={`Begrunnelse for «${actionLabel(action)}»`}
                  name="reason"
                  maxLength={1000}
                  minRows={2}
                  defaultValue={failed?.intent === action ? failed.reason : ''}
                  error={failed?.intent === action ? failed.error : undefined}
                />
              ) : failed?.intent === action ? (
                <Alert variant="error" size="small" role="alert">
                  {failed.error}
                </Alert>
              ) : null}
              <div>
                <Button type="submit" variant={action === 'withdraw' || action === 'endWithoutHire' ? 'secondary' : 'primary'}>
                  {actionLabel(action)}
                </Button>
              </div>
            </VStack>
          </Form>
        ))}
      </HStack>
    </VStack>
  )
}

/** The case's title, its status, and what the last step did (after the redirect that follows it). */
export function CasePageHeader({ back, title, status, notice }: { back: { to: string; label: string }; title: string; status: CaseStatus; notice: string | undefined }) {
  return (
    <>
      <PageHeader back={back} title={title}>
        <BodyShort>Status: {caseStatusLabels[status]}</BodyShort>
      </PageHeader>
      {notice ? (
        <Alert variant="success" role="status">
          {notice}
        </Alert>
      ) : null}
    </>
  )
}

export type CaseRow = { id: string; candidateLabel: string; openingTitle: string; status: CaseStatus }

/**
 * Cases as a table: the candidate's anonymous label (a link to the case), the opening and the status, then whatever
 * the page adds (who handles it, the deadline).
 */
export function CaseTable<T extends CaseRow>({
  caption,
  rows,
  href,
  extraColumns,
}: {
  caption: string
  rows: T[]
  href: (row: T) => string
  extraColumns: { header: string; cell: (row: T) => ReactNode }[]
}) {
  return (
    <Table size="small">
      <caption className="navds-sr-only">{caption}</caption>
      <Table.Header>
        <Table.Row>
          {['Kandidat', 'Stilling', 'Status', ...extraColumns.map((column) => column.header)].map((header) => (
            <Table.HeaderCell scope="col" key={header}>
              {header}
            </Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.id}>
            <Table.DataCell>
              <Link as={RemixLink} to={href(row)}>
                {row.candidateLabel}
              </Link>
            </Table.DataCell>
            <Table.DataCell>{row.openingTitle}</Table.DataCell>
            <Table.DataCell>{caseStatusLabels[row.status]}</Table.DataCell>
            {extraColumns.map((column) => (
              <Table.DataCell key={column.header}>{column.cell(row)}</Table.DataCell>
            ))}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
