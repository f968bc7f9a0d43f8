// Synthetic candidates for the demo: a few thousand people followed up by job specialists in every
// county, with realistic spreads of tasks, hours, regions, needs and consent. Called from
// seedDemoData inside its transaction; does nothing once any candidate exists.
//
// Everything is drawn from one seeded faker (Norwegian locale), so a fresh start always gets the
// same people; dates are relative to `today`. Names come from faker, national ID numbers are
// Test Norge synthetic numbers (month + 80), which pass validation but can never be a real person.
import type { Faker } from '@faker-js/faker'
import { syntheticNationalId } from './synthetic-national-id'
import type { JSONValue } from 'postgres'
import { idnr } from '@navikt/fnrvalidator'
import { defaultConsentExpiry } from '../matching/visibility'
import type { Queryable } from '../prisma-free-sql/db'
import { isOccupationCode } from '../prisma-free-sql/reference-data/styrk08'
import {
  accommodationCodes,
  dayOptions,
  measureOptions,
  taskCatalogue,
  timeOfDayOptions,
  type CatalogueTask,
} from '../prisma-free-sql/reference-data/vocabulary'
import { certificateOptions, educationLevelOptions, toleranceDimensions } from '../search-index/candidate-document'
import { demoLogins } from './demo-logins'

const FAKER_SEED = 2026
const DEFAULT_COUNT = 3000
const BATCH_SIZE = 500
const CASELOAD_TARGET = 16
const CASELOAD_MIN = 12
const CASELOAD_MAX = 20
const syntheticEmailPattern = '^jobbspesialist[.][0-9]+@jobbsnekker[.]example$'

// ---------------------------------------------------------------------------------------------
// Geography: one office per county, population weights (thousands, 2024) and the three largest
// municipalities (where about half of each county's candidates live).

type CountyPlan = { office: string; population: number; largest: string[]; neighbours: string[] }

const countyPlans: Record<string, CountyPlan> = {
  '03': { office: 'NAV Grünerløkka', population: 717, largest: ['0301'], neighbours: ['32'] },
  '11': { office: 'NAV Stavanger', population: 500, largest: ['1103', '1108', '1106'], neighbours: ['46', '42'] },
  '15': { office: 'NAV Ålesund', population: 270, largest: ['1508', '1506', '1505'], neighbours: ['46', '34', '50'] },
  '18': { office: 'NAV Bodø', population: 243, largest: ['1804', '1833', '1806'], neighbours: ['50', '55'] },
  '31': { office: 'NAV Fredrikstad', population: 304, largest: ['3107', '3105', '3103'], neighbours: ['32'] },
  '32': { office: 'NAV Bærum', population: 725, largest: ['3201', '3203', '3205'], neighbours: ['03', '31', '33', '34'] },
  '33': { office: 'NAV Drammen', population: 272, largest: ['3301', '3305', '3303'], neighbours: ['32', '34', '39', '40', '46'] },
  '34': { office: 'NAV Ringsaker', population: 375, largest: ['3411', '3403', '3407'], neighbours: ['32', '33', '15', '50', '46'] },
  '39': { office: 'NAV Sandefjord', population: 257, largest: ['3907', '3905', '3909'], neighbours: ['33', '40'] },
  '40': { office: 'NAV Skien', population: 177, largest: ['4003', '4001', '4005'], neighbours: ['39', '33', '42', '46'] },
  '42': { office: 'NAV Kristiansand', population: 320, largest: ['4204', '4203', '4202'], neighbours: ['40', '11'] },
  '46': { office: 'NAV Bergenhus', population: 650, largest: ['4601', '4626', '4627'], neighbours: ['11', '15', '33', '34', '40'] },
  '50': { office: 'NAV Trondheim', population: 482, largest: ['5001', '5035', '5006'], neighbours: ['15', '18', '34'] },
  '55': { office: 'NAV Tromsø', population: 169, largest: ['5501', '5503', '5530'], neighbours: ['18', '56'] },
  '56': { office: 'NAV Alta', population: 76, largest: ['5601', '5603', '5605'], neighbours: ['55'] },
}

/** The demo specialists from demo-data.ts and how many candidates each follows up. */
const demoCaseloads = [
  { email: demoLogins.specialist, caseload: 18, scripted: true }, // Ingrid Solberg, NAV Grünerløkka
  { email: demoLogins.teamLead, caseload: 12, scripted: false }, // Marte Lie, NAV Grünerløkka
  { email: 'jobbspesialist.bergen@jobbsnekker.example', caseload: 15, scripted: false }, // Sindre Vik, NAV Bergenhus
  { email: 'veileder.baerum@jobbsnekker.example', caseload: 15, scripted: false }, // Amir Rahimi, NAV Bærum
]

// ---------------------------------------------------------------------------------------------
// Text fragments. Resource-oriented, in the candidate's own voice; never a diagnosis, a name,
// a number or contact details.

const traitSentences = [
  'Jeg er nøyaktig og liker faste rutiner.',
  'Jeg er blid og trives med å jobbe sammen med andre.',
  'Jeg møter presis og gjør ferdig det jeg begynner på.',
  'Jeg jobber godt på egen hånd når jeg vet hva som skal gjøres.',
  'Jeg er praktisk anlagt og lærer best ved å prøve selv.',
  'Jeg er rolig og tålmodig, også når det er travelt.',
  'Jeg er strukturert og liker å se at jobben blir gjort skikkelig.',
  'Jeg spør når jeg lurer på noe, og jeg tar gjerne imot veiledning.',
  'Jeg liker orden og å ha det ryddig rundt meg.',
  'Jeg trives med fysisk arbeid og å være i bevegelse.',
  'Jeg er hjelpsom og liker å gjøre hverdagen enklere for andre.',
  'Jeg er pliktoppfyllende og holder det jeg lover.',
  'Jeg har godt humør og bidrar gjerne til et godt arbeidsmiljø.',
  'Jeg er lojal og blir gjerne lenge på samme arbeidsplass.',
]

const groupSentences: Record<string, string[]> = {
  kontor: [
    'Jeg har sortert post og arkivert dokumenter på et kontor.',
    'Jeg liker oppgaver ved en PC, som registrering og skanning.',
    'Jeg er god til å følge rutiner og holde oversikt over papirer.',
    'Jeg tar gjerne telefonen og tar imot besøkende.',
  ],
  renhold: [
    'Jeg har jobbet med renhold i en kontorbygning.',
    'Jeg ser fort hva som må gjøres for at det skal bli rent og ryddig.',
    'Jeg liker å jobbe tidlig om morgenen før andre kommer.',
    'Jeg har vasket tøy og uniformer på et vaskeri.',
  ],
  kjokken: [
    'Jeg har vært kjøkkenassistent i en kantine.',
    'Jeg liker å lage mat og å servere folk.',
    'Jeg har tatt oppvask og ryddet i en travel restaurant.',
    'Jeg er opptatt av god hygiene på kjøkkenet.',
  ],
  butikk: [
    'Jeg har fylt på varer og holdt orden i hyllene i en dagligvarebutikk.',
    'Jeg liker kundekontakt og å hjelpe folk med å finne fram.',
    'Jeg har tatt imot varer og pakket ut på lageret bak butikken.',
    'Jeg har stått i kassa som ekstrahjelp i helgene.',
  ],
  lager: [
    'Jeg har plukket og pakket ordre på et lager for en nettbutikk.',
    'Jeg liker tydelige oppgaver og å se hva jeg har fått gjort i løpet av dagen.',
    'Jeg har lastet og losset varer og er vant til å bruke jekketralle.',
    'Jeg er flink til å sortere og holde orden på emballasje og avfall.',
  ],
  transport: [
    'Jeg kjenner nærområdet godt og liker å være på farten.',
    'Jeg har vasket og klargjort biler hos en bilforhandler.',
    'Jeg har skiftet dekk i sesongen på et dekkverksted.',
    'Jeg har delt ut aviser tidlig om morgenen i flere år.',
  ],
  drift: [
    'Jeg trives ute i all slags vær.',
    'Jeg er hendig og liker å fikse småting.',
    'Jeg har klippet plen og stelt bed i et borettslag.',
    'Jeg har hjulpet til med flytting og rigging til arrangementer.',
  ],
  helse: [
    'Jeg liker å være sammen med eldre og tar meg god tid til å lytte.',
    'Jeg har hjulpet til ved måltidene på et sykehjem.',
    'Jeg har vært med på turer og aktiviteter for beboere.',
    'Jeg er omsorgsfull og liker å gjøre praktiske ting for andre.',
  ],
  produksjon: [
    'Jeg har jobbet med enkel montering på en fabrikk.',
    'Jeg er god med hendene og har god finmotorikk.',
    'Jeg liker oppgaver som gjentar seg, der jeg kan bli god på det jeg gjør.',
    'Jeg har pakket og merket produkter ved et samlebånd.',
  ],
  it: [
    'Jeg er god med data og hjelper ofte andre med tekniske problemer.',
    'Jeg har satt opp datamaskiner og telefoner for kollegaer.',
    'Jeg er nøyaktig og finner gjerne feil andre ikke ser.',
    'Jeg har oppdatert nettsider og sosiale medier for en forening.',
  ],
  bygg: [
    'Jeg har ryddet på byggeplass og er vant til å bruke verneutstyr.',
    'Jeg liker praktisk arbeid og å se resultatet av det jeg gjør.',
    'Jeg har hjulpet til med riving og bæring i oppussingsprosjekter.',
  ],
}

const forkliftSentence = 'Jeg har kjørt truck på lager i tre år.'
const drivingSentence = 'Jeg har førerkort og kjører gjerne ærender.'
const gradualSentence = 'Jeg vil gjerne begynne med noen timer i uka og øke etter hvert.'

const closingSentences = [
  'Jeg ønsker en fast jobb der jeg kan bli over tid.',
  'Jeg trives best på dagtid og i et rolig miljø.',
  'Målet mitt er en vanlig jobb med lønn.',
  'Jeg ser fram til å bli en del av et arbeidsfellesskap.',
  'Jeg vil gjerne lære noe nytt og få mer erfaring.',
  'Jeg fungerer best når jeg har en fast kontaktperson på jobben.',
  'Jeg trives med faste oppgaver og en forutsigbar arbeidsdag.',
]

const workExperienceTexts: Record<string, string[]> = {
  kontor: ['Kontormedarbeider gjennom et vikarbyrå i ett år.', 'Praksis i resepsjonen på et hotell.'],
  renhold: ['Renholder i et renholdsbyrå i to år.', 'Ekstrahjelp på et vaskeri.'],
  kjokken: ['Kjøkkenassistent i en skolekantine.', 'Oppvasker på restaurant i tre sesonger.'],
  butikk: ['Butikkmedarbeider i dagligvare i to år.', 'Sommerjobb i en byggvarehandel.'],
  lager: ['Lagermedarbeider i en nettbutikk.', 'Sesongarbeid på et distribusjonslager.'],
  transport: ['Avisbud i flere år.', 'Bilpleie hos en bilforhandler.'],
  drift: ['Sommerjobb i kommunens parkvesen.', 'Vaktmesterassistent i et borettslag.'],
  helse: ['Assistent på et sykehjem om sommeren.', 'Praksis i en barnehage.'],
  produksjon: ['Operatør ved et emballasjeanlegg.', 'Montering på et møbelverksted.'],
  it: ['Brukerstøtte på en skole gjennom praksis.', 'Testing av apper som frivillig.'],
  bygg: ['Hjelpearbeider for en snekker.', 'Rydding på byggeplass gjennom et arbeidsrettet tiltak.'],
}

const informalCompetenceTexts = [
  'Frivillig i idrettslaget, med kiosk og dugnader.',
  'Tar ansvar for hjemmet og familien.',
  'Har god erfaring med hagestell.',
  'Bygger og reparerer sykler på fritiden.',
  'Snakker flere språk.',
  'Synger i kor og stiller opp på dugnader i nærmiljøet.',
  'Har hjulpet naboer med flytting og småjobber.',
  'Lager gjerne mat til store selskaper i familien.',
  'Flink med data og spill, har satt sammen sin egen datamaskin.',
  'Har hatt ansvar for kassa i en forening.',
  'Driver med fiske og friluftsliv.',
  'Passer dyr for andre.',
]

// ---------------------------------------------------------------------------------------------
// Plans: what state each candidate is in, decided before the profile is drawn.

type Status = 'active' | 'paused' | 'in_work' | 'ended'
type ConsentKind = 'current' | 'expiring' | 'expired' | 'withdrawn' | 'none'
type Plan = { status: Status; consent: ConsentKind; incomplete: boolean }

/** Ingrid Solberg's caseload shows every state the specialist pages have to handle. */
const scriptedPlans: Plan[] = [
  ...Array.from({ length: 11 }, (): Plan => ({ status: 'active', consent: 'current', incomplete: false })),
  { status: 'active', consent: 'expiring', incomplete: false },
  { status: 'active', consent: 'expiring', incomplete: false },
  { status: 'active', consent: 'none', incomplete: false },
  { status: 'paused', consent: 'current', incomplete: false },
  { status: 'active', consent: 'current', incomplete: true },
  { status: 'active', consent: 'withdrawn', incomplete: false },
  { status: 'active', consent: 'expired', incomplete: false },
]

type Specialist = { id: string; officeId: string; countyNumber: string; caseload: number; scripted: boolean }
type Municipality = { number: string; countyNumber: string }
type Geography = { byCounty: Map<string, Municipality[]> }

type Row = Record<string, unknown>

// ---------------------------------------------------------------------------------------------

export async function seedCandidateDemo(sql: Queryable, options: { count?: number; today?: string } = {}): Promise<void> {
  const [existing] = await sql`select exists (select 1 from candidates) as any`
  if (existing?.any) return

  // Loaded here rather than at the top, so a portal that does not seed never loads the fake-data
  // library. The locale entry is the same instance as `fakerNB_NO` from the package root, without
  // the other sixty locales (about 7 MB instead of 38 MB of memory).
  assertVocabulary()
  const { faker } = await import('@faker-js/faker/locale/nb_NO')
  faker.seed(FAKER_SEED)
  const today = options.today ?? todayInNorway()
  const count = options.count ?? DEFAULT_COUNT
  const nowMs = Date.now()

  const geography = await loadGeography(sql)
  // Names already in use, apart from the synthetic specialists this function creates (so a second run draws the same).
  const takenNames = new Set(
    (
      await sql<{ name: string }[]>`
        select name from users where email !~ ${syntheticEmailPattern} union select contact_name from openings`
    ).map((row) => row.name.toLowerCase()),
  )
  const specialists = await seedSpecialists(sql, faker, count, takenNames)
  for (const name of specialists.names) takenNames.add(name.toLowerCase())

  // Who follows up whom, and in what state: all decided up front (small), the rows drawn batch by batch.
  const assignments: { specialist: Specialist; plan: Plan }[] = []
  for (const specialist of specialists.list) {
    for (let i = 0; i < specialist.caseload; i++) {
      const plan = specialist.scripted ? scriptedPlans[i % scriptedPlans.length]! : drawPlan(faker)
      assignments.push({ specialist, plan })
    }
  }

  const context: DrawContext = { faker, today, nowMs, geography, takenNames, nationalIds: new Set(), phones: new Set() }
  for (let start = 0; start < assignments.length; start += BATCH_SIZE) {
    const rows: CandidateRows = { candidates: [], identities: [], profiles: [], consents: [], events: [] }
    assignments.slice(start, start + BATCH_SIZE).forEach((assignment, offset) => {
      drawCandidate(context, start + offset + 1, assignment.specialist, assignment.plan, rows)
    })
    await insertRows(sql, 'candidates', rows.candidates)
    await insertRows(sql, 'candidate_identities', rows.identities)
    await insertRows(sql, 'candidate_profiles', rows.profiles)
    await insertRows(sql, 'candidate_consents', rows.consents)
    await insertRows(sql, 'candidate_events', rows.events)
  }
}

/**
 * Inserts a batch with one statement whose text does not depend on the rows: they travel as a
 * single jsonb parameter and jsonb_populate_recordset turns them back into typed rows (arrays,
 * jsonb, dates and timestamps included). A VALUES list with a parameter per field (`sql(rows)`)
 * would prepare a new statement for every batch size and parameter-type mix, and the embedded
 * database keeps each prepared plan (about 0.6 MB for 500 profiles, 22 MB for the whole seed) for
 * as long as the portal runs.
 */
async function insertRows(sql: Queryable, table: string, rows: readonly Row[], options: { onConflictDoNothing?: boolean } = {}): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]!)
  await sql`
    insert into ${sql(table)} (${sql(columns)})
    select ${sql(columns)} from jsonb_populate_recordset(null::${sql(table)}, ${sql.json(rows as unknown as JSONValue)})
    ${options.onConflictDoNothing ? sql`on conflict do nothing` : sql``}`
}

function todayInNorway(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date())
}

async function loadGeography(sql: Queryable): Promise<Geography> {
  const rows = await sql<{ number: string; countyNumber: string }[]>`
    select number, county_number as "countyNumber" from municipalities order by number`
  const byCounty = new Map<string, Municipality[]>()
  for (const row of rows) {
    const list = byCounty.get(row.countyNumber) ?? []
    list.push(row)
    byCounty.set(row.countyNumber, list)
  }
  for (const county of Object.keys(countyPlans)) {
    if (!byCounty.get(county)?.length) throw new Error(`demo candidates: no municipalities in county ${county}; load the geography first`)
  }
  return { byCounty }
}

// ---------------------------------------------------------------------------------------------
// Offices and specialists

/** How many candidates each county gets, by population (largest remainder). */
function countyQuotas(count: number): Map<string, number> {
  const total = Object.values(countyPlans).reduce((sum, plan) => sum + plan.population, 0)
  const shares = Object.entries(countyPlans).map(([county, plan]) => {
    const exact = (count * plan.population) / total
    return { county, quota: Math.floor(exact), remainder: exact - Math.floor(exact) }
  })
  let left = count - shares.reduce((sum, share) => sum + share.quota, 0)
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder || a.county.localeCompare(b.county))) {
    if (left-- <= 0) break
    share.quota++
  }
  return new Map(shares.map((share) => [share.county, share.quota]))
}

/** Splits `total` over `n` caseloads of 12–20, evenly and then jittered so they are not all alike. */
function splitCaseloads(faker: Faker, total: number, n: number): number[] {
  const caseloads = Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0))
  for (let i = 0; i + 1 < n; i += 2) {
    const shift = faker.number.int({ min: 0, max: 4 })
    const a = caseloads[i]!
    const b = caseloads[i + 1]!
    const possible = Math.min(shift, CASELOAD_MAX - a, b - CASELOAD_MIN)
    if (possible > 0) {
      caseloads[i] = a + possible
      caseloads[i + 1] = b - possible
    }
  }
  return caseloads
}

async function seedSpecialists(
  sql: Queryable,
  faker: Faker,
  count: number,
  takenNames: Set<string>,
): Promise<{ list: Specialist[]; names: string[] }> {
  await insertRows(
    sql,
    'nav_offices',
    Object.entries(countyPlans).map(([county, plan]) => ({ name: plan.office, county_number: county })),
    { onConflictDoNothing: true },
  )
  const officeRows = await sql<{ id: string; name: string; countyNumber: string }[]>`
    select id, name, county_number as "countyNumber" from nav_offices
    where name = any(${sql.array(Object.values(countyPlans).map((plan) => plan.office))})`
  const officeByCounty = new Map<string, string>()
  for (const [county, plan] of Object.entries(countyPlans)) {
    const office = officeRows.find((row) => row.name === plan.office)
    if (!office) throw new Error(`demo candidates: office ${plan.office} is missing`)
    officeByCounty.set(county, office.id)
  }

  const demoRows = await sql<{ id: string; email: string; officeId: string; countyNumber: string }[]>`
    select u.id, lower(u.email) as email, p.office_id as "officeId", o.county_number as "countyNumber"
    from users u join staff_placements p on p.user_id = u.id join nav_offices o on o.id = p.office_id
    where lower(u.email) = any(${sql.array(demoCaseloads.map((demo) => demo.email.toLowerCase()))})`
  const quotas = countyQuotas(count)
  const list: Specialist[] = []
  for (const demo of demoCaseloads) {
    const row = demoRows.find((candidate) => candidate.email === demo.email.toLowerCase())
    if (!row) continue // a database seeded before this demo specialist existed: synthetic colleagues take over
    list.push({ id: row.id, officeId: row.officeId, countyNumber: row.countyNumber, caseload: demo.caseload, scripted: demo.scripted })
    quotas.set(row.countyNumber, Math.max(0, (quotas.get(row.countyNumber) ?? 0) - demo.caseload))
  }

  // Synthetic specialists, who cannot log in (no password).
  const synthetic: { email: string; name: string; countyNumber: string; caseload: number }[] = []
  for (const county of Object.keys(countyPlans)) {
    const remaining = quotas.get(county) ?? 0
    if (remaining <= 0) continue
    const n = Math.max(1, Math.round(remaining / CASELOAD_TARGET))
    for (const caseload of splitCaseloads(faker, remaining, n)) {
      let name: string
      do name = `${faker.person.firstName()} ${faker.person.lastName()}`
      while (takenNames.has(name.toLowerCase()))
      takenNames.add(name.toLowerCase())
      synthetic.push({ email: `jobbspesialist.${synthetic.length + 1}@jobbsnekker.example`, name, countyNumber: county, caseload })
    }
  }
  const names = synthetic.map((person) => person.name)
  for (let start = 0; start < synthetic.length; start += BATCH_SIZE) {
    const batch = synthetic.slice(start, start + BATCH_SIZE)
    const users = batch.map((person) => ({ id: faker.string.uuid(), email: person.email, name: person.name, account_type: 'staff', password_hash: null }))
    await insertRows(sql, 'users', users, { onConflictDoNothing: true })
  }
  const userRows = await sql<{ id: string; email: string }[]>`
    select id, lower(email) as email from users where lower(email) = any(${sql.array(synthetic.map((person) => person.email))})`
  const idByEmail = new Map(userRows.map((row) => [row.email, row.id]))
  const placed = synthetic.map((person) => {
    const id = idByEmail.get(person.email)
    if (!id) throw new Error(`demo candidates: specialist ${person.email} was not created`)
    return { ...person, id, officeId: officeByCounty.get(person.countyNumber)! }
  })
  if (placed.length > 0) {
    await insertRows(sql, 'user_roles', placed.map((person) => ({ user_id: person.id, role: 'specialist' })), { onConflictDoNothing: true })
    await insertRows(
      sql,
      'staff_placements',
      placed.map((person) => ({ user_id: person.id, office_id: person.officeId, team_id: null })),
      { onConflictDoNothing: true },
    )
  }
  // Where they actually work (the same office, unless an earlier run placed them elsewhere).
  const placements = await sql<{ userId: string; officeId: string; countyNumber: string }[]>`
    select p.user_id as "userId", p.office_id as "officeId", o.county_number as "countyNumber"
    from staff_placements p join nav_offices o on o.id = p.office_id
    where p.user_id = any(${sql.array(placed.map((person) => person.id), 2950)})`
  const placementOf = new Map(placements.map((row) => [row.userId, row]))
  for (const person of placed) {
    const placement = placementOf.get(person.id) ?? person
    list.push({ id: person.id, officeId: placement.officeId, countyNumber: placement.countyNumber, caseload: person.caseload, scripted: false })
  }
  return { list, names }
}

// ---------------------------------------------------------------------------------------------
// Drawing one candidate

type DrawContext = {
  faker: Faker
  today: string
  nowMs: number
  geography: Geography
  takenNames: Set<string>
  nationalIds: Set<string>
  phones: Set<string>
}

type CandidateRows = { candidates: Row[]; identities: Row[]; profiles: Row[]; consents: Row[]; events: Row[] }

function drawPlan(faker: Faker): Plan {
  const status = faker.helpers.weightedArrayElement<Status>([
    { weight: 85, value: 'active' },
    { weight: 6, value: 'paused' },
    { weight: 6, value: 'in_work' },
    { weight: 3, value: 'ended' },
  ])
  let consent = faker.helpers.weightedArrayElement<ConsentKind>([
    { weight: 80, value: 'current' },
    { weight: 5, value: 'expired' },
    { weight: 4, value: 'withdrawn' },
    { weight: 11, value: 'none' },
  ])
  if (consent === 'current' && faker.datatype.boolean(0.08)) consent = 'expiring'
  // Profiles are usually finished before consent is asked for; unfinished ones mostly lack consent.
  const incompleteChance = consent === 'none' ? 0.4 : consent === 'expired' || consent === 'withdrawn' ? 0.1 : 0.03
  return { status, consent, incomplete: faker.datatype.boolean(incompleteChance) }
}

function drawCandidate(context: DrawContext, n: number, specialist: Specialist, plan: Plan, rows: CandidateRows): void {
  const { faker, today } = context
  const id = faker.string.uuid()

  // Identity
  const sex = faker.helpers.arrayElement(['female', 'male'] as const)
  let firstName: string
  let lastName: string
  do {
    firstName = faker.person.firstName(sex)
    lastName = faker.person.lastName()
  } while (context.takenNames.has(`${firstName} ${lastName}`.toLowerCase()))
  const age = faker.helpers.weightedArrayElement([
    { weight: 40, value: { min: 18, max: 29 } },
    { weight: 35, value: { min: 30, max: 49 } },
    { weight: 25, value: { min: 50, max: 66 } },
  ])
  const birthDate = addDays(today, -(faker.number.int(age) * 365 + faker.number.int({ min: 0, max: 364 })))
  const nationalId = demoNationalId(faker, birthDate, sex === 'male', context.nationalIds)
  let phone: string
  do phone = `${faker.helpers.arrayElement(['4', '9'])}${faker.string.numeric(7)}`
  while (context.phones.has(phone))
  context.phones.add(phone)
  const email = `${asciiLocalPart(firstName)}.${asciiLocalPart(lastName)}.${n}@kandidat.example`

  // Time line, in days before today: created, consent given (and withdrawn), last activity.
  const timeline = drawTimeline(faker, today, plan.consent)
  const at = (daysAgo: number, hour: number) => timestamp(addDays(today, -daysAgo), hour, faker, context.nowMs)
  const createdAt = at(timeline.created, 8)
  const lastActivityAt = at(timeline.lastActivity, 14)

  rows.candidates.push({
    id,
    office_id: specialist.officeId,
    responsible_user_id: specialist.id,
    status: plan.status,
    created_at: createdAt,
    last_activity_at: lastActivityAt,
  })
  rows.identities.push({ candidate_id: id, first_name: firstName, last_name: lastName, national_id: nationalId, phone, email, updated_at: createdAt })
  rows.profiles.push({ candidate_id: id, ...drawProfile(context, specialist.countyNumber, plan), updated_at: lastActivityAt })

  const events: Row[] = [{ candidate_id: id, occurred_at: createdAt, actor_user_id: specialist.id, kind: 'created', details: {} }]
  if (timeline.consentGiven !== undefined && plan.consent !== 'none') {
    const givenOn = addDays(today, -timeline.consentGiven)
    const expiresOn = defaultConsentExpiry(givenOn)
    const recordedAt = at(timeline.consentGiven, 10)
    const county = specialist.countyNumber
    const scopeAll = faker.datatype.boolean(0.7)
    const scopeCounties = scopeAll
      ? []
      : faker.datatype.boolean(0.5)
        ? [county]
        : [county, faker.helpers.arrayElement(countyPlans[county]!.neighbours)]
    const method = faker.datatype.boolean(0.65) ? 'meeting' : 'written'
    const withdrawnAt = plan.consent === 'withdrawn' && timeline.withdrawn !== undefined ? at(timeline.withdrawn, 12) : null
    rows.consents.push({
      candidate_id: id,
      given_to_user_id: specialist.id,
      recorded_by_user_id: specialist.id,
      method,
      scope: scopeAll ? 'all' : 'counties',
      scope_counties: scopeCounties,
      given_on: givenOn,
      expires_on: expiresOn,
      recorded_at: recordedAt,
      withdrawn_at: withdrawnAt,
      withdrawn_by_user_id: withdrawnAt ? specialist.id : null,
    })
    events.push({
      candidate_id: id,
      occurred_at: recordedAt,
      actor_user_id: specialist.id,
      kind: 'consent_recorded',
      details: { scope: scopeAll ? 'all' : 'counties', counties: scopeCounties.join(','), expiresOn, method },
    })
    if (withdrawnAt) {
      events.push({ candidate_id: id, occurred_at: withdrawnAt, actor_user_id: specialist.id, kind: 'consent_withdrawn', details: { note: '' } })
    }
  }
  // The last thing that happened: a status change, or else work on the profile.
  events.push(
    plan.status === 'active'
      ? { candidate_id: id, occurred_at: lastActivityAt, actor_user_id: specialist.id, kind: 'profile_updated', details: {} }
      : {
          candidate_id: id,
          occurred_at: lastActivityAt,
          actor_user_id: specialist.id,
          kind: 'status_changed',
          details: { from: 'active', to: plan.status, note: '' },
        },
  )
  rows.events.push(...events)
}

type Timeline = { created: number; consentGiven?: number; withdrawn?: number; lastActivity: number }

function drawTimeline(faker: Faker, today: string, consent: ConsentKind): Timeline {
  const int = (min: number, max: number) => faker.number.int({ min, max })
  switch (consent) {
    case 'current': {
      let given = int(0, 150)
      while (defaultConsentExpiry(addDays(today, -given)) <= today) given--
      const lastActivity = int(0, Math.min(given, 120))
      return { created: given + int(0, 90), consentGiven: given, lastActivity }
    }
    case 'expiring': {
      // Runs out within the next 30 days.
      let given = 150 + int(5, 28)
      while (defaultConsentExpiry(addDays(today, -given)) > addDays(today, 29)) given++
      while (defaultConsentExpiry(addDays(today, -given)) <= today) given--
      const lastActivity = int(0, 120)
      return { created: given + int(0, 90), consentGiven: given, lastActivity }
    }
    case 'expired': {
      let given = int(185, 330)
      while (defaultConsentExpiry(addDays(today, -given)) > today) given++
      return { created: given + int(0, 90), consentGiven: given, lastActivity: int(0, 120) }
    }
    case 'withdrawn': {
      const given = int(20, 170)
      const withdrawn = int(0, given - 1)
      return { created: given + int(0, 90), consentGiven: given, withdrawn, lastActivity: int(0, Math.min(withdrawn, 120)) }
    }
    case 'none': {
      const lastActivity = int(0, 120)
      return { created: lastActivity + int(0, 240), lastActivity }
    }
  }
}

function drawProfile(context: DrawContext, county: string, plan: Plan): Row {
  const { faker, today, geography } = context
  const chance = (probability: number) => faker.datatype.boolean(probability)
  const int = (min: number, max: number) => faker.number.int({ min, max })

  // Where the candidate lives: half in the county's three largest municipalities, the rest spread.
  const municipalities = geography.byCounty.get(county)!
  const largest = countyPlans[county]!.largest.filter((number) => municipalities.some((m) => m.number === number))
  const home =
    largest.length > 0 && (municipalities.length <= largest.length || chance(0.5))
      ? faker.helpers.arrayElement(largest)
      : faker.helpers.arrayElement(municipalities.filter((m) => !largest.includes(m.number))).number

  // Tasks: a main group and sometimes a second one.
  const groups = [...new Set(taskCatalogue.map((task) => task.group))]
  const mainGroup = faker.helpers.weightedArrayElement(groups.map((group) => ({ weight: groupWeights[group] ?? 5, value: group })))
  const secondGroup = chance(0.5) ? faker.helpers.arrayElement(groups.filter((group) => group !== mainGroup)) : mainGroup
  const inGroup = (group: string) => taskCatalogue.filter((task) => task.group === group)
  const wanted: CatalogueTask[] = faker.helpers.arrayElements(inGroup(mainGroup), { min: 1, max: Math.min(4, inGroup(mainGroup).length) })
  if (secondGroup !== mainGroup && wanted.length < 4 && chance(0.3)) wanted.push(faker.helpers.arrayElement(inGroup(secondGroup)))
  const possiblePool = [...new Set([...inGroup(secondGroup), ...inGroup(mainGroup)])].filter((task) => !wanted.includes(task))
  const possible = faker.helpers.arrayElements(possiblePool, { min: 0, max: Math.min(3, possiblePool.length) })
  const occupationCodes = [...new Set(wanted.map((task) => task.styrk08))].filter(isOccupationCode)
  const occupations = faker.helpers.arrayElements(occupationCodes, { min: 0, max: Math.min(2, occupationCodes.length) })
  const wantedCodes = wanted.map((task) => task.code)
  const wantedGroups = new Set(wanted.map((task) => task.group))

  // Certificates, correlated with the tasks that need them.
  const certificates: string[] = []
  if (chance(wantedCodes.includes('bud-aerender') ? 0.9 : 0.38)) certificates.push('driversLicenceB')
  if (chance(wantedCodes.includes('truckkjoring') ? 0.6 : wantedGroups.has('lager') ? 0.1 : 0.03)) certificates.push('forkliftLicence')
  if (chance(wantedGroups.has('kjokken') ? 0.45 : wanted.some((task) => task.requirements.includes('foodHygiene')) ? 0.4 : 0.08)) {
    certificates.push('foodHygiene')
  }
  const policeCertificate = wantedGroups.has('helse')
    ? chance(0.9) || null
    : faker.helpers.weightedArrayElement<boolean | null>([
        { weight: 70, value: true },
        { weight: 10, value: false },
        { weight: 20, value: null },
      ])

  // Hours, in half hours.
  const hoursMin = int(10, 40) / 2
  const hoursMax = Math.min(37.5, hoursMin + int(0, Math.min(30, 75 - hoursMin * 2)) / 2)
  const gradualIncrease = chance(0.35)

  const timesOfDay: string[] = faker.helpers.weightedArrayElement<string[]>([
    { weight: 76, value: ['DAG'] },
    { weight: 12, value: ['DAG', 'KVELD'] },
    { weight: 8, value: ['KVELD'] },
    { weight: 2, value: ['DAG', 'KVELD', 'NATT'] },
    { weight: 2, value: ['NATT'] },
  ])
  const days: string[] = faker.helpers.weightedArrayElement<string[]>([
    { weight: 80, value: ['UKEDAGER'] },
    { weight: 12, value: ['UKEDAGER', 'LORDAG'] },
    { weight: 6, value: ['UKEDAGER', 'LORDAG', 'SONDAG'] },
    { weight: 2, value: ['LORDAG', 'SONDAG'] },
  ])

  // Where they can work: home and nearby municipalities, or the whole county (sometimes a neighbour's too).
  const area = faker.helpers.weightedArrayElement([
    { weight: 50, value: 'nearby' as const },
    { weight: 42, value: 'county' as const },
    { weight: 8, value: 'counties' as const },
  ])
  let workMunicipalities: string[] = []
  let workCounties: string[] = []
  if (area === 'nearby') {
    workMunicipalities = [home, ...faker.helpers.arrayElements(nearbyMunicipalities(geography, county, home), { min: 1, max: 3 })]
  } else {
    workCounties = area === 'county' ? [county] : [county, faker.helpers.arrayElement(countyPlans[county]!.neighbours)]
  }

  // Accommodation needs, and tolerances that agree with them.
  const accommodationNeeds = faker.helpers.arrayElements(
    accommodationCodes.filter((code) => !norwegianSupportCodes.has(code)),
    faker.helpers.weightedArrayElement([
      { weight: 30, value: 0 },
      { weight: 35, value: 1 },
      { weight: 25, value: 2 },
      { weight: 10, value: 3 },
    ]),
  )
  if (gradualIncrease && chance(0.5) && !accommodationNeeds.includes('GRADVIS_OKNING') && accommodationNeeds.length < 3) {
    accommodationNeeds.push('GRADVIS_OKNING')
  }
  const oralNorwegian = faker.helpers.weightedArrayElement([
    { weight: 80, value: 2 },
    { weight: 15, value: 1 },
    { weight: 5, value: 0 },
  ])
  const writtenNorwegian = oralNorwegian === 2 ? (chance(0.85) ? 2 : 1) : oralNorwegian === 1 ? (chance(0.7) ? 1 : 0) : 0
  if (oralNorwegian < 2 && accommodationNeeds.length < 3 && chance(0.6)) accommodationNeeds.push(chance(0.5) ? 'SNAKKE' : 'LESE')

  const demandTolerances: Record<string, number> = {}
  for (const dimension of toleranceDimensions) {
    demandTolerances[dimension.code] =
      dimension.code === 'lifting'
        ? faker.helpers.weightedArrayElement([
            { weight: 70, value: 2 },
            { weight: 20, value: 1 },
            { weight: 10, value: 0 },
          ])
        : faker.helpers.weightedArrayElement([
            { weight: 75, value: 2 },
            { weight: 18, value: 1 },
            { weight: 7, value: 0 },
          ])
  }
  const atMost = (code: string, level: number) => {
    if (code in demandTolerances) demandTolerances[code] = Math.min(demandTolerances[code]!, level)
  }
  if (accommodationNeeds.includes('TUNGE_LOFT')) atMost('lifting', 1)
  if (accommodationNeeds.includes('HORSEL')) atMost('noise', 1)
  if (accommodationNeeds.includes('STILLE_OG_ROLIG_MILJO')) {
    atMost('noise', 1)
    atMost('tempo', 1)
  }
  if (accommodationNeeds.includes('ARBEIDSSTILLING')) atMost('standing', 1)

  const profile = {
    home_municipality_number: home,
    pitch: composePitch(faker, mainGroup, certificates, gradualIncrease),
    wanted_tasks: wantedCodes,
    possible_tasks: possible.map((task) => task.code),
    occupations,
    work_experience: chance(0.75)
      ? faker.helpers
          .arrayElements([...new Set([...(workExperienceTexts[mainGroup] ?? []), ...(workExperienceTexts[secondGroup] ?? [])])], { min: 1, max: 2 })
          .join(' ')
      : '',
    informal_competence: chance(0.6) ? faker.helpers.arrayElement(informalCompetenceTexts) : '',
    education_level: faker.helpers.weightedArrayElement([
      { weight: 8, value: 'none' },
      { weight: 22, value: 'primary' },
      { weight: 25, value: 'upper_secondary_started' },
      { weight: 25, value: 'upper_secondary' },
      { weight: 10, value: 'trade_certificate' },
      { weight: 10, value: 'higher' },
    ]) as string | null,
    certificates,
    can_obtain_police_certificate: policeCertificate,
    hours_min: hoursMin as number | null,
    hours_max: hoursMax as number | null,
    gradual_increase: gradualIncrease,
    times_of_day: timesOfDay,
    days,
    work_municipalities: workMunicipalities,
    work_counties: workCounties,
    earliest_start: (chance(0.3) ? today : addDays(today, int(1, 90))) as string | null,
    demand_tolerances: demandTolerances,
    accommodation_needs: accommodationNeeds,
    oral_norwegian: oralNorwegian,
    written_norwegian: writtenNorwegian,
    measures: faker.helpers.arrayElements(
      measureOptions.map((option) => option.code),
      faker.helpers.weightedArrayElement([
        { weight: 40, value: 0 },
        { weight: 40, value: 1 },
        { weight: 20, value: 2 },
      ]),
    ),
  }

  if (plan.incomplete) {
    const gaps = faker.helpers.arrayElements(incompleteParts, chance(0.2) ? 2 : 1)
    for (const gap of gaps) {
      if (gap === 'pitch') profile.pitch = ''
      if (gap === 'hours') profile.hours_min = profile.hours_max = null
      if (gap === 'education') profile.education_level = null
      if (gap === 'earliestStart') profile.earliest_start = null
      if (gap === 'schedule') profile.days = []
      if (gap === 'tasks') {
        profile.wanted_tasks = []
        profile.possible_tasks = []
        profile.occupations = []
      }
    }
  }
  return profile
}

const incompleteParts = ['pitch', 'pitch', 'pitch', 'pitch', 'hours', 'hours', 'hours', 'education', 'earliestStart', 'schedule', 'tasks'] as const

/** How often each task group is a candidate's main interest. */
const groupWeights: Record<string, number> = {
  lager: 16,
  butikk: 15,
  renhold: 12,
  kjokken: 12,
  drift: 10,
  transport: 8,
  kontor: 8,
  helse: 7,
  produksjon: 7,
  it: 3,
  bygg: 4,
}

const norwegianSupportCodes = new Set(['SNAKKE', 'SKRIVE', 'LESE', 'REGNING'])

function composePitch(faker: Faker, group: string, certificates: string[], gradualIncrease: boolean): string {
  const sentences = [faker.helpers.arrayElement(traitSentences)]
  const pool = [...(groupSentences[group] ?? [])]
  if (group === 'lager' && certificates.includes('forkliftLicence')) pool.push(forkliftSentence, forkliftSentence)
  if (group === 'transport' && certificates.includes('driversLicenceB')) pool.push(drivingSentence, drivingSentence)
  sentences.push(...faker.helpers.arrayElements(pool, { min: 1, max: 2 }))
  if (gradualIncrease && faker.datatype.boolean(0.5)) sentences.push(gradualSentence)
  else if (faker.datatype.boolean(0.7)) sentences.push(faker.helpers.arrayElement(closingSentences))
  return sentences.join(' ')
}

/** Municipalities near home: neighbours in number order within the county (a rough stand-in for adjacency). */
function nearbyMunicipalities(geography: Geography, county: string, home: string): string[] {
  const list = geography.byCounty.get(county)!
  if (list.length < 4) {
    // Oslo is one municipality; its neighbours are in Akershus.
    const neighbour = countyPlans[county]!.neighbours[0]!
    return countyPlans[neighbour]!.largest
  }
  const index = list.findIndex((m) => m.number === home)
  const nearby = list.filter((_, i) => i !== index && Math.abs(i - index) <= 3).map((m) => m.number)
  const largest = countyPlans[county]!.largest.filter((number) => number !== home && !nearby.includes(number))
  return countyPlans[county]!.largest.includes(home) ? [...nearby, ...largest] : nearby
}

// ---------------------------------------------------------------------------------------------
// Identity details

/**
 * A Test Norge synthetic number (month + 80), valid by the two MOD11 check digits but never
 * issued to a real person. The individual number follows the century rules and the sex digit.
 */
function demoNationalId(faker: Faker, birthDate: string, male: boolean, taken: Set<string>): string {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number]
  for (;;) {
    let individual = year < 2000 ? faker.number.int({ min: 0, max: 499 }) : faker.number.int({ min: 500, max: 999 })
    if ((individual % 2 === 1) !== male) individual ^= 1
    const nationalId = syntheticNationalId({ year, month, day }, individual)
    if (!nationalId || taken.has(nationalId)) continue
    const check = idnr(nationalId)
    if (check.status !== 'valid' || check.type !== 'tnr') throw new Error(`demo candidates: generated an invalid synthetic number (${JSON.stringify(check)})`)
    taken.add(nationalId)
    return nationalId
  }
}

function asciiLocalPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

// ---------------------------------------------------------------------------------------------
// Dates

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** A moment on that day around `hour` (UTC, office hours in Norway), never later than now. */
function timestamp(isoDate: string, hour: number, faker: Faker, nowMs: number): Date {
  const ms = Date.parse(`${isoDate}T00:00:00Z`) + hour * 3_600_000 + faker.number.int({ min: 0, max: 59 }) * 60_000
  return new Date(Math.min(ms, nowMs - 60_000))
}

/** The codes this file uses must exist in the vocabulary: a renamed code fails loudly instead of seeding nonsense. */
function assertVocabulary(): void {
  for (const code of ['driversLicenceB', 'forkliftLicence', 'foodHygiene']) {
    if (!certificateOptions.some((option) => option.code === code)) throw new Error(`demo candidates: unknown certificate ${code}`)
  }
  for (const code of ['DAG', 'KVELD', 'NATT']) {
    if (!timeOfDayOptions.some((option) => option.code === code)) throw new Error(`demo candidates: unknown time of day ${code}`)
  }
  for (const code of ['UKEDAGER', 'LORDAG', 'SONDAG']) {
    if (!dayOptions.some((option) => option.code === code)) throw new Error(`demo candidates: unknown day ${code}`)
  }
  for (const code of ['TUNGE_LOFT', 'HORSEL', 'STILLE_OG_ROLIG_MILJO', 'ARBEIDSSTILLING', 'GRADVIS_OKNING', 'SNAKKE', 'LESE']) {
    if (!accommodationCodes.includes(code)) throw new Error(`demo candidates: unknown accommodation ${code}`)
  }
  for (const code of ['none', 'primary', 'upper_secondary_started', 'upper_secondary', 'trade_certificate', 'higher']) {
    if (!educationLevelOptions.some((option) => option.code === code)) throw new Error(`demo candidates: unknown education level ${code}`)
  }
}
