import { Alert, BodyShort, Button, HStack, Link, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData, useParams, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { DisclosureHistory, ShareDisclosureForm, SharedDetails } from '~/components/case-disclosure-panel'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatOsloDate, formatOsloDateTime } from '~/components/labels'
import { disclosureFieldLabels, fieldsInWords, shareFormSchema } from '~/modules/case-disclosure'
import { sharingViewForStaff, shareIdentity, withdrawDisclosure } from '~/modules/case-disclosure.server'
import { requireCaseForStaff } from '~/modules/cases.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'

// Shown inside the staff case page (ansatt.saker.$caseId.tsx renders it in place of its sharing summary).

export const meta: MetaFunction = () => [{ title: 'Del kontaktopplysninger – Jobbsnekker' }]

/** The candidate's details are on this page: not kept by the browser or anything between. */
export const headers: HeadersFunction = ({ loaderHeaders }) => ({ 'Cache-Control': loaderHeaders.get('Cache-Control') ?? 'private, no-store' })

/** Reading the candidate's details here is written to the audit log, like on the personalia page (reason «deling»). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const found = await requireCaseForStaff(user, params.caseId)
  const view = await sharingViewForStaff(user, found)
  return json(
    {
      caseId: found.id,
      current: view.current,
      history: view.history.filter((item) => item.id !== view.current?.id),
      sharing: view.sharing.ok ? { ok: true as const } : { ok: false as const, message: view.sharing.message },
      identity: view.identity,
      sharedDetails: view.current && view.sharedValues
        ? view.current.fields.map((field) => ({
            field,
            label: disclosureFieldLabels[field],
            value: field === 'name' ? `${view.sharedValues!.firstName ?? ''} ${view.sharedValues!.lastName ?? ''}`.trim() : (view.sharedValues![field] ?? ''),
          }))
        : null,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}

type ActionFailure = { intent: 'share' | 'withdraw'; fields: string[]; error: string; field: 'fields' | 'confirmed' | 'form' }

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const found = await requireCaseForStaff(user, params.caseId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const intent = formData.get('intent')
  const back = `/ansatt/saker/${found.id}/deling`
  if (intent === 'withdraw') {
    const outcome = await withdrawDisclosure(user, found.id, String(formData.get('disclosureId') ?? ''))
    if (outcome.status === 'refused') return json<ActionFailure>({ intent, fields: [], error: outcome.message, field: 'form' }, { status: 403 })
    return redirect(`${back}?melding=trukket`)
  }
  if (intent !== 'share') return json<ActionFailure>({ intent: 'share', fields: [], error: 'Ukjent handling. Last siden på nytt.', field: 'form' }, { status: 400 })
  const fields = formData.getAll('fields').map(String)
  const parsed = shareFormSchema.safeParse({ fields, confirmed: formData.get('confirmed') ?? undefined })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path[0] === 'confirmed' ? 'confirmed' : 'fields'
    return json<ActionFailure>({ intent, fields, error: issue?.message ?? 'Ugyldig forespørsel.', field }, { status: 400 })
  }
  const outcome = await shareIdentity(user, found.id, parsed.data.fields)
  if (outcome.status === 'refused') return json<ActionFailure>({ intent, fields, error: outcome.message, field: 'form' }, { status: 409 })
  return redirect(`${back}?melding=${outcome.status === 'shared' ? 'delt' : 'allerede-delt'}`)
}

const notices: Record<string, string> = {
  delt: 'Opplysningene er delt. Arbeidsgiveren har fått beskjed og ser dem på saken.',
  'allerede-delt': 'Opplysningene var allerede delt i denne saken. Ingenting ble delt på nytt.',
  trukket: 'Delingen er trukket tilbake. Arbeidsgiveren ser ikke lenger opplysningene, og de er slettet fra saken.',
}

export default function CaseSharingPage() {
  const data = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { caseId } = useParams()
  const notice = notices[searchParams.get('melding') ?? '']
  return (
    <VStack gap="space-16">
      {notice ? (
        <Alert variant="success" size="small" role="status">
          {notice}
        </Alert>
      ) : null}
      {failed?.field === 'form' ? (
        <Alert variant="error" size="small" role="alert">
          {failed.error}
        </Alert>
      ) : null}
      {data.current ? (
        <VStack gap="space-12">
          <BodyShort>
            Delt {formatOsloDateTime(data.current.sharedAt)} av {data.current.sharedByName}: {fieldsInWords(data.current.fields)}. Arbeidsgiveren
            ser opplysningene til {formatOsloDate(data.current.expiresAt)}, eller til saken avsluttes uten ansettelse.
          </BodyShort>
          {data.sharedDetails ? <SharedDetails details={data.sharedDetails} /> : null}
          {data.sharedDetails ? (
            <Form method="post">
              <AuthenticityTokenInput />
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="disclosureId" value={data.current.id} />
              <Button type="submit" variant="secondary" size="small">
                Trekk tilbake delingen
              </Button>
            </Form>
          ) : null}
        </VStack>
      ) : data.identity ? (
        <ShareDisclosureForm identity={data.identity} failed={failed?.intent === 'share' && failed.field !== 'form' ? failed : undefined} />
      ) : (
        <BodyShort>{data.sharing.ok ? 'Kandidaten har ingen registrerte personopplysninger å dele.' : data.sharing.message}</BodyShort>
      )}
      <DisclosureHistory history={data.history} />
      <HStack>
        <Link as={RemixLink} to={`/ansatt/saker/${caseId ?? data.caseId}`}>
          Lukk
        </Link>
      </HStack>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
