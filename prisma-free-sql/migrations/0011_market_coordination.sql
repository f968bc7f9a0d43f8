-- Market coordination (issue 7): one relationship per organisation with its responsible market contact (the named
-- NAV contact employers see), followers, the outreach pipeline stage, every contact any staff member had with the
-- employer, and the history of ownership and stage moves. The rules are in app/modules/employer-relationships.server.ts
-- and the traffic light in app/modules/employer-traffic-light.ts; this stores what they decide.

-- The direct line employers are promised (DOMAIN.md §1: one named contact with a direct number).
alter table users add column work_phone text not null default '' check (length(work_phone) <= 40);

-- Staff may add an employer that has no users yet; the first person to register it later claims it.
alter table organisations add column added_by_user_id uuid references users (id) on delete set null;

create table employer_relationships (
  organisation_id uuid primary key references organisations (id) on delete cascade,
  owner_user_id uuid references users (id) on delete set null,
  owner_since timestamptz,
  stage text not null default 'new' check (stage in (
    'new', 'assessing', 'to_contact', 'mapping', 'assisting', 'done', 'not_relevant')),
  not_relevant_reason text not null default '' check (length(not_relevant_reason) <= 500),
  stage_changed_at timestamptz not null default now(),
  stage_changed_by uuid references users (id) on delete set null,
  -- How many trainees the employer can take at once, as agreed with them; null until someone has asked.
  trainee_capacity integer check (trainee_capacity between 0 and 200),
  -- Bumped on every stage move only, so a move from a stale board is refused and the mover is told who moved it.
  stage_version integer not null default 1,
  check ((stage = 'not_relevant') = (length(not_relevant_reason) > 0))
);
create index employer_relationships_owner_idx on employer_relationships (owner_user_id);
create index employer_relationships_stage_idx on employer_relationships (stage);

insert into employer_relationships (organisation_id) select id from organisations;

-- Every organisation has its relationship from the start, however it was created (registration, staff, seed).
create function employer_relationship_for_new_organisation() returns trigger language plpgsql as $$
begin
  insert into employer_relationships (organisation_id) values (new.id) on conflict do nothing;
  return new;
end
$$;
create trigger organisations_get_relationship after insert on organisations
  for each row execute function employer_relationship_for_new_organisation();

create table employer_relationship_events (
  id bigserial primary key,
  organisation_id uuid not null references organisations (id) on delete cascade,
  kind text not null check (kind in ('owner_taken', 'owner_transferred', 'owner_released', 'stage_moved', 'capacity_set', 'added')),
  from_value text,
  to_value text,
  reason text not null default '' check (length(reason) <= 500),
  actor_user_id uuid references users (id) on delete set null,
  at timestamptz not null default now()
);
create index employer_relationship_events_org_idx on employer_relationship_events (organisation_id, id);

create table employer_followers (
  organisation_id uuid not null references organisations (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  since timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
create index employer_followers_user_idx on employer_followers (user_id);

-- The contact log. candidate_id marks a candidate-specific contact (IPS fidelity counts those per specialist and
-- week, and the days from a candidate's start to the first one); the log shows only the candidate's label.
create table employer_contacts (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  staff_user_id uuid not null references users (id),
  kind text not null check (kind in (
    'visit', 'phone', 'email', 'meeting', 'cup_acquaint', 'cup_map_needs', 'cup_present', 'matching_meeting')),
  contacted_at timestamptz not null,
  summary text not null check (length(summary) between 1 and 2000),
  next_step text not null default '' check (length(next_step) <= 500),
  next_step_due date,
  candidate_id uuid references candidates (id) on delete set null,
  created_at timestamptz not null default now()
);
create index employer_contacts_org_idx on employer_contacts (organisation_id, contacted_at desc);
create index employer_contacts_staff_idx on employer_contacts (staff_user_id, contacted_at);
create index employer_contacts_candidate_idx on employer_contacts (candidate_id, contacted_at) where candidate_id is not null;
