import { BodyLong, BodyShort, Box, Button, Checkbox, CheckboxGroup, Heading, Link, VStack } from '@navikt/ds-react'
import { Form, Link as RemixLink, useMatches } from '@remix-run/react'
import type { ReactNode } from 'react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { disclosureFieldLabels, disclosureFields, fieldsInWords, type DisclosureFacts, type DisclosureField } from '~/modules/case-disclosure'
import { Facts } from './admin/facts'
import { ButtonLink } from './button-link'
import { formatOsloDate, formatOsloDateTime } from './labels'

export type StaffDisclosureSummaryData = {
  current: DisclosureFacts | null
  history: DisclosureFacts[]
  sharing: { ok: true } | { ok: false; message: string }
}

/** The sub-routes these panels show in place of their summary (the case pages may have other children too). */
const STAFF_SHARING_ROUTE = 'routes/ansatt.saker.$caseId.deling'
const EMPLOYER_CONTACT_ROUTE = 'routes/arbeidsgiver.saker.$caseId.kontakt'

/** The case page's outlet when `routeId` is what it holds; another child route of the page is not this panel's. */
function useOwnOutlet(outlet: ReactNode, routeId: string): ReactNode {
  return useMatches().some((match) => match.id === routeId) ? outlet : null
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('nb') + text.slice(1)

function endOf(item: DisclosureFacts): string {
  if (item.visible) return `Arbeidsgiveren ser dem til ${formatOsloDate(item.expiresAt)}.`
  if (item.revokedAt) return `Trukket tilbake ${formatOsloDateTime(item.revokedAt)}${item.revokedByName ? ` av ${item.revokedByName}` : ''}.`
  if (item.purgeReason === 'case_ended' || item.endedAt) return `Skjult da saken ble avsluttet uten ansettelse${item.endedAt ? ` ${formatOsloDateTime(item.endedAt)}` : ''}.`
  if (item.purgeReason === 'expired' || new Date(item.expiresAt).getTime() <= Date.now()) return `Utløpt ${formatOsloDate(item.expiresAt)}.`
  return 'Ikke synlig for arbeidsgiveren.'
}

/** Every sharing in the case, newest first: what, by whom, when, and how it ended. */
export function DisclosureHistory({ history }: { history: DisclosureFacts[] }) {
  if (history.length === 0) return null
  return (
    <VStack gap="space-8" as="section" aria-labelledby="disclosure-history">
      <Heading level="3" size="xsmall" id="disclosure-history">
        Delinger i saken
      </Heading>
      <ul className="case-history">
        {history.map((item) => (
          <li key={item.id}>
            <BodyShort size="small">
              <strong>{formatOsloDateTime(item.sharedAt)}</strong>: {capitalised(fieldsInWords(item.fields))} delt av {item.sharedByName}. {endOf(item)}
              {item.purgedAt ? ` Opplysningene ble slettet ${formatOsloDateTime(item.purgedAt)}.` : ''}
            </BodyShort>
          </li>
        ))}
      </ul>
    </VStack>
  )
}

/**
 * The staff case page's section on sharing: what is shared and until when, or whether it can be shared, with the way
 * to the sharing page (`deling`). When that page is open it is shown here instead (`outlet`).
 */
export function StaffDisclosurePanel({ summary, outlet: pageOutlet }: { summary: StaffDisclosureSummaryData; outlet: ReactNode }) {
  const outlet = useOwnOutlet(pageOutlet, STAFF_SHARING_ROUTE)
  if (!outlet && !summary.current && !summary.sharing.ok && summary.history.length === 0) return null
  return (
    <Box as="section" aria-labelledby="disclosure-heading" padding="space-16" borderWidth="1" borderColor="neutral-subtle" borderRadius="8">
      <VStack gap="space-12">
        <Heading level="2" size="small" id="disclosure-heading">
          Kontaktopplysninger til arbeidsgiveren
        </Heading>
        {outlet ?? (
          <>
            {summary.current ? (
              <BodyShort>
                {capitalised(fieldsInWords(summary.current.fields))} er delt med arbeidsgiveren i denne saken. Arbeidsgiveren ser
                opplysningene til {formatOsloDate(summary.current.expiresAt)}.
              </BodyShort>
            ) : summary.sharing.ok ? (
              <BodyShort>Kandidaten har sagt ja. Du kan dele navn og kontaktopplysninger med arbeidsgiveren i denne saken.</BodyShort>
            ) : (
              <BodyShort>{summary.sharing.message}</BodyShort>
            )}
            {summary.current || summary.sharing.ok ? (
              <div>
                <ButtonLink to="deling" variant={summary.current ? 'secondary' : 'primary'} size="small">
                  {summary.current ? 'Se eller trekk tilbake delingen' : 'Del kontaktopplysninger'}
                </ButtonLink>
              </div>
            ) : null}
            <DisclosureHistory history={summary.history.filter((item) => item.id !== summary.current?.id)} />
          </>
        )}
      </VStack>
    </Box>
  )
}

export type ShareableIdentityData = { firstName: string; lastName: string; phone: string; email: string }

function identityValue(identity: ShareableIdentityData, field: DisclosureField): string {
  if (field === 'name') return `${identity.firstName} ${identity.lastName}`.trim()
  return identity[field].trim()
}

/** The specialist picks what the candidate agreed to share, sees the values, and confirms. Works without JavaScript. */
export function ShareDisclosureForm({
  identity,
  failed,
}: {
  identity: ShareableIdentityData
  failed: { fields: string[]; error: string; field: 'fields' | 'confirmed' | 'form' } | undefined
}) {
  return (
    <Form method="post">
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="share" />
      <VStack gap="space-16">
        <CheckboxGroup
          legend="Hva har kandidaten sagt ja til å dele med denne arbeidsgiveren?"
          description="Bare det du krysser av, deles, og bare i denne saken. Arbeidsgiveren ser det i 6 måneder, eller til saken avsluttes uten ansettelse."
          name="fields"
          defaultValue={failed?.fields ?? []}
          error={failed?.field === 'fields' ? failed.error : undefined}
        >
          {disclosureFields.map((field) => {
            const value = identityValue(identity, field)
            return (
              <Checkbox key={field} name="fields" value={field} disabled={value === ''}>
                {disclosureFieldLabels[field]}: {value === '' ? 'ikke registrert' : value}
              </Checkbox>
            )
          })}
        </CheckboxGroup>
        <CheckboxGroup legend="Bekreftelse" hideLegend error={failed?.field === 'confirmed' ? failed.error : undefined}>
          <Checkbox name="confirmed" value="ja">
            Kandidaten har sagt ja til å dele akkurat disse opplysningene med denne arbeidsgiveren
          </Checkbox>
        </CheckboxGroup>
        <BodyShort size="small">Fødselsnummer, adresse og opplysninger om helse deles aldri.</BodyShort>
        <div>
          <Button type="submit">Del med arbeidsgiveren</Button>
        </div>
      </VStack>
    </Form>
  )
}

export type SharedDetailData = { field: DisclosureField; label: string; value: string }

function detailValue(detail: SharedDetailData): ReactNode {
  if (detail.field === 'phone') return <Link href={`tel:${detail.value.replace(/[^\d+]/g, '')}`}>{detail.value}</Link>
  if (detail.field === 'email') return <Link href={`mailto:${detail.value}`}>{detail.value}</Link>
  return detail.value
}

/** The shared details as a list of label and value. */
export function SharedDetails({ details }: { details: SharedDetailData[] }) {
  return <Facts items={details.map((detail) => [detail.label, detailValue(detail)])} />
}

const EMPLOYER_HEADING = 'Kontaktopplysninger delt av NAV'

/**
 * The employer case page's box when details are shared and visible: what was shared and when it disappears, with a
 * link to the page that shows them (every visit there is logged). When that page is open it is shown here instead.
 */
export function EmployerDisclosureBox({
  notice,
  outlet: pageOutlet,
}: {
  notice: { fields: DisclosureField[]; expiresAt: string } | null
  outlet: ReactNode
}) {
  const outlet = useOwnOutlet(pageOutlet, EMPLOYER_CONTACT_ROUTE)
  if (!outlet && !notice) return null
  return (
    <Box as="section" aria-labelledby="shared-contact-heading" padding="space-16" background="info-soft" borderRadius="8">
      <VStack gap="space-12">
        <Heading level="2" size="small" id="shared-contact-heading">
          {EMPLOYER_HEADING}
        </Heading>
        {outlet ?? (
          <>
            <BodyLong>
              Kandidaten har sagt ja, og NAV har delt {fieldsInWords(notice!.fields)} med dere, bare til bruk i denne saken.
              Opplysningene forsvinner herfra {formatOsloDate(notice!.expiresAt)}, eller før hvis saken avsluttes uten ansettelse.
            </BodyLong>
            <BodyShort>
              <Link as={RemixLink} to="kontakt">
                Vis kontaktopplysningene
              </Link>
            </BodyShort>
          </>
        )}
      </VStack>
    </Box>
  )
}

/** The shared details for the employer, or why there are none. */
export function EmployerSharedDetails({ view, caseId }: { view: { details: SharedDetailData[]; expiresAt: string } | null; caseId: string }) {
  if (!view) {
    return (
      <VStack gap="space-8">
        <BodyShort>Ingen kontaktopplysninger er delt med dere i denne saken nå.</BodyShort>
        <BodyShort size="small">
          Opplysninger som NAV har delt, forsvinner etter 6 måneder, når saken avsluttes uten ansettelse, eller når
          jobbspesialisten trekker delingen tilbake.
        </BodyShort>
      </VStack>
    )
  }
  return (
    <VStack gap="space-12">
      <SharedDetails details={view.details} />
      <BodyShort size="small">
        Opplysningene forsvinner herfra {formatOsloDate(view.expiresAt)}. Bruk dem bare i denne saken. Hver gang de vises, logges
        det hvem som så dem og når.
      </BodyShort>
      <BodyShort size="small">
        <Link as={RemixLink} to={`/arbeidsgiver/saker/${caseId}`}>
          Skjul kontaktopplysningene
        </Link>
      </BodyShort>
    </VStack>
  )
}
