-- Coding all hits of a search: one operation, with its query as provenance, undone as a unit.
create table bulk_operation (
    id          uuid          primary key,
    created_by  varchar(200)  not null,
    created_at  timestamptz   not null,
    query       text          not null,
    searched    varchar(10)   not null,
    filters     text          not null,
    code_id     uuid          not null,
    unit        varchar(20)   not null,
    valence     varchar(20),
    coded       integer       not null,
    skipped     integer       not null,
    undone_by   varchar(200),
    undone_at   timestamptz,
    undone      integer
);
create index bulk_operation_created_idx on bulk_operation (created_at desc, id);

alter table coding add column bulk_operation_id uuid references bulk_operation (id);
create index coding_bulk_operation_idx on coding (bulk_operation_id) where bulk_operation_id is not null;
