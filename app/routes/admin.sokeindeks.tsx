import { Alert, BodyLong, BodyShort, Button, Heading, Link, Table, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { Facts } from '~/components/admin/facts'
import { formatOsloTime } from '~/components/admin/labels'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requireRole } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { getSql } from '~/utils/db.server'
import { appendAudit } from '../../prisma-free-sql/queries/audit'
import { countIndexableCandidates, countIndexableOpenings } from '../../search-index/load-documents'
import { reindexStatus, startBackgroundReindex, type RebuildProgress } from '../../search-index/reindex'
import { outboxStats, pendingOutboxItems, runningSearchWorker, stuckOutboxItems, type OutboxItem } from '../../search-index/sync'

export const meta: MetaFunction = () => [{ title: 'Søkeindeks – Jobbsnekker' }]

const BACKEND_TIMEOUT_MS = 5_000

/** A search backend that does not answer must not hold the page up: it is reported instead. */
async function withinTimeout<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`ingen svar på ${BACKEND_TIMEOUT_MS / 1000} sekunder`)), BACKEND_TIMEOUT_MS)
  })
  try {
    return { ok: true, value: await Promise.race([promise, timeout]) }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  } finally {
    clearTimeout(timer)
  }
}

function outboxItemView(item: OutboxItem) {
  return {
    id: item.id,
    entity: item.entity === 'candidate' ? 'Kandidat' : 'Stilling',
    entityId: item.entityId,
    hide: item.priority === 0,
    attempts: item.attempts,
    lastError: item.lastError,
    enqueuedAt: formatOsloTime(item.enqueuedAt),
    enqueuedAtIso: item.enqueuedAt.toISOString(),
    nextAttemptAt: formatOsloTime(item.nextAttemptAt),
    nextAttemptAtIso: item.nextAttemptAt.toISOString(),
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const sql = getSql()
  // The backend comes from the sync worker server.ts started: a route cannot import search-index/backends.ts, whose
  // database import must stay out of the browser build.
  const worker = runningSearchWorker()
  const backend = worker?.backend()
  const notRunning = { ok: false as const, error: 'synkroniseringen kjører ikke i denne prosessen' }
  const [health, indexCounts] = backend
    ? await Promise.all([withinTimeout(backend.health()), withinTimeout(backend.count())])
    : [notRunning, notRunning]
  const visibleCandidates = await countIndexableCandidates(sql)
  const publishedOpenings = await countIndexableOpenings(sql)
  const stats = await outboxStats(sql)
  const stuck = await stuckOutboxItems(sql, 50)
  const pending = await pendingOutboxItems(sql, 20)
  const reindex = reindexStatus()
  return json({
    backend: {
      name: !backend ? 'Ukjent' : backend.name === 'meilisearch' ? 'Meilisearch' : 'PostgreSQL (portalens egen database)',
      ok: health.ok && health.value.ok,
      detail: health.ok ? health.value.detail : health.error,
    },
    worker: worker
      ? {
          running: true,
          lastPassAt: worker.lastPassAt ? formatOsloTime(worker.lastPassAt) : null,
          lastProblem: worker.lastProblem ? `${formatOsloTime(worker.lastProblem.at)}: ${worker.lastProblem.message}` : null,
        }
      : { running: false, lastPassAt: null, lastProblem: null },
    counts: {
      candidates: { indexed: indexCounts.ok ? indexCounts.value.candidates : null, database: visibleCandidates },
      openings: { indexed: indexCounts.ok ? indexCounts.value.openings : null, database: publishedOpenings },
    },
    outbox: {
      pending: stats.pending,
      pendingHides: stats.pendingHides,
      failing: stats.failing,
      stuck: stats.stuck,
      processedLastHour: stats.processedLastHour,
      oldestPendingAt: stats.oldestPendingAt ? formatOsloTime(stats.oldestPendingAt) : null,
      lastProcessedAt: stats.lastProcessedAt ? formatOsloTime(stats.lastProcessedAt) : null,
    },
    stuck: stuck.map(outboxItemView),
    pending: pending.map(outboxItemView),
    reindex: {
      running: reindex.running,
      startedAt: reindex.startedAt ? formatOsloTime(reindex.startedAt) : null,
      progress: reindex.progress,
      last: reindex.last ? { ...reindex.last, finishedAt: formatOsloTime(reindex.last.finishedAt) } : null,
    },
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, 'admin')
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  if (formData.get('intent') !== 'reindex') throw new Response('Ukjent handling.', { status: 400 })
  const worker = runningSearchWorker()
  if (!worker) throw new Response('Synkroniseringen av søkeindeksen kjører ikke i denne prosessen. Start portalen på nytt.', { status: 503 })
  const sql = getSql()
  const started = startBackgroundReindex(sql, worker.backend(), { reason: 'admin' })
  if (started) await appendAudit(sql, { actorUserId: actor.id, action: 'search.reindex_started', subjectType: 'search_index' })
  return redirect(`/admin/sokeindeks?melding=${started ? 'startet' : 'pagar'}`)
}

const numberFormat = new Intl.NumberFormat('nb-NO')
const formatNumber = (value: number) => numberFormat.format(value)

function difference(indexed: number | null, database: number): string {
  if (indexed === null) return 'Ukjent'
  if (indexed === database) return 'Stemmer'
  return indexed > database ? `${formatNumber(indexed - database)} for mange` : `${formatNumber(database - indexed)} mangler`
}

function progressText(progress: RebuildProgress | null, what: string): string {
  if (!progress) return `${what}: venter`
  return `${what}: ${formatNumber(progress.scanned)} av ${formatNumber(progress.total)} gått gjennom, ${formatNumber(progress.indexed)} lagt inn`
}

function OutboxTable({ items, caption }: { items: ReturnType<typeof outboxItemView>[]; caption: string }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table zebraStripes size="small">
        <caption className="sr-only">{caption}</caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">Gjelder</Table.HeaderCell>
            <Table.HeaderCell scope="col">Lagt i kø</Table.HeaderCell>
            <Table.HeaderCell scope="col" align="right">
              Forsøk
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">Neste forsøk</Table.HeaderCell>
            <Table.HeaderCell scope="col">Siste feil</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((item) => (
            <Table.Row key={item.id}>
              <Table.DataCell>
                {item.entity}
                {item.hide ? ' (skjules)' : ''}
                <BodyShort size="small" style={{ fontFamily: 'monospace' }}>
                  {item.entityId}
                </BodyShort>
              </Table.DataCell>
              <Table.DataCell>
                <time dateTime={item.enqueuedAtIso}>{item.enqueuedAt}</time>
              </Table.DataCell>
              <Table.DataCell align="right">{item.attempts}</Table.DataCell>
              <Table.DataCell>
                <time dateTime={item.nextAttemptAtIso}>{item.nextAttemptAt}</time>
              </Table.DataCell>
              <Table.DataCell>{item.lastError ?? '–'}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}

export default function SearchIndexPage() {
  const { backend, worker, counts, outbox, stuck, pending, reindex } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const message = searchParams.get('melding')
  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          Søkeindeks
        </Heading>
        <BodyLong>
          Søkeindeksen holder de anonymiserte kandidatprofilene som er synlige for arbeidsgivere, og de publiserte
          stillingene. Hver endring legges i en kø i samme øyeblikk som den lagres, og føres inn i indeksen av en
          bakgrunnsjobb. Skjulinger, som trukket samtykke, føres inn først.
        </BodyLong>
        <BodyShort>
          <Link as={RemixLink} to="/admin/sokeindeks">
            Oppdater status
          </Link>
        </BodyShort>
      </VStack>

      {message === 'startet' ? (
        <Alert variant="success" role="status">
          Byggingen av en ny indeks har startet. Den går i bakgrunnen, og søk virker som før mens den pågår. Oppdater
          siden for å se framdriften.
        </Alert>
      ) : message === 'pagar' ? (
        <Alert variant="info" role="status">
          En bygging av indeksen pågår allerede. Vent til den er ferdig før du starter en ny.
        </Alert>
      ) : null}

      <VStack as="section" gap="space-16" aria-labelledby="motor-overskrift">
        <Heading level="2" size="medium" id="motor-overskrift">
          Søkemotor
        </Heading>
        <Facts
          items={[
            ['Type', backend.name],
            ['Tilstand', backend.ok ? 'Svarer' : 'Svarer ikke'],
            ['Melding fra søkemotoren', backend.detail],
            ['Bakgrunnsjobb', worker.running ? `Kjører${worker.lastPassAt ? `, sist sjekket ${worker.lastPassAt}` : ''}` : 'Kjører ikke'],
            ...(worker.lastProblem ? [['Siste problem', worker.lastProblem] as [string, string]] : []),
          ]}
        />
        {backend.ok ? null : (
          <Alert variant="error">
            Søkemotoren svarer ikke. Matching viser en feilmelding så lenge dette varer. Ingen endringer går tapt: de
            venter i køen og føres inn når søkemotoren svarer igjen.
          </Alert>
        )}
      </VStack>

      <VStack as="section" gap="space-16" aria-labelledby="innhold-overskrift">
        <Heading level="2" size="medium" id="innhold-overskrift">
          Innhold
        </Heading>
        <Table size="small">
          <caption className="sr-only">Antall i indeksen sammenlignet med databasen</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Hva</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">
                I indeksen
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">
                I databasen
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">Sammenligning</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            <Table.Row>
              <Table.HeaderCell scope="row">Kandidater synlige for arbeidsgivere</Table.HeaderCell>
              <Table.DataCell align="right">{counts.candidates.indexed === null ? 'Ukjent' : formatNumber(counts.candidates.indexed)}</Table.DataCell>
              <Table.DataCell align="right">{formatNumber(counts.candidates.database)}</Table.DataCell>
              <Table.DataCell>{difference(counts.candidates.indexed, counts.candidates.database)}</Table.DataCell>
            </Table.Row>
            <Table.Row>
              <Table.HeaderCell scope="row">Publiserte stillinger</Table.HeaderCell>
              <Table.DataCell align="right">{counts.openings.indexed === null ? 'Ukjent' : formatNumber(counts.openings.indexed)}</Table.DataCell>
              <Table.DataCell align="right">{formatNumber(counts.openings.database)}</Table.DataCell>
              <Table.DataCell>{difference(counts.openings.indexed, counts.openings.database)}</Table.DataCell>
            </Table.Row>
          </Table.Body>
        </Table>
        <BodyShort>
          Små avvik er ventet mens køen har endringer som ikke er ført inn ennå. Et avvik som blir stående, retter du ved
          å bygge indeksen på nytt.
        </BodyShort>
      </VStack>

      <VStack as="section" gap="space-16" aria-labelledby="ko-overskrift">
        <Heading level="2" size="medium" id="ko-overskrift">
          Kø for oppdateringer
        </Heading>
        <Facts
          items={[
            ['Venter', `${formatNumber(outbox.pending)} (${formatNumber(outbox.pendingHides)} skjulinger)`],
            ['Har feilet minst én gang', formatNumber(outbox.failing)],
            ['Står fast', formatNumber(outbox.stuck)],
            ['Ført inn siste time', formatNumber(outbox.processedLastHour)],
            ['Eldste ventende', outbox.oldestPendingAt ?? 'Ingen'],
            ['Sist ført inn', outbox.lastProcessedAt ?? 'Ingen ennå'],
          ]}
        />
        <Heading level="3" size="small">
          Står fast
        </Heading>
        <BodyShort>Endringer som har feilet tre ganger eller mer, eller har ventet mer enn fem minutter.</BodyShort>
        {stuck.length === 0 ? <BodyShort>Ingen endringer står fast.</BodyShort> : <OutboxTable items={stuck} caption="Endringer som står fast" />}
        <Heading level="3" size="small">
          Neste i køen
        </Heading>
        {pending.length === 0 ? (
          <BodyShort>Køen er tom.</BodyShort>
        ) : (
          <OutboxTable items={pending} caption="De neste endringene i køen, skjulinger først" />
        )}
      </VStack>

      <VStack as="section" gap="space-16" aria-labelledby="bygg-overskrift">
        <Heading level="2" size="medium" id="bygg-overskrift">
          Bygg indeksen på nytt
        </Heading>
        <BodyLong>
          En ny indeks bygges fra databasen mens den gamle fortsatt brukes, og tas i bruk når den er ferdig. Portalen og
          søk virker hele tiden. Endringer som skjer underveis, føres inn etterpå.
        </BodyLong>
        {reindex.running ? (
          <Alert variant="info" role="status">
            <VStack gap="space-4">
              <BodyShort>Indeksen bygges nå (startet {reindex.startedAt}).</BodyShort>
              <BodyShort>{progressText(reindex.progress.candidates, 'Kandidater')}</BodyShort>
              <BodyShort>{progressText(reindex.progress.openings, 'Stillinger')}</BodyShort>
            </VStack>
          </Alert>
        ) : reindex.last ? (
          <Alert variant={reindex.last.ok ? 'success' : 'error'}>
            {reindex.last.ok
              ? `Siste bygging ble ferdig ${reindex.last.finishedAt}: ${reindex.last.detail}.`
              : `Siste bygging feilet ${reindex.last.finishedAt}: ${reindex.last.detail}. Den gamle indeksen er fortsatt i bruk.`}
          </Alert>
        ) : null}
        <Form method="post">
          <AuthenticityTokenInput />
          <input type="hidden" name="intent" value="reindex" />
          <Button type="submit" variant="secondary">
            Bygg indeksen på nytt
          </Button>
        </Form>
      </VStack>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
