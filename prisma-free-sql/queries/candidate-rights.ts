/**
 * The candidate's rights (issue 8, part 4): everything the portal holds about one candidate, for an export, and the
 * deletion of it. Read and called only through app/modules/candidate-rights.server.ts, which decides who may, and
 * writes the audit entries. Every foreign key to candidates cascades (migration 0013 explains which), so the deletion
 * here is the candidate row plus what refers to the candidate without a key: e-mails in the outbox, in-app notices
 * by their link, and the details of audit entries.
 */
import { z } from 'zod'
import type { Queryable } from '../db'
import { parseRow, parseRows } from '../rows'

const jsonObject = z.record(z.unknown())

// ---------------------------------------------------------------------------------------------
// What the export reads

const caseRowSchema = z.object({
  id: z.string().uuid(),
  openingId: z.string().uuid(),
  openingTitle: z.string(),
  organisationName: z.string(),
  origin: z.string(),
  status: z.string(),
  ownerName: z.string().nullable(),
  routedAs: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  acknowledgedAt: z.date().nullable(),
  employerMessage: z.string(),
  employerVerdict: z.string().nullable(),
  employerVerdictReason: z.string(),
})
export type ExportedCase = z.infer<typeof caseRowSchema>

export async function casesOfCandidate(sql: Queryable, candidateId: string): Promise<ExportedCase[]> {
  return parseRows(
    caseRowSchema,
    await sql`
      select c.id, c.opening_id as "openingId", op.title as "openingTitle", o.name as "organisationName", c.origin, c.status,
             owner.name as "ownerName", c.routed_as as "routedAs", c.created_at as "createdAt", c.updated_at as "updatedAt",
             c.acknowledged_at as "acknowledgedAt", c.employer_message as "employerMessage",
             c.employer_verdict as "employerVerdict", c.employer_verdict_reason as "employerVerdictReason"
      from cases c
      join openings op on op.id = c.opening_id
      join workplaces w on w.id = op.workplace_id
      join organisations o on o.id = w.organisation_id
      left join users owner on owner.id = c.owner_user_id
      where c.candidate_id = ${candidateId}
      order by c.created_at, c.id`,
  )
}

const caseEventSchema = z.object({
  caseId: z.string().uuid(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  reason: z.string(),
  at: z.date(),
})
export type ExportedCaseEvent = z.infer<typeof caseEventSchema>

export async function caseEventsOf(sql: Queryable, caseIds: readonly string[]): Promise<ExportedCaseEvent[]> {
  if (caseIds.length === 0) return []
  return parseRows(
    caseEventSchema,
    await sql`
      select e.case_id as "caseId", e.action, e.from_status as "fromStatus", e.to_status as "toStatus", u.name as "actorName", e.reason, e.at
      from case_events e left join users u on u.id = e.actor_user_id
      where e.case_id = any(${sql.array([...caseIds])}::uuid[]) order by e.id`,
  )
}

const disclosureSchema = z.object({
  caseId: z.string().uuid(),
  fields: z.array(z.string()),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  sharedByName: z.string(),
  sharedAt: z.date(),
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  purgedAt: z.date().nullable(),
  purgeReason: z.string().nullable(),
})
export type ExportedDisclosure = z.infer<typeof disclosureSchema>

/** Every sharing with an employer, with the values still stored (none once purged). */
export async function disclosuresOf(sql: Queryable, caseIds: readonly string[]): Promise<ExportedDisclosure[]> {
  if (caseIds.length === 0) return []
  return parseRows(
    disclosureSchema,
    await sql`
      select d.case_id as "caseId", d.fields, d.first_name as "firstName", d.last_name as "lastName", d.phone, d.email,
             u.name as "sharedByName", d.shared_at as "sharedAt", d.expires_at as "expiresAt", d.revoked_at as "revokedAt",
             d.ended_at as "endedAt", d.purged_at as "purgedAt", d.purge_reason as "purgeReason"
      from case_disclosures d join users u on u.id = d.shared_by_user_id
      where d.case_id = any(${sql.array([...caseIds])}::uuid[]) order by d.shared_at, d.id`,
  )
}

const trialSchema = z.object({
  caseId: z.string().uuid(),
  goals: z.string(),
  otherTasks: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  employerContactName: z.string(),
  employerContactPhone: z.string(),
  employerContactEmail: z.string(),
  accommodationPromises: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  tasks: z.array(z.string()),
  meetingPoints: z.array(z.object({ meetsOn: z.string(), note: z.string() })),
  followUps: z.array(z.object({ dueOn: z.string(), notifiedAt: z.string().nullable(), doneAt: z.string().nullable() })),
})
export type ExportedTrialAgreement = z.infer<typeof trialSchema>

export async function trialAgreementsOf(sql: Queryable, caseIds: readonly string[]): Promise<ExportedTrialAgreement[]> {
  if (caseIds.length === 0) return []
  return parseRows(
    trialSchema,
    await sql`
      select t.case_id as "caseId", t.goals, t.other_tasks as "otherTasks", to_char(t.start_date, 'YYYY-MM-DD') as "startDate",
             to_char(t.end_date, 'YYYY-MM-DD') as "endDate", t.employer_contact_name as "employerContactName",
             t.employer_contact_phone as "employerContactPhone", t.employer_contact_email as "employerContactEmail",
             t.accommodation_promises as "accommodationPromises", t.created_at as "createdAt", t.updated_at as "updatedAt",
             coalesce((select array_agg(wt.name order by wt.name) from trial_agreement_tasks tt join workplace_tasks wt on wt.id = tt.task_id
                       where tt.case_id = t.case_id), '{}') as tasks,
             coalesce((select jsonb_agg(jsonb_build_object('meetsOn', to_char(m.meets_on, 'YYYY-MM-DD'), 'note', m.note) order by m.meets_on, m.id)
                       from trial_meeting_points m where m.case_id = t.case_id), '[]'::jsonb) as "meetingPoints",
             coalesce((select jsonb_agg(jsonb_build_object('dueOn', to_char(f.due_on, 'YYYY-MM-DD'), 'notifiedAt', f.notified_at, 'doneAt', f.done_at) order by f.due_on)
                       from trial_follow_ups f where f.case_id = t.case_id), '[]'::jsonb) as "followUps"
      from trial_agreements t
      where t.case_id = any(${sql.array([...caseIds])}::uuid[]) order by t.start_date, t.case_id`,
  )
}

const interestSchema = z.object({
  openingId: z.string().uuid(),
  openingTitle: z.string(),
  organisationName: z.string(),
  markedByName: z.string(),
  markedAt: z.date(),
  message: z.string(),
  score: z.number().int(),
})
export type ExportedInterest = z.infer<typeof interestSchema>

export async function interestsIn(sql: Queryable, candidateId: string): Promise<ExportedInterest[]> {
  return parseRows(
    interestSchema,
    await sql`
      select i.opening_id as "openingId", op.title as "openingTitle", o.name as "organisationName", u.name as "markedByName",
             i.marked_at as "markedAt", i.message, i.score
      from match_interests i
      join openings op on op.id = i.opening_id join workplaces w on w.id = op.workplace_id join organisations o on o.id = w.organisation_id
      join users u on u.id = i.marked_by_user_id
      where i.candidate_id = ${candidateId} order by i.marked_at, i.id`,
  )
}

const shortlistSchema = z.object({ openingId: z.string().uuid(), openingTitle: z.string(), userName: z.string(), addedAt: z.date() })

export async function shortlistEntriesOf(sql: Queryable, candidateId: string): Promise<z.infer<typeof shortlistSchema>[]> {
  return parseRows(
    shortlistSchema,
    await sql`
      select s.opening_id as "openingId", op.title as "openingTitle", u.name as "userName", s.added_at as "addedAt"
      from specialist_shortlists s join openings op on op.id = s.opening_id join users u on u.id = s.user_id
      where s.candidate_id = ${candidateId} order by s.added_at`,
  )
}

const exposureSchema = z.object({ openingId: z.string().uuid(), shownOn: z.string() })

/** The days the candidate was on a first page of matches for an opening. */
export async function exposuresOf(sql: Queryable, candidateId: string): Promise<z.infer<typeof exposureSchema>[]> {
  return parseRows(
    exposureSchema,
    await sql`
      select opening_id as "openingId", to_char(shown_on, 'YYYY-MM-DD') as "shownOn"
      from match_exposures where candidate_id = ${candidateId} order by shown_on, opening_id`,
  )
}

const meetingSchema = z.object({
  meetingId: z.string().uuid(),
  title: z.string(),
  meetsOn: z.string(),
  addedAt: z.date(),
  addedByName: z.string(),
  minutes: z.array(
    z.object({
      decision: z.string(),
      nextStep: z.string(),
      dueOn: z.string().nullable(),
      recordedAt: z.string(),
      recordedByName: z.string().nullable(),
    }),
  ),
})
export type ExportedMeeting = z.infer<typeof meetingSchema>

/** The matching meetings the candidate was brought up in, with what was recorded about them. */
export async function meetingMentionsOf(sql: Queryable, candidateId: string): Promise<ExportedMeeting[]> {
  return parseRows(
    meetingSchema,
    await sql`
      select m.id as "meetingId", m.title, to_char(m.meets_on, 'YYYY-MM-DD') as "meetsOn", mc.added_at as "addedAt", u.name as "addedByName",
             coalesce((select jsonb_agg(jsonb_build_object('decision', x.decision, 'nextStep', x.next_step,
                                                           'dueOn', to_char(x.due_on, 'YYYY-MM-DD'), 'recordedAt', x.recorded_at,
                                                           'recordedByName', rb.name) order by x.id)
                       from matching_meeting_minutes x left join users rb on rb.id = x.recorded_by_user_id
                       where x.meeting_id = m.id and x.candidate_id = ${candidateId}), '[]'::jsonb) as minutes
      from matching_meeting_candidates mc
      join matching_meetings m on m.id = mc.meeting_id
      join users u on u.id = mc.added_by_user_id
      where mc.candidate_id = ${candidateId} order by m.meets_on, m.id`,
  )
}

const contactSchema = z.object({
  organisationName: z.string(),
  staffName: z.string(),
  kind: z.string(),
  contactedAt: z.date(),
  summary: z.string(),
  nextStep: z.string(),
})

/** Employer contacts logged as specific to this candidate. */
export async function employerContactsAbout(sql: Queryable, candidateId: string): Promise<z.infer<typeof contactSchema>[]> {
  return parseRows(
    contactSchema,
    await sql`
      select o.name as "organisationName", u.name as "staffName", c.kind, c.contacted_at as "contactedAt", c.summary, c.next_step as "nextStep"
      from employer_contacts c join organisations o on o.id = c.organisation_id join users u on u.id = c.staff_user_id
      where c.candidate_id = ${candidateId} order by c.contacted_at, c.id`,
  )
}

/** LIKE patterns that find the candidate's id or one of their cases' ids in a key, a link or parameters. */
export function referencePatterns(candidateId: string, caseIds: readonly string[]): string[] {
  return [candidateId, ...caseIds].map((id) => `%${id}%`)
}

const noticeSchema = z.object({
  kind: z.string(),
  link: z.string(),
  recipientAccountType: z.string(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
})

/** In-app notices about the candidate's cases or linking to the candidate (they name nobody; see migration 0008). */
export async function noticesAbout(sql: Queryable, candidateId: string, caseIds: readonly string[]): Promise<z.infer<typeof noticeSchema>[]> {
  return parseRows(
    noticeSchema,
    await sql`
      select n.kind, n.link, u.account_type as "recipientAccountType", n.created_at as "createdAt", n.read_at as "readAt"
      from notifications n join users u on u.id = n.user_id
      where n.case_id = any(${sql.array([...caseIds])}::uuid[]) or n.link like any(${sql.array(referencePatterns(candidateId, caseIds))}::text[])
      order by n.id`,
  )
}

const emailSchema = z.object({ template: z.string(), status: z.string(), createdAt: z.date(), sentAt: z.date().nullable() })

/** E-mails in the outbox about the candidate (template and state only; the addresses are the recipients', not theirs). */
export async function emailsAbout(sql: Queryable, candidateId: string, caseIds: readonly string[]): Promise<z.infer<typeof emailSchema>[]> {
  const patterns = sql.array(referencePatterns(candidateId, caseIds))
  return parseRows(
    emailSchema,
    await sql`
      select template, status, created_at as "createdAt", sent_at as "sentAt" from email_outbox
      where idempotency_key like any(${patterns}::text[]) or params::text like any(${patterns}::text[])
      order by id`,
  )
}

const auditSchema = z.object({
  occurredAt: z.date(),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  details: jsonObject,
})
export type ExportedAuditEntry = z.infer<typeof auditSchema>

const aboutCandidate = (sql: Queryable, candidateId: string, caseIds: readonly string[]) => sql`(
  (a.subject_type = 'candidate' and a.subject_id = ${candidateId})
  or (a.subject_type = 'case' and a.subject_id = any(${sql.array([...caseIds])}::text[]))
  or a.details ->> 'candidateId' = ${candidateId}
  or a.details ->> 'caseId' = any(${sql.array([...caseIds])}::text[]))`

/** Audit entries about the candidate or one of their cases, oldest first. */
export async function auditEntriesAbout(sql: Queryable, candidateId: string, caseIds: readonly string[]): Promise<ExportedAuditEntry[]> {
  return parseRows(
    auditSchema,
    await sql`
      select a.occurred_at as "occurredAt", u.name as "actorName", a.action, a.subject_type as "subjectType", a.subject_id as "subjectId", a.details
      from audit_log a left join users u on u.id = a.actor_user_id
      where ${aboutCandidate(sql, candidateId, caseIds)}
      order by a.id`,
  )
}

const historySchema = z.object({
  occurredAt: z.date(),
  actorName: z.string().nullable(),
  kind: z.string(),
  details: jsonObject,
})

/** The candidate's whole history (the page shows the newest 100; the export has all of it). */
export async function fullCandidateHistory(sql: Queryable, candidateId: string): Promise<z.infer<typeof historySchema>[]> {
  return parseRows(
    historySchema,
    await sql`
      select e.occurred_at as "occurredAt", u.name as "actorName", e.kind, e.details
      from candidate_events e left join users u on u.id = e.actor_user_id
      where e.candidate_id = ${candidateId} order by e.occurred_at, e.id`,
  )
}

// ---------------------------------------------------------------------------------------------
// Deletion

const lockedSchema = z.object({
  id: z.string().uuid(),
  officeId: z.string().uuid(),
  responsibleUserId: z.string().uuid(),
  homeMunicipalityNumber: z.string().nullable(),
})
export type LockedCandidate = z.infer<typeof lockedSchema>

/** Locks the candidate row, so two deletions (or a deletion and an edit) do not run at once. */
export async function lockCandidateForDeletion(sql: Queryable, candidateId: string): Promise<LockedCandidate | undefined> {
  return parseRow(
    lockedSchema,
    await sql`
      select c.id, c.office_id as "officeId", c.responsible_user_id as "responsibleUserId", p.home_municipality_number as "homeMunicipalityNumber"
      from candidates c left join candidate_profiles p on p.candidate_id = c.id
      where c.id = ${candidateId}
      for update of c`,
  )
}

/** The stored name, compared with what was typed to confirm a deletion; never shown. */
export async function readNameForConfirmation(sql: Queryable, candidateId: string): Promise<{ firstName: string; lastName: string } | undefined> {
  return parseRow(
    z.object({ firstName: z.string(), lastName: z.string() }),
    await sql`select first_name as "firstName", last_name as "lastName" from candidate_identities where candidate_id = ${candidateId}`,
  )
}

export async function caseIdsOfCandidate(sql: Queryable, candidateId: string): Promise<string[]> {
  return parseRows(z.object({ id: z.string().uuid() }), await sql`select id from cases where candidate_id = ${candidateId}`).map((row) => row.id)
}

/**
 * Deletes every e-mail about the candidate, in any state: its key or link names the candidate or one of their cases.
 * A daily digest also holds notices about others, so only the candidate's items are taken out of it; a digest left
 * empty is deleted. Returns how many rows were deleted or changed.
 */
export async function deleteEmailsAbout(sql: Queryable, candidateId: string, caseIds: readonly string[]): Promise<number> {
  const patterns = sql.array(referencePatterns(candidateId, caseIds))
  const trimmed = await sql`
    update email_outbox e
    set params = jsonb_set(e.params, '{items}', coalesce((
      select jsonb_agg(item order by ordinality) from jsonb_array_elements(e.params -> 'items') with ordinality as t (item, ordinality)
      where not (item ->> 'url' like any(${patterns}::text[]))), '[]'::jsonb))
    where e.template = 'daily_digest' and jsonb_typeof(e.params -> 'items') = 'array'
      and exists (select 1 from jsonb_array_elements(e.params -> 'items') as t (item) where item ->> 'url' like any(${patterns}::text[]))
    returning e.id`
  const deleted = await sql`
    delete from email_outbox
    where (template <> 'daily_digest' and (idempotency_key like any(${patterns}::text[]) or params::text like any(${patterns}::text[])))
       or (template = 'daily_digest' and params -> 'items' = '[]'::jsonb)
    returning id`
  return new Set([...trimmed, ...deleted].map((row) => String(row.id))).size
}

/** In-app notices that link to the candidate (those about their cases go with the cases). */
export async function deleteNoticesLinkingTo(sql: Queryable, candidateId: string): Promise<number> {
  const result = await sql`delete from notifications where link like ${`%${candidateId}%`}`
  return result.count
}

/**
 * Empties the details of every audit entry about the candidate or their cases, keeping the action, the time, the actor
 * and the subject's id (migration 0013 allows exactly this change). Returns how many entries were scrubbed now.
 */
export async function scrubAuditEntriesAbout(sql: Queryable, candidateId: string, caseIds: readonly string[], at: Date): Promise<number> {
  const result = await sql`
    update audit_log a set details = '{}'::jsonb, scrubbed_at = ${at}
    where a.scrubbed_at is null and ${aboutCandidate(sql, candidateId, caseIds)}`
  return result.count
}

/** Deletes the candidate row; every table that refers to it follows by its foreign key. */
export async function deleteCandidateRow(sql: Queryable, candidateId: string): Promise<boolean> {
  const result = await sql`delete from candidates where id = ${candidateId}`
  return result.count === 1
}

/** Whether this user recorded the deletion of this candidate (to show the confirmation after the redirect). */
export async function deletionRecordedBy(sql: Queryable, candidateId: string, userId: string): Promise<boolean> {
  const rows = await sql`
    select 1 from audit_log
    where action = 'candidate.deleted' and subject_type = 'candidate' and subject_id = ${candidateId} and actor_user_id = ${userId}
    limit 1`
  return rows.length === 1
}
