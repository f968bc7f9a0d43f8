import { Alert, BodyLong, Button, Checkbox, CheckboxGroup, Heading, Link, List, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatOsloDateTime } from '~/components/labels'
import { acceptEmployerTerms, employerTermsStatus } from '~/modules/organisations.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { safeRedirectTarget } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Vilkår for kandidatprofiler – Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  // Only a same-site path is offered as the way back, in the link and in the form.
  const back = safeRedirectTarget(new URL(request.url).searchParams.get('tilbake'), '')
  return json({ ...(await employerTermsStatus(user)), back })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  if (formData.get('accept') !== 'ja') {
    return json({ error: 'Kryss av for at du har lest og godtar vilkårene.' }, { status: 400 })
  }
  await acceptEmployerTerms(user)
  return redirect(safeRedirectTarget(formData.get('tilbake'), '/arbeidsgiver/vilkar?melding=godtatt'))
}

export default function TermsPage() {
  const { version, acceptedAt, back } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <VStack gap="space-24" className="form-narrow">
      <Heading level="1" size="large">
        Vilkår for bruk av kandidatprofiler
      </Heading>
      {back && !acceptedAt ? (
        <Alert variant="info" role="status">
          Du må godta vilkårene før du kan se kandidatprofiler.
        </Alert>
      ) : null}
      {acceptedAt ? (
        <Alert variant="success" role="status">
          Du godtok versjon {version} av vilkårene {formatOsloDateTime(acceptedAt)}.
          {back ? (
            <>
              {' '}
              <Link as={RemixLink} to={back}>
                Gå tilbake til siden du kom fra
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      <BodyLong>
        Kandidatene i Jobbsnekker er personer som vil i jobb, og som har sagt ja til at arbeidsgivere kan se en anonym profil.
        Profilene inneholder ikke navn eller andre opplysninger som identifiserer dem. For å se dem godtar du dette:
      </BodyLong>
      <List>
        <List.Item>Profilene brukes bare til å rekruttere til virksomheten din, ikke til noe annet.</List.Item>
        <List.Item>Du gir ikke profiler eller opplysninger fra dem videre til andre, heller ikke innad i konsernet.</List.Item>
        <List.Item>
          Når en kandidat sier ja til å dele navn og kontaktopplysninger med dere, brukes de bare i den saken. De slettes fra
          Jobbsnekker etter 6 måneder, eller tidligere hvis saken avsluttes uten ansettelse.
        </List.Item>
        <List.Item>Du prøver ikke å finne ut hvem en anonym kandidat er.</List.Item>
      </List>
      <BodyLong size="small">Versjon {version}. Når vilkårene endres, blir du bedt om å godta dem på nytt.</BodyLong>
      {!acceptedAt ? (
        <Form method="post">
          <AuthenticityTokenInput />
          <input type="hidden" name="tilbake" value={back} />
          <VStack gap="space-16">
            <CheckboxGroup legend="Godta vilkårene" hideLegend error={actionData?.error}>
              <Checkbox name="accept" value="ja">
                Jeg har lest og godtar vilkårene
              </Checkbox>
            </CheckboxGroup>
            <div>
              <Button type="submit">Godta vilkårene</Button>
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
