import { BodyShort, Button, Heading, HStack, Link, Radio, RadioGroup, Tag, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ActionError } from '~/components/form-errors'
import { RedirectNotice, type RedirectNoticeText } from '~/components/page-notices'
import { formatOsloDateTime } from '~/components/labels'
import { chooseEmailFrequency, emailFrequencyOf, inboxOf, markRead } from '~/modules/notifications.server'
import { requireUser } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'

export const meta: MetaFunction = () => [{ title: 'Varsler – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const entries = await inboxOf(user.id)
  return json({
    entries: entries.map((entry) => ({ id: entry.id, title: entry.title, link: entry.link, createdAt: entry.createdAt.toISOString(), read: entry.readAt !== null })),
    // Employers get every notice at once; the digest is a choice for staff, who get many.
    emailFrequency: user.accountType === 'staff' ? await emailFrequencyOf(user.id) : null,
  })
}

const noticeActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('read'), id: z.coerce.number({ message: 'Ukjent varsel.' }).int().positive('Ukjent varsel.').max(Number.MAX_SAFE_INTEGER, 'Ukjent varsel.') }),
  z.object({ intent: z.literal('read-all') }),
  z.object({ intent: z.literal('frequency'), frequency: z.enum(['immediate', 'daily_digest'], { message: 'Velg hvordan du vil få e-post.' }) }),
])

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const parsed = noticeActionSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? 'Ugyldig forespørsel. Last siden på nytt.' }, { status: 400 })
  if (parsed.data.intent === 'read') await markRead(user.id, parsed.data.id)
  if (parsed.data.intent === 'read-all') await markRead(user.id)
  if (parsed.data.intent === 'frequency') {
    if (user.accountType !== 'staff') return json({ error: 'Arbeidsgivere får alltid varsler med en gang.' }, { status: 400 })
    await chooseEmailFrequency(user.id, parsed.data.frequency)
    return redirect('/varsler?melding=lagret')
  }
  return redirect('/varsler')
}

const notices: Record<string, RedirectNoticeText> = { lagret: { variant: 'success', text: 'Valget ditt er lagret.' } }

export default function NoticesPage() {
  const { entries, emailFrequency } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const unread = entries.filter((entry) => !entry.read).length
  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          Varsler
        </Heading>
        <BodyShort>
          {unread === 0 ? 'Du har ingen uleste varsler.' : unread === 1 ? 'Du har 1 ulest varsel.' : `Du har ${unread} uleste varsler.`} Varslene
          sier bare at noe venter på deg; lenken viser hva det gjelder.
        </BodyShort>
      </VStack>
      <ActionError error={failed?.error} />
      <RedirectNotice notices={notices} />
      {entries.length === 0 ? (
        <BodyShort>Her kommer varsler om nye saker, frister og svar fra arbeidsgivere og NAV.</BodyShort>
      ) : (
        <VStack gap="space-16">
          {unread > 0 ? (
            <Form method="post">
              <AuthenticityTokenInput />
              <input type="hidden" name="intent" value="read-all" />
              <Button type="submit" variant="secondary" size="small">
                Marker alle som lest
              </Button>
            </Form>
          ) : null}
          <ul className="notice-list" aria-label="Varsler, nyeste først">
            {entries.map((entry) => (
              <li key={entry.id} className={entry.read ? 'notice-list__item' : 'notice-list__item notice-list__item--unread'}>
                <HStack gap="space-16" align="center" justify="space-between" wrap>
                  <VStack gap="space-4">
                    <HStack gap="space-8" align="center">
                      {entry.read ? null : (
                        <Tag variant="info" size="xsmall">
                          Ny
                        </Tag>
                      )}
                      <Link as={RemixLink} to={entry.link}>
                        {entry.title}
                      </Link>
                    </HStack>
                    <BodyShort size="small" textColor="subtle">
                      {formatOsloDateTime(entry.createdAt)}
                    </BodyShort>
                  </VStack>
                  {entry.read ? null : (
                    <Form method="post">
                      <AuthenticityTokenInput />
                      <input type="hidden" name="intent" value="read" />
                      <input type="hidden" name="id" value={entry.id} />
                      <Button type="submit" variant="tertiary" size="small">
                        Marker som lest<span className="sr-only">: {entry.title}</span>
                      </Button>
                    </Form>
                  )}
                </HStack>
              </li>
            ))}
          </ul>
        </VStack>
      )}
      {emailFrequency ? (
        <Form method="post">
          <AuthenticityTokenInput />
          <input type="hidden" name="intent" value="frequency" />
          <VStack gap="space-16">
            <RadioGroup legend="E-post om varsler" name="frequency" defaultValue={emailFrequency} description="Påminnelser og varsler om passerte frister kommer alltid med en gang.">
              <Radio value="immediate">Én e-post per varsel, med en gang</Radio>
              <Radio value="daily_digest">Én samlet e-post hver morgen kl. 07:00</Radio>
            </RadioGroup>
            <div>
              <Button type="submit">Lagre valget</Button>
            </div>
          </VStack>
        </Form>
      ) : null}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
