-- Rebuilds of the read models, kept here rather than in one process's memory: any instance of reporting-service answers
-- a rebuild's status, and one rebuild runs at a time across all of them.
create table rebuild_job (
    id          varchar(36) primary key,
    state       varchar(10) not null,
    replayed    bigint not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    error       text
);
