import { BodyShort, Heading, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getSql } from '~/utils/db.server'
import { listTeamMembers } from '../../prisma-free-sql/queries/users'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StaffTable } from '~/components/staff-table'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Mitt team – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'team_lead')
  const members = user.teamId ? await listTeamMembers(getSql(), user.teamId) : []
  return json({ teamName: user.teamName, officeName: user.officeName, members })
}

export default function TeamPage() {
  const { teamName, officeName, members } = useLoaderData<typeof loader>()
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Mitt team
      </Heading>
      {teamName ? (
        <>
          <BodyShort>
            {teamName}, {officeName}. {members.length === 1 ? '1 person' : `${members.length} personer`} i teamet.
          </BodyShort>
          <StaffTable staff={members} caption={`Medlemmer i ${teamName}`} />
        </>
      ) : (
        <BodyShort>Du leder ikke et team ennå. Be en administrator om å knytte deg til teamet ditt.</BodyShort>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
