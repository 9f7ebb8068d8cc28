-- The assistant as a coder: its codings carry their score and provenance (the nearest definition, example or coded
-- passage), and a human's decision on each; a coding a human accepted names the suggestion it came from.
alter table coding add column score double precision;
alter table coding add column provenance text;
alter table coding add column suggestion_status varchar(10);
alter table coding add column suggested_by uuid;
