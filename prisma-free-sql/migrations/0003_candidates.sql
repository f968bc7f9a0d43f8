-- Candidates kept by specialists: the operational record, the identity (kept apart, read
-- only with a reason and always audited), the anonymised profile employers and matching
-- see, consent with its history, the candidate's history, and staff absences.

-- Not identifying: who follows the candidate up, where, and in what state.
create table candidates (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references nav_offices (id),
  responsible_user_id uuid not null references users (id),
  -- active: looking for work; paused: hidden from employers for now; in_work / ended: no longer matched.
  status text not null default 'active' check (status in ('active', 'paused', 'in_work', 'ended')),
  created_at timestamptz not null default now(),
  last_activity_at timestamptz not null default now(),
  -- Bumped on every change, so a form from before someone else's change is refused.
  version integer not null default 1
);
create index candidates_responsible_idx on candidates (responsible_user_id);
create index candidates_office_idx on candidates (office_id);

-- Identity, apart from the profile so nothing that builds anonymised views can join it by accident.
create table candidate_identities (
  candidate_id uuid primary key references candidates (id) on delete cascade,
  first_name text not null check (length(first_name) between 1 and 100),
  last_name text not null check (length(last_name) between 1 and 100),
  national_id text not null unique check (national_id ~ '^[0-9]{11}$'),
  phone text not null default '',
  email text not null default '',
  updated_at timestamptz not null default now()
);

-- The anonymised, resource-oriented profile. There is deliberately no diagnosis field.
create table candidate_profiles (
  candidate_id uuid primary key references candidates (id) on delete cascade,
  -- Where the candidate lives, shown to employers as the county when few visible candidates share it.
  home_municipality_number text references municipalities (number),
  pitch text not null default '',
  wanted_tasks text[] not null default '{}',
  possible_tasks text[] not null default '{}',
  occupations text[] not null default '{}',
  work_experience text not null default '',
  informal_competence text not null default '',
  education_level text check (education_level in ('none', 'primary', 'upper_secondary_started', 'upper_secondary', 'trade_certificate', 'higher')),
  certificates text[] not null default '{}',
  -- Whether a police certificate could be obtained; what is behind the answer is never recorded.
  can_obtain_police_certificate boolean,
  hours_min numeric(4, 1) check (hours_min between 1 and 60),
  hours_max numeric(4, 1) check (hours_max between 1 and 60),
  gradual_increase boolean not null default false,
  times_of_day text[] not null default '{}',
  days text[] not null default '{}',
  work_municipalities text[] not null default '{}',
  work_counties text[] not null default '{}',
  earliest_start date,
  -- Dimension code -> highest level (0..2) the candidate can work with.
  demand_tolerances jsonb not null default '{}'::jsonb,
  accommodation_needs text[] not null default '{}',
  oral_norwegian smallint check (oral_norwegian between 0 and 2),
  written_norwegian smallint check (written_norwegian between 0 and 2),
  measures text[] not null default '{}',
  updated_at timestamptz not null default now(),
  check (hours_min is null or hours_max is null or hours_min <= hours_max)
);
create index candidate_profiles_home_idx on candidate_profiles (home_municipality_number);

-- Consent to show the anonymised profile to employers. Renewal adds a row and supersedes the old one.
create table candidate_consents (
  id uuid primary key default gen_random_uuid(),
  candidate_id uuid not null references candidates (id) on delete cascade,
  given_to_user_id uuid not null references users (id),
  recorded_by_user_id uuid not null references users (id),
  method text not null check (method in ('meeting', 'written')),
  scope text not null check (scope in ('all', 'counties')),
  scope_counties text[] not null default '{}',
  given_on date not null,
  expires_on date not null,
  recorded_at timestamptz not null default now(),
  superseded_at timestamptz,
  withdrawn_at timestamptz,
  withdrawn_by_user_id uuid references users (id),
  withdrawal_note text not null default '',
  check (expires_on > given_on),
  check (scope = 'all' or cardinality(scope_counties) > 0)
);
create index candidate_consents_candidate_idx on candidate_consents (candidate_id, recorded_at desc);

-- What happened with the candidate; handovers keep it whole.
create table candidate_events (
  id bigserial primary key,
  candidate_id uuid not null references candidates (id) on delete cascade,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid references users (id),
  kind text not null,
  details jsonb not null default '{}'::jsonb
);
create index candidate_events_candidate_idx on candidate_events (candidate_id, occurred_at desc);

-- A staff member away from work, and who stands in for them meanwhile.
create table staff_absences (
  user_id uuid primary key references users (id) on delete cascade,
  stand_in_user_id uuid not null references users (id),
  since timestamptz not null default now(),
  until_date date,
  check (stand_in_user_id <> user_id)
);
