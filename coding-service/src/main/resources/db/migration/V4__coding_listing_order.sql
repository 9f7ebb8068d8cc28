-- Listings page in (created_at, id) order. Without an index in that order every unfiltered page sorts
-- all codings; the per-transcript index gets the same order so the planner never walks the global one
-- looking for one transcript's rows.
create index coding_created_idx on coding (created_at, id);
drop index coding_transcript_idx;
create index coding_transcript_idx on coding (transcript_id, created_at, id);
