-- Trial agreements (issue 6): once employer and candidate have met, the trial is agreed in writing (DOMAIN.md §3.7):
-- goals, the tasks from the carved job, start and end, meeting points, a named contact on each side and what NAV
-- promises under the accommodation guarantee (tilretteleggingsgaranti). One agreement per case. The rules (who may
-- edit, and when) are in app/modules/trial-agreements.server.ts; the follow-up dates come from the pure schedule in
-- app/modules/trial-follow-up.ts and are stored below so the notifying job can claim them one by one.
create table trial_agreements (
  case_id uuid primary key references cases (id) on delete cascade,
  goals text not null check (length(goals) between 1 and 2000),
  -- Tasks beyond (or instead of) those picked from the carved job, in the employer's and NAV's own words.
  other_tasks text not null default '' check (length(other_tasks) <= 2000),
  start_date date not null,
  end_date date not null,
  -- The employer's named contact; they may have no account here (a shift leader, say), so these are plain text.
  employer_contact_name text not null check (length(employer_contact_name) between 1 and 200),
  employer_contact_phone text not null default '' check (length(employer_contact_phone) <= 40),
  employer_contact_email text not null default '' check (length(employer_contact_email) <= 254),
  -- The employer account that gets the follow-up notices; NAV's contact is the case owner and is not copied here.
  employer_contact_user_id uuid references users (id) on delete set null,
  accommodation_promises text not null default '' check (length(accommodation_promises) <= 2000),
  created_by_user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_by_user_id uuid not null references users (id),
  updated_at timestamptz not null default now(),
  -- Bumped on every save, so a form opened before someone else's save is refused instead of overwriting it.
  version integer not null default 1,
  check (end_date > start_date)
);

-- The tasks from the carved job the trial covers. A task deleted from the workplace drops out of the agreement with it.
create table trial_agreement_tasks (
  case_id uuid not null references trial_agreements (case_id) on delete cascade,
  task_id uuid not null references workplace_tasks (id) on delete cascade,
  primary key (case_id, task_id)
);

-- Agreed meetings (a mid-way talk, the final evaluation), each with a short note.
create table trial_meeting_points (
  id bigserial primary key,
  case_id uuid not null references trial_agreements (case_id) on delete cascade,
  meets_on date not null,
  note text not null check (length(note) between 1 and 300)
);
create index trial_meeting_points_case_idx on trial_meeting_points (case_id, meets_on);

-- Follow-up dates: two weeks after the start and then every two weeks until the end. notified_at is set, in the
-- transaction that writes the notices, by the job that claims due rows (FOR UPDATE SKIP LOCKED); skipped marks an
-- older date that was passed over because a newer one was notified at the same time (an agreement written late).
create table trial_follow_ups (
  case_id uuid not null references trial_agreements (case_id) on delete cascade,
  due_on date not null,
  notified_at timestamptz,
  skipped boolean not null default false,
  done_at timestamptz,
  done_by_user_id uuid references users (id) on delete set null,
  primary key (case_id, due_on)
);
create index trial_follow_ups_pending_idx on trial_follow_ups (due_on) where notified_at is null;
