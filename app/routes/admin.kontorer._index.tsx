import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { BodyShort, Box, Button, Heading, Link, Select, Table, TextField, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/form-errors'
import { countyExists, createOffice } from '~/modules/admin.server'
import { requireRole } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { getSql } from '~/utils/db.server'
import { listCounties } from '../../prisma-free-sql/queries/geography'
import { listOffices } from '../../prisma-free-sql/queries/offices'
import { parseForm, plainText } from '~/utils/form-text'

export const meta: MetaFunction = () => [{ title: 'Kontorer og team – Jobbsnekker' }]

const officeSchema = z.object({
  name: plainText(
    z
      .string({ required_error: 'Skriv inn navnet på kontoret.' })
      .trim()
      .min(1, 'Skriv inn navnet på kontoret.')
      .max(200, 'Navnet kan være høyst 200 tegn.'),
  ),
  countyNumber: z
    .string({ required_error: 'Velg fylket kontoret ligger i.' })
    .regex(/^\d{2}$/, 'Velg et fylke fra listen.'),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const sql = getSql()
  const [offices, counties] = await Promise.all([listOffices(sql), listCounties(sql)])
  return json({ offices, counties })
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, 'admin')
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const submission = parseForm(formData, { schema: officeSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  if (!(await countyExists(submission.value.countyNumber))) {
    return json(submission.reply({ fieldErrors: { countyNumber: ['Velg et fylke fra listen.'] } }), { status: 400 })
  }
  const result = await createOffice(actor, submission.value)
  if (result.outcome === 'name-taken') {
    return json(
      submission.reply({
        fieldErrors: { name: ['Det finnes allerede et kontor med dette navnet. Velg et annet navn.'] },
      }),
      { status: 409 },
    )
  }
  return redirect(`/admin/kontorer/${result.id}?melding=kontor-opprettet`)
}

export default function OfficesPage() {
  const { offices, counties } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'nytt-kontor',
    lastResult,
    constraint: getZodConstraint(officeSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: officeSchema }),
  })
  return (
    <VStack gap="space-32">
      <Heading level="1" size="large">
        Kontorer og team
      </Heading>
      <VStack as="section" gap="space-16" aria-labelledby="kontorer-overskrift">
        <Heading level="2" size="medium" id="kontorer-overskrift">
          NAV-kontorer
        </Heading>
        {offices.length === 0 ? (
          <BodyShort>Ingen kontorer ennå. Opprett det første kontoret med skjemaet under.</BodyShort>
        ) : (
          <Table zebraStripes>
            <caption className="sr-only">NAV-kontorer</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Kontor</Table.HeaderCell>
                <Table.HeaderCell scope="col">Fylke</Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  Team
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  Ansatte
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {offices.map((office) => (
                <Table.Row key={office.id}>
                  <Table.HeaderCell scope="row">
                    <Link as={RemixLink} to={`/admin/kontorer/${office.id}`}>
                      {office.name}
                    </Link>
                  </Table.HeaderCell>
                  <Table.DataCell>{office.countyName}</Table.DataCell>
                  <Table.DataCell align="right">{office.teamCount}</Table.DataCell>
                  <Table.DataCell align="right">{office.staffCount}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </VStack>
      <Box as="section" aria-labelledby="nytt-kontor-overskrift" className="form-narrow">
        <VStack gap="space-16">
          <Heading level="2" size="medium" id="nytt-kontor-overskrift">
            Opprett kontor
          </Heading>
          <Form method="post" {...getFormProps(form)}>
            <AuthenticityTokenInput />
            <VStack gap="space-16">
              <FormErrors errors={form.errors} id={form.errorId} />
              <TextField
                {...getInputProps(fields.name, { type: 'text' })}
                key={fields.name.key}
                label="Navn på kontoret"
                description="For eksempel NAV Grünerløkka."
                autoComplete="off"
                error={fields.name.errors?.[0]}
              />
              <Select
                {...getSelectProps(fields.countyNumber)}
                key={fields.countyNumber.key}
                label="Fylke"
                error={fields.countyNumber.errors?.[0]}
              >
                <option value="">Velg fylke</option>
                {counties.map((county) => (
                  <option key={county.number} value={county.number}>
                    {county.name}
                  </option>
                ))}
              </Select>
              <div>
                <Button type="submit">Opprett kontor</Button>
              </div>
            </VStack>
          </Form>
        </VStack>
      </Box>
    </VStack>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
