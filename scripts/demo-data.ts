import type { Sql } from '../prisma-free-sql/db'
import { hashPassword } from '../app/utils/crypto.server'
import { seedCaseDemo } from './demo-cases'
import { seedCandidateDemo } from './demo-candidates'
import { seedEmployerPortalDemo } from './demo-employer-portal'
import { seedMarketDemo } from './demo-market'
import { seedMatchingMeetingDemo } from './demo-matching-meetings'

import { DEMO_PASSWORD, demoLogins } from './demo-logins'

export { DEMO_PASSWORD, demoLogins }

type DemoOrganisation = {
  orgNumber: string
  name: string
  nace: string
  sector: 'public' | 'private'
  size: '1-4' | '5-19' | '20-99' | '100-499' | '500+'
  municipality: string
  workplaces: { name: string; address: string; municipality: string }[]
}

// Synthetic organisations with valid MOD11 numbers, across NACE sections, in Oslo, Akershus and Vestland.
const organisations: DemoOrganisation[] = [
  { orgNumber: '912345742', name: 'Grünerløkka Bakeri AS', nace: 'C', sector: 'private', size: '20-99', municipality: '0301',
    workplaces: [
      { name: 'Bakeriet på Birkelunden', address: 'Seilduksgata 12, 0553 Oslo', municipality: '0301' },
      { name: 'Utsalg Torshov', address: 'Vogts gate 40, 0474 Oslo', municipality: '0301' },
    ] },
  { orgNumber: '912345815', name: 'Oslo Bilpleie AS', nace: 'G', sector: 'private', size: '5-19', municipality: '0301',
    workplaces: [{ name: 'Bilvask og dekkhotell Økern', address: 'Økernveien 145, 0580 Oslo', municipality: '0301' }] },
  { orgNumber: '912345882', name: 'Sagene helsehus', nace: 'Q', sector: 'public', size: '100-499', municipality: '0301',
    workplaces: [
      { name: 'Sykehjemmet', address: 'Sandakerveien 24, 0473 Oslo', municipality: '0301' },
      { name: 'Kjøkken og kantine', address: 'Sandakerveien 24, 0473 Oslo', municipality: '0301' },
    ] },
  { orgNumber: '912345955', name: 'Alnabru Lagertjenester AS', nace: 'H', sector: 'private', size: '100-499', municipality: '0301',
    workplaces: [{ name: 'Terminal Alnabru', address: 'Alfasetveien 20, 0668 Oslo', municipality: '0301' }] },
  { orgNumber: '912346021', name: 'Kantina på Hasle AS', nace: 'I', sector: 'private', size: '5-19', municipality: '0301',
    workplaces: [{ name: 'Kantina', address: 'Hasleveien 28, 0571 Oslo', municipality: '0301' }] },
  { orgNumber: '912346099', name: 'Bærum Grøntanlegg AS', nace: 'N', sector: 'private', size: '20-99', municipality: '3201',
    workplaces: [{ name: 'Driftsbasen Fornebu', address: 'Snarøyveien 30, 1364 Fornebu', municipality: '3201' }] },
  { orgNumber: '912346161', name: 'Lillestrøm kommune, Teknisk drift', nace: 'O', sector: 'public', size: '500+', municipality: '3205',
    workplaces: [{ name: 'Kommunalt verksted', address: 'Storgata 25, 2000 Lillestrøm', municipality: '3205' }] },
  { orgNumber: '912346234', name: 'Asker Bok og Papir AS', nace: 'G', sector: 'private', size: '1-4', municipality: '3203',
    workplaces: [{ name: 'Butikken i sentrum', address: 'Strandveien 10, 1383 Asker', municipality: '3203' }] },
  { orgNumber: '912346307', name: 'Bergen Kontorservice AS', nace: 'N', sector: 'private', size: '20-99', municipality: '4601',
    workplaces: [{ name: 'Kontoret på Kokstad', address: 'Kokstadvegen 1, 5257 Kokstad', municipality: '4601' }] },
  { orgNumber: '912346374', name: 'Fana Gartneri AS', nace: 'A', sector: 'private', size: '5-19', municipality: '4601',
    workplaces: [{ name: 'Veksthusene', address: 'Fanavegen 200, 5244 Fana', municipality: '4601' }] },
  { orgNumber: '912346447', name: 'Bryggen Hotelldrift AS', nace: 'I', sector: 'private', size: '100-499', municipality: '4601',
    workplaces: [
      { name: 'Hotellet på Bryggen', address: 'Bryggen 5, 5003 Bergen', municipality: '4601' },
      { name: 'Vaskeriet Laksevåg', address: 'Damsgårdsveien 100, 5162 Laksevåg', municipality: '4601' },
    ] },
  { orgNumber: '912346587', name: 'Voss Byggvare AS', nace: 'G', sector: 'private', size: '20-99', municipality: '4621',
    workplaces: [{ name: 'Byggvarehuset', address: 'Uttrågata 20, 5700 Voss', municipality: '4621' }] },
  { orgNumber: '912346722', name: 'Askøy kommune, Skole og barnehage', nace: 'P', sector: 'public', size: '500+', municipality: '4627',
    workplaces: [{ name: 'Kleppestø barneskole', address: 'Kleppestø sentrum 1, 5300 Kleppestø', municipality: '4627' }] },
]

const offices = [
  { name: 'NAV Grünerløkka', county: '03', teams: ['IPS-teamet', 'Markedsteam Oslo øst'] },
  { name: 'NAV Bærum', county: '32', teams: ['Arbeidsrettet oppfølging'] },
  { name: 'NAV Bergenhus', county: '46', teams: ['Jobbspesialistene', 'Markedsteam Vestland'] },
]

type DemoStaff = {
  email: string
  name: string
  roles: ('specialist' | 'market_contact' | 'team_lead' | 'admin')[]
  office: string
  team?: string
  counties?: string[]
}

const staff: DemoStaff[] = [
  { email: demoLogins.specialist, name: 'Ingrid Solberg', roles: ['specialist'], office: 'NAV Grünerløkka', team: 'IPS-teamet' },
  { email: demoLogins.marketContact, name: 'Jonas Haugen', roles: ['market_contact'], office: 'NAV Grünerløkka', team: 'Markedsteam Oslo øst', counties: ['03', '32'] },
  { email: demoLogins.teamLead, name: 'Marte Lie', roles: ['team_lead', 'specialist'], office: 'NAV Grünerløkka', team: 'IPS-teamet' },
  { email: demoLogins.admin, name: 'Ola Nordmann Admin', roles: ['admin'], office: 'NAV Grünerløkka' },
  { email: 'jobbspesialist.bergen@jobbsnekker.example', name: 'Sindre Vik', roles: ['specialist'], office: 'NAV Bergenhus', team: 'Jobbspesialistene' },
  { email: 'markedskontakt.vestland@jobbsnekker.example', name: 'Hanne Brekke', roles: ['market_contact'], office: 'NAV Bergenhus', team: 'Markedsteam Vestland', counties: ['46'] },
  { email: 'veileder.baerum@jobbsnekker.example', name: 'Amir Rahimi', roles: ['specialist'], office: 'NAV Bærum', team: 'Arbeidsrettet oppfølging' },
]

const employers = [
  { email: demoLogins.employer, name: 'Camilla Berg', memberships: [['912345742', 'active'], ['912345815', 'active']] },
  { email: 'daglig.leder@bryggen-hotell.example', name: 'Per Olsen', memberships: [['912346447', 'active']] },
  { email: 'personal@sagene-helsehus.example', name: 'Lise Dahl', memberships: [['912345882', 'active']] },
  { email: 'drift@alnabru-lager.example', name: 'Hanne Lie', memberships: [['912345955', 'active']] },
  { email: 'ny.medarbeider@bakeri.example', name: 'Tobias Strand', memberships: [['912345742', 'requested']] },
] as const

/**
 * Loads the demo data. Every insert is keyed on a natural key and skips what exists,
 * so running it again changes nothing. With onlyIfEmpty it does nothing once any user exists.
 */
export async function seedDemoData(sql: Sql, options: { onlyIfEmpty: boolean }): Promise<boolean> {
  if (options.onlyIfEmpty) {
    const [existing] = await sql`select exists (select 1 from users) as any`
    if (existing?.any) return false
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await sql.begin(async (tx) => {
    for (const org of organisations) {
      await tx`
        insert into organisations (org_number, name, nace_section, sector, size_band, municipality_number)
        values (${org.orgNumber}, ${org.name}, ${org.nace}, ${org.sector}, ${org.size}, ${org.municipality})
        on conflict (org_number) do nothing`
      for (const workplace of org.workplaces) {
        await tx`
          insert into workplaces (organisation_id, name, address, municipality_number)
          select id, ${workplace.name}, ${workplace.address}, ${workplace.municipality} from organisations
          where org_number = ${org.orgNumber}
          on conflict (organisation_id, name) do nothing`
      }
    }
    for (const office of offices) {
      await tx`insert into nav_offices (name, county_number) values (${office.name}, ${office.county}) on conflict (name) do nothing`
      for (const team of office.teams) {
        await tx`
          insert into teams (office_id, name) select id, ${team} from nav_offices where name = ${office.name}
          on conflict (office_id, name) do nothing`
      }
    }
    for (const person of staff) {
      const [user] = await tx`
        insert into users (email, name, account_type, password_hash)
        values (${person.email}, ${person.name}, 'staff', ${passwordHash})
        on conflict ((lower(email))) do nothing returning id`
      if (!user) continue
      for (const role of person.roles) await tx`insert into user_roles (user_id, role) values (${user.id}, ${role})`
      await tx`
        insert into staff_placements (user_id, office_id, team_id)
        select ${user.id}, o.id, t.id from nav_offices o left join teams t on t.office_id = o.id and t.name = ${person.team ?? null}
        where o.name = ${person.office}`
      for (const county of person.counties ?? []) {
        await tx`insert into market_contact_counties (user_id, county_number) values (${user.id}, ${county})`
      }
    }
    for (const person of employers) {
      const [user] = await tx`
        insert into users (email, name, account_type, password_hash)
        values (${person.email}, ${person.name}, 'employer', ${passwordHash})
        on conflict ((lower(email))) do nothing returning id`
      if (!user) continue
      for (const [orgNumber, status] of person.memberships) {
        await tx`
          insert into organisation_memberships (organisation_id, user_id, status, decided_at)
          select id, ${user.id}, ${status}, ${status === 'active' ? new Date() : null} from organisations
          where org_number = ${orgNumber}`
      }
    }
    await seedEmployerPortalDemo(tx)
    await seedCandidateDemo(tx)
    await seedCaseDemo(tx)
    await seedMarketDemo(tx)
    await seedMatchingMeetingDemo(tx)
  })
  return true
}
