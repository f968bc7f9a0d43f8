import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRow, parseRows } from '../rows'

export const staffRoles = ['specialist', 'market_contact', 'team_lead', 'admin'] as const
export type StaffRole = (typeof staffRoles)[number]
export type AccountType = 'employer' | 'staff'

const userSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  accountType: z.enum(['employer', 'staff']),
  roles: z.array(z.enum(staffRoles)),
  disabledAt: z.date().nullable(),
  officeId: z.string().uuid().nullable(),
  officeName: z.string().nullable(),
  teamId: z.string().uuid().nullable(),
  teamName: z.string().nullable(),
  countyNumbers: z.array(z.string()),
})
export type User = z.infer<typeof userSchema>

const userColumns = (sql: Queryable) => sql`
  u.id, u.email, u.name, u.account_type as "accountType", u.disabled_at as "disabledAt",
  coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '{}') as roles,
  p.office_id as "officeId", o.name as "officeName", p.team_id as "teamId", t.name as "teamName",
  coalesce((select array_agg(c.county_number order by c.county_number) from market_contact_counties c where c.user_id = u.id), '{}') as "countyNumbers"
`
const userJoins = (sql: Queryable) => sql`
  users u
  left join staff_placements p on p.user_id = u.id
  left join nav_offices o on o.id = p.office_id
  left join teams t on t.id = p.team_id
`

export async function findUserById(sql: Queryable, id: string): Promise<User | undefined> {
  return parseRow(userSchema, await sql`select ${userColumns(sql)} from ${userJoins(sql)} where u.id = ${id}`)
}

export async function findUserByEmail(sql: Queryable, email: string): Promise<User | undefined> {
  return parseRow(
    userSchema,
    await sql`select ${userColumns(sql)} from ${userJoins(sql)} where lower(u.email) = lower(${email})`,
  )
}

export async function findPasswordHash(sql: Queryable, userId: string): Promise<string | null> {
  const [row] = await sql`select password_hash from users where id = ${userId}`
  return row ? z.string().nullable().parse(row.password_hash) : null
}

export async function emailIsTaken(sql: Queryable, email: string): Promise<boolean> {
  const rows = await sql`select 1 from users where lower(email) = lower(${email})`
  return rows.length > 0
}

export type NewUser = {
  email: string
  name: string
  accountType: AccountType
  passwordHash: string | null
}

export async function insertUser(sql: Queryable, user: NewUser): Promise<string> {
  const [row] = await sql`
    insert into users (email, name, account_type, password_hash)
    values (${user.email}, ${user.name}, ${user.accountType}, ${user.passwordHash})
    returning id`
  return z.string().uuid().parse(row?.id)
}

export async function setPasswordHash(sql: Queryable, userId: string, passwordHash: string): Promise<void> {
  await sql`update users set password_hash = ${passwordHash} where id = ${userId}`
}

export async function recordLogin(sql: Queryable, userId: string): Promise<void> {
  await sql`update users set last_login_at = now() where id = ${userId}`
}

export type StaffAssignment = {
  roles: StaffRole[]
  officeId: string | null
  teamId: string | null
  countyNumbers: string[]
}

/** Replaces a staff member's roles, office, team and counties in one go. */
export async function assignStaff(sql: Queryable, userId: string, assignment: StaffAssignment): Promise<void> {
  await sql`delete from user_roles where user_id = ${userId}`
  if (assignment.roles.length > 0) {
    await sql`insert into user_roles ${sql(assignment.roles.map((role) => ({ user_id: userId, role })))}`
  }
  await sql`delete from staff_placements where user_id = ${userId}`
  if (assignment.officeId) {
    await sql`
      insert into staff_placements (user_id, office_id, team_id)
      values (${userId}, ${assignment.officeId}, ${assignment.teamId})`
  }
  await sql`delete from market_contact_counties where user_id = ${userId}`
  if (assignment.countyNumbers.length > 0) {
    await sql`insert into market_contact_counties ${sql(
      assignment.countyNumbers.map((county) => ({ user_id: userId, county_number: county })),
    )}`
  }
}

export async function listStaff(sql: Queryable): Promise<User[]> {
  return parseRows(
    userSchema,
    await sql`select ${userColumns(sql)} from ${userJoins(sql)} where u.account_type = 'staff' order by u.name`,
  )
}

export async function listTeamMembers(sql: Queryable, teamId: string): Promise<User[]> {
  return parseRows(
    userSchema,
    await sql`select ${userColumns(sql)} from ${userJoins(sql)} where p.team_id = ${teamId} order by u.name`,
  )
}

export async function listOfficeStaff(sql: Queryable, officeId: string): Promise<User[]> {
  return parseRows(
    userSchema,
    await sql`select ${userColumns(sql)} from ${userJoins(sql)} where p.office_id = ${officeId} order by u.name`,
  )
}

const staffAccountSchema = userSchema.extend({
  hasPassword: z.boolean(),
  lastLoginAt: z.date().nullable(),
})
export type StaffAccount = z.infer<typeof staffAccountSchema>

/** Staff with whether they have chosen a password yet, so an admin can see pending invitations. */
export async function listStaffAccounts(sql: Queryable): Promise<StaffAccount[]> {
  return parseRows(
    staffAccountSchema,
    await sql`
      select ${userColumns(sql)}, u.password_hash is not null as "hasPassword", u.last_login_at as "lastLoginAt"
      from ${userJoins(sql)} where u.account_type = 'staff' order by u.name, u.email`,
  )
}
