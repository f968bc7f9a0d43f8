-- The search index in PostgreSQL (search-index/postgres-backend.ts) and the sync outbox that keeps every search
-- backend up to date. Decision: docs/decisions/008-search-backends.md.
--
-- The projection tables hold only what search-index/ builds: the anonymised candidate document and the published
-- opening document, each with what matching needs, plus typed copies of the fields the hard filters use. No identity
-- ever reaches them. They have no foreign keys on purpose: they are a projection, rebuilt from the source at will,
-- and a rebuild creates a copy (`create table … (like … including all)`) that must not depend on anything else.

create table search_candidates (
  id uuid primary key,
  -- The office that follows the candidate up (specialists search their own office's candidates).
  office_id uuid not null,
  -- AnonymisedCandidate: what employers may see.
  document jsonb not null,
  -- CandidateForMatching: what scoring uses.
  matching jsonb not null,
  work_municipalities text[] not null default '{}',
  -- Whole counties the candidate can work in.
  work_counties text[] not null default '{}',
  -- Employers in these counties may see the candidate; null: employers in every county.
  consent_counties text[],
  certificates text[] not null default '{}',
  can_obtain_police_certificate boolean not null default false,
  hours_min numeric not null,
  hours_max numeric not null,
  earliest_start date not null,
  -- candidateSearchText(document): tasks, occupations, pitch and experience.
  search_text text not null,
  -- 'norwegian' (Snowball stemmer) exists on PostgreSQL 15 and on PGlite alike.
  search_vector tsvector generated always as (to_tsvector('norwegian', search_text)) stored,
  indexed_at timestamptz not null default now()
);
-- Region is the filter that narrows the pool most; the two arms of the `or` are a BitmapOr of these.
create index search_candidates_work_municipalities_idx on search_candidates using gin (work_municipalities);
create index search_candidates_work_counties_idx on search_candidates using gin (work_counties);
create index search_candidates_office_id_idx on search_candidates (office_id);

create table search_openings (
  id uuid primary key,
  -- OpeningDocument: what specialists see.
  document jsonb not null,
  -- OpeningForMatching: what scoring uses.
  matching jsonb not null,
  municipality_number text not null,
  county_number text not null,
  -- Every requirement code of the opening ("forkliftLicence", "policeCertificate", …).
  requirements text[] not null default '{}',
  hours_min numeric not null,
  hours_max numeric not null,
  start_date date not null,
  -- openingSearchText(document): title, description and task names.
  search_text text not null,
  search_vector tsvector generated always as (to_tsvector('norwegian', search_text)) stored,
  indexed_at timestamptz not null default now()
);
create index search_openings_municipality_number_idx on search_openings (municipality_number);
create index search_openings_county_number_idx on search_openings (county_number);

-- A full rebuild builds search_candidates_next / search_openings_next (copies of the tables above) while searches
-- keep reading the live tables, then drops the old and renames the new into place in one short transaction.
-- One rebuild at a time: this row is its lock, kept alive by a heartbeat so a crashed rebuild does not block forever.
create table search_rebuilds (
  entity text primary key check (entity in ('candidate', 'opening')),
  started_at timestamptz not null default now(),
  heartbeat_at timestamptz not null default now()
);

-- Deletes (hides) that happen while a rebuild runs. The rebuild may have read a candidate just before consent was
-- withdrawn; these are deleted from the new table again right before it is swapped in, so a hide is never undone.
create table search_rebuild_tombstones (
  entity text not null check (entity in ('candidate', 'opening')),
  entity_id uuid not null,
  primary key (entity, entity_id)
);

-- The transactional outbox: written in the same transaction as each change to a profile, consent or opening, and
-- applied to the search backend by the sync worker.
create table search_outbox (
  id bigserial primary key,
  entity text not null check (entity in ('candidate', 'opening')),
  entity_id uuid not null,
  -- 0: hides (consent withdrawn, paused, opening closed) go before everything else; 1: other changes.
  priority smallint not null default 1 check (priority in (0, 1)),
  enqueued_at timestamptz not null default now(),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  processed_at timestamptz
);
create index search_outbox_pending_idx on search_outbox (priority, id) where processed_at is null;
