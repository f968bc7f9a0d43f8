import { BodyLong, BodyShort, Button, Heading, Table, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { Facts } from '~/components/admin/facts'
import { formatOsloTime } from '~/components/admin/labels'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ActionError } from '~/components/form-errors'
import { RedirectNotice, type RedirectNoticeText } from '~/components/page-notices'
import { requireRole } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { getSql } from '~/utils/db.server'
import { isNoticeKind, noticeTexts } from '../../emails/notices'
import { DAILY_DIGEST_TEMPLATE } from '../../emails/outbox-templates'
import { EMAIL_MAX_REFUSALS, wakeEmailWorkersSoon } from '../../emails/outbox-worker'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { emailOutboxCounts, listDeadEmails, listRetryingEmails, retryDeadEmail, type OutboxEmail } from '../../prisma-free-sql/queries/email-outbox'

export const meta: MetaFunction = () => [{ title: 'E-post – Jobbsnekker' }]

const templateLabel = (template: string) =>
  template === DAILY_DIGEST_TEMPLATE ? 'Daglig oppsummering' : isNoticeKind(template) ? noticeTexts[template].title : template

function emailView(email: OutboxEmail) {
  return {
    id: email.id,
    template: templateLabel(email.template),
    toAddress: email.toAddress,
    attempts: email.attempts,
    lastError: email.lastError ?? '',
    createdAt: formatOsloTime(email.createdAt),
    nextAttemptAt: formatOsloTime(email.nextAttemptAt),
    deadAt: email.deadAt ? formatOsloTime(email.deadAt) : '',
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const sql = getSql()
  const [counts, dead, retrying] = await Promise.all([emailOutboxCounts(sql), listDeadEmails(sql), listRetryingEmails(sql)])
  return json({
    counts: { ...counts, oldestPendingAt: counts.oldestPendingAt ? formatOsloTime(counts.oldestPendingAt) : null },
    dead: dead.map(emailView),
    retrying: retrying.map(emailView),
    maxRefusals: EMAIL_MAX_REFUSALS,
  })
}

const retrySchema = z.object({ intent: z.literal('retry'), id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) })

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const parsed = retrySchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return json({ error: 'Ukjent melding. Last siden på nytt.' }, { status: 400 })
  const sql = getSql()
  const retried = await sql.begin(async (tx) => {
    if (!(await retryDeadEmail(tx, parsed.data.id))) return false
    await appendAudit(tx, { actorUserId: admin.id, action: 'email.retry', subjectType: 'email', subjectId: String(parsed.data.id) })
    return true
  })
  if (!retried) return json({ error: 'Meldingen er allerede sendt på nytt, eller finnes ikke lenger.' }, { status: 409 })
  wakeEmailWorkersSoon()
  return redirect('/admin/epost?melding=sendes')
}

function EmailTable({ caption, rows, dead }: { caption: string; rows: ReturnType<typeof emailView>[]; dead: boolean }) {
  return (
    <Table size="small">
      <caption className="sr-only">{caption}</caption>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">Varsel</Table.HeaderCell>
          <Table.HeaderCell scope="col">Til</Table.HeaderCell>
          <Table.HeaderCell scope="col">Forsøk</Table.HeaderCell>
          <Table.HeaderCell scope="col">Siste feil</Table.HeaderCell>
          <Table.HeaderCell scope="col">{dead ? 'Gitt opp' : 'Neste forsøk'}</Table.HeaderCell>
          {dead ? <Table.HeaderCell scope="col">Handling</Table.HeaderCell> : null}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.id}>
            <Table.DataCell>{row.template}</Table.DataCell>
            <Table.DataCell>{row.toAddress}</Table.DataCell>
            <Table.DataCell>{row.attempts}</Table.DataCell>
            <Table.DataCell>{row.lastError}</Table.DataCell>
            <Table.DataCell>{dead ? row.deadAt : row.nextAttemptAt}</Table.DataCell>
            {dead ? (
              <Table.DataCell>
                <Form method="post">
                  <AuthenticityTokenInput />
                  <input type="hidden" name="intent" value="retry" />
                  <input type="hidden" name="id" value={row.id} />
                  <Button type="submit" size="small" variant="secondary">
                    Send på nytt<span className="sr-only"> til {row.toAddress}</span>
                  </Button>
                </Form>
              </Table.DataCell>
            ) : null}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

const notices: Record<string, RedirectNoticeText> = {
  sendes: { variant: 'success', text: 'Meldingen er lagt i utboksen igjen og sendes straks.' },
}

export default function EmailOutboxPage() {
  const { counts, dead, retrying, maxRefusals } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          E-post
        </Heading>
        <BodyLong>
          Varsler sendes fra en utboks. Når e-postserveren ikke svarer, venter meldingene og prøves igjen. En melding havner i listen over
          meldinger som ikke kunne sendes bare når serveren avviser mottakeren, eller etter {maxRefusals} midlertidige avvisninger.
        </BodyLong>
      </VStack>
      <ActionError error={failed?.error} />
      <RedirectNotice notices={notices} />
      <Facts
        items={[
          ['Venter på sending', String(counts.pending)],
          ['Venter på nytt forsøk', String(counts.retrying)],
          ['Holdt til daglig oppsummering', String(counts.held)],
          ['Sendt siste døgn', String(counts.sentLastDay)],
          ['Eldste som venter', counts.oldestPendingAt ?? '–'],
          ['Kunne ikke sendes', String(counts.dead)],
        ]}
      />
      <VStack gap="space-8">
        <Heading level="2" size="medium">
          Kunne ikke sendes
        </Heading>
        {dead.length === 0 ? <BodyShort>Ingen meldinger er gitt opp.</BodyShort> : <EmailTable caption="Meldinger som ikke kunne sendes" rows={dead} dead />}
      </VStack>
      <VStack gap="space-8">
        <Heading level="2" size="medium">
          Venter på nytt forsøk
        </Heading>
        {retrying.length === 0 ? (
          <BodyShort>Ingen meldinger venter på nytt forsøk.</BodyShort>
        ) : (
          <EmailTable caption="Meldinger som venter på nytt forsøk" rows={retrying} dead={false} />
        )}
      </VStack>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
