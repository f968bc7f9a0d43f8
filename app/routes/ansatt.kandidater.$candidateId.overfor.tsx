import { getFormProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { Alert, BodyShort, Heading, Link, List, Select, Textarea, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormActions } from '~/components/form-actions'
import { FormErrors } from '~/components/form-errors'
import { handOverCandidate, officeSpecialists, requireCandidateForStaff } from '~/modules/candidates.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { useSchemaForm } from '~/utils/use-schema-form'
import { candidateLabel } from '../../search-index/candidate-document'
import { parseForm, plainText } from '~/utils/form-text'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Overfør ${data.candidate.label} – Jobbsnekker` : 'Overfør kandidat – Jobbsnekker' },
]

const NOTE_MAX = 500

const handoverSchema = z.object({
  responsibleUserId: z
    .string({ required_error: 'Velg hvem som skal overta kandidaten.' })
    .uuid('Velg en kollega fra listen.'),
  note: plainText(z.string().trim().max(NOTE_MAX, `Merknaden kan være høyst ${NOTE_MAX} tegn.`)).default(''),
})

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const specialists = await officeSpecialists(candidate.officeId)
  return json({
    candidate: {
      id: candidate.id,
      label: candidateLabel(candidate.id),
      responsibleName: candidate.responsibleName,
      responsibleIsMe: candidate.responsibleUserId === user.id,
      officeName: candidate.officeName,
    },
    // The current responsible is not a choice: handing over to the same person changes nothing.
    colleagues: specialists
      .filter((specialist) => specialist.id !== candidate.responsibleUserId)
      .map((specialist) => ({ id: specialist.id, name: specialist.id === user.id ? `${specialist.name} (deg)` : specialist.name, away: specialist.away })),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const candidate = await requireCandidateForStaff(user, params.candidateId)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: handoverSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const { responsibleUserId, note } = submission.value
  const outcome = await handOverCandidate(user, candidate, responsibleUserId, note)
  switch (outcome) {
    case 'same-person':
      return json(
        submission.reply({ fieldErrors: { responsibleUserId: [`${candidate.responsibleName} har allerede ansvaret. Velg en annen kollega.`] } }),
        { status: 400 },
      )
    case 'not-a-colleague':
      return json(
        submission.reply({
          fieldErrors: { responsibleUserId: [`Kandidaten kan bare overføres til en jobbspesialist ved ${candidate.officeName}. Velg fra listen.`] },
        }),
        { status: 400 },
      )
    case 'handed-over':
      return redirect(`/ansatt/kandidater/${candidate.id}?melding=overfort`)
  }
}

export default function HandoverPage() {
  const { candidate, colleagues } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(handoverSchema, { id: 'overfor-kandidat', lastResult })
  const back = `/ansatt/kandidater/${candidate.id}`
  return (
    <VStack gap="space-24" className="form-narrow">
      <VStack gap="space-8">
        <BodyShort>
          <Link as={RemixLink} to={back}>
            Tilbake til {candidate.label}
          </Link>
        </BodyShort>
        <Heading level="1" size="large">
          Overfør {candidate.label}
        </Heading>
        <BodyShort>
          {candidate.responsibleIsMe ? 'Du har ansvaret for kandidaten nå.' : <>Ansvarlig nå: <strong>{candidate.responsibleName}</strong>.</>}
        </BodyShort>
      </VStack>

      <VStack gap="space-8" as="section" aria-labelledby="hva-skjer">
        <Heading level="2" size="small" id="hva-skjer">
          Hva skjer når du overfører
        </Heading>
        <List size="small">
          <List.Item>Hele historikken følger med kandidaten: profil, samtykker og alle hendelser. Ingenting slettes.</List.Item>
          <List.Item>Den nye ansvarlige blir kandidatens kontaktperson i Jobbsnekker, også for arbeidsgivere.</List.Item>
          <List.Item>
            Hen får en e-post om at hen har fått ansvaret for en kandidat, med lenke hit. E-posten inneholder ingen
            personopplysninger.
          </List.Item>
        </List>
      </VStack>

      {colleagues.length === 0 ? (
        <Alert variant="info">
          Det er ingen andre jobbspesialister ved {candidate.officeName} å overføre kandidaten til. Be en administrator om å legge
          til kolleger ved kontoret.
        </Alert>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <AuthenticityTokenInput />
          <VStack gap="space-24">
            <FormErrors errors={form.errors} id={form.errorId} />
            <Select
              {...getSelectProps(fields.responsibleUserId)}
              key={fields.responsibleUserId.key}
              label="Ny ansvarlig"
              description={`Jobbspesialister og ledere ved ${candidate.officeName}. De som er borte nå, er merket.`}
              error={fields.responsibleUserId.errors?.[0]}
            >
              <option value="">Velg kollega</option>
              {colleagues.map((colleague) => (
                <option key={colleague.id} value={colleague.id}>
                  {colleague.away ? `${colleague.name} (borte)` : colleague.name}
                </option>
              ))}
            </Select>
            <Textarea
              {...getTextareaProps(fields.note)}
              key={fields.note.key}
              label="Merknad til den nye ansvarlige (valgfritt)"
              description="Lagres i historikken, for eksempel hva som er avtalt og hva som venter. Ikke skriv helseopplysninger."
              maxLength={NOTE_MAX}
              error={fields.note.errors?.[0]}
            />
            <FormActions submitLabel="Overfør kandidaten" cancelTo={back} />
          </VStack>
        </Form>
      )}
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
