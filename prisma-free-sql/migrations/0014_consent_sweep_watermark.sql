-- The day through which the search worker has looked for consents that started or ended by the calendar alone. A
-- portal that was stopped for longer than the usual look-back still takes out every profile whose consent ended
-- while it was down: the next sweep starts from here.
create table search_consent_sweeps (
  singleton boolean primary key default true check (singleton),
  swept_through date not null
);
