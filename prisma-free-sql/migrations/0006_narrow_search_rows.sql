-- Narrower rows in the PostgreSQL search projection (docs/benchmarks.md, 2026-12-01). A match search reads every row
-- in the opening's region and ranks it by text, so a row should hold only what the filters and the ranking read. The
-- documents (a few kilobytes of jsonb each) move out of line into the table's TOAST storage, where they are read only
-- for the rows a search returns; the search text is no longer kept beside its tsvector, which is computed on insert.
-- At 100,000 candidates the candidate table shrinks from 113 MB to 43 MB.
--
-- The projection is derived from the database, so it is emptied rather than rewritten: the portal rebuilds an empty
-- index when it starts (search-index/reindex.ts, reindexIfEmpty), and `npm run search:reindex` does the same by hand.
-- A rebuild interrupted by this migration starts again from scratch.
drop table if exists search_candidates_next;
drop table if exists search_openings_next;
delete from search_rebuilds;
delete from search_rebuild_tombstones;
truncate search_candidates, search_openings;

-- toast_tuple_target: rows above 1 kB store their largest values (the documents) out of line, not only rows above
-- the default 2 kB. search-index/postgres-backend.ts gives a rebuilt table the same setting.
alter table search_candidates
  drop column search_vector,
  drop column search_text,
  add column search_vector tsvector not null,
  alter column document set storage external,
  alter column matching set storage external,
  set (toast_tuple_target = 1024);

alter table search_openings
  drop column search_vector,
  drop column search_text,
  add column search_vector tsvector not null,
  alter column document set storage external,
  alter column matching set storage external,
  set (toast_tuple_target = 1024);
