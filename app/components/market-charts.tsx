import { Table } from '@navikt/ds-react'
import type { CSSProperties, ReactNode } from 'react'
import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, XAxis, YAxis, type LabelProps } from 'recharts'
import type { MonthPoint, WeekPoint } from '~/modules/market-dashboard'

// The regional dashboard's charts (decision 014): Recharts SVG drawn on the server at a fixed size, so they are there
// without JavaScript, and scaled down by CSS on narrow screens. Each chart is a picture (role="img" with a <title> and
// a <desc> that sums it up) and never the only way to read the figures: the table below it has the same numbers.
// No tooltips and no keyboard layer: the values are written on the bars and in the table, so there is nothing to
// explore that a keyboard or screen reader user would miss. All text inside the SVG is drawn by these components
// (ticks, values, the target line's label), never by Recharts' measuring Text, so the server's SVG and the browser's
// first render are the same.

const colours = {
  trials: 'var(--ax-bg-accent-strong, #0063c1)',
  hires: 'var(--ax-bg-success-strong, #06893a)',
  contacts: 'var(--ax-bg-accent-strong, #0063c1)',
  text: 'var(--ax-text-neutral, #202733)',
  grid: 'var(--ax-border-neutral-subtle, #c4c8ce)',
  target: 'var(--ax-text-neutral, #202733)',
}

const numberFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 })
export const formatNumber = (value: number) => numberFormat.format(value)

/** Keeps the chart's proportions and lets it shrink with the page instead of overflowing it. */
function scalable(width: number, height: number): CSSProperties {
  return { width: '100%', maxWidth: `${width}px`, height: 'auto', aspectRatio: `${width} / ${height}` }
}

/** Whole-number ticks in steps of 1, 2, 5, 10, … with room above the highest bar for its value. */
function countAxis(highest: number): { max: number; ticks: number[] } {
  const step = [1, 2, 5, 10, 20, 50, 100].find((candidate) => (highest + 1) / candidate <= 6) ?? 200
  const max = Math.ceil((highest + 1) / step) * step
  return { max, ticks: Array.from({ length: max / step + 1 }, (_, index) => index * step) }
}

/** A chart and the table with its figures, as one figure named by its caption, no wider than `width`. */
function ChartFigure({ caption, width, chart, legend, table }: { caption: string; width: number; chart: ReactNode; legend?: ReactNode; table: ReactNode }) {
  return (
    <figure style={{ margin: 0, maxWidth: `${width}px`, display: 'flex', flexDirection: 'column', gap: 'var(--ax-space-12, 0.75rem)' }}>
      <figcaption style={{ fontWeight: 600 }}>{caption}</figcaption>
      {chart}
      {legend}
      {table}
    </figure>
  )
}

/** A value above its bar; nothing for 0, where the missing bar and the table say it. */
function valueAbove(props: LabelProps) {
  const x = Number(props.x ?? 0)
  const y = Number(props.y ?? 0)
  const width = Number(props.width ?? 0)
  const value = Number(props.value ?? 0)
  if (!value) return null
  return (
    <text x={x + width / 2} y={y - 4} textAnchor="middle" fontSize={12} fill={colours.text}>
      {formatNumber(value)}
    </text>
  )
}

type TickProps = { x?: number; y?: number; payload?: { index: number } }

/** Two-line ticks from the data's own labels: «mai» over «2026» (the year only at January and the first month). */
function twoLineTick(lines: (index: number) => [string, string]) {
  function Tick({ x = 0, y = 0, payload }: TickProps) {
    const [first, second] = lines(payload?.index ?? 0)
    return (
      <text x={x} y={y + 14} textAnchor="middle" fontSize={12} fill={colours.text}>
        <tspan x={x}>{first}</tspan>
        {second ? (
          <tspan x={x} dy={14}>
            {second}
          </tspan>
        ) : null}
      </text>
    )
  }
  return Tick
}

function numberTick({ x = 0, y = 0, payload }: { x?: number; y?: number; payload?: { value: number } }) {
  return (
    <text x={x - 4} y={y + 4} textAnchor="end" fontSize={12} fill={colours.text}>
      {formatNumber(payload?.value ?? 0)}
    </text>
  )
}

function LegendSwatch({ fill, hatched }: { fill: string; hatched?: boolean }) {
  return (
    <svg width="16" height="16" aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
      <rect x="1" y="1" width="14" height="14" fill={hatched ? 'url(#dashboard-hires-hatch)' : fill} stroke={fill} strokeWidth="2" />
    </svg>
  )
}

function Legend({ items }: { items: { label: string; fill: string; hatched?: boolean }[] }) {
  return (
    <ul aria-label="Tegnforklaring" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', gap: 'var(--ax-space-16, 1rem)', flexWrap: 'wrap' }}>
      {items.map((item) => (
        <li key={item.label} style={{ display: 'flex', alignItems: 'center', gap: 'var(--ax-space-8, 0.5rem)' }}>
          <LegendSwatch fill={item.fill} hatched={item.hatched} />
          {item.label}
        </li>
      ))}
    </ul>
  )
}

const MONTH_CHART = { width: 720, height: 300 }

/** Trials started and hires per month: two bars a month, hires hatched as well as coloured. */
export function TrialsAndHiresChart({ months, summary }: { months: MonthPoint[]; summary: string }) {
  const axis = countAxis(Math.max(...months.map((month) => Math.max(month.trials, month.hires))))
  const monthTick = twoLineTick((index) => {
    const [name = '', year = ''] = (months[index]?.label ?? '').split(' ')
    return [name, index === 0 || months[index]?.month.endsWith('-01') ? year : '']
  })
  return (
    <ChartFigure
      caption="Utprøvinger og ansettelser per måned"
      width={MONTH_CHART.width}
      chart={
        <BarChart
          id="dashboard-trials-hires"
          width={MONTH_CHART.width}
          height={MONTH_CHART.height}
          data={months}
          margin={{ top: 20, right: 8, bottom: 8, left: 0 }}
          barGap={2}
          role="img"
          title="Utprøvinger og ansettelser per måned, siste 12 måneder"
          desc={summary}
          style={scalable(MONTH_CHART.width, MONTH_CHART.height)}
        >
          <defs>
            <pattern id="dashboard-hires-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#ffffff" />
              <rect width="3" height="6" fill={colours.hires} />
            </pattern>
          </defs>
          <CartesianGrid vertical={false} stroke={colours.grid} strokeDasharray="3 3" />
          <XAxis dataKey="month" interval={0} tickLine={false} height={40} tick={monthTick} />
          <YAxis allowDecimals={false} interval={0} width={36} domain={[0, axis.max]} ticks={axis.ticks} tick={numberTick} />
          <Bar dataKey="trials" name="Utprøvinger startet" fill={colours.trials} isAnimationActive={false}>
            <LabelList dataKey="trials" content={valueAbove} />
          </Bar>
          <Bar dataKey="hires" name="Ansettelser" fill="url(#dashboard-hires-hatch)" stroke={colours.hires} strokeWidth={2} isAnimationActive={false}>
            <LabelList dataKey="hires" content={valueAbove} />
          </Bar>
        </BarChart>
      }
      legend={
        <Legend
          items={[
            { label: 'Utprøvinger startet', fill: colours.trials },
            { label: 'Ansettelser (skravert)', fill: colours.hires, hatched: true },
          ]}
        />
      }
      table={
        <Table size="small">
          <caption className="sr-only">Utprøvinger og ansettelser per måned, samme tall som diagrammet</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Måned</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">
                Utprøvinger startet
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">
                Ansettelser
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {months.map((month) => (
              <Table.Row key={month.month}>
                <Table.HeaderCell scope="row">{month.label}</Table.HeaderCell>
                <Table.DataCell align="right">{month.trials}</Table.DataCell>
                <Table.DataCell align="right">{month.hires}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      }
    />
  )
}

const WEEK_CHART = { width: 520, height: 220 }

/** One specialist's candidate-specific employer contacts per week, with the weekly target as a labelled dashed line. */
export function SpecialistContactsChart({
  chartId,
  name,
  weeks,
  target,
  weeklyAverage,
  summary,
}: {
  chartId: string
  name: string
  weeks: WeekPoint[]
  target: number
  weeklyAverage: number
  summary: string
}) {
  const axis = countAxis(Math.max(target, ...weeks.map((week) => week.contacts)))
  const weekTick = twoLineTick((index) => [weeks[index]?.label ?? '', ''])
  return (
    <ChartFigure
      caption={`Kandidatrettede arbeidsgiverkontakter per uke: ${name}`}
      width={MONTH_CHART.width}
      chart={
        <BarChart
          id={chartId}
          width={WEEK_CHART.width}
          height={WEEK_CHART.height}
          data={weeks}
          margin={{ top: 20, right: 72, bottom: 4, left: 0 }}
          role="img"
          title={`Kandidatrettede arbeidsgiverkontakter per uke for ${name}`}
          desc={summary}
          style={scalable(WEEK_CHART.width, WEEK_CHART.height)}
        >
          <CartesianGrid vertical={false} stroke={colours.grid} strokeDasharray="3 3" />
          <XAxis dataKey="start" interval={0} tickLine={false} height={28} tick={weekTick} />
          <YAxis allowDecimals={false} interval={0} width={36} domain={[0, axis.max]} ticks={axis.ticks} tick={numberTick} />
          <ReferenceLine
            y={target}
            stroke={colours.target}
            strokeDasharray="6 4"
            strokeWidth={2}
            ifOverflow="extendDomain"
            label={(props: { viewBox?: { x?: number; y?: number; width?: number } }) => (
              <text x={(props.viewBox?.x ?? 0) + (props.viewBox?.width ?? 0) + 6} y={(props.viewBox?.y ?? 0) + 4} fontSize={12} fill={colours.text}>
                Mål: {target}
              </text>
            )}
          />
          <Bar dataKey="contacts" name="Kontakter" fill={colours.contacts} isAnimationActive={false}>
            <LabelList dataKey="contacts" content={valueAbove} />
          </Bar>
        </BarChart>
      }
      table={
        <Table size="small">
          <caption className="sr-only">Kontakter per uke for {name}, samme tall som diagrammet</caption>
          <Table.Header>
            <Table.Row>
              {weeks.map((week) => (
                <Table.HeaderCell key={week.start} scope="col" align="right" style={{ whiteSpace: 'nowrap' }}>
                  {week.label}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell scope="col" align="right" style={{ whiteSpace: 'nowrap' }}>
                Snitt per uke
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            <Table.Row>
              {weeks.map((week) => (
                <Table.DataCell key={week.start} align="right">
                  {week.contacts}
                </Table.DataCell>
              ))}
              <Table.DataCell align="right">{formatNumber(weeklyAverage)}</Table.DataCell>
            </Table.Row>
          </Table.Body>
        </Table>
      }
    />
  )
}
