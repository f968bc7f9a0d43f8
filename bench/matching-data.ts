// Synthetic data for the matching benchmark (bench/matching.ts): N candidate profiles and N/10 published openings,
// written straight into the real tables in batches (no forms, no identities: nothing in the index reads them).
// Everything is drawn from one seeded generator, ids included, so every run and every backend gets the same data.
// Spreads follow scripts/demo-candidates.ts: catalogue tasks, hours in half hours, every county weighted by
// population, half of each county's people in its largest municipalities, consent for about 80 %.
import type { JSONValue } from 'postgres'
import { defaultConsentExpiry } from '../matching/visibility'
import type { Queryable, Sql } from '../prisma-free-sql/db'
import { isOccupationCode } from '../prisma-free-sql/reference-data/styrk08'
import { accommodationCodes, measureOptions, taskCatalogue, type CatalogueTask } from '../prisma-free-sql/reference-data/vocabulary'
import { toleranceDimensions } from '../search-index/candidate-document'

const SEED = 2026
const BATCH = 1000

/** mulberry32: small, fast and good enough for spreads. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = () => number

function tools(random: Random) {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const chance = (p: number) => random() < p
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const weighted = <T>(entries: readonly [number, T][]): T => {
    const total = entries.reduce((sum, [weight]) => sum + weight, 0)
    let roll = random() * total
    for (const [weight, value] of entries) {
      roll -= weight
      if (roll < 0) return value
    }
    return entries[entries.length - 1]![1]
  }
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const copy = [...list]
    const n = Math.min(copy.length, int(min, max))
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(random() * (copy.length - i))
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy.slice(0, n)
  }
  const hex = (n: number) => {
    let text = ''
    for (let i = 0; i < n; i++) text += Math.floor(random() * 16).toString(16)
    return text
  }
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`
  return { int, chance, pick, weighted, some, uuid }
}

// Population (thousands, 2024), the three largest municipalities and neighbouring counties, as in demo-candidates.ts.
const counties: Record<string, { population: number; largest: string[]; neighbours: string[] }> = {
  '03': { population: 717, largest: ['0301'], neighbours: ['32'] },
  '11': { population: 500, largest: ['1103', '1108', '1106'], neighbours: ['46', '42'] },
  '15': { population: 270, largest: ['1508', '1506', '1505'], neighbours: ['46', '34', '50'] },
  '18': { population: 243, largest: ['1804', '1833', '1806'], neighbours: ['50', '55'] },
  '31': { population: 304, largest: ['3107', '3105', '3103'], neighbours: ['32'] },
  '32': { population: 725, largest: ['3201', '3203', '3205'], neighbours: ['03', '31', '33', '34'] },
  '33': { population: 272, largest: ['3301', '3305', '3303'], neighbours: ['32', '34', '39', '40', '46'] },
  '34': { population: 375, largest: ['3411', '3403', '3407'], neighbours: ['32', '33', '15', '50', '46'] },
  '39': { population: 257, largest: ['3907', '3905', '3909'], neighbours: ['33', '40'] },
  '40': { population: 177, largest: ['4003', '4001', '4005'], neighbours: ['39', '33', '42', '46'] },
  '42': { population: 320, largest: ['4204', '4203', '4202'], neighbours: ['40', '11'] },
  '46': { population: 650, largest: ['4601', '4626', '4627'], neighbours: ['11', '15', '33', '34', '40'] },
  '50': { population: 482, largest: ['5001', '5035', '5006'], neighbours: ['15', '18', '34'] },
  '55': { population: 169, largest: ['5501', '5503', '5530'], neighbours: ['18', '56'] },
  '56': { population: 76, largest: ['5601', '5603', '5605'], neighbours: ['55'] },
}
const countyWeights = Object.entries(counties).map(([number, plan]) => [plan.population, number] as [number, string])

const groupWeights: [number, string][] = [
  [16, 'lager'], [15, 'butikk'], [12, 'renhold'], [12, 'kjokken'], [10, 'drift'], [8, 'transport'],
  [8, 'kontor'], [7, 'helse'], [7, 'produksjon'], [3, 'it'], [4, 'bygg'],
]
const pitches = [
  'Jeg er nøyaktig og liker faste rutiner, og jeg møter presis hver dag.',
  'Jeg er blid og trives med å jobbe sammen med andre i et travelt miljø.',
  'Jeg er praktisk anlagt og lærer best ved å prøve selv, gjerne med en fast kontaktperson.',
  'Jeg trives med fysisk arbeid og å være i bevegelse, ute eller inne.',
  'Jeg er strukturert og liker å se at jobben blir gjort skikkelig.',
  'Jeg er rolig og tålmodig, også når det er travelt, og jeg hjelper gjerne andre.',
]
const experiences = ['Butikkmedarbeider i dagligvare i to år.', 'Lagermedarbeider i en nettbutikk.', 'Renholder i et renholdsbyrå.',
  'Kjøkkenassistent i en skolekantine.', 'Sommerjobb i kommunens parkvesen.', 'Assistent på et sykehjem om sommeren.', '']
const titles: Record<string, string[]> = {
  lager: ['Lagermedarbeider', 'Plukker og pakker'], butikk: ['Butikkmedarbeider', 'Varepåfyller'], renhold: ['Renholder', 'Renholdsassistent'],
  kjokken: ['Kjøkkenassistent', 'Oppvasker'], drift: ['Vaktmesterassistent', 'Uteområde og drift'], transport: ['Bud og sjåfør', 'Bilpleier'],
  kontor: ['Kontormedarbeider', 'Resepsjonsmedarbeider'], helse: ['Miljøassistent', 'Aktivitetsassistent'],
  produksjon: ['Produksjonsmedarbeider', 'Montør'], it: ['IT-assistent', 'Brukerstøtte'], bygg: ['Hjelpearbeider bygg', 'Byggassistent'],
}
const accommodationPool = accommodationCodes.filter((code) => !['SNAKKE', 'SKRIVE', 'LESE', 'REGNING'].includes(code))
const measureCodes = measureOptions.map((option) => option.code)
const openingTypes: [number, string][] = [[20, 'JOBBSMAK'], [35, 'ARBEIDSTRENING'], [25, 'LONNSTILSKUDD'], [15, 'ORDINAER'], [5, 'LAERLING']]

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

type Row = Record<string, unknown>

/** One statement per batch whose text never changes (jsonb_populate_recordset), as scripts/demo-candidates.ts does. */
async function insertRows(sql: Queryable, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]!)
  await sql`
    insert into ${sql(table)} (${sql(columns)})
    select ${sql(columns)} from jsonb_populate_recordset(null::${sql(table)}, ${sql.json(rows as unknown as JSONValue)})`
}

export type GeneratedData = {
  candidates: number
  openings: number
  /** Candidates with a current consent, active and complete (what should be indexed). */
  expectedVisible: number
  /** The specialist of each office (for the consent withdrawal). */
  specialistByOffice: Map<string, string>
  seconds: number
}

export async function generateMatchingData(
  sql: Sql,
  options: { candidates: number; openings?: number; today: string; log?: (line: string) => void },
): Promise<GeneratedData> {
  const started = performance.now()
  const random = seededRandom(SEED)
  const { int, chance, pick, weighted, some, uuid } = tools(random)
  const today = options.today
  const openingCount = options.openings ?? Math.round(options.candidates / 10)
  const log = options.log ?? (() => {})

  const municipalityRows = await sql<{ number: string; countyNumber: string }[]>`
    select number, county_number as "countyNumber" from municipalities order by number`
  const byCounty = new Map<string, string[]>()
  for (const row of municipalityRows) byCounty.set(row.countyNumber, [...(byCounty.get(row.countyNumber) ?? []), row.number])
  const homeIn = (county: string) => {
    const all = byCounty.get(county)!
    const largest = counties[county]!.largest.filter((number) => all.includes(number))
    return largest.length > 0 && (all.length <= largest.length || chance(0.5)) ? pick(largest) : pick(all.filter((n) => !largest.includes(n)))
  }
  const nearby = (county: string, home: string) => {
    const all = byCounty.get(county)!
    if (all.length < 4) return counties[counties[county]!.neighbours[0]!]!.largest
    const index = all.indexOf(home)
    return all.filter((_, i) => i !== index && Math.abs(i - index) <= 3)
  }

  // Offices and one specialist each (foreign keys of candidates and consents).
  const offices = Object.keys(counties).map((county) => ({ id: uuid(), name: `Benchmark NAV ${county}`, county_number: county }))
  await insertRows(sql, 'nav_offices', offices)
  const specialists = offices.map((office) => ({ id: uuid(), email: `bench.${office.county_number}@jobbsnekker.example`, name: `Spesialist ${office.county_number}`, account_type: 'staff' }))
  await insertRows(sql, 'users', specialists)
  const officeByCounty = new Map(offices.map((office) => [office.county_number, office.id]))
  const specialistByOffice = new Map(offices.map((office, i) => [office.id, specialists[i]!.id]))
  const inGroup = new Map<string, CatalogueTask[]>()
  for (const task of taskCatalogue) inGroup.set(task.group, [...(inGroup.get(task.group) ?? []), task])
  const groups = [...inGroup.keys()]

  // Candidates, profiles and consents.
  let expectedVisible = 0
  for (let start = 0; start < options.candidates; start += BATCH) {
    const candidates: Row[] = []
    const profiles: Row[] = []
    const consents: Row[] = []
    for (let i = start; i < Math.min(options.candidates, start + BATCH); i++) {
      const county = weighted(countyWeights)
      const officeId = officeByCounty.get(county)!
      const id = uuid()
      const status = weighted<string>([[94, 'active'], [4, 'paused'], [1, 'in_work'], [1, 'ended']])
      candidates.push({ id, office_id: officeId, responsible_user_id: specialistByOffice.get(officeId), status })

      const home = homeIn(county)
      const mainGroup = weighted(groupWeights.filter(([, group]) => inGroup.has(group)))
      const secondGroup = chance(0.5) ? pick(groups.filter((group) => group !== mainGroup)) : mainGroup
      const wanted = some(inGroup.get(mainGroup)!, 1, 4)
      const possible = some([...inGroup.get(secondGroup)!, ...inGroup.get(mainGroup)!].filter((task) => !wanted.includes(task)), 0, 3)
      const occupations = some([...new Set(wanted.map((task) => task.styrk08))].filter(isOccupationCode), 0, 2)
      const wantedGroups = new Set(wanted.map((task) => task.group))
      const certificates: string[] = []
      if (chance(wanted.some((task) => task.code === 'bud-aerender') ? 0.9 : 0.38)) certificates.push('driversLicenceB')
      if (chance(wanted.some((task) => task.code === 'truckkjoring') ? 0.6 : wantedGroups.has('lager') ? 0.1 : 0.03)) certificates.push('forkliftLicence')
      if (chance(wantedGroups.has('kjokken') ? 0.45 : 0.08)) certificates.push('foodHygiene')
      const hoursMin = int(10, 40) / 2
      const hoursMax = Math.min(37.5, hoursMin + int(0, Math.min(30, 75 - hoursMin * 2)) / 2)
      const area = weighted<'nearby' | 'county' | 'counties'>([[50, 'nearby'], [42, 'county'], [8, 'counties']])
      const workMunicipalities = area === 'nearby' ? [home, ...some(nearby(county, home), 1, 3)] : []
      const workCounties = area === 'county' ? [county] : area === 'counties' ? [county, pick(counties[county]!.neighbours)] : []
      const accommodationNeeds = some(accommodationPool, 0, weighted([[30, 0], [35, 1], [25, 2], [10, 3]]))
      const oral = weighted([[80, 2], [15, 1], [5, 0]])
      const tolerances: Record<string, number> = {}
      for (const dimension of toleranceDimensions) {
        tolerances[dimension.code] = dimension.code === 'lifting' ? weighted([[70, 2], [20, 1], [10, 0]]) : weighted([[75, 2], [18, 1], [7, 0]])
      }
      if (accommodationNeeds.includes('TUNGE_LOFT') && 'lifting' in tolerances) tolerances.lifting = Math.min(tolerances.lifting!, 1)
      profiles.push({
        candidate_id: id,
        home_municipality_number: home,
        pitch: `${pick(pitches)} Jeg ønsker meg arbeid med ${wanted.map((task) => task.name.toLowerCase()).join(' og ')}.`,
        wanted_tasks: wanted.map((task) => task.code),
        possible_tasks: possible.map((task) => task.code),
        occupations,
        work_experience: pick(experiences),
        informal_competence: '',
        education_level: pick(['none', 'primary', 'upper_secondary_started', 'upper_secondary', 'trade_certificate', 'higher']),
        certificates,
        can_obtain_police_certificate: weighted<boolean | null>([[70, true], [10, false], [20, null]]),
        hours_min: hoursMin,
        hours_max: hoursMax,
        gradual_increase: chance(0.35),
        times_of_day: weighted([[76, ['DAG']], [12, ['DAG', 'KVELD']], [8, ['KVELD']], [2, ['DAG', 'KVELD', 'NATT']], [2, ['NATT']]]),
        days: weighted([[80, ['UKEDAGER']], [12, ['UKEDAGER', 'LORDAG']], [6, ['UKEDAGER', 'LORDAG', 'SONDAG']], [2, ['LORDAG', 'SONDAG']]]),
        work_municipalities: workMunicipalities,
        work_counties: workCounties,
        earliest_start: chance(0.3) ? today : addDays(today, int(1, 90)),
        demand_tolerances: tolerances,
        accommodation_needs: accommodationNeeds,
        oral_norwegian: oral,
        written_norwegian: oral === 2 ? (chance(0.85) ? 2 : 1) : oral === 1 ? (chance(0.7) ? 1 : 0) : 0,
        measures: some(measureCodes, 0, weighted([[40, 0], [40, 1], [20, 2]])),
      })
      // Consent: about 80 % current (a tenth of those limited to the home county and a neighbour), the rest none,
      // expired or withdrawn.
      const consent = weighted<'current' | 'none' | 'expired' | 'withdrawn'>([[80, 'current'], [8, 'none'], [7, 'expired'], [5, 'withdrawn']])
      if (consent !== 'none') {
        const given = consent === 'expired' ? addDays(today, -int(200, 330)) : addDays(today, -int(1, 170))
        const limited = chance(0.1)
        consents.push({
          id: uuid(),
          candidate_id: id,
          given_to_user_id: specialistByOffice.get(officeId),
          recorded_by_user_id: specialistByOffice.get(officeId),
          method: 'meeting',
          scope: limited ? 'counties' : 'all',
          scope_counties: limited ? [county, pick(counties[county]!.neighbours)] : [],
          given_on: given,
          expires_on: defaultConsentExpiry(given),
          withdrawn_at: consent === 'withdrawn' ? new Date(Date.parse(`${today}T08:00:00Z`) - 86_400_000).toISOString() : null,
          withdrawn_by_user_id: consent === 'withdrawn' ? specialistByOffice.get(officeId) : null,
        })
        if (consent === 'current' && status === 'active') expectedVisible++
      }
    }
    await insertRows(sql, 'candidates', candidates)
    await insertRows(sql, 'candidate_profiles', profiles)
    await insertRows(sql, 'candidate_consents', consents)
    if ((start / BATCH) % 20 === 19) log(`  ${start + BATCH} candidates written`)
  }

  // Employers: about five openings per workplace, two workplaces per organisation, 6–14 tasks per workplace.
  const workplaceCount = Math.max(1, Math.round(openingCount / 5))
  let orgId = ''
  let orgNumber = 900_000_000
  let written = 0
  for (let start = 0; start < workplaceCount; start += 200) {
    const organisations: Row[] = []
    const workplaces: Row[] = []
    const tasks: Row[] = []
    const carved: Row[] = []
    const carvedTasks: Row[] = []
    const openings: Row[] = []
    for (let w = start; w < Math.min(workplaceCount, start + 200); w++) {
      const county = weighted(countyWeights)
      const municipality = homeIn(county)
      if (w % 2 === 0) {
        orgId = uuid()
        organisations.push({
          id: orgId, org_number: String(orgNumber++), name: `Benchmark bedrift ${w / 2 + 1} AS`, nace_section: pick(['C', 'G', 'H', 'I', 'N', 'Q']),
          sector: chance(0.8) ? 'private' : 'public', size_band: pick(['5-19', '20-99', '100-499']), municipality_number: municipality,
        })
      }
      const workplaceId = uuid()
      const group = weighted(groupWeights.filter(([, g]) => inGroup.has(g)))
      workplaces.push({
        id: workplaceId, organisation_id: orgId, name: `Arbeidssted ${w + 1}`, municipality_number: municipality,
        noise_level: int(0, 2), pace_level: int(0, 2), social_contact_level: int(0, 2),
        languages: chance(0.3) ? ['norsk', 'engelsk'] : ['norsk'],
      })
      const catalogue = [...some(inGroup.get(group)!, 4, 10), ...some(taskCatalogue, 2, 4)]
      const unique = [...new Map(catalogue.map((task) => [task.code, task])).values()]
      const taskIds = unique.map((task) => {
        const taskId = uuid()
        tasks.push({
          id: taskId, workplace_id: workplaceId, catalogue_code: task.code, name: task.name, styrk08: task.styrk08,
          hours_per_week: int(1, 16) / 2 + 0.5, demands: task.demands, requirements: task.requirements,
        })
        return taskId
      })
      for (let o = 0; o < 5 && written < openingCount; o++, written++) {
        const jobId = uuid()
        const hoursMin = int(4, 30)
        carved.push({ id: jobId, workplace_id: workplaceId, name: `Tilpasset jobb ${written + 1}`, target_hours: hoursMin })
        for (const taskId of some(taskIds, 1, 4)) carvedTasks.push({ carved_job_id: jobId, task_id: taskId })
        openings.push({
          id: uuid(), workplace_id: workplaceId, carved_job_id: jobId, title: pick(titles[group] ?? ['Medarbeider']),
          description: 'Vi søker en motivert medarbeider som vil lære og bidra i et godt arbeidsmiljø.',
          opening_type: weighted(openingTypes), hours_min: hoursMin, hours_max: Math.min(40, hoursMin + int(0, 15)),
          times_of_day: weighted([[80, ['DAG']], [15, ['DAG', 'KVELD']], [5, ['KVELD']]]),
          days: weighted([[75, ['UKEDAGER']], [20, ['UKEDAGER', 'LORDAG']], [5, ['LORDAG', 'SONDAG']]]),
          accommodations: some(accommodationPool, 0, 4), mentor_available: chance(0.6), measures: some(measureCodes, 0, 2),
          start_date: addDays(today, int(-10, 90)), places: int(1, 3), hire_prospect: pick(['JA', 'KANSKJE', 'NEI']),
          contact_name: 'Kontaktperson', status: 'published', published_at: new Date().toISOString(),
        })
      }
    }
    await insertRows(sql, 'organisations', organisations)
    await insertRows(sql, 'workplaces', workplaces)
    await insertRows(sql, 'workplace_tasks', tasks)
    await insertRows(sql, 'carved_jobs', carved)
    await insertRows(sql, 'carved_job_tasks', carvedTasks)
    await insertRows(sql, 'openings', openings)
  }
  // The planner needs statistics for the source tables too (the rebuild analyses the index tables itself).
  await sql`analyze`
  return { candidates: options.candidates, openings: written, expectedVisible, specialistByOffice, seconds: (performance.now() - started) / 1000 }
}
