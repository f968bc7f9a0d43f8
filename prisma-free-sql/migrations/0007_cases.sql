-- Cases (issue 6): one candidate and one opening, from an employer's interest or a specialist's proposal to an
-- outcome, with one owner, a deadline and a trail. The rules of the flow are in app/modules/case-flow.ts, the routing in
-- app/modules/case-routing.ts and the deadlines in app/modules/working-days.ts; this stores what they decide.
create table cases (
  id uuid primary key default gen_random_uuid(),
  opening_id uuid not null references openings (id) on delete cascade,
  candidate_id uuid not null references candidates (id) on delete cascade,
  origin text not null check (origin in ('employer_interest', 'specialist_proposal')),
  status text not null default 'new' check (status in (
    'new', 'received', 'candidate_asked', 'candidate_yes', 'meeting_agreed', 'trial_running',
    'candidate_no', 'hired', 'not_hired', 'withdrawn')),
  -- Who handles it: a person (the responsible specialist or their stand-in), or nobody yet and the queue below.
  owner_user_id uuid references users (id),
  routed_as text not null check (routed_as in ('responsible', 'stand_in', 'team_queue')),
  -- The office (and team) whose queue and team lead see the case; always set, so escalation has somewhere to go.
  office_id uuid not null references nav_offices (id),
  team_id uuid references teams (id),
  acknowledge_by timestamptz not null,
  remind_at timestamptz not null,
  reminded_at timestamptz,
  escalated_at timestamptz,
  acknowledged_at timestamptz,
  employer_message text not null default '' check (length(employer_message) <= 1000),
  employer_verdict text check (employer_verdict in ('to_consider', 'relevant', 'not_relevant', 'got_the_job')),
  employer_verdict_reason text not null default '' check (length(employer_verdict_reason) <= 1000),
  created_by_user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Bumped on every change, so a move made from a stale page is refused rather than applied twice.
  version integer not null default 1,
  -- Never two cases for the same candidate and opening: a double click or a second colleague finds the first.
  unique (opening_id, candidate_id),
  check ((routed_as = 'team_queue') = (owner_user_id is null))
);
create index cases_owner_idx on cases (owner_user_id) where status not in ('candidate_no', 'hired', 'not_hired', 'withdrawn');
create index cases_office_idx on cases (office_id, team_id);
create index cases_candidate_idx on cases (candidate_id);
-- Deadlines the worker looks at: unacknowledged cases by their next reminder or escalation time.
create index cases_unacknowledged_idx on cases (acknowledge_by) where acknowledged_at is null;

-- Every transition, with its actor and time; a case's history is read from here.
create table case_events (
  id bigserial primary key,
  case_id uuid not null references cases (id) on delete cascade,
  action text not null check (length(action) between 1 and 60),
  from_status text,
  to_status text not null,
  actor_user_id uuid references users (id),
  reason text not null default '' check (length(reason) <= 1000),
  at timestamptz not null default now()
);
create index case_events_case_idx on case_events (case_id, id);
