-- The latest codings of a code first: the assistant reads the ten latest coded passages of every code per suggestion,
-- an index range per code instead of ranking all of a codebook's codings (145 ms at 10,000 codings before).
create index coding_code_latest_idx on coding (code_id, created_at desc, id desc);
