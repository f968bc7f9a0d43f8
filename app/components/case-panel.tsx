import { Alert, BodyShort, Button, Heading, HStack, Textarea, VStack } from '@navikt/ds-react'
import { Form } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { actionLabel, actionNeedsReason, caseActions, caseStatusLabels, type CaseAction, type CaseStatus } from '~/modules/case-flow'
import { formatOsloDateTime } from './labels'
import { PageHeader } from './page-header'

export type CaseHistoryEntry = { action: string; toStatus: CaseStatus; actorName: string | null; reason: string; at: string }

function describeEvent(entry: CaseHistoryEntry): string {
  if (entry.action === 'open') return 'Saken ble opprettet'
  if (entry.action === 'take') return 'Saken ble tatt fra køen'
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
            {entry.reason ? <BodyShort size="small">Begrunnelse: {entry.reason}</BodyShort> : null}
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
