import { BodyShort, Heading, VStack } from '@navikt/ds-react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getSql } from '~/utils/db.server'
import { findOffice } from '../../prisma-free-sql/queries/offices'
import { listOfficeStaff } from '../../prisma-free-sql/queries/users'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StaffTable } from '~/components/staff-table'
import { requireStaff } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Mitt kontor – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const sql = getSql()
  const office = user.officeId ? await findOffice(sql, user.officeId) : undefined
  const colleagues = office ? await listOfficeStaff(sql, office.id) : []
  return json({ name: user.name, teamName: user.teamName, office, colleagues })
}

export default function StaffHome() {
  const { name, teamName, office, colleagues } = useLoaderData<typeof loader>()
  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Mitt kontor
      </Heading>
      <BodyShort>Hei, {name}.</BodyShort>
      {office ? (
        <>
          <BodyShort>
            Du jobber ved <strong>{office.name}</strong> ({office.countyName})
            {teamName ? (
              <>
                {' '}
                i teamet <strong>{teamName}</strong>
              </>
            ) : null}
            .
          </BodyShort>
          <Heading level="2" size="medium">
            Kolleger ved {office.name}
          </Heading>
          <StaffTable staff={colleagues} caption={`Ansatte ved ${office.name}`} />
        </>
      ) : (
        <BodyShort>Du er ikke knyttet til et kontor ennå. Be en administrator om å legge deg til.</BodyShort>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
