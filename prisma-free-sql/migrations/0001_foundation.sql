-- Foundation: geography, organisations, accounts and roles, NAV offices and teams,
-- sessions, password resets, log-in attempts and the append-only audit log.

create extension if not exists pg_trgm;

create table counties (
  number text primary key check (number ~ '^[0-9]{2}$'),
  name text not null
);

create table municipalities (
  number text primary key check (number ~ '^[0-9]{4}$'),
  name text not null,
  county_number text not null references counties (number)
);
create index municipalities_county_idx on municipalities (county_number);

create table organisations (
  id uuid primary key default gen_random_uuid(),
  org_number text not null unique check (org_number ~ '^[0-9]{9}$'),
  name text not null check (length(name) between 1 and 200),
  nace_section text not null check (nace_section ~ '^[A-U]$'),
  sector text not null check (sector in ('public', 'private')),
  size_band text not null check (size_band in ('1-4', '5-19', '20-99', '100-499', '500+')),
  municipality_number text not null references municipalities (number),
  created_at timestamptz not null default now()
);
create index organisations_municipality_idx on organisations (municipality_number);
create index organisations_name_trgm_idx on organisations using gin (name gin_trgm_ops);

create table workplaces (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  address text not null default '',
  municipality_number text not null references municipalities (number),
  created_at timestamptz not null default now(),
  unique (organisation_id, name)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (length(email) between 3 and 254),
  name text not null check (length(name) between 1 and 200),
  account_type text not null check (account_type in ('employer', 'staff')),
  password_hash text,
  created_at timestamptz not null default now(),
  last_login_at timestamptz,
  disabled_at timestamptz
);
create unique index users_email_key on users (lower(email));

-- Staff roles; employers are identified by their organisation memberships.
create table user_roles (
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('specialist', 'market_contact', 'team_lead', 'admin')),
  primary key (user_id, role)
);

create table organisation_memberships (
  organisation_id uuid not null references organisations (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  status text not null check (status in ('active', 'requested', 'rejected')),
  requested_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by uuid references users (id),
  primary key (organisation_id, user_id)
);
create index organisation_memberships_user_idx on organisation_memberships (user_id);

create table nav_offices (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(name) between 1 and 200),
  county_number text not null references counties (number),
  created_at timestamptz not null default now()
);

create table teams (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references nav_offices (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now(),
  unique (office_id, name)
);

-- A staff member works at one office, optionally in one of its teams.
create table staff_placements (
  user_id uuid primary key references users (id) on delete cascade,
  office_id uuid not null references nav_offices (id),
  team_id uuid references teams (id)
);

create table market_contact_counties (
  user_id uuid not null references users (id) on delete cascade,
  county_number text not null references counties (number),
  primary key (user_id, county_number)
);

-- The cookie holds a random token; only its SHA-256 is stored.
create table sessions (
  id_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

create table password_reset_tokens (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  purpose text not null check (purpose in ('reset', 'invitation')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table login_attempts (
  id bigserial primary key,
  email text not null,
  client_address text not null,
  succeeded boolean not null,
  attempted_at timestamptz not null default now()
);
create index login_attempts_email_idx on login_attempts (lower(email), attempted_at);
create index login_attempts_address_idx on login_attempts (client_address, attempted_at);

create table audit_log (
  id bigserial primary key,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid,
  action text not null,
  subject_type text not null,
  subject_id text,
  details jsonb not null default '{}'::jsonb
);
create index audit_log_subject_idx on audit_log (subject_type, subject_id);

create function audit_log_reject_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end
$$;
create trigger audit_log_no_update_or_delete before update or delete on audit_log
  for each row execute function audit_log_reject_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_reject_change();
