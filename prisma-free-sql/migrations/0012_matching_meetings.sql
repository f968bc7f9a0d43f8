-- Matching meetings (matchemøter, issue 7): market contacts, job specialists and NAV advisors go through candidates
-- and openings of one county together and agree who does what next (DOMAIN.md §7). Who may open a meeting, add to it
-- and write its minutes is decided in app/modules/matching-meetings.server.ts; the suggestions are computed by the
-- matching when the meeting is shown and never stored, so they always follow today's profiles and openings.
create table matching_meetings (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(title) between 2 and 200),
  -- A Norwegian wall-clock date and time: the meeting is at 09:00 in Oslo whatever the server's time zone is.
  meets_on date not null,
  starts_at time(0) not null,
  -- The county decides who may open the meeting (staff whose region holds it) and which openings belong in it.
  county_number text not null references counties (number),
  -- A meeting held for one office's area; its county is the office's (the module sets both from the same choice).
  office_id uuid references nav_offices (id) on delete set null,
  status text not null default 'planned' check (status in ('planned', 'held')),
  held_at timestamptz,
  held_by_user_id uuid references users (id),
  created_by_user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'held') = (held_at is not null))
);
create index matching_meetings_county_idx on matching_meetings (county_number, meets_on desc);

create table matching_meeting_participants (
  meeting_id uuid not null references matching_meetings (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (meeting_id, user_id)
);
create index matching_meeting_participants_user_idx on matching_meeting_participants (user_id);

-- The primary keys make a second add of the same candidate or opening a no-op the page can report calmly.
create table matching_meeting_candidates (
  meeting_id uuid not null references matching_meetings (id) on delete cascade,
  candidate_id uuid not null references candidates (id) on delete cascade,
  added_by_user_id uuid not null references users (id),
  added_at timestamptz not null default now(),
  primary key (meeting_id, candidate_id)
);
create index matching_meeting_candidates_candidate_idx on matching_meeting_candidates (candidate_id);

create table matching_meeting_openings (
  meeting_id uuid not null references matching_meetings (id) on delete cascade,
  opening_id uuid not null references openings (id) on delete cascade,
  added_by_user_id uuid not null references users (id),
  added_at timestamptz not null default now(),
  primary key (meeting_id, opening_id)
);
create index matching_meeting_openings_opening_idx on matching_meeting_openings (opening_id);

-- The minutes. An entry is about a candidate, an opening or a candidate for an opening, each of them on the meeting's
-- own list (the composite keys below; a null side is not checked). Entries are never changed: a correction is a new
-- entry that names the one it corrects, so the referat shows what was said and what was corrected, and when.
create table matching_meeting_minutes (
  id bigserial primary key,
  meeting_id uuid not null references matching_meetings (id) on delete cascade,
  candidate_id uuid,
  opening_id uuid,
  decision text not null check (length(decision) between 1 and 2000),
  next_step text not null default '' check (length(next_step) <= 500),
  -- Who carries the next step out; without a next step there is nobody to name and no date to keep.
  responsible_user_id uuid references users (id),
  due_on date,
  corrects_minute_id bigint references matching_meeting_minutes (id) on delete cascade,
  recorded_by_user_id uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  foreign key (meeting_id, candidate_id) references matching_meeting_candidates (meeting_id, candidate_id) on delete cascade,
  foreign key (meeting_id, opening_id) references matching_meeting_openings (meeting_id, opening_id) on delete cascade,
  check (candidate_id is not null or opening_id is not null),
  check ((length(next_step) > 0) = (responsible_user_id is not null)),
  check (due_on is null or length(next_step) > 0)
);
create index matching_meeting_minutes_meeting_idx on matching_meeting_minutes (meeting_id, id);

-- Updates are refused so the referat stays what was recorded; rows still go with their meeting or candidate (cascade).
create function matching_meeting_minutes_reject_update() returns trigger language plpgsql as $$
begin
  raise exception 'matching_meeting_minutes is append-only; record a correction as a new entry';
end
$$;
create trigger matching_meeting_minutes_no_update before update on matching_meeting_minutes
  for each row execute function matching_meeting_minutes_reject_update();
