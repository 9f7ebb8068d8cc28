-- REFI-QDA imports: one job per file (by its SHA-256), coder and round; and the codings each brought, so that a
-- second import of the same file adds nothing.
create table refi_import (
    id            uuid primary key,
    sha256        varchar(64)  not null,
    imported_by   varchar(100) not null,
    round_id      uuid,
    status        varchar(20)  not null,
    counting      varchar(60),
    sources_total integer      not null,
    sources_done  integer      not null,
    codings_total integer      not null,
    codings_done  integer      not null,
    codings_added integer      not null,
    skipped       text         not null,
    created_at    timestamptz  not null,
    finished_at   timestamptz
);
create unique index refi_import_once on refi_import (sha256, imported_by, coalesce(round_id, '00000000-0000-0000-0000-000000000000'));

create table refi_imported_coding (
    import_key varchar(300) primary key,
    coding_id  uuid not null
);
