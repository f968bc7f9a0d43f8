import { Alert, BodyShort, Button, List, Select, Tag, TextField, VStack } from '@navikt/ds-react'
import { Form } from '@remix-run/react'
import { AuthenticityTokenInput } from 'remix-utils/csrf/react'
import { pipelineStages, type PipelineStage } from '../../prisma-free-sql/queries/employer-relationships'
import { flagLabels, trafficLightLabels, type Flag, type Reason, type TrafficLight } from '~/modules/employer-traffic-light'
import { formatOsloDateTime } from './labels'
import { contactKindLabels, stageLabels, trafficLightVariants } from './market-labels'

/** The light as a tag whose text says the colour, so colour is never the only cue. */
export function TrafficLightTag({ light, flags = [] }: { light: TrafficLight; flags?: readonly Flag[] }) {
  return (
    <Tag variant={trafficLightVariants[light]} size="small">
      {trafficLightLabels[light]}
      {flags.length > 0 ? `: ${flags.map((flag) => flagLabels[flag]).join(', ').toLocaleLowerCase('nb')}` : ''}
    </Tag>
  )
}

const toneWords: Record<Reason['tone'], string> = { good: 'Bra', neutral: 'Info', warning: 'Obs', bad: 'Problem' }

export function TrafficLightExplanation({ light, flags, reasons }: { light: TrafficLight; flags: readonly Flag[]; reasons: readonly Reason[] }) {
  return (
    <VStack gap="space-8">
      <div>
        <TrafficLightTag light={light} flags={flags} />
      </div>
      <List as="ul" size="small" aria-label="Hvorfor trafikklyset har denne fargen">
        {reasons.map((reason) => (
          <List.Item key={reason.text}>
            <strong>{toneWords[reason.tone]}:</strong> {reason.text}
          </List.Item>
        ))}
      </List>
    </VStack>
  )
}

export type ContactWarning = { staffName: string; kind: keyof typeof contactKindLabels; contactedAt: string; others: number }

/** Shown before anyone opens the employer or starts to log a contact, so NAV does not knock twice in two weeks. */
export function RecentContactAlert({ warning }: { warning: ContactWarning | null }) {
  if (!warning) return null
  return (
    <Alert variant="warning" role="status">
      <strong>Nylig kontaktet:</strong> {warning.staffName} hadde kontakt med virksomheten {formatOsloDateTime(warning.contactedAt)} (
      {contactKindLabels[warning.kind].toLocaleLowerCase('nb')}).
      {warning.others > 0 ? ` Det er ${warning.others === 1 ? 'én kontakt til' : `${warning.others} kontakter til`} de siste 14 dagene.` : ''} Snakk med{' '}
      {warning.staffName} før du tar kontakt, så arbeidsgiveren ikke blir kontaktet av flere fra NAV.
    </Alert>
  )
}

export type StageConflict = { movedBy: string | null; movedTo: PipelineStage; movedAt: string; currentVersion: number }
export type StageMoveFailure = {
  intent: 'move'
  organisationId: string
  stage: string
  reason: string
  errors: Record<string, string>
  conflict?: StageConflict
}

/**
 * Moves an employer in the pipeline; works without JavaScript. `failed` is the action's answer for this employer:
 * field errors (the reason for "not relevant"), or a conflict with someone else's earlier move, with the mover's own
 * move kept ready to apply again.
 */
export function StageMoveForm({
  organisationId,
  organisationName,
  stage,
  stageVersion,
  failed,
  action,
  compact = false,
}: {
  organisationId: string
  organisationName: string
  stage: PipelineStage
  stageVersion: number
  failed?: StageMoveFailure | null
  action?: string
  compact?: boolean
}) {
  const mine = failed && failed.organisationId === organisationId ? failed : null
  const idBase = `flytt-${organisationId}`
  return (
    <VStack gap="space-8">
      {mine?.conflict ? (
        <Alert variant="warning" size="small" role="alert">
          {mine.conflict.movedBy ?? 'En kollega'} flyttet {organisationName} til «{stageLabels[mine.conflict.movedTo]}»{' '}
          {formatOsloDateTime(mine.conflict.movedAt)}, mens du hadde siden åpen. Ditt trekk til «
          {stageLabels[mine.stage as PipelineStage] ?? mine.stage}» er ikke lagret.
          <Form method="post" action={action} style={{ marginTop: '0.5rem' }}>
            <AuthenticityTokenInput />
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="organisationId" value={organisationId} />
            <input type="hidden" name="stageVersion" value={mine.conflict.currentVersion} />
            <input type="hidden" name="stage" value={mine.stage} />
            <input type="hidden" name="reason" value={mine.reason} />
            <Button type="submit" size="small" variant="secondary">
              Flytt til «{stageLabels[mine.stage as PipelineStage] ?? mine.stage}» likevel
            </Button>
          </Form>
        </Alert>
      ) : null}
      <Form method="post" action={action} aria-label={`Flytt ${organisationName}`}>
        <AuthenticityTokenInput />
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="organisationId" value={organisationId} />
        <input type="hidden" name="stageVersion" value={stageVersion} />
        <VStack gap="space-8">
          <Select
            id={`${idBase}-steg`}
            name="stage"
            label="Flytt til steg"
            size={compact ? 'small' : 'medium'}
            defaultValue={mine && !mine.conflict ? mine.stage : stage}
            error={mine?.errors.stage}
          >
            {pipelineStages.map((option) => (
              <option key={option} value={option}>
                {stageLabels[option]}
                {option === stage ? ' (nå)' : ''}
              </option>
            ))}
          </Select>
          <TextField
            id={`${idBase}-begrunnelse`}
            name="reason"
            label="Begrunnelse"
            description="Påkrevd når virksomheten ikke er aktuell."
            size={compact ? 'small' : 'medium'}
            maxLength={500}
            defaultValue={mine && !mine.conflict ? mine.reason : ''}
            error={mine?.errors.reason}
          />
          <div>
            <Button type="submit" size="small" variant="secondary">
              Flytt
            </Button>
          </div>
        </VStack>
      </Form>
      {compact ? null : (
        <BodyShort size="small" textColor="subtle">
          Flyttingen lagres i historikken med navnet ditt.
        </BodyShort>
      )}
    </VStack>
  )
}

type FilterOption = { code: string; name: string }

/** The county, industry, owner and traffic-light filters the register and the board share, in a plain GET form. */
export function RelationshipFilterSelects({
  region,
  naceSections,
  owners,
  filter,
}: {
  region: readonly { number: string; name: string }[]
  naceSections: readonly FilterOption[]
  owners: readonly { id: string; name: string }[]
  filter: { fylke: string; bransje: string; eier: string; lys: string }
}) {
  return (
    <>
      <Select label="Fylke" name="fylke" defaultValue={filter.fylke}>
        <option value="">Alle mine fylker</option>
        {region.map((county) => (
          <option key={county.number} value={county.number}>
            {county.name}
          </option>
        ))}
      </Select>
      <Select label="Bransje" name="bransje" defaultValue={filter.bransje}>
        <option value="">Alle bransjer</option>
        {naceSections.map((section) => (
          <option key={section.code} value={section.code}>
            {section.code} – {section.name}
          </option>
        ))}
      </Select>
      <Select label="Ansvarlig" name="eier" defaultValue={filter.eier}>
        <option value="">Alle</option>
        <option value="meg">Meg</option>
        <option value="ingen">Ingen ansvarlig</option>
        {owners.map((owner) => (
          <option key={owner.id} value={owner.id}>
            {owner.name}
          </option>
        ))}
      </Select>
      <Select label="Trafikklys" name="lys" defaultValue={filter.lys}>
        <option value="">Alle</option>
        {Object.entries(trafficLightLabels).map(([light, label]) => (
          <option key={light} value={light}>
            {label}
          </option>
        ))}
      </Select>
    </>
  )
}
