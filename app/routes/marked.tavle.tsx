import { BodyShort, Button, Heading, HStack, Link, VStack } from '@navikt/ds-react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData, useSubmit } from '@remix-run/react'
import { useState, type DragEvent } from 'react'
import { useAuthenticityToken } from 'remix-utils/csrf/react'
import { z } from 'zod'
import { RelationshipFilterSelects, StageMoveForm, TrafficLightTag, type StageMoveFailure } from '~/components/employer-market'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatOsloDate } from '~/components/labels'
import { stageDescriptions, stageLabels } from '~/components/market-labels'
import { RedirectNotice } from '~/components/page-notices'
import { applyPostedStageMove, employerRegister, requireOrganisationForStaff } from '~/modules/employer-relationships.server'
import { requireRegion } from '~/modules/market-region.server'
import { requireStaff } from '~/utils/auth.server'
import { requireValidCsrf } from '~/utils/csrf.server'
import { getSql } from '~/utils/db.server'
import { listMarketContactsCovering, pipelineStages, type PipelineStage } from '../../prisma-free-sql/queries/employer-relationships'
import { naceSectionName, naceSections } from '../../prisma-free-sql/reference-data/vocabulary'

export const meta: MetaFunction = () => [{ title: 'Oppfølgingstavle – Jobbsnekker' }]

const filterSchema = z.object({
  fylke: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  bransje: z.string().regex(/^[A-U]$/).optional().catch(undefined),
  eier: z.union([z.literal('meg'), z.literal('ingen'), z.string().uuid()]).optional().catch(undefined),
  lys: z.enum(['green', 'yellow', 'red']).optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  const sql = getSql()
  const region = await requireRegion(sql, user)
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const regionNumbers = region.map((county) => county.number)
  const rows = await employerRegister({
    countyNumbers: filter.fylke && regionNumbers.includes(filter.fylke) ? [filter.fylke] : regionNumbers,
    naceSection: filter.bransje,
    owner: filter.eier === 'meg' ? user.id : filter.eier === 'ingen' ? 'none' : filter.eier,
    light: filter.lys,
  })
  return json({
    region,
    owners: await listMarketContactsCovering(sql, regionNumbers),
    naceSections: naceSections(),
    filter: { fylke: filter.fylke ?? '', bransje: filter.bransje ?? '', eier: filter.eier ?? '', lys: filter.lys ?? '' },
    cards: rows.map((row) => ({
      id: row.id,
      name: row.name,
      naceName: naceSectionName(row.naceSection) ?? row.naceSection,
      municipalityName: row.municipalityName,
      stage: row.stage,
      stageVersion: row.stageVersion,
      notRelevantReason: row.notRelevantReason,
      ownerName: row.ownerName,
      lastContactAt: row.lastContactAt?.toISOString() ?? null,
      light: row.trafficLight.light,
      flags: row.trafficLight.flags,
    })),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const formData = await request.formData()
  await requireValidCsrf(formData, request)
  const relationship = await requireOrganisationForStaff(user, String(formData.get('organisationId') ?? ''))
  const moved = await applyPostedStageMove(user, relationship, formData)
  if (!moved.ok) return json<StageMoveFailure>(moved.failure, { status: moved.status })
  // Back to the same board, filters kept, with the move announced.
  const search = new URLSearchParams(new URL(request.url).search)
  search.set('melding', 'flyttet')
  return redirect(`/marked/tavle?${search}`)
}

type Card = ReturnType<typeof useLoaderData<typeof loader>>['cards'][number]

export default function PipelineBoard() {
  const { region, owners, naceSections, filter, cards } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const submit = useSubmit()
  const csrf = useAuthenticityToken()
  const [dropTarget, setDropTarget] = useState<PipelineStage | null>(null)

  // Dragging is a shortcut for the "Flytt" form on each card, which is what keyboard and no-JavaScript users use.
  const drop = (stage: PipelineStage) => (event: DragEvent<HTMLElement>) => {
    event.preventDefault()
    setDropTarget(null)
    const card = cards.find((candidate) => candidate.id === event.dataTransfer.getData('text/plain'))
    if (!card || card.stage === stage) return
    if (stage === 'not_relevant') {
      // The reason is required: open the card's form with the stage chosen and ask for it.
      const details = document.getElementById(`kort-${card.id}-flytt`) as HTMLDetailsElement | null
      const select = document.getElementById(`flytt-${card.id}-steg`) as HTMLSelectElement | null
      if (details) details.open = true
      if (select) select.value = 'not_relevant'
      document.getElementById(`flytt-${card.id}-begrunnelse`)?.focus()
      return
    }
    submit({ csrf, intent: 'move', organisationId: card.id, stage, stageVersion: String(card.stageVersion), reason: '' }, { method: 'post' })
  }

  return (
    <VStack gap="space-24">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          Oppfølgingstavle
        </Heading>
        <BodyShort>
          Arbeidsgivere i {region.map((county) => county.name).join(', ')} etter steg i oppfølgingen. Dra et kort til en annen kolonne, eller
          åpne «Flytt» på kortet og velg steg. «Ikke aktuell» krever en begrunnelse.
        </BodyShort>
      </VStack>
      <RedirectNotice notices={{ flyttet: { variant: 'success', text: 'Kortet er flyttet.' } }} />
      <Form method="get" role="search" aria-label="Filtrer tavlen">
        <HStack gap="space-16" align="end">
          <RelationshipFilterSelects region={region} naceSections={naceSections} owners={owners} filter={filter} />
          <Button type="submit" variant="secondary">
            Vis
          </Button>
        </HStack>
      </Form>
      <div className="pipeline-board">
        {pipelineStages.map((stage) => {
          const inStage = cards.filter((card) => card.stage === stage)
          return (
            <section
              key={stage}
              aria-labelledby={`kolonne-${stage}`}
              className={`pipeline-column${dropTarget === stage ? ' pipeline-column--drop-target' : ''}`}
              onDragOver={(event) => {
                event.preventDefault()
                setDropTarget(stage)
              }}
              onDragLeave={() => setDropTarget((current) => (current === stage ? null : current))}
              onDrop={drop(stage)}
            >
              <VStack gap="space-8">
                <VStack gap="space-4">
                  <Heading level="2" size="xsmall" id={`kolonne-${stage}`}>
                    {stageLabels[stage]} ({inStage.length})
                  </Heading>
                  <BodyShort size="small" textColor="subtle">
                    {stageDescriptions[stage]}
                  </BodyShort>
                </VStack>
                {inStage.length === 0 ? (
                  <BodyShort size="small">Ingen her.</BodyShort>
                ) : (
                  <ul className="pipeline-cards">
                    {inStage.map((card) => (
                      <BoardCard key={card.id} card={card} failed={failed && failed.organisationId === card.id ? failed : null} />
                    ))}
                  </ul>
                )}
              </VStack>
            </section>
          )
        })}
      </div>
    </VStack>
  )
}

function BoardCard({ card, failed }: { card: Card; failed: StageMoveFailure | null }) {
  return (
    <li
      className="pipeline-card"
      draggable
      aria-describedby={`kort-${card.id}-fakta`}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', card.id)
        event.dataTransfer.effectAllowed = 'move'
      }}
    >
      <VStack gap="space-4">
        <Link as={RemixLink} to={`/marked/virksomheter/${card.id}`}>
          {card.name}
        </Link>
        <BodyShort size="small" id={`kort-${card.id}-fakta`}>
          {card.naceName}, {card.municipalityName}. Ansvarlig: {card.ownerName ?? 'ingen'}. Siste kontakt:{' '}
          {card.lastContactAt ? formatOsloDate(card.lastContactAt) : 'aldri'}.
        </BodyShort>
        {card.stage === 'not_relevant' ? <BodyShort size="small">Begrunnelse: {card.notRelevantReason}</BodyShort> : null}
        <div>
          <TrafficLightTag light={card.light} flags={card.flags} />
        </div>
        <details id={`kort-${card.id}-flytt`} open={Boolean(failed)}>
          <summary>
            Flytt <span className="sr-only">{card.name}</span>
          </summary>
          <StageMoveForm
            organisationId={card.id}
            organisationName={card.name}
            stage={card.stage}
            stageVersion={card.stageVersion}
            failed={failed}
            compact
          />
        </details>
      </VStack>
    </li>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
