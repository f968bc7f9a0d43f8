import { z } from 'zod'
import { caseStatuses, type CaseStatus } from '../../app/modules/case-flow'
import type { Queryable } from '../db'
import { parseRow, parseRows } from '../rows'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

const agreementSchema = z.object({
  caseId: z.string().uuid(),
  goals: z.string(),
  otherTasks: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  employerContactName: z.string(),
  employerContactPhone: z.string(),
  employerContactEmail: z.string(),
  employerContactUserId: z.string().uuid().nullable(),
  employerContactUserName: z.string().nullable(),
  accommodationPromises: z.string(),
  createdByName: z.string(),
  createdAt: z.date(),
  updatedByName: z.string(),
  updatedAt: z.date(),
  version: z.number().int(),
  taskIds: z.array(z.string().uuid()),
})

const meetingPointSchema = z.object({ meetsOn: isoDate, note: z.string() })
export type MeetingPoint = z.infer<typeof meetingPointSchema>

const followUpSchema = z.object({
  dueOn: isoDate,
  notifiedAt: z.date().nullable(),
  skipped: z.boolean(),
  doneAt: z.date().nullable(),
  doneByName: z.string().nullable(),
})
export type FollowUp = z.infer<typeof followUpSchema>

export type TrialAgreement = z.infer<typeof agreementSchema> & { meetingPoints: MeetingPoint[]; followUps: FollowUp[] }

/** The agreement of a case with its tasks, meeting points and follow-up dates; undefined when none is written yet. */
export async function findTrialAgreement(sql: Queryable, caseId: string): Promise<TrialAgreement | undefined> {
  const agreement = parseRow(
    agreementSchema,
    await sql`
      select a.case_id as "caseId", a.goals, a.other_tasks as "otherTasks",
             to_char(a.start_date, 'YYYY-MM-DD') as "startDate", to_char(a.end_date, 'YYYY-MM-DD') as "endDate",
             a.employer_contact_name as "employerContactName", a.employer_contact_phone as "employerContactPhone",
             a.employer_contact_email as "employerContactEmail", a.employer_contact_user_id as "employerContactUserId",
             contact.name as "employerContactUserName", a.accommodation_promises as "accommodationPromises",
             creator.name as "createdByName", a.created_at as "createdAt", updater.name as "updatedByName",
             a.updated_at as "updatedAt", a.version,
             coalesce((select array_agg(t.task_id order by t.task_id) from trial_agreement_tasks t where t.case_id = a.case_id), '{}') as "taskIds"
      from trial_agreements a
      join users creator on creator.id = a.created_by_user_id
      join users updater on updater.id = a.updated_by_user_id
      left join users contact on contact.id = a.employer_contact_user_id
      where a.case_id = ${caseId}`,
  )
  if (!agreement) return undefined
  const meetingPoints = parseRows(
    meetingPointSchema,
    await sql`
      select to_char(meets_on, 'YYYY-MM-DD') as "meetsOn", note from trial_meeting_points
      where case_id = ${caseId} order by meets_on, id`,
  )
  const followUps = parseRows(
    followUpSchema,
    await sql`
      select to_char(f.due_on, 'YYYY-MM-DD') as "dueOn", f.notified_at as "notifiedAt", f.skipped, f.done_at as "doneAt",
             u.name as "doneByName"
      from trial_follow_ups f left join users u on u.id = f.done_by_user_id
      where f.case_id = ${caseId} order by f.due_on`,
  )
  return { ...agreement, meetingPoints, followUps }
}

export type TrialAgreementInput = {
  goals: string
  taskIds: string[]
  otherTasks: string
  startDate: string
  endDate: string
  meetingPoints: MeetingPoint[]
  employerContactName: string
  employerContactPhone: string
  employerContactEmail: string
  employerContactUserId: string | null
  accommodationPromises: string
}

/**
 * Writes the first agreement of a case; false when one already exists (a colleague on the other side saved first),
 * which the caller reports as a stale form rather than overwriting theirs.
 */
export async function insertTrialAgreement(sql: Queryable, caseId: string, input: TrialAgreementInput, userId: string): Promise<boolean> {
  const inserted = await sql`
    insert into trial_agreements (case_id, goals, other_tasks, start_date, end_date, employer_contact_name,
      employer_contact_phone, employer_contact_email, employer_contact_user_id, accommodation_promises,
      created_by_user_id, updated_by_user_id)
    values (${caseId}, ${input.goals}, ${input.otherTasks}, ${input.startDate}::date, ${input.endDate}::date,
      ${input.employerContactName}, ${input.employerContactPhone}, ${input.employerContactEmail},
      ${input.employerContactUserId}, ${input.accommodationPromises}, ${userId}, ${userId})
    on conflict (case_id) do nothing
    returning case_id`
  if (inserted.length === 0) return false
  await replaceChildren(sql, caseId, input)
  return true
}

/** Saves a change only if the agreement is still at `version`; false when someone saved in between. */
export async function updateTrialAgreement(
  sql: Queryable,
  caseId: string,
  version: number,
  input: TrialAgreementInput,
  userId: string,
): Promise<boolean> {
  const updated = await sql`
    update trial_agreements set goals = ${input.goals}, other_tasks = ${input.otherTasks},
      start_date = ${input.startDate}::date, end_date = ${input.endDate}::date,
      employer_contact_name = ${input.employerContactName}, employer_contact_phone = ${input.employerContactPhone},
      employer_contact_email = ${input.employerContactEmail}, employer_contact_user_id = ${input.employerContactUserId},
      accommodation_promises = ${input.accommodationPromises}, updated_by_user_id = ${userId}, updated_at = now(),
      version = version + 1
    where case_id = ${caseId} and version = ${version}
    returning case_id`
  if (updated.length === 0) return false
  await replaceChildren(sql, caseId, input)
  return true
}

async function replaceChildren(sql: Queryable, caseId: string, input: TrialAgreementInput): Promise<void> {
  await sql`delete from trial_agreement_tasks where case_id = ${caseId}`
  if (input.taskIds.length > 0) {
    await sql`
      insert into trial_agreement_tasks (case_id, task_id)
      select ${caseId}, t.id from workplace_tasks t where t.id = any(${input.taskIds}::uuid[])`
  }
  await sql`delete from trial_meeting_points where case_id = ${caseId}`
  for (const point of input.meetingPoints) {
    await sql`insert into trial_meeting_points (case_id, meets_on, note) values (${caseId}, ${point.meetsOn}::date, ${point.note})`
  }
}

/**
 * Makes the stored follow-up dates those of the schedule: new dates are added, dates no longer in it are removed,
 * except those already notified or done, which stay as the record of what happened.
 */
export async function rescheduleFollowUps(sql: Queryable, caseId: string, dates: string[]): Promise<void> {
  await sql`
    delete from trial_follow_ups
    where case_id = ${caseId} and notified_at is null and done_at is null and not (due_on = any(${dates}::date[]))`
  if (dates.length > 0) {
    await sql`
      insert into trial_follow_ups (case_id, due_on)
      select ${caseId}, d from unnest(${dates}::date[]) as d
      on conflict (case_id, due_on) do nothing`
  }
}

/** Marks one follow-up as held; false when there is no such date. */
export async function markFollowUpDone(sql: Queryable, caseId: string, dueOn: string, userId: string): Promise<boolean> {
  const updated = await sql`
    update trial_follow_ups set done_at = coalesce(done_at, now()), done_by_user_id = coalesce(done_by_user_id, ${userId})
    where case_id = ${caseId} and due_on = ${dueOn}::date
    returning case_id`
  return updated.length === 1
}

const dueFollowUpSchema = z.object({
  caseId: z.string().uuid(),
  dueOn: isoDate,
  ownerUserId: z.string().uuid().nullable(),
  /** Only while they are still an active member of the organisation that owns the opening. */
  employerContactUserId: z.string().uuid().nullable(),
})
export type DueFollowUp = z.infer<typeof dueFollowUpSchema>

/**
 * Claims follow-ups due by `today` that nobody has been told about, of trials still running, locking them for the
 * caller's transaction. Rows another worker holds are skipped, not waited for, so concurrent runs share the work and
 * never claim the same row twice.
 */
export async function claimDueFollowUps(sql: Queryable, today: string, limit: number): Promise<DueFollowUp[]> {
  return parseRows(
    dueFollowUpSchema,
    await sql`
      select f.case_id as "caseId", to_char(f.due_on, 'YYYY-MM-DD') as "dueOn", c.owner_user_id as "ownerUserId",
             case when exists (
               select 1 from openings o join workplaces w on w.id = o.workplace_id
               join organisation_memberships m on m.organisation_id = w.organisation_id
               where o.id = c.opening_id and m.user_id = a.employer_contact_user_id and m.status = 'active'
             ) then a.employer_contact_user_id end as "employerContactUserId"
      from trial_follow_ups f
      join trial_agreements a on a.case_id = f.case_id
      join cases c on c.id = f.case_id
      where f.notified_at is null and f.due_on <= ${today}::date and c.status = 'trial_running'
      order by f.case_id, f.due_on
      limit ${limit}
      for update of f skip locked`,
  )
}

/** Records that `notified` was told about and the older `skipped` dates were passed over, in the claiming transaction. */
export async function markFollowUpsNotified(sql: Queryable, caseId: string, notified: string, skipped: string[]): Promise<void> {
  await sql`
    update trial_follow_ups set notified_at = now(), skipped = (due_on <> ${notified}::date)
    where case_id = ${caseId} and notified_at is null and due_on = any(${[notified, ...skipped]}::date[])`
}

const carvedTaskSchema = z.object({ id: z.string().uuid(), name: z.string(), hoursPerWeek: z.coerce.number() })
export type CarvedTask = z.infer<typeof carvedTaskSchema>

/** The tasks of the carved job the opening was made from (none when it was written without one). */
export async function carvedTasksOfOpening(sql: Queryable, openingId: string): Promise<CarvedTask[]> {
  return parseRows(
    carvedTaskSchema,
    await sql`
      select t.id, t.name, t.hours_per_week as "hoursPerWeek"
      from openings o
      join carved_job_tasks cjt on cjt.carved_job_id = o.carved_job_id
      join workplace_tasks t on t.id = cjt.task_id
      where o.id = ${openingId}
      order by t.name, t.id`,
  )
}

const openingContactSchema = z.object({ title: z.string(), contactName: z.string(), contactPhone: z.string(), contactEmail: z.string() })

/** The opening's title and the contact it names: the first agreement starts from that contact. */
export async function openingContactOf(sql: Queryable, openingId: string): Promise<z.infer<typeof openingContactSchema>> {
  const found = parseRow(
    openingContactSchema,
    await sql`
      select title, contact_name as "contactName", contact_phone as "contactPhone", contact_email as "contactEmail"
      from openings where id = ${openingId}`,
  )
  if (!found) throw new Error(`No opening ${openingId}`)
  return found
}

/**
 * The case's status, locked against a concurrent move until the caller's transaction ends: an agreement is never
 * saved into a trial that ended in the meantime.
 */
export async function lockCaseStatus(sql: Queryable, caseId: string): Promise<CaseStatus | undefined> {
  const [row] = await sql`select status from cases where id = ${caseId} for share`
  return row ? z.enum(caseStatuses).parse(row.status) : undefined
}
