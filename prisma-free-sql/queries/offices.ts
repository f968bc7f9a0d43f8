import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRow, parseRows } from '../rows'

const officeSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  countyNumber: z.string(),
  countyName: z.string(),
  teamCount: z.coerce.number(),
  staffCount: z.coerce.number(),
})
export type Office = z.infer<typeof officeSchema>

const officeSelect = (sql: Queryable) => sql`
  select o.id, o.name, o.county_number as "countyNumber", c.name as "countyName",
         (select count(*) from teams t where t.office_id = o.id) as "teamCount",
         (select count(*) from staff_placements p where p.office_id = o.id) as "staffCount"
  from nav_offices o join counties c on c.number = o.county_number
`

export async function listOffices(sql: Queryable): Promise<Office[]> {
  return parseRows(officeSchema, await sql`${officeSelect(sql)} order by o.name`)
}

export async function findOffice(sql: Queryable, id: string): Promise<Office | undefined> {
  return parseRow(officeSchema, await sql`${officeSelect(sql)} where o.id = ${id}`)
}

/** Creates the office, or returns undefined when the name is taken. */
export async function insertOffice(sql: Queryable, office: { name: string; countyNumber: string }): Promise<string | undefined> {
  const [row] = await sql`
    insert into nav_offices (name, county_number) values (${office.name}, ${office.countyNumber})
    on conflict (name) do nothing returning id`
  return row ? z.string().uuid().parse(row.id) : undefined
}

const teamSchema = z.object({
  id: z.string().uuid(),
  officeId: z.string().uuid(),
  officeName: z.string(),
  name: z.string(),
  memberCount: z.coerce.number(),
})
export type Team = z.infer<typeof teamSchema>

const teamSelect = (sql: Queryable) => sql`
  select t.id, t.office_id as "officeId", o.name as "officeName", t.name,
         (select count(*) from staff_placements p where p.team_id = t.id) as "memberCount"
  from teams t join nav_offices o on o.id = t.office_id
`

export async function listTeams(sql: Queryable, officeId?: string): Promise<Team[]> {
  return parseRows(
    teamSchema,
    officeId
      ? await sql`${teamSelect(sql)} where t.office_id = ${officeId} order by t.name`
      : await sql`${teamSelect(sql)} order by o.name, t.name`,
  )
}

/** Creates the team, or returns undefined when the office already has a team of that name. */
export async function insertTeam(sql: Queryable, team: { officeId: string; name: string }): Promise<string | undefined> {
  const [row] = await sql`
    insert into teams (office_id, name) values (${team.officeId}, ${team.name})
    on conflict (office_id, name) do nothing returning id`
  return row ? z.string().uuid().parse(row.id) : undefined
}

export async function findTeam(sql: Queryable, id: string): Promise<Team | undefined> {
  return parseRow(teamSchema, await sql`${teamSelect(sql)} where t.id = ${id}`)
}
