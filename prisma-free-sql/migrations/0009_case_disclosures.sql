-- Disclosure (issue 6, part 4): once the candidate has said yes to this employer, the specialist shares the agreed
-- identity details with the employer, for this case only. One row per act of sharing. The rules are in
-- app/modules/case-disclosure.ts (who sees it, and until when) and app/modules/case-disclosure.server.ts (who may share).
--
-- A snapshot of the shared values, not a reference to candidate_identities:
-- * The candidate agreed to share these details, as they were then, with this employer. A reference would pass later
--   edits on by itself: a new phone number, or a changed name (people change names for their own protection), would
--   reach the employer without anyone asking the candidate. With a snapshot the employer sees exactly what was agreed;
--   when something changes, the specialist withdraws and shares again, which is a new, logged act with a new notice.
-- * Removal after 6 months is then a real deletion: the purge (purgeExpiredDisclosures) sets the values to null,
--   while NAV's own record in candidate_identities is untouched. With a reference, "removed" would be a flag in front
--   of a join that still reaches the identity, and one forgotten condition in a query would bring it back.
-- * The snapshot copies personal data, so it is kept only while it is visible: the purge clears it as soon as it is
--   expired, withdrawn or the case has ended without a hire, and what stays is the fact that it was shared (which
--   fields, by whom, when, until when, and why it ended), for the audit trail.
--
-- Only name, phone and e-mail can be shared. The national ID number, the birth date, the address and anything about
-- health have no column here, so no code path can share them.
create table case_disclosures (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  -- What the specialist chose to share, in this order: name, phone, email.
  fields text[] not null check (cardinality(fields) between 1 and 3 and fields <@ array['name', 'phone', 'email']::text[]),
  -- The snapshot; null for a field that was not shared, and for every field once purged.
  first_name text check (length(first_name) between 1 and 100),
  last_name text check (length(last_name) between 1 and 100),
  phone text check (length(phone) between 1 and 40),
  email text check (length(email) between 3 and 254),
  shared_by_user_id uuid not null references users (id),
  shared_at timestamptz not null,
  -- Six calendar months after shared_at (app/modules/case-disclosure.ts); never more than 184 days, the longest six
  -- months there are, so a bad value cannot keep details visible for longer.
  expires_at timestamptz not null check (expires_at > shared_at and expires_at <= shared_at + interval '184 days'),
  -- The specialist withdrew the sharing.
  revoked_at timestamptz,
  revoked_by_user_id uuid references users (id),
  -- When the case ended without a hire (candidate_no, not_hired, withdrawn), as found in the case history by the purge.
  ended_at timestamptz,
  -- When the values were deleted, and why: the rule that hid them.
  purged_at timestamptz,
  purge_reason text check (purge_reason in ('revoked', 'expired', 'case_ended', 'not_visible')),
  check ((revoked_at is null) = (revoked_by_user_id is null)),
  check ((purged_at is null) = (purge_reason is null)),
  -- While kept, exactly the chosen fields have values; once purged, none has.
  check (
    case when purged_at is not null
      then first_name is null and last_name is null and phone is null and email is null
      else ('name' = any(fields)) = (first_name is not null and last_name is not null)
        and ('name' = any(fields)) = (first_name is not null or last_name is not null)
        and ('phone' = any(fields)) = (phone is not null)
        and ('email' = any(fields)) = (email is not null)
    end
  )
);
create index case_disclosures_case_idx on case_disclosures (case_id, shared_at desc);
-- At most one sharing in force per case: a double submit, or two colleagues at once, finds the first one.
create unique index case_disclosures_one_current_idx on case_disclosures (case_id) where revoked_at is null and purged_at is null;
-- What the purge looks at.
create index case_disclosures_unpurged_idx on case_disclosures (expires_at) where purged_at is null;
