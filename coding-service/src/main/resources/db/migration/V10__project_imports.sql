-- A whole project moved from a desktop tool into a site (transcript-service's project-imported event): the codebook its
-- codes went to, and its codings and transcript memos, kept until their transcript is released and then applied once.
create table project_import (
    id            uuid          primary key,
    site          varchar(10)   not null,
    study         varchar(100)  not null,
    phase         varchar(100)  not null,
    project       varchar(500),
    origin        varchar(500),
    imported_by   varchar(200)  not null,
    codebook_id   uuid          references codebook (id),
    codes_added   integer       not null,
    received_at   timestamptz   not null
);

create table project_import_coding (
    id              uuid          primary key,
    import_id       uuid          not null references project_import (id),
    transcript_id   varchar(64)   not null,
    code_guid       varchar(100)  not null,
    coder           varchar(100)  not null,
    first_paragraph integer       not null,
    start_offset    integer       not null,
    last_paragraph  integer       not null,
    end_offset      integer       not null,
    status          varchar(10)   not null,
    reason          varchar(1000)
);
create index project_import_coding_waiting on project_import_coding (transcript_id) where status = 'waiting';
create index project_import_coding_import on project_import_coding (import_id, status);

create table project_import_memo (
    id            uuid          primary key,
    import_id     uuid          not null references project_import (id),
    transcript_id varchar(64),
    title         varchar(200)  not null,
    text          text          not null,
    author        varchar(100)  not null,
    status        varchar(10)   not null
);
create index project_import_memo_waiting on project_import_memo (transcript_id) where status = 'waiting';
