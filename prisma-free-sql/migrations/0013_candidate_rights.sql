-- Retention and rights (issue 8, part 4): a candidate's data deleted on request, and accounts nobody uses disabled.
-- Decision: docs/decisions/015-retention-and-candidate-rights.md.
--
-- Every foreign key to candidates already cascades (identity, profile, consents, history, interest, shortlists,
-- exposures, cases and through them case events, shared details, trial agreements and case notices; matching-meeting
-- entries), except employer_contacts.candidate_id, which is set null: the contact was with the employer and stays in
-- the employer's log, no longer tied to the person. So deleting the candidates row deletes what is about them, and no
-- constraint needs to change.
--
-- The audit log is append-only. When a candidate is deleted, the entries about them must keep only that something
-- happened (action, time, actor, subject id) and lose their details. This allows exactly that one change: details
-- emptied and scrubbed_at set, once, with every other column untouched. Any other update, every delete and truncate
-- are still refused.
alter table audit_log add column scrubbed_at timestamptz;

create or replace function audit_log_reject_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
     and old.scrubbed_at is null and new.scrubbed_at is not null
     and new.details = '{}'::jsonb
     and new.id = old.id and new.occurred_at = old.occurred_at
     and new.actor_user_id is not distinct from old.actor_user_id
     and new.action = old.action and new.subject_type = old.subject_type
     and new.subject_id is not distinct from old.subject_id then
    return new;
  end if;
  raise exception 'audit_log is append-only';
end
$$;

-- When the inactivity warning was queued (app/modules/candidate-rights.server.ts, disableInactiveAccounts). An account
-- is disabled only when the warning went out at least 30 days earlier and after the last activity, so everyone gets
-- the full notice, also accounts that were already inactive for years when this job first ran.
alter table users add column inactivity_warned_at timestamptz;
