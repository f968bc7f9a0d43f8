import { PlusIcon } from '@navikt/aksel-icons'
import { Alert, BodyShort, Button, Heading, HStack, Link, List, Select, Table, Tag, TextField, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link as RemixLink, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ButtonLink } from '~/components/button-link'
import { candidateStatusLabels, candidateStatusVariants } from '~/components/candidate-labels'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { LinkPagination } from '~/components/link-pagination'
import { assertCaseworker, caseload, municipalityNames, ownAbsence, type CaseloadFilters } from '~/modules/candidates.server'
import { todayInNorway } from '~/modules/openings.server'
import { forbidden, requireStaff } from '~/utils/auth.server'
import { getSql } from '~/utils/db.server'
import { norwegianDate } from '~/utils/opening-form'
import { candidateStatuses, type CandidateStatus } from '../../prisma-free-sql/queries/candidates'
import { listCounties } from '../../prisma-free-sql/queries/geography'
import { listTeamMembers } from '../../prisma-free-sql/queries/users'
import { findCatalogueTask } from '../../prisma-free-sql/reference-data/vocabulary'
import { candidateLabel } from '../../search-index/candidate-document'
import { CONSENT_EXPIRING_WITHIN_DAYS, consentFilterValues, type ConsentFilter } from '../../matching/visibility'

export const meta: MetaFunction = () => [{ title: 'Mine kandidater – Jobbsnekker' }]

const PAGE_SIZE = 25

const views = ['mine', 'vikar', 'team'] as const
type View = (typeof views)[number]

const consentFilterLabels: Record<ConsentFilter, string> = {
  active: 'Aktivt',
  expiring: `Utløper innen ${CONSENT_EXPIRING_WITHIN_DAYS} dager`,
  expired: 'Utløpt',
  withdrawn: 'Trukket',
  none: 'Mangler',
}
const consentFilterOptions = consentFilterValues

const inactivityOptions = [30, 60, 90] as const

/**
 * Each filter on its own, so one bad value (an old bookmark, a hand-edited address) is dropped with a message while
 * the others still apply. Empty means "all".
 */
const filterFields = () => ({
  status: { label: 'Status', schema: z.enum(candidateStatuses) },
  samtykke: { label: 'Samtykke', schema: z.enum(consentFilterValues) },
  timer: {
    label: 'Timer per uke',
    schema: z.preprocess(
      (value) => (typeof value === 'string' ? value.trim().replace(',', '.') : value),
      z.string().regex(/^\d{1,2}(\.\d)?$/).transform(Number).pipe(z.number().min(1).max(60)),
    ),
  },
  fylke: { label: 'Fylke', schema: z.string().regex(/^\d{2}$/) },
  inaktiv: { label: 'Ingen aktivitet', schema: z.enum(['30', '60', '90']).transform(Number) },
})
type FilterName = keyof ReturnType<typeof filterFields>

function readFilters(params: URLSearchParams, countyNumbers: ReadonlySet<string>) {
  const ignored: string[] = []
  const kept: Partial<Record<FilterName, string>> = {}
  const filters: CaseloadFilters = {}
  const fields = filterFields()
  for (const name of Object.keys(fields) as FilterName[]) {
    const raw = params.get(name)?.trim() ?? ''
    if (raw === '') continue
    const field = fields[name]
    const parsed = field.schema.safeParse(raw)
    if (!parsed.success || (name === 'fylke' && !countyNumbers.has(raw))) {
      ignored.push(field.label)
      continue
    }
    kept[name] = raw
    if (name === 'status') filters.status = parsed.data as CandidateStatus
    if (name === 'samtykke') filters.consent = parsed.data as CaseloadFilters['consent']
    if (name === 'timer') filters.hours = parsed.data as number
    if (name === 'fylke') filters.countyNumber = raw
    if (name === 'inaktiv') filters.inactiveDays = parsed.data as number
  }
  return { filters, kept, ignored }
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** "7,5" rather than "7.5". */
function hoursText(value: number): string {
  return String(value).replace('.', ',')
}

function hoursRange(min: number | null, max: number | null): string {
  if (min === null || max === null) return 'Ikke oppgitt'
  return min === max ? `${hoursText(min)} t` : `${hoursText(min)}–${hoursText(max)} t`
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  assertCaseworker(user)
  const params = new URL(request.url).searchParams
  const sql = getSql()
  const messages: string[] = []

  const requestedView = params.get('visning') ?? ''
  let view: View = 'mine'
  if ((views as readonly string[]).includes(requestedView)) view = requestedView as View
  else if (requestedView !== '') messages.push('Visningen finnes ikke, så du ser dine egne kandidater.')

  const isTeamLead = user.roles.includes('team_lead') && user.teamId !== null
  if (view === 'team' && !isTeamLead) throw forbidden('Teamvisningen er for ledere av et team.')

  const [{ absence, standingInFor }, counties, municipalities] = await Promise.all([ownAbsence(user), listCounties(sql), municipalityNames()])
  const responsibleUserIds =
    view === 'mine'
      ? [user.id]
      : view === 'vikar'
        ? standingInFor.map((colleague) => colleague.userId)
        : (await listTeamMembers(sql, user.teamId!)).map((member) => member.id)

  const { filters, kept, ignored } = readFilters(params, new Set(counties.map((county) => county.number)))
  if (ignored.length > 0) {
    messages.push(
      `${ignored.length === 1 ? 'Dette filteret hadde en ugyldig verdi og ble ikke brukt' : 'Disse filtrene hadde ugyldige verdier og ble ikke brukt'}: ${ignored.join(', ')}.`,
    )
  }
  const today = todayInNorway()
  const filtered = Object.keys(kept).length > 0
  const [matching, all] = await Promise.all([
    caseload(user.officeId, responsibleUserIds, filters, today),
    filtered ? caseload(user.officeId, responsibleUserIds, {}, today) : undefined,
  ])
  const total = all?.length ?? matching.length

  const pageCount = Math.max(1, Math.ceil(matching.length / PAGE_SIZE))
  const requestedPage = params.get('side')?.trim() ?? ''
  const pageNumber = z.coerce.number().int().min(1).safeParse(requestedPage === '' ? '1' : requestedPage)
  let page = 1
  if (!pageNumber.success) messages.push('Sidetallet var ugyldig, så du ser første side.')
  else if (pageNumber.data > pageCount) {
    page = pageCount
    messages.push(`Det er bare ${pageCount} ${pageCount === 1 ? 'side' : 'sider'}, så du ser den siste.`)
  } else page = pageNumber.data

  const expiringBefore = addDays(today, CONSENT_EXPIRING_WITHIN_DAYS)
  // Only what the table shows: the anonymised label, never a name or a national ID number.
  const rows = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((entry) => ({
    id: entry.id,
    label: candidateLabel(entry.id),
    wantedTasks: entry.wantedTasks.map((code) => findCatalogueTask(code)?.name ?? code),
    home: entry.homeMunicipalityNumber ? (municipalities[entry.homeMunicipalityNumber] ?? entry.homeMunicipalityNumber) : null,
    hours: hoursRange(entry.hoursMin, entry.hoursMax),
    status: entry.status,
    consent: entry.consent,
    consentExpiresOn: entry.consentExpiresOn,
    consentExpiringSoon: entry.consent === 'active' && entry.consentExpiresOn !== null && entry.consentExpiresOn <= expiringBefore,
    visible: entry.visible,
    missingCount: entry.missingCount,
    lastActivityOn: todayInNorway(entry.lastActivityAt),
    responsibleName: entry.responsibleName,
  }))

  return json({
    view,
    isTeamLead,
    teamName: user.teamName,
    absence: absence ? { standInName: absence.standInName } : null,
    standingInFor: standingInFor.map((colleague) => colleague.name),
    counties,
    filters: kept,
    messages,
    total,
    matched: matching.length,
    page,
    pageCount,
    rows,
  })
}

const viewLinks: { view: View; label: string }[] = [
  { view: 'mine', label: 'Mine kandidater' },
  { view: 'vikar', label: 'Som stedfortreder' },
  { view: 'team', label: 'Teamet' },
]

function queryFor(view: View, filters: Partial<Record<FilterName, string>>, page?: number): string {
  const params = new URLSearchParams()
  if (view !== 'mine') params.set('visning', view)
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value)
  if (page && page > 1) params.set('side', String(page))
  const query = params.toString()
  return query ? `?${query}` : ''
}

export default function CaseloadPage() {
  const data = useLoaderData<typeof loader>()
  const { view, filters, rows } = data
  const showResponsible = view !== 'mine'
  const headings: Record<View, string> = {
    mine: 'Mine kandidater',
    vikar: 'Kandidater du er stedfortreder for',
    team: data.teamName ? `Kandidatene i ${data.teamName}` : 'Kandidatene i teamet',
  }
  const available = viewLinks.filter((link) => link.view !== 'team' || data.isTeamLead)
  const from = (data.page - 1) * PAGE_SIZE + 1
  const to = from + rows.length - 1

  return (
    <VStack gap="space-24">
      <HStack justify="space-between" align="center" gap="space-16">
        <Heading level="1" size="large">
          {headings[view]}
        </Heading>
        <ButtonLink to="/ansatt/kandidater/ny" icon={<PlusIcon aria-hidden />}>
          Ny kandidat
        </ButtonLink>
      </HStack>

      <nav aria-label="Velg hvilke kandidater du ser">
        <HStack as="ul" gap="space-24" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {available.map((link) => (
            <li key={link.view}>
              <Link
                as={RemixLink}
                to={`/ansatt/kandidater${queryFor(link.view, {})}`}
                aria-current={link.view === view ? 'page' : undefined}
                style={link.view === view ? { fontWeight: 600 } : undefined}
              >
                {link.label}
              </Link>
            </li>
          ))}
        </HStack>
      </nav>

      {data.absence ? (
        <Alert variant="info">
          Du er registrert som borte, og {data.absence.standInName} er stedfortreder for kandidatene dine.{' '}
          <Link as={RemixLink} to="/ansatt">
            Avslutt fraværet under Mitt kontor
          </Link>
          .
        </Alert>
      ) : null}
      {view === 'vikar' ? (
        <BodyShort>
          {data.standingInFor.length > 0
            ? `Du er stedfortreder for ${data.standingInFor.join(', ')}. Her er kandidatene deres.`
            : 'Du er ikke stedfortreder for noen nå. Når en kollega ved kontoret melder fravær og velger deg, ser du kandidatene deres her.'}
        </BodyShort>
      ) : null}

      {data.messages.length > 0 ? (
        <Alert variant="warning" role="status">
          {data.messages.join(' ')}
        </Alert>
      ) : null}

      <Form method="get" role="search" aria-label="Filtrer kandidater">
        {view !== 'mine' ? <input type="hidden" name="visning" value={view} /> : null}
        <VStack gap="space-16">
          <HStack gap="space-16" align="end" wrap>
            <Select label="Status" name="status" defaultValue={filters.status ?? ''} size="small">
              <option value="">Alle</option>
              {candidateStatuses.map((status) => (
                <option key={status} value={status}>
                  {candidateStatusLabels[status]}
                </option>
              ))}
            </Select>
            <Select label="Samtykke" name="samtykke" defaultValue={filters.samtykke ?? ''} size="small">
              <option value="">Alle</option>
              {consentFilterOptions.map((value) => (
                <option key={value} value={value}>
                  {consentFilterLabels[value]}
                </option>
              ))}
            </Select>
            <TextField
              label="Kan jobbe timer per uke"
              description="For eksempel 15"
              name="timer"
              inputMode="decimal"
              htmlSize={6}
              size="small"
              defaultValue={filters.timer ?? ''}
            />
            <Select label="Bor i fylke" name="fylke" defaultValue={filters.fylke ?? ''} size="small">
              <option value="">Alle fylker</option>
              {data.counties.map((county) => (
                <option key={county.number} value={county.number}>
                  {county.name}
                </option>
              ))}
            </Select>
            <Select label="Ingen aktivitet" name="inaktiv" defaultValue={filters.inaktiv ?? ''} size="small">
              <option value="">Uansett</option>
              {inactivityOptions.map((days) => (
                <option key={days} value={String(days)}>
                  Siste {days} dager
                </option>
              ))}
            </Select>
          </HStack>
          <HStack gap="space-16" align="center">
            <Button type="submit" variant="secondary" size="small">
              Vis kandidater
            </Button>
            {Object.keys(filters).length > 0 ? (
              <Link as={RemixLink} to={`/ansatt/kandidater${queryFor(view, {})}`}>
                Fjern filtrene
              </Link>
            ) : null}
          </HStack>
        </VStack>
      </Form>

      <BodyShort role="status">
        {data.total === 0
          ? 'Ingen kandidater.'
          : Object.keys(filters).length > 0
            ? `Viser ${data.matched} av ${data.total} kandidater.`
            : `Viser ${data.total} ${data.total === 1 ? 'kandidat' : 'kandidater'}.`}
        {data.pageCount > 1 ? ` Side ${data.page} av ${data.pageCount}, kandidat ${from}–${to}.` : ''}
      </BodyShort>

      {rows.length === 0 ? (
        <EmptyState view={view} filtered={Object.keys(filters).length > 0 && data.total > 0} standingIn={data.standingInFor.length > 0} />
      ) : (
        <div role="region" aria-labelledby="kandidattabell" tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table size="small" zebraStripes>
            <caption id="kandidattabell" className="sr-only">
              {headings[view]}, sist aktive først
            </caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Kandidat</Table.HeaderCell>
                <Table.HeaderCell scope="col">Ønskede oppgaver</Table.HeaderCell>
                <Table.HeaderCell scope="col">Bor i</Table.HeaderCell>
                <Table.HeaderCell scope="col">Timer per uke</Table.HeaderCell>
                <Table.HeaderCell scope="col">Status</Table.HeaderCell>
                <Table.HeaderCell scope="col">Samtykke</Table.HeaderCell>
                <Table.HeaderCell scope="col">Synlighet</Table.HeaderCell>
                <Table.HeaderCell scope="col">Siste aktivitet</Table.HeaderCell>
                {showResponsible ? <Table.HeaderCell scope="col">Ansvarlig</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.id}>
                  <Table.HeaderCell scope="row">
                    <Link as={RemixLink} to={`/ansatt/kandidater/${row.id}`}>
                      {row.label}
                    </Link>
                  </Table.HeaderCell>
                  <Table.DataCell>{row.wantedTasks.length > 0 ? row.wantedTasks.join(', ') : 'Ikke oppgitt'}</Table.DataCell>
                  <Table.DataCell>{row.home ?? 'Ikke oppgitt'}</Table.DataCell>
                  <Table.DataCell style={{ whiteSpace: 'nowrap' }}>{row.hours}</Table.DataCell>
                  <Table.DataCell>
                    <Tag size="small" variant="moderate" data-color={candidateStatusVariants[row.status] ?? 'neutral'}>
                      {candidateStatusLabels[row.status] ?? row.status}
                    </Tag>
                  </Table.DataCell>
                  <Table.DataCell>
                    <ConsentTag consent={row.consent} expiresOn={row.consentExpiresOn} expiringSoon={row.consentExpiringSoon} />
                  </Table.DataCell>
                  <Table.DataCell>
                    {row.visible ? 'Synlig for arbeidsgivere' : 'Skjult'}
                    {row.missingCount > 0 ? (
                      <BodyShort size="small">{`Profilen mangler ${row.missingCount} ${row.missingCount === 1 ? 'del' : 'deler'}`}</BodyShort>
                    ) : null}
                  </Table.DataCell>
                  <Table.DataCell style={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={row.lastActivityOn}>{norwegianDate(row.lastActivityOn)}</time>
                  </Table.DataCell>
                  {showResponsible ? <Table.DataCell>{row.responsibleName}</Table.DataCell> : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}

      <LinkPagination
        page={data.page}
        count={data.pageCount}
        heading="Sider med kandidater"
        hrefFor={(page) => `/ansatt/kandidater${queryFor(view, filters, page)}`}
      />
    </VStack>
  )
}

function ConsentTag({ consent, expiresOn, expiringSoon }: { consent: string; expiresOn: string | null; expiringSoon: boolean }) {
  switch (consent) {
    case 'active':
      return (
        <Tag size="small" variant="moderate" data-color={expiringSoon ? 'warning' : 'success'}>
          {expiresOn ? (expiringSoon ? `Utløper ${norwegianDate(expiresOn)}` : `Aktivt til ${norwegianDate(expiresOn)}`) : 'Aktivt'}
        </Tag>
      )
    case 'expired':
      return (
        <Tag size="small" variant="moderate" data-color="danger">
          Utløpt
        </Tag>
      )
    case 'withdrawn':
      return (
        <Tag size="small" variant="moderate" data-color="neutral">
          Trukket
        </Tag>
      )
    case 'not-yet-valid':
      return (
        <Tag size="small" variant="moderate" data-color="info">
          Gjelder fra senere dato
        </Tag>
      )
    default:
      return (
        <Tag size="small" variant="moderate" data-color="neutral">
          Mangler
        </Tag>
      )
  }
}

function EmptyState({ view, filtered, standingIn }: { view: View; filtered: boolean; standingIn: boolean }) {
  if (filtered) {
    return <BodyShort>Ingen kandidater passer filtrene. Prøv å fjerne noen av dem.</BodyShort>
  }
  // Without anyone to stand in for, the view already says so above the filters.
  if (view === 'vikar') return standingIn ? <BodyShort>Kollegene du er stedfortreder for har ingen kandidater.</BodyShort> : null
  if (view === 'team') return <BodyShort>Ingen i teamet har kandidater ennå.</BodyShort>
  return (
    <VStack gap="space-8">
      <BodyShort>Du har ingen kandidater ennå.</BodyShort>
      <List size="small">
        <List.Item>
          <Link as={RemixLink} to="/ansatt/kandidater/ny">
            Registrer en ny kandidat
          </Link>{' '}
          når du har fått samtykke til å følge hen opp.
        </List.Item>
        <List.Item>En kollega kan også overføre en kandidat til deg.</List.Item>
      </List>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
