-- The transcript's title from its released event (a desktop tool's source name for an imported one): a REFI-QDA export
-- names its source so, instead of the external id.
alter table released_transcript add column title varchar(500);
