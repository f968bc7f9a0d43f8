import { getFormProps } from '@conform-to/react'
import { BodyShort, Heading, Link, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { formatHours } from '~/components/employer-labels'
import { FormActions } from '~/components/form-actions'
import { CarvedJobTasks } from '~/components/carved-job-tasks'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/form-errors'
import { OpeningFormFields } from '~/components/opening-form'
import { requireWorkplaceOf } from '~/modules/employer-access.server'
import { carvedJobForOpening, createOpening, hoursProblems, todayInNorway } from '~/modules/openings.server'
import { requireEmployer } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { useSchemaForm } from '~/utils/use-schema-form'
import { openingInputFrom, openingSchema } from '~/utils/opening-form'
import { parseForm } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Ny stilling – Jobbsnekker' }]

function carvedJobIdFrom(request: Request): string | null {
  return new URL(request.url).searchParams.get('jobb')
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  const carvedJob = await carvedJobForOpening(workplace.id, carvedJobIdFrom(request))
  return json({
    workplace: { id: workplace.id, name: workplace.name },
    today: todayInNorway(),
    contactName: user.name,
    contactEmail: user.email,
    carvedJob: carvedJob
      ? {
          id: carvedJob.id,
          name: carvedJob.name,
          totalHours: carvedJob.summary.totalHours,
          tasks: carvedJob.tasks,
          timesOfDay: [...new Set(carvedJob.taskSchedules.flatMap((task) => task.timesOfDay))],
          days: [...new Set(carvedJob.taskSchedules.flatMap((task) => task.days))],
        }
      : null,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployer(request)
  const workplace = await requireWorkplaceOf(user, params.workplaceId)
  const carvedJob = await carvedJobForOpening(workplace.id, carvedJobIdFrom(request))
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: openingSchema(todayInNorway()) })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const problems = hoursProblems(submission.value, carvedJob?.summary.totalHours)
  if (Object.keys(problems).length > 0) return json(submission.reply({ fieldErrors: problems }), { status: 400 })
  const openingId = await createOpening(user, { ...openingInputFrom(submission.value), workplaceId: workplace.id, carvedJobId: carvedJob?.id ?? null })
  return redirect(`/arbeidsgiver/stillinger/${openingId}?melding=opprettet`)
}

export default function NewOpeningPage() {
  const { workplace, today, carvedJob, contactName, contactEmail } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const schema = openingSchema(today)
  const [form, fields] = useSchemaForm(schema, {
    id: 'ny-stilling',
    lastResult,
    defaultValue: {
      title: carvedJob?.name ?? '',
      hoursMin: carvedJob ? String(carvedJob.totalHours) : '',
      hoursMax: carvedJob ? String(carvedJob.totalHours) : '',
      timesOfDay: carvedJob?.timesOfDay ?? [],
      days: carvedJob?.days ?? [],
      places: '1',
      contactName,
      contactEmail,
    },
  })
  return (
    <VStack gap="space-24" className="form-wide">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          Ny stilling{carvedJob ? `: ${carvedJob.name}` : ''}
        </Heading>
        <BodyShort>
          Arbeidssted: <Link as={RemixLink} to={`/arbeidsgiver/arbeidssteder/${workplace.id}`}>{workplace.name}</Link>. Stillingen
          lagres som utkast. Kandidater og veiledere ser den først når du publiserer den.
        </BodyShort>
      </VStack>
      {carvedJob ? (
        <CarvedJobTasks heading={`Oppgavene i jobben (${formatHours(carvedJob.totalHours)} timer i uka)`} tasks={carvedJob.tasks} />
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <VStack gap="space-32">
          <FormErrors errors={form.errors} id={form.errorId} />
          <OpeningFormFields fields={fields} carvedJobHours={carvedJob?.totalHours} />
          <FormActions submitLabel="Lagre utkast" cancelTo={`/arbeidsgiver/arbeidssteder/${workplace.id}`} />
        </VStack>
      </Form>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
