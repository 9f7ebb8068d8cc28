-- Which process runs an import job, and when it last said it was alive: with several instances of coding-service,
-- a starting instance fails only the jobs whose process is gone (io.chorus.common.jobs.JobRunners).
alter table refi_import add column runner varchar(100);
alter table refi_import add column heartbeat_at timestamptz;
