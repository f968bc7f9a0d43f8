import { Alert, BodyLong, BodyShort, Box, Button, Heading, HStack, Select, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { Facts } from '~/components/admin/facts'
import { ButtonLink } from '~/components/button-link'
import { RecentContactAlert, StageMoveForm, TrafficLightExplanation, type StageMoveFailure } from '~/components/employer-market'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatOsloDate, formatOsloDateTime, sectorLabels, sizeBandLabels } from '~/components/labels'
import { contactKindLabels, stageLabels } from '~/components/market-labels'
import { PageHeader } from '~/components/page-header'
import { RedirectNotice } from '~/components/page-notices'
import {
  applyPostedStageMove,
  follow,
  organisationPage,
  releaseOwnership,
  requireOrganisationForStaff,
  takeOwnership,
  transferOwnership,
  updateTraineeCapacity,
  type Outcome,
} from '~/modules/employer-relationships.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { traineeCapacitySchema } from '~/utils/employer-market-forms'
import { norwegianDate } from '~/utils/opening-form'
import type { RelationshipEvent } from '../../prisma-free-sql/queries/employer-relationships'
import { naceSectionName } from '../../prisma-free-sql/reference-data/vocabulary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? 'Virksomhet'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const relationship = await requireOrganisationForStaff(user, params.organisationId)
  const page = await organisationPage(user, relationship)
  return json({
    organisation: {
      id: relationship.id,
      name: relationship.name,
      orgNumber: relationship.orgNumber,
      naceName: naceSectionName(relationship.naceSection) ?? relationship.naceSection,
      sector: relationship.sector,
      sizeBand: relationship.sizeBand,
      place: `${relationship.municipalityName} (${relationship.countyName})`,
      iaAgreement: relationship.iaAgreement,
      activeMembers: relationship.activeMembers,
      ownerUserId: relationship.ownerUserId,
      ownerName: relationship.ownerName,
      ownerSince: relationship.ownerSince?.toISOString() ?? null,
      stage: relationship.stage,
      stageVersion: relationship.stageVersion,
      notRelevantReason: relationship.notRelevantReason,
      stageChangedAt: relationship.stageChangedAt.toISOString(),
      stageChangedByName: relationship.stageChangedByName,
      traineeCapacity: relationship.traineeCapacity,
    },
    trafficLight: page.trafficLight,
    warning: page.warning ? { ...page.warning, contactedAt: page.warning.contactedAt.toISOString() } : null,
    contacts: page.contacts.map((contact) => ({
      id: contact.id,
      kind: contact.kind,
      staffName: contact.staffName,
      contactedAt: contact.contactedAt.toISOString(),
      summary: contact.summary,
      nextStep: contact.nextStep,
      nextStepDue: contact.nextStepDue,
      candidateLabel: contact.candidateLabel,
    })),
    events: page.events.map((event) => ({ ...event, at: event.at.toISOString() })),
    followers: page.followers,
    following: page.following,
    mayOwn: page.mayOwn,
    mayReassign: page.mayReassign,
    isOwner: relationship.ownerUserId === user.id,
    successors: page.successors,
  })
}

type ActionFailure = { intent: string; error: string; field?: string; traineeCapacity?: string } | StageMoveFailure

const notices = {
  'ansvar-tatt': { variant: 'success', text: 'Du har nå ansvaret for virksomheten. Arbeidsgiveren ser deg som sin kontakt i NAV.' },
  'ansvar-overfort': { variant: 'success', text: 'Ansvaret er overført. Arbeidsgiveren ser den nye kontakten, og begge har fått beskjed.' },
  'ansvar-frigitt': { variant: 'info', text: 'Virksomheten har ingen ansvarlig nå. Arbeidsgiveren får vite hvordan de når NAV.' },
  flyttet: { variant: 'success', text: 'Virksomheten er flyttet til et nytt steg.' },
  folger: { variant: 'success', text: 'Du følger virksomheten og får beskjed når noen logger en kontakt.' },
  'folger-ikke': { variant: 'info', text: 'Du følger ikke lenger virksomheten.' },
  kapasitet: { variant: 'success', text: 'Kapasiteten er lagret.' },
  'kontakt-logget': { variant: 'success', text: 'Kontakten er logget. Alle med tilgang ser den i loggen.' },
  'lagt-til': { variant: 'success', text: 'Arbeidsgiveren er lagt til. Når noen der registrerer seg med organisasjonsnummeret, får de tilgang til virksomheten.' },
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const relationship = await requireOrganisationForStaff(user, params.organisationId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const intent = String(formData.get('intent') ?? '')
  const seenOwner = String(formData.get('seenOwner') ?? '') || null
  const here = `/marked/virksomheter/${relationship.id}`
  const answer = (outcome: Outcome, notice: string) =>
    outcome.ok ? redirect(`${here}?melding=${notice}`) : json<ActionFailure>({ intent, error: outcome.message, field: outcome.field }, { status: outcome.status })
  switch (intent) {
    case 'take':
      return answer(await takeOwnership(user, relationship, seenOwner), 'ansvar-tatt')
    case 'transfer':
      return answer(await transferOwnership(user, relationship, seenOwner, String(formData.get('toUserId') ?? '')), 'ansvar-overfort')
    case 'release':
      return answer(await releaseOwnership(user, relationship, seenOwner), 'ansvar-frigitt')
    case 'follow':
    case 'unfollow':
      await follow(user, relationship, intent === 'follow')
      return redirect(`${here}?melding=${intent === 'follow' ? 'folger' : 'folger-ikke'}`)
    case 'move': {
      const moved = await applyPostedStageMove(user, relationship, formData)
      return moved.ok ? redirect(`${here}?melding=flyttet`) : json<ActionFailure>(moved.failure, { status: moved.status })
    }
    case 'capacity': {
      const typed = String(formData.get('traineeCapacity') ?? '')
      const parsed = traineeCapacitySchema.safeParse({ traineeCapacity: typed })
      if (!parsed.success) return json<ActionFailure>({ intent, error: parsed.error.issues[0]!.message, field: 'traineeCapacity', traineeCapacity: typed }, { status: 400 })
      await updateTraineeCapacity(user, relationship, parsed.data.traineeCapacity)
      return redirect(`${here}?melding=kapasitet`)
    }
    default:
      return json<ActionFailure>({ intent, error: 'Ukjent handling. Last siden på nytt og prøv igjen.' }, { status: 400 })
  }
}

const eventText = (event: { kind: RelationshipEvent['kind']; fromValue: string | null; toValue: string | null; reason: string }) => {
  switch (event.kind) {
    case 'owner_taken':
      return `tok ansvaret`
    case 'owner_transferred':
      return `overførte ansvaret fra ${event.fromValue ?? 'ingen'} til ${event.toValue ?? 'ingen'}`
    case 'owner_released':
      return `ga fra seg ansvaret${event.fromValue ? ` etter ${event.fromValue}` : ''}`
    case 'stage_moved':
      return `flyttet til «${stageLabels[event.toValue as keyof typeof stageLabels] ?? event.toValue}»${event.reason ? `: ${event.reason}` : ''}`
    case 'capacity_set':
      return `satte kapasiteten for tiltaksdeltakere til ${event.toValue ?? 'ikke avklart'}`
    case 'added':
      return 'la til virksomheten i registeret'
  }
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Box as="section" aria-labelledby={id} padding="space-16" borderWidth="1" borderColor="neutral-subtle" borderRadius="8">
      <VStack gap="space-12">
        <Heading level="2" size="small" id={id}>
          {title}
        </Heading>
        {children}
      </VStack>
    </Box>
  )
}

export default function OrganisationMarketPage() {
  const data = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const { organisation } = data
  const failure = failed && failed.intent !== 'move' && 'error' in failed ? failed : null
  const moveFailure = failed && failed.intent === 'move' && 'organisationId' in failed ? failed : null
  const ownerForm = (intent: string, label: string, variant: 'primary' | 'secondary' | 'tertiary' = 'secondary') => (
    <Form method="post">
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="seenOwner" value={organisation.ownerUserId ?? ''} />
      <Button type="submit" size="small" variant={variant}>
        {label}
      </Button>
    </Form>
  )
  return (
    <VStack gap="space-24">
      <PageHeader back={{ to: '/marked', label: 'Arbeidsgivere' }} title={organisation.name}>
        <BodyShort>
          Org.nr. {organisation.orgNumber} · {organisation.place}
        </BodyShort>
      </PageHeader>
      <RedirectNotice notices={notices} />
      <RecentContactAlert warning={data.warning} />
      {failure && failure.intent !== 'capacity' ? (
        <Alert variant="error" role="alert">
          {failure.error}
        </Alert>
      ) : null}
      <HStack gap="space-16">
        <ButtonLink to={`/marked/virksomheter/${organisation.id}/kontakt`}>Logg kontakt</ButtonLink>
      </HStack>
      <Facts
        items={[
          ['Bransje', organisation.naceName],
          ['Sektor', sectorLabels[organisation.sector]],
          ['Størrelse', sizeBandLabels[organisation.sizeBand]],
          ['IA-avtale', organisation.iaAgreement ? 'Ja' : 'Nei eller ikke oppgitt'],
          [
            'I portalen',
            organisation.activeMembers > 0
              ? `${organisation.activeMembers} ${organisation.activeMembers === 1 ? 'bruker' : 'brukere'}`
              : 'Ingen brukere ennå. Arbeidsgiveren får tilgang ved å registrere seg med organisasjonsnummeret.',
          ],
        ]}
      />
      <Section id="ansvar" title="Ansvarlig markedskontakt">
        {organisation.ownerName ? (
          <BodyShort>
            <strong>{organisation.ownerName}</strong>
            {data.isOwner ? ' (deg)' : ''} har ansvaret{organisation.ownerSince ? ` siden ${formatOsloDate(organisation.ownerSince)}` : ''}. Arbeidsgiveren
            ser {data.isOwner ? 'deg' : 'denne personen'} som sin kontakt i NAV.
          </BodyShort>
        ) : (
          <BodyShort>Ingen har ansvaret ennå. Arbeidsgiveren ser bare NAVs felles telefonnummer.</BodyShort>
        )}
        <HStack gap="space-8" align="end">
          {data.mayOwn && !organisation.ownerUserId ? ownerForm('take', 'Ta ansvaret', 'primary') : null}
          {data.mayOwn && organisation.ownerUserId && !data.isOwner && data.mayReassign ? ownerForm('take', 'Ta over ansvaret') : null}
          {data.mayReassign && organisation.ownerUserId ? ownerForm('release', 'Gi fra seg ansvaret', 'tertiary') : null}
        </HStack>
        {data.mayReassign && data.successors.length > 0 ? (
          <Form method="post">
            <AuthenticityTokenInput />
            <input type="hidden" name="intent" value="transfer" />
            <input type="hidden" name="seenOwner" value={organisation.ownerUserId ?? ''} />
            <HStack gap="space-8" align="end">
              <Select label="Overfør ansvaret til" name="toUserId" size="small" error={failure?.field === 'toUserId' ? failure.error : undefined}>
                {data.successors.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </Select>
              <Button type="submit" size="small" variant="secondary">
                Overfør
              </Button>
            </HStack>
          </Form>
        ) : null}
        {!data.mayOwn && !organisation.ownerUserId ? (
          <BodyShort size="small">Ansvaret kan tas av en markedskontakt som dekker fylket.</BodyShort>
        ) : null}
        <BodyShort>
          {data.followers.length === 0 ? 'Ingen følger virksomheten.' : `Følges av ${data.followers.map((person) => person.name).join(', ')}.`}
        </BodyShort>
        <FollowButton following={data.following} />
      </Section>
      <Section id="trafikklys" title="Trafikklys">
        <TrafficLightExplanation {...data.trafficLight} />
        <Form method="post">
          <AuthenticityTokenInput />
          <input type="hidden" name="intent" value="capacity" />
          <HStack gap="space-8" align="end">
            <TextField
              label="Kapasitet for tiltaksdeltakere samtidig"
              description="Det arbeidsgiveren har sagt ja til. La stå tomt hvis det ikke er avklart."
              name="traineeCapacity"
              inputMode="numeric"
              htmlSize={6}
              size="small"
              defaultValue={failure?.intent === 'capacity' ? failure.traineeCapacity : (organisation.traineeCapacity ?? '')}
              error={failure?.intent === 'capacity' ? failure.error : undefined}
            />
            <Button type="submit" size="small" variant="secondary">
              Lagre kapasitet
            </Button>
          </HStack>
        </Form>
      </Section>
      <Section id="oppfolging" title="Oppfølging">
        <BodyShort>
          Steg: <strong>{stageLabels[organisation.stage]}</strong>
          {organisation.stageChangedByName ? `, satt av ${organisation.stageChangedByName} ${formatOsloDateTime(organisation.stageChangedAt)}` : ''}.
        </BodyShort>
        {organisation.stage === 'not_relevant' ? <BodyLong>Begrunnelse: {organisation.notRelevantReason}</BodyLong> : null}
        <StageMoveForm
          organisationId={organisation.id}
          organisationName={organisation.name}
          stage={organisation.stage}
          stageVersion={organisation.stageVersion}
          failed={moveFailure}
        />
      </Section>
      <Section id="kontaktlogg" title="Kontaktlogg">
        {data.contacts.length === 0 ? (
          <BodyShort>Ingen kontakter er logget ennå.</BodyShort>
        ) : (
          <ol className="case-history">
            {data.contacts.map((contact) => (
              <li key={contact.id}>
                <Box padding="space-8" borderWidth="0 0 1 0" borderColor="neutral-subtle">
                  <VStack gap="space-4">
                    <BodyShort weight="semibold">
                      {formatOsloDateTime(contact.contactedAt)} · {contactKindLabels[contact.kind]} · {contact.staffName}
                    </BodyShort>
                    {contact.candidateLabel ? <BodyShort size="small">Gjaldt {contact.candidateLabel}</BodyShort> : null}
                    <BodyLong className="preserve-lines">{contact.summary}</BodyLong>
                    {contact.nextStep ? (
                      <BodyShort size="small">
                        Neste steg: {contact.nextStep}
                        {contact.nextStepDue ? ` (innen ${norwegianDate(contact.nextStepDue)})` : ''}
                      </BodyShort>
                    ) : null}
                  </VStack>
                </Box>
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section id="historikk" title="Historikk">
        {data.events.length === 0 ? (
          <BodyShort>Ingen endringer ennå.</BodyShort>
        ) : (
          <ol className="case-history">
            {data.events.map((event) => (
              <li key={event.id}>
                <BodyShort size="small">
                  {formatOsloDateTime(event.at)}: {event.actorName ?? 'Noen'} {eventText(event)}
                </BodyShort>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </VStack>
  )
}

function FollowButton({ following }: { following: boolean }) {
  return (
    <Form method="post">
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value={following ? 'unfollow' : 'follow'} />
      <Button type="submit" size="small" variant="tertiary">
        {following ? 'Slutt å følge' : 'Følg virksomheten'}
      </Button>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
