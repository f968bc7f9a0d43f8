import { getFormProps, getTextareaProps } from '@conform-to/react'
import { Alert, BodyShort, Button, Fieldset, Heading, HStack, Link, List, Textarea, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { naceSections } from '../../prisma-free-sql/reference-data/vocabulary'
import { Facts } from '~/components/admin/facts'
import { ButtonLink } from '~/components/button-link'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/form-errors'
import { RadioField, yesNoOptions } from '~/components/choice-fields'
import { OrganisationFields } from '~/components/organisation-fields'
import { requireOrganisationOf } from '~/modules/employer-access.server'
import { editOrganisationProfile, organisationWorkplaces } from '~/modules/organisations.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { useSchemaForm } from '~/utils/use-schema-form'
import { organisationProfileSchema } from '~/utils/organisation-form'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? 'Virksomhet'} – Jobbsnekker` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const organisation = await requireOrganisationOf(user, params.organisationId)
  return json({ organisation, workplaces: await organisationWorkplaces(organisation.id), naceSections: naceSections() })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const organisation = await requireOrganisationOf(user, params.organisationId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: organisationProfileSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const value = submission.value
  await editOrganisationProfile(user, organisation.id, {
    naceSection: value.naceSection,
    sector: value.sector,
    sizeBand: value.sizeBand,
    iaAgreement: value.iaAgreement === 'ja',
    description: value.description,
  })
  return redirect(`/arbeidsgiver/virksomheter/${organisation.id}?melding=lagret`)
}

export default function OrganisationProfilePage() {
  const { organisation, workplaces, naceSections } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useSchemaForm(organisationProfileSchema, {
    id: `virksomhet-${organisation.id}`,
    lastResult,
    defaultValue: {
      naceSection: organisation.naceSection,
      sector: organisation.sector,
      sizeBand: organisation.sizeBand,
      iaAgreement: organisation.iaAgreement ? 'ja' : 'nei',
      description: organisation.description,
    },
  })
  return (
    <VStack gap="space-32" className="form-wide">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          {organisation.name}
        </Heading>
        <Facts
          items={[
            ['Organisasjonsnummer', organisation.orgNumber],
            ['Kommune', `${organisation.municipalityName}, ${organisation.countyName}`],
          ]}
        />
      </VStack>
      {searchParams.get('melding') === 'lagret' ? (
        <Alert variant="success" role="status">
          Profilen er lagret.
        </Alert>
      ) : null}

      <VStack gap="space-12" as="section" aria-labelledby="arbeidssteder">
        <HStack gap="space-16" align="center" justify="space-between">
          <Heading level="2" size="medium" id="arbeidssteder">
            Arbeidssteder
          </Heading>
          <ButtonLink to={`/arbeidsgiver/virksomheter/${organisation.id}/arbeidssteder/ny`} size="small" variant="secondary">
            Nytt arbeidssted
          </ButtonLink>
        </HStack>
        {workplaces.length === 0 ? (
          <BodyShort>Ingen arbeidssteder ennå.</BodyShort>
        ) : (
          <List size="small">
            {workplaces.map((workplace) => (
              <List.Item key={workplace.id}>
                <Link as={RemixLink} to={`/arbeidsgiver/arbeidssteder/${workplace.id}`}>
                  {workplace.name}
                </Link>{' '}
                – {workplace.address}, {workplace.municipalityName}
              </List.Item>
            ))}
          </List>
        )}
        <BodyShort size="small">
          <Link as={RemixLink} to="/arbeidsgiver/medlemmer">
            Hvem har tilgang til {organisation.name}
          </Link>
        </BodyShort>
      </VStack>

      <Form method="post" {...getFormProps(form)} aria-labelledby="profil">
        <AuthenticityTokenInput />
        <VStack gap="space-24">
          <Heading level="2" size="medium" id="profil">
            Profil
          </Heading>
          <BodyShort size="small">
            Navn og organisasjonsnummer er fra registreringen og kan ikke endres her. Er de feil, ta kontakt med NAV.
          </BodyShort>
          <FormErrors errors={form.errors} id={form.errorId} />
          <Fieldset legend="Om virksomheten" hideLegend>
            <VStack gap="space-16">
              {/* conform's fields answer every name, so the ones asked here are passed one by one: no name field. */}
              <OrganisationFields
                fields={{ naceSection: fields.naceSection, sector: fields.sector, sizeBand: fields.sizeBand }}
                naceSections={naceSections}
              />
              <RadioField
                field={fields.iaAgreement}
                legend="Har virksomheten IA-avtale?"
                description="Avtale om et mer inkluderende arbeidsliv."
                options={yesNoOptions}
              />
              <Textarea
                {...getTextareaProps(fields.description)}
                key={fields.description.key}
                label="Beskrivelse (valgfritt)"
                description="Hva dere driver med, og hva dere kan tilby en som trenger en vei inn i arbeidslivet."
                maxLength={2000}
                error={fields.description.errors?.[0]}
              />
            </VStack>
          </Fieldset>
          <div>
            <Button type="submit">Lagre profilen</Button>
          </div>
        </VStack>
      </Form>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
