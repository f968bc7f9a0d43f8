import { BodyShort, Heading, Link, Table, Tag, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { NewMeetingForm } from '~/components/matching-meeting-forms'
import { meetingWhen } from '~/components/matching-meeting-referat'
import { createMeetingFromForm, meetingsOverview, newMeetingOptions, type ListedMeeting } from '~/modules/matching-meetings.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'

export const meta: MetaFunction = () => [{ title: 'Matchemøter – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const overview = await meetingsOverview(user)
  const options = await newMeetingOptions(user, overview.region)
  return json({ region: overview.region, upcoming: overview.upcoming, past: overview.past, options })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const created = await createMeetingFromForm(user, formData)
  if (!created.ok) return json({ reply: created.reply }, { status: 400 })
  return redirect(`/marked/matchemoter/${created.meetingId}?melding=opprettet`)
}

function statusTag(meeting: ListedMeeting, upcoming: boolean) {
  if (meeting.status === 'held') return <Tag variant="success" size="small">Holdt</Tag>
  return upcoming ? <Tag variant="info" size="small">Planlagt</Tag> : <Tag variant="warning" size="small">Ikke markert som holdt</Tag>
}

function MeetingTable({ meetings, caption, upcoming }: { meetings: ListedMeeting[]; caption: string; upcoming: boolean }) {
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">Møte</Table.HeaderCell>
          <Table.HeaderCell scope="col">Tid</Table.HeaderCell>
          <Table.HeaderCell scope="col">Sted</Table.HeaderCell>
          <Table.HeaderCell scope="col">Kandidater</Table.HeaderCell>
          <Table.HeaderCell scope="col">Stillinger</Table.HeaderCell>
          <Table.HeaderCell scope="col">Status</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {meetings.map((meeting) => (
          <Table.Row key={meeting.id}>
            <Table.DataCell>
              <Link as={RemixLink} to={`/marked/matchemoter/${meeting.id}`}>
                {meeting.title}
              </Link>
              {meeting.participates ? <BodyShort size="small">Du er med</BodyShort> : null}
            </Table.DataCell>
            <Table.DataCell>{meetingWhen(meeting)}</Table.DataCell>
            <Table.DataCell>{meeting.place}</Table.DataCell>
            <Table.DataCell>{meeting.candidateCount}</Table.DataCell>
            <Table.DataCell>{meeting.openingCount}</Table.DataCell>
            <Table.DataCell>{statusTag(meeting, upcoming)}</Table.DataCell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

export default function MatchingMeetingsPage() {
  const { region, upcoming, past, options } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          Matchemøter
        </Heading>
        <BodyShort className="form-wide">
          Markedskontakter, jobbspesialister og veiledere går gjennom kandidater og stillinger sammen, ser hva matchingen foreslår og skriver ned hvem som gjør
          hva. Møter i {region.map((county) => county.name).join(' og ')}.
        </BodyShort>
      </VStack>
      <VStack gap="space-12" as="section" aria-labelledby="kommende">
        <Heading level="2" size="medium" id="kommende">
          Kommende møter
        </Heading>
        {upcoming.length === 0 ? <BodyShort>Ingen planlagte møter i regionen.</BodyShort> : <MeetingTable meetings={upcoming} caption="Kommende matchemøter" upcoming />}
      </VStack>
      <VStack gap="space-12" as="section" aria-labelledby="tidligere">
        <Heading level="2" size="medium" id="tidligere">
          Tidligere møter
        </Heading>
        {past.length === 0 ? <BodyShort>Ingen tidligere møter ennå.</BodyShort> : <MeetingTable meetings={past} caption="Tidligere matchemøter" upcoming={false} />}
      </VStack>
      <NewMeetingForm options={options} lastResult={result?.reply} />
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
