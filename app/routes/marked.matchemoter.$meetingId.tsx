import { Alert, BodyShort, Heading, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Facts } from '~/components/admin/facts'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { AddToMeetingForm, earlierEntriesFor, MarkHeldForm, MinuteForm, minuteFormKey } from '~/components/matching-meeting-forms'
import { MeetingCandidateCard, MeetingOpeningCard } from '~/components/matching-meeting-items'
import { MeetingReferat, meetingWhen, MinuteEntries } from '~/components/matching-meeting-referat'
import { PageHeader } from '~/components/page-header'
import { RedirectNotice } from '~/components/page-notices'
import { addCandidate, addOpening, markHeld, meetingPage, recordMinuteFromForm, requireMeetingForStaff, type MeetingPageData } from '~/modules/matching-meetings.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.meeting.title ?? 'Matchemøte'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const meeting = await requireMeetingForStaff(user, params.meetingId)
  return json(await meetingPage(user, meeting))
}

const intentSchema = z.object({ intent: z.enum(['addCandidate', 'addOpening', 'minute', 'markHeld']) })

type ActionReply =
  | { intent: 'addCandidate' | 'addOpening'; error?: string; notice?: string; value?: string }
  | { intent: 'minute'; formKey: string; reply: NonNullable<Parameters<typeof MinuteForm>[0]['lastResult']> }
  | { intent: 'markHeld'; error: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const meeting = await requireMeetingForStaff(user, params.meetingId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const parsed = intentSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw new Response('Ugyldig forespørsel. Last siden på nytt og prøv igjen.', { status: 400 })
  const base = `/marked/matchemoter/${meeting.id}`
  const { intent } = parsed.data
  if (intent === 'addCandidate' || intent === 'addOpening') {
    const field = intent === 'addCandidate' ? 'candidateId' : 'openingId'
    const value = formData.get(field)
    const outcome = intent === 'addCandidate' ? await addCandidate(user, meeting, value) : await addOpening(user, meeting, value)
    if (!outcome.ok) return json<ActionReply>({ intent, error: outcome.error, value: typeof value === 'string' ? value : '' }, { status: 400 })
    if (!outcome.added) return json<ActionReply>({ intent, notice: `${outcome.label} er allerede med i møtet.` })
    const anchor = intent === 'addCandidate' ? `kandidat-${String(value)}` : `stilling-${String(value)}`
    return redirect(`${base}?melding=${intent === 'addCandidate' ? 'kandidat' : 'stilling'}#${anchor}`)
  }
  if (intent === 'minute') {
    const outcome = await recordMinuteFromForm(user, meeting, formData)
    if (!outcome.ok) return json<ActionReply>({ intent, formKey: outcome.formKey, reply: outcome.reply }, { status: 400 })
    return redirect(`${base}?melding=referat#${outcome.formKey}`)
  }
  const held = await markHeld(user, meeting)
  if (!held.ok) return json<ActionReply>({ intent, error: held.error }, { status: 409 })
  return redirect(`${base}?melding=holdt`)
}

const notices = {
  opprettet: { variant: 'success', text: 'Møtet er opprettet. Legg til kandidater og stillinger, så viser matchingen hva som passer.' },
  kandidat: { variant: 'success', text: 'Kandidaten er lagt til i møtet.' },
  stilling: { variant: 'success', text: 'Stillingen er lagt til i møtet.' },
  referat: { variant: 'success', text: 'Oppføringen er skrevet i referatet.' },
  holdt: { variant: 'success', text: 'Møtet er markert som holdt. Referatet står nedenfor.' },
} as const

function itemMinutes(data: MeetingPageData, fixed: { candidateId?: string; openingId?: string }) {
  return data.minutes.filter((minute) => (fixed.candidateId ? minute.candidateId === fixed.candidateId : minute.openingId === fixed.openingId))
}

export default function MatchingMeetingPage() {
  const data = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>() as ActionReply | undefined
  const { meeting } = data
  const held = meeting.status === 'held'
  const replyFor = (formKey: string) => (answer?.intent === 'minute' && answer.formKey === formKey ? answer.reply : undefined)
  const addAnswer = (intent: 'addCandidate' | 'addOpening') => (answer?.intent === intent ? answer : null)
  const minuteForm = (formKey: string, fixed: { candidateId?: string; openingId?: string }, heading: string, headingLevel: '3' | '4' = '4') => (
    <MinuteForm
      formKey={formKey}
      fixed={fixed}
      choices={{ ...data.minuteChoices, earlier: earlierEntriesFor(data.minutes, fixed) }}
      currentUserId={data.currentUserId}
      today={data.today}
      generation={fixed.candidateId || fixed.openingId ? itemMinutes(data, fixed).length : data.minutes.length}
      lastResult={replyFor(formKey)}
      heading={heading}
      headingLevel={headingLevel}
    />
  )
  return (
    <VStack gap="space-32">
      <PageHeader back={{ to: '/marked/matchemoter', label: 'Matchemøter' }} title={meeting.title}>
        {/* A held meeting's referat has these facts itself, and is what gets printed. */}
        {held ? null : (
          <Facts
            items={[
              ['Tid', meetingWhen(meeting)],
              ['Sted', meeting.place],
              ['Status', 'Planlagt'],
              ['Deltakere', data.participants.map((person) => person.name).join(', ') || 'Ingen registrert'],
              ['Opprettet av', meeting.createdByName],
            ]}
          />
        )}
      </PageHeader>
      <RedirectNotice notices={notices} />
      {data.readOnlyMessage ? <Alert variant="info">{data.readOnlyMessage}</Alert> : null}
      {/* A stale page's add or "held" reaches a meeting that is held by now, where those forms are gone: say it here. */}
      {held && answer && answer.intent !== 'minute' && answer.error ? (
        <Alert variant="info" role="status">
          {answer.error}
        </Alert>
      ) : null}

      {held ? (
        <>
          <MeetingReferat data={data} />
          {data.mayRecord ? (
            <VStack gap="space-16" as="section" aria-labelledby="tillegg" className="matching-meeting-screen-only" id={minuteFormKey.general}>
              <Heading level="2" size="medium" id="tillegg">
                Tillegg og rettelser
              </Heading>
              <BodyShort>Referatet endres ikke i ettertid. Det du skriver her blir en ny oppføring, og en rettelse viser til den gamle.</BodyShort>
              {data.candidates.length + data.openings.length > 0 ? (
                minuteForm(minuteFormKey.general, {}, 'Skriv et tillegg eller en rettelse', '3')
              ) : (
                <BodyShort>Møtet hadde ingen kandidater eller stillinger å skrive om.</BodyShort>
              )}
            </VStack>
          ) : null}
        </>
      ) : (
        <>
          <VStack gap="space-16" as="section" aria-labelledby="kandidater">
            <Heading level="2" size="medium" id="kandidater">
              Kandidater
            </Heading>
            <BodyShort>
              Kandidatene vises med kandidatnummer, aldri med navn. For hver synlig kandidat viser matchingen de beste stillingene i møtet og i{' '}
              {meeting.countyName}.
            </BodyShort>
            {data.mayRecord ? (
              <AddToMeetingForm
                intent="addCandidate"
                name="candidateId"
                label={`Legg til en kandidat fra ${data.ownOffice ?? 'kontoret ditt'}`}
                description="Aktive kandidater ved kontoret ditt, etter hvem som følger dem opp."
                groups={data.addable.candidates}
                submitLabel="Legg til kandidaten"
                answer={addAnswer('addCandidate')}
                generation={data.candidates.length}
              />
            ) : null}
            {data.candidates.length === 0 ? <BodyShort>Ingen kandidater er lagt til ennå.</BodyShort> : null}
            {data.candidates.map((candidate) => {
              const fixed = { candidateId: candidate.id }
              return (
                <MeetingCandidateCard key={candidate.id} candidate={candidate} countyName={meeting.countyName} mayAdd={data.mayRecord}>
                  <VStack gap="space-8">
                    <Heading level="4" size="xsmall">
                      I referatet
                    </Heading>
                    <MinuteEntries minutes={itemMinutes(data, fixed)} show="opening" empty="Ingenting skrevet ennå." />
                  </VStack>
                  {data.mayRecord ? minuteForm(minuteFormKey.candidate(candidate.id), fixed, `Skriv i referatet om ${candidate.label}`) : null}
                </MeetingCandidateCard>
              )
            })}
          </VStack>

          <VStack gap="space-16" as="section" aria-labelledby="stillinger">
            <Heading level="2" size="medium" id="stillinger">
              Stillinger
            </Heading>
            <BodyShort>Publiserte stillinger i {meeting.countyName}. For hver stilling viser matchingen de beste kandidatene som er synlige for arbeidsgivere.</BodyShort>
            {data.mayRecord ? (
              <AddToMeetingForm
                intent="addOpening"
                name="openingId"
                label={`Legg til en publisert stilling i ${meeting.countyName}`}
                groups={[{ label: 'Publiserte stillinger', options: data.addable.openings }]}
                submitLabel="Legg til stillingen"
                answer={addAnswer('addOpening')}
                generation={data.openings.length}
              />
            ) : null}
            {data.openings.length === 0 ? <BodyShort>Ingen stillinger er lagt til ennå.</BodyShort> : null}
            {data.openings.map((opening) => {
              const fixed = { openingId: opening.id }
              return (
                <MeetingOpeningCard key={opening.id} opening={opening} ownOffice={data.ownOffice} mayAdd={data.mayRecord}>
                  <VStack gap="space-8">
                    <Heading level="4" size="xsmall">
                      I referatet
                    </Heading>
                    <MinuteEntries minutes={itemMinutes(data, fixed)} show="candidate" empty="Ingenting skrevet ennå." />
                  </VStack>
                  {data.mayRecord ? minuteForm(minuteFormKey.opening(opening.id), fixed, `Skriv i referatet om ${opening.title}`) : null}
                </MeetingOpeningCard>
              )
            })}
          </VStack>

          {data.mayRecord ? <MarkHeldForm error={answer?.intent === 'markHeld' ? answer.error : null} /> : null}
        </>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
