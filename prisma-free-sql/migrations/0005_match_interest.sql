-- What comes of the matching before routing exists: an employer's "interested" in an anonymised
-- candidate for an opening (the routing issue turns it into a case), specialists' shortlists, and
-- how often each candidate has been shown, so ties are broken towards those seen least.

create table match_interests (
  id uuid primary key default gen_random_uuid(),
  opening_id uuid not null references openings (id) on delete cascade,
  candidate_id uuid not null references candidates (id) on delete cascade,
  marked_by_user_id uuid not null references users (id),
  marked_at timestamptz not null default now(),
  message text not null default '' check (length(message) <= 1000),
  -- The score and its first reasons when interest was marked, so the case shows what the employer saw.
  score smallint not null check (score between 0 and 100),
  unique (opening_id, candidate_id)
);
create index match_interests_candidate_idx on match_interests (candidate_id);

create table specialist_shortlists (
  user_id uuid not null references users (id) on delete cascade,
  candidate_id uuid not null references candidates (id) on delete cascade,
  opening_id uuid not null references openings (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (user_id, candidate_id, opening_id)
);

-- One row per candidate, opening and day the candidate was on a first page of matches.
create table match_exposures (
  candidate_id uuid not null references candidates (id) on delete cascade,
  opening_id uuid not null references openings (id) on delete cascade,
  shown_on date not null,
  primary key (candidate_id, opening_id, shown_on)
);
create index match_exposures_day_idx on match_exposures (shown_on);
