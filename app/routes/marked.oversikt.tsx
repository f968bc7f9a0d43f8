import { BodyShort, Button, Heading, HStack, Link, Select, Table, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link as RemixLink, useLoaderData } from '@remix-run/react'
import { organisationPath } from '~/utils/market-paths'
import type { CSSProperties, ReactNode } from 'react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatOsloDate } from '~/components/labels'
import { formatNumber, SpecialistContactsChart, TrialsAndHiresChart } from '~/components/market-charts'
import {
  ACKNOWLEDGEMENT_WINDOW_DAYS,
  FIRST_CONTACT_TARGET_DAYS,
  WEEKLY_CANDIDATE_CONTACT_TARGET,
  WEEKS_SHOWN,
  type MonthPoint,
  type WeekPoint,
} from '~/modules/market-dashboard'
import { dashboardQuerySchema, regionalDashboard } from '~/modules/market-dashboard.server'
import { requireStaff } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Regionoversikt – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const parsed = dashboardQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  const dashboard = await regionalDashboard(user, parsed.success ? parsed.data : { fylke: '' })
  return json({
    ...dashboard,
    mayOpenOpenings: user.roles.includes('specialist') || user.roles.includes('team_lead'),
    fylkeError: parsed.success ? dashboard.fylkeError : (parsed.error.issues[0]?.message ?? dashboard.fylkeError),
  })
}

const percentFormat = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 })
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`
const listed = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`)

/** A few headline numbers as a description list, each with its name beside it. */
function KeyFigures({ label, figures }: { label: string; figures: { term: string; value: ReactNode }[] }) {
  const grid: CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))', gap: 'var(--ax-space-16, 1rem)', margin: 0 }
  return (
    <dl aria-label={label} style={grid}>
      {figures.map((figure) => (
        <div key={figure.term} style={{ border: '1px solid var(--ax-border-neutral-subtle, #c4c8ce)', borderRadius: '8px', padding: 'var(--ax-space-12, 0.75rem)' }}>
          <dt>{figure.term}</dt>
          <dd style={{ margin: 0, fontSize: '1.5rem', fontWeight: 600 }}>{figure.value}</dd>
        </div>
      ))}
    </dl>
  )
}

function monthsSummary(months: MonthPoint[], trials: number, hires: number): string {
  const busiest = months.reduce((best, month) => (month.trials + month.hires > best.trials + best.hires ? month : best), months[0]!)
  return (
    `Søylediagram med to søyler per måned fra ${months[0]!.label} til ${months[months.length - 1]!.label}: ` +
    `${plural(trials, 'utprøving', 'utprøvinger')} startet og ${plural(hires, 'ansettelse', 'ansettelser')} til sammen. ` +
    `Mest i ${busiest.label}: ${plural(busiest.trials, 'utprøving', 'utprøvinger')} og ${plural(busiest.hires, 'ansettelse', 'ansettelser')}.`
  )
}

function weeksSummary(name: string, weeks: WeekPoint[], average: number): string {
  const reached = weeks.filter((week) => week.contacts >= WEEKLY_CANDIDATE_CONTACT_TARGET).length
  return (
    `Søylediagram for ${name}: ${weeks.map((week) => `${week.label} ${week.contacts}`).join(', ')}. ` +
    `Snitt ${formatNumber(average)} per uke mot målet på ${WEEKLY_CANDIDATE_CONTACT_TARGET}; målet ble nådd i ${reached} av ${weeks.length} uker.`
  )
}

export default function RegionalDashboard() {
  const data = useLoaderData<typeof loader>()
  const { region, shown, openings, cases, trialsAndHires, newEmployers, specialistContacts, firstContacts } = data
  const area = listed(shown.map((county) => county.name))
  const specialists = specialistContacts.specialists
  const weekSpan = `${specialistContacts.weeks[0]!.label}–${specialistContacts.weeks[specialistContacts.weeks.length - 1]!.label.replace('Uke ', '')}`
  return (
    <VStack gap="space-32">
      <VStack gap="space-16">
        <Heading level="1" size="large">
          Regionoversikt
        </Heading>
        <BodyShort>
          Tallene gjelder {area}, per {formatOsloDate(data.today)}.
        </BodyShort>
        <Form method="get" aria-label="Velg fylke">
          <HStack gap="space-16" align="end">
            <Select label="Fylke" name="fylke" defaultValue={data.fylke} error={data.fylkeError ?? undefined}>
              <option value="">Alle fylkene i regionen</option>
              {region.map((county) => (
                <option key={county.number} value={county.number}>
                  {county.name}
                </option>
              ))}
            </Select>
            <Button type="submit" variant="secondary">
              Vis
            </Button>
          </HStack>
        </Form>
      </VStack>

      <VStack gap="space-16" as="section" aria-labelledby="uten-kandidat">
        <Heading level="2" size="medium" id="uten-kandidat">
          Stillinger uten passende kandidat
        </Heading>
        <BodyShort>Publiserte stillinger i {area} der matchingen ikke finner én eneste synlig kandidat som oppfyller kravene.</BodyShort>
        {openings.status === 'unavailable' ? (
          <BodyShort role="status">Søket er ikke tilgjengelig akkurat nå, så vi kan ikke si hvilke stillinger som mangler kandidater. Prøv igjen om litt.</BodyShort>
        ) : openings.published === 0 ? (
          <BodyShort>Ingen publiserte stillinger i {area} ennå.</BodyShort>
        ) : openings.withoutCandidate.length === 0 ? (
          <BodyShort>Ingen stillinger uten passende kandidat: alle {openings.published} publiserte stillinger har minst én.</BodyShort>
        ) : (
          <>
            <BodyShort>
              {openings.withoutCandidate.length} av {plural(openings.published, 'publisert stilling', 'publiserte stillinger')} har ingen passende kandidat.
            </BodyShort>
            <Table>
              <caption className="sr-only">Publiserte stillinger uten passende kandidat</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Stilling</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Arbeidsgiver</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Kommune</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    Dager publisert
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {openings.withoutCandidate.map((opening) => (
                  <Table.Row key={opening.id}>
                    <Table.DataCell>
                      {/* The opening's match page is the caseworkers'; everyone here can open the employer. */}
                      {data.mayOpenOpenings ? (
                        <Link as={RemixLink} to={`/ansatt/stillinger/${opening.id}`}>
                          {opening.title}
                        </Link>
                      ) : (
                        opening.title
                      )}
                    </Table.DataCell>
                    <Table.DataCell>
                      <Link as={RemixLink} to={organisationPath(opening.organisationId)}>
                        {opening.employerName}
                      </Link>
                    </Table.DataCell>
                    <Table.DataCell>{opening.municipalityName}</Table.DataCell>
                    <Table.DataCell align="right">{opening.daysPublished ?? '–'}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </>
        )}
      </VStack>

      <VStack gap="space-16" as="section" aria-labelledby="saker-venter">
        <Heading level="2" size="medium" id="saker-venter">
          Saker som venter på svar
        </Heading>
        <BodyShort>
          Åpne saker om stillinger i {area} som ingen ennå har bekreftet mottatt; målet er svar til arbeidsgiveren samme arbeidsdag.
        </BodyShort>
        <KeyFigures
          label="Saker som venter på svar"
          figures={[
            { term: 'Venter på bekreftelse', value: cases.waiting },
            { term: 'Av dem over fristen', value: cases.pastDeadline },
            {
              term: `Median tid til bekreftelse (saker fra de siste ${ACKNOWLEDGEMENT_WINDOW_DAYS} dagene)`,
              value: cases.medianAcknowledgementHours === null ? '–' : `${formatNumber(cases.medianAcknowledgementHours)} timer`,
            },
          ]}
        />
        <BodyShort>
          {cases.acknowledgedInWindow === 0
            ? `Ingen saker fra de siste ${ACKNOWLEDGEMENT_WINDOW_DAYS} dagene er bekreftet mottatt ennå.`
            : `Medianen er tiden fra saken ble opprettet til den ble bekreftet mottatt, for de ${cases.acknowledgedInWindow} sakene fra de siste ${ACKNOWLEDGEMENT_WINDOW_DAYS} dagene som er bekreftet.`}
        </BodyShort>
      </VStack>

      <VStack gap="space-16" as="section" aria-labelledby="utproving-ansettelse">
        <Heading level="2" size="medium" id="utproving-ansettelse">
          Utprøvinger og ansettelser
        </Heading>
        <BodyShort>Utprøvinger som startet og ansettelser som ble registrert i saker om stillinger i {area}, per måned de siste 12 månedene.</BodyShort>
        {trialsAndHires.trials + trialsAndHires.hires === 0 ? (
          <BodyShort>Ingen utprøvinger eller ansettelser de siste 12 månedene ennå.</BodyShort>
        ) : (
          <TrialsAndHiresChart months={trialsAndHires.months} summary={monthsSummary(trialsAndHires.months, trialsAndHires.trials, trialsAndHires.hires)} />
        )}
      </VStack>

      <VStack gap="space-16" as="section" aria-labelledby="nye-arbeidsgivere">
        <Heading level="2" size="medium" id="nye-arbeidsgivere">
          Nye arbeidsgivere i {newEmployers.quarter.label}
        </Heading>
        <BodyShort>Virksomheter i {area} som fikk sin aller første registrerte kontakt fra oss i {newEmployers.quarter.label}.</BodyShort>
        {newEmployers.organisations.length === 0 ? (
          <BodyShort>Ingen nye arbeidsgivere kontaktet i {newEmployers.quarter.label} ennå.</BodyShort>
        ) : (
          <>
            <BodyShort>{plural(newEmployers.organisations.length, 'ny arbeidsgiver', 'nye arbeidsgivere')} dette kvartalet.</BodyShort>
            <Table>
              <caption className="sr-only">Nye arbeidsgivere i {newEmployers.quarter.label}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Virksomhet</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Org.nr.</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Kommune</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Første kontakt</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Kontaktet av</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {newEmployers.organisations.map((organisation) => (
                  <Table.Row key={organisation.id}>
                    <Table.DataCell>
                      <Link as={RemixLink} to={organisation.path}>
                        {organisation.name}
                      </Link>
                    </Table.DataCell>
                    <Table.DataCell>{organisation.orgNumber}</Table.DataCell>
                    <Table.DataCell>{organisation.municipalityName}</Table.DataCell>
                    <Table.DataCell>{formatOsloDate(organisation.firstContactAt)}</Table.DataCell>
                    <Table.DataCell>{organisation.firstContactBy}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </>
        )}
      </VStack>

      <VStack gap="space-24" as="section" aria-labelledby="ips">
        <Heading level="2" size="medium" id="ips">
          IPS-troskap
        </Heading>

        <VStack gap="space-16" as="section" aria-labelledby="ips-kontakter">
          <Heading level="3" size="small" id="ips-kontakter">
            Kandidatrettede arbeidsgiverkontakter per jobbspesialist
          </Heading>
          <BodyShort>
            Kontakter med arbeidsgivere om en bestemt kandidat, per jobbspesialist ved kontorer i {area} og uke, de siste {WEEKS_SHOWN} hele ukene (
            {weekSpan}); målet er minst {WEEKLY_CANDIDATE_CONTACT_TARGET} i uka.
          </BodyShort>
          {specialists.length === 0 ? (
            <BodyShort>Ingen jobbspesialister ved kontorer i {area} ennå.</BodyShort>
          ) : (
            <>
              <BodyShort>
                {specialists.filter((specialist) => specialist.meetsTarget).length} av {plural(specialists.length, 'jobbspesialist', 'jobbspesialister')} når
                målet.
              </BodyShort>
              <Table>
                <caption className="sr-only">Snitt per uke og måloppnåelse per jobbspesialist</caption>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Jobbspesialist</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Kontor</Table.HeaderCell>
                    <Table.HeaderCell scope="col" align="right">
                      Kontakter i alt
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" align="right">
                      Snitt per uke
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col">Når målet</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {specialists.map((specialist) => (
                    <Table.Row key={specialist.id}>
                      <Table.HeaderCell scope="row">
                        <Link href={`#spesialist-${specialist.id}`}>{specialist.name}</Link>
                      </Table.HeaderCell>
                      <Table.DataCell>{specialist.officeName}</Table.DataCell>
                      <Table.DataCell align="right">{specialist.total}</Table.DataCell>
                      <Table.DataCell align="right">{formatNumber(specialist.weeklyAverage)}</Table.DataCell>
                      <Table.DataCell>{specialist.meetsTarget ? 'Ja' : 'Nei'}</Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              {specialists.map((specialist) => (
                <VStack gap="space-8" as="section" key={specialist.id} id={`spesialist-${specialist.id}`} aria-labelledby={`spesialist-${specialist.id}-navn`}>
                  <Heading level="4" size="xsmall" id={`spesialist-${specialist.id}-navn`}>
                    {specialist.name}, {specialist.officeName}
                  </Heading>
                  <BodyShort>
                    Snitt {formatNumber(specialist.weeklyAverage)} per uke: {specialist.meetsTarget ? 'når målet' : `under målet på ${WEEKLY_CANDIDATE_CONTACT_TARGET}`}.
                  </BodyShort>
                  {specialist.total === 0 ? (
                    <BodyShort>Ingen kandidatrettede arbeidsgiverkontakter de siste {WEEKS_SHOWN} ukene ennå.</BodyShort>
                  ) : (
                    <SpecialistContactsChart
                      chartId={`spesialist-${specialist.id}-diagram`}
                      name={specialist.name}
                      weeks={specialist.weeks}
                      target={WEEKLY_CANDIDATE_CONTACT_TARGET}
                      weeklyAverage={specialist.weeklyAverage}
                      summary={weeksSummary(specialist.name, specialist.weeks, specialist.weeklyAverage)}
                    />
                  )}
                </VStack>
              ))}
            </>
          )}
        </VStack>

        <VStack gap="space-16" as="section" aria-labelledby="ips-forste-kontakt">
          <Heading level="3" size="small" id="ips-forste-kontakt">
            Tid til første arbeidsgiverkontakt
          </Heading>
          <BodyShort>
            Dager fra en kandidat ble registrert ved et kontor i {area} til første arbeidsgiverkontakt om kandidaten, for kandidater registrert siden{' '}
            {formatOsloDate(firstContacts.since)}; målet er innen {FIRST_CONTACT_TARGET_DAYS} dager.
          </BodyShort>
          {firstContacts.candidates === 0 ? (
            <BodyShort>Ingen kandidater registrert det siste året ennå.</BodyShort>
          ) : (
            <>
              <KeyFigures
                label="Tid til første arbeidsgiverkontakt"
                figures={[
                  { term: 'Kandidater registrert', value: firstContacts.candidates },
                  { term: 'Median dager til første kontakt', value: firstContacts.medianDays === null ? '–' : formatNumber(firstContacts.medianDays) },
                  {
                    term: `Andel innen ${FIRST_CONTACT_TARGET_DAYS} dager`,
                    value: firstContacts.shareWithinTarget === null ? '–' : percentFormat.format(firstContacts.shareWithinTarget),
                  },
                  { term: 'Venter fortsatt på første kontakt', value: firstContacts.waiting },
                ]}
              />
              <BodyShort>
                {firstContacts.contacted === 0
                  ? 'Ingen av kandidatene har fått en arbeidsgiverkontakt ennå, så det finnes ingen median.'
                  : `Medianen gjelder de ${firstContacts.contacted} kandidatene som har fått kontakt.`}{' '}
                {firstContacts.decided === 0
                  ? `Andelen vises når den første kandidaten har fått kontakt eller har ventet mer enn ${FIRST_CONTACT_TARGET_DAYS} dager.`
                  : `Andelen er ${firstContacts.withinTarget} av ${firstContacts.decided} kandidater som enten har fått kontakt eller har ventet mer enn ${FIRST_CONTACT_TARGET_DAYS} dager.`}
              </BodyShort>
              {firstContacts.waiting === 0 ? (
                <BodyShort>Ingen kandidater venter på første arbeidsgiverkontakt.</BodyShort>
              ) : (
                <>
                  <Table size="small">
                    <caption>Kandidater som venter på første kontakt, etter hvor lenge de har ventet</caption>
                    <Table.Header>
                      <Table.Row>
                        <Table.HeaderCell scope="col">Ventet</Table.HeaderCell>
                        <Table.HeaderCell scope="col" align="right">
                          Kandidater
                        </Table.HeaderCell>
                      </Table.Row>
                    </Table.Header>
                    <Table.Body>
                      {firstContacts.waitingBands.map((band) => (
                        <Table.Row key={band.label}>
                          <Table.HeaderCell scope="row">{band.label}</Table.HeaderCell>
                          <Table.DataCell align="right">{band.count}</Table.DataCell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                  <Table size="small">
                    <caption>
                      {firstContacts.waiting > firstContacts.longestWaiting.length
                        ? `De ${firstContacts.longestWaiting.length} som har ventet lengst`
                        : 'Alle som venter'}
                    </caption>
                    <Table.Header>
                      <Table.Row>
                        <Table.HeaderCell scope="col">Kandidat</Table.HeaderCell>
                        <Table.HeaderCell scope="col">Kontor</Table.HeaderCell>
                        <Table.HeaderCell scope="col">Registrert</Table.HeaderCell>
                        <Table.HeaderCell scope="col" align="right">
                          Dager ventet
                        </Table.HeaderCell>
                      </Table.Row>
                    </Table.Header>
                    <Table.Body>
                      {firstContacts.longestWaiting.map((candidate) => (
                        <Table.Row key={candidate.candidateId}>
                          <Table.DataCell>{candidate.label}</Table.DataCell>
                          <Table.DataCell>{candidate.officeName}</Table.DataCell>
                          <Table.DataCell>{formatOsloDate(candidate.startedOn)}</Table.DataCell>
                          <Table.DataCell align="right">{candidate.waitedDays}</Table.DataCell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </>
              )}
            </>
          )}
        </VStack>
      </VStack>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
