-- Employer portal: organisation profile, workplaces with their task inventory, carved jobs,
-- openings with their history, and the employer terms for seeing candidate profiles.

alter table organisations
  add column ia_agreement boolean not null default false,
  add column description text not null default '' check (length(description) <= 2000),
  add column updated_at timestamptz not null default now();

-- Working environment on the shared demand scales (0..2 index into vocabulary.json's scales):
-- noise (low/medium/high), pace = tempo (low/medium/high), social contact = teamwork (alone/some/much).
alter table workplaces
  add column noise_level smallint not null default 1 check (noise_level between 0 and 2),
  add column pace_level smallint not null default 1 check (pace_level between 0 and 2),
  add column social_contact_level smallint not null default 1 check (social_contact_level between 0 and 2),
  add column accessibility text[] not null default '{}',
  add column accessibility_notes text not null default '' check (length(accessibility_notes) <= 1000),
  add column languages text[] not null default '{norsk}',
  add column updated_at timestamptz not null default now();
create index workplaces_organisation_idx on workplaces (organisation_id);

create table workplace_tasks (
  id uuid primary key default gen_random_uuid(),
  workplace_id uuid not null references workplaces (id) on delete cascade,
  -- The task catalogue entry it was picked from; null for the employer's own task.
  catalogue_code text,
  name text not null check (length(name) between 1 and 200),
  styrk08 text check (styrk08 ~ '^[0-9]{4}$'),
  hours_per_week numeric(4, 1) not null check (hours_per_week > 0 and hours_per_week <= 60),
  times_of_day text[] not null default '{}',
  days text[] not null default '{}',
  -- Dimension code -> level index 0..2.
  demands jsonb not null default '{}',
  requirements text[] not null default '{}',
  separable boolean not null default true,
  done_by_role text not null default '' check (length(done_by_role) <= 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index workplace_tasks_workplace_idx on workplace_tasks (workplace_id);

create table carved_jobs (
  id uuid primary key default gen_random_uuid(),
  workplace_id uuid not null references workplaces (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  target_hours numeric(4, 1) not null check (target_hours > 0 and target_hours <= 60),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index carved_jobs_workplace_idx on carved_jobs (workplace_id);

-- Tasks are referenced, not copied: the carved job always reflects the task inventory.
-- A task in a carved job cannot be deleted until it is taken out of the job.
create table carved_job_tasks (
  carved_job_id uuid not null references carved_jobs (id) on delete cascade,
  task_id uuid not null references workplace_tasks (id) on delete restrict,
  primary key (carved_job_id, task_id)
);
create index carved_job_tasks_task_idx on carved_job_tasks (task_id);

create table openings (
  id uuid primary key default gen_random_uuid(),
  workplace_id uuid not null references workplaces (id) on delete restrict,
  carved_job_id uuid references carved_jobs (id) on delete restrict,
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 4000),
  opening_type text not null check (opening_type in ('JOBBSMAK', 'ARBEIDSTRENING', 'LONNSTILSKUDD', 'ORDINAER', 'LAERLING')),
  hours_min numeric(4, 1) not null check (hours_min > 0),
  hours_max numeric(4, 1) not null check (hours_max <= 60),
  times_of_day text[] not null default '{}',
  days text[] not null default '{}',
  flexibility text not null default '' check (length(flexibility) <= 1000),
  accommodations text[] not null default '{}',
  mentor_available boolean not null default false,
  measures text[] not null default '{}',
  start_date date not null,
  duration_weeks integer check (duration_weeks between 1 and 520),
  places integer not null default 1 check (places between 1 and 50),
  hire_prospect text not null check (hire_prospect in ('JA', 'KANSKJE', 'NEI')),
  contact_name text not null check (length(contact_name) between 1 and 200),
  contact_phone text not null default '' check (length(contact_phone) <= 40),
  contact_email text not null default '' check (length(contact_email) <= 254),
  status text not null default 'draft' check (status in ('draft', 'published', 'paused', 'filled', 'closed')),
  close_reason text check (length(close_reason) <= 1000),
  published_at timestamptz,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (hours_min <= hours_max),
  check (status <> 'closed' or close_reason is not null)
);
create index openings_workplace_idx on openings (workplace_id);
create index openings_status_idx on openings (status);

-- Every change to an opening, for the employer's history and for later follow-up statistics.
create table opening_events (
  id bigserial primary key,
  opening_id uuid not null references openings (id) on delete cascade,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid references users (id) on delete set null,
  event text not null check (event in ('created', 'edited', 'published', 'paused', 'filled', 'closed', 'task_changed')),
  note text not null default '' check (length(note) <= 1000)
);
create index opening_events_opening_idx on opening_events (opening_id, occurred_at);

-- Accepted once per user and terms version, before any candidate profile is shown.
create table employer_terms_acceptances (
  user_id uuid not null references users (id) on delete cascade,
  terms_version text not null,
  accepted_at timestamptz not null default now(),
  primary key (user_id, terms_version)
);
