-- Which study and phase each session belongs to (from io.chorus.transcript.session-recorded.v1),
-- so a transcript is coded with the codebook of its phase.
create table coding_session (
    site        varchar(10)  not null,
    external_id varchar(200) not null,
    study       varchar(60)  not null,
    phase       varchar(60)  not null,
    primary key (site, external_id)
);
alter table released_transcript add column session varchar(200);

-- A codebook is one tree of codes. Its current version is either a draft (editable) or published
-- (frozen); each published version keeps a snapshot of the tree as it was.
create table codebook (
    id              uuid         primary key,
    name            varchar(200) not null,
    description     text,
    origin          varchar(40),
    source          text,
    current_version integer      not null,
    draft           boolean      not null,
    created_by      varchar(100) not null,
    created_at      timestamptz  not null,
    row_version     bigint       not null default 0
);

create table codebook_version (
    codebook_id  uuid         not null references codebook (id) on delete cascade,
    number       integer      not null,
    published_at timestamptz  not null,
    published_by varchar(100) not null,
    snapshot     text         not null,
    primary key (codebook_id, number)
);

-- Codes keep their id across versions, so codings follow a code through renames and moves.
create table code (
    id            uuid         primary key,
    codebook_id   uuid         not null references codebook (id) on delete cascade,
    parent_id     uuid         references code (id),
    key           varchar(60),
    name          varchar(200) not null,
    definition    text,
    inclusion     text,
    exclusion     text,
    example       text,
    colour        varchar(7),
    origin        varchar(12)  not null,
    framework_ref varchar(60),
    codable       boolean      not null,
    position      integer      not null,
    added_in      integer      not null,
    retired_in    integer,
    merged_into   uuid         references code (id),
    row_version   bigint       not null default 0
);
create index code_codebook_idx on code (codebook_id, parent_id, position);

create table code_change (
    id          bigserial    primary key,
    codebook_id uuid         not null references codebook (id) on delete cascade,
    version     integer      not null,
    code_id     uuid         not null,
    kind        varchar(10)  not null,
    detail      text         not null,
    changed_by  varchar(100) not null,
    changed_at  timestamptz  not null
);
create index code_change_codebook_idx on code_change (codebook_id, id);

create table phase_codebook (
    study       varchar(60) not null,
    phase       varchar(60) not null,
    codebook_id uuid        not null references codebook (id),
    primary key (study, phase)
);

create table coding_round (
    id          uuid         primary key,
    name        varchar(200) not null,
    codebook_id uuid         not null references codebook (id),
    independent boolean      not null,
    status      varchar(10)  not null,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null,
    closed_by   varchar(100),
    closed_at   timestamptz,
    row_version bigint       not null default 0
);

create table round_assignment (
    round_id      uuid         not null references coding_round (id) on delete cascade,
    transcript_id varchar(64)  not null references released_transcript (id) on delete cascade,
    coder         varchar(100) not null,
    primary key (round_id, transcript_id, coder)
);
create index round_assignment_coder_idx on round_assignment (coder, round_id);

create table coding (
    id              uuid         primary key,
    transcript_id   varchar(64)  not null references released_transcript (id) on delete cascade,
    site            varchar(10)  not null,
    code_id         uuid         not null references code (id),
    coder           varchar(100) not null,
    round_id        uuid         references coding_round (id),
    consensus       boolean      not null default false,
    first_paragraph integer      not null,
    last_paragraph  integer      not null,
    start_offset    integer,
    end_offset      integer,
    valence         varchar(12),
    weight          integer,
    based_on        text,
    note            text,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    row_version     bigint       not null default 0
);
create index coding_transcript_idx on coding (transcript_id, first_paragraph);
create index coding_code_idx on coding (code_id, site, created_at, id);
create index coding_site_idx on coding (site, created_at, id);
create index coding_coder_idx on coding (coder, created_at, id);
create index coding_round_idx on coding (round_id, transcript_id) where round_id is not null;

create table memo (
    id              uuid         primary key,
    target          varchar(12)  not null,
    code_id         uuid         references code (id) on delete cascade,
    transcript_id   varchar(64)  references released_transcript (id) on delete cascade,
    site            varchar(10),
    first_paragraph integer,
    last_paragraph  integer,
    title           varchar(200) not null,
    text            text         not null,
    author          varchar(100) not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    row_version     bigint       not null default 0
);
create index memo_target_idx on memo (target, code_id, transcript_id);

create table construct_rating (
    id            uuid         primary key,
    site          varchar(10)  not null,
    code_id       uuid         not null references code (id),
    phase         varchar(60)  not null default '',
    rating        varchar(7)   not null,
    justification text,
    rated_by      varchar(100) not null,
    rated_at      timestamptz  not null,
    row_version   bigint       not null default 0,
    unique (site, code_id, phase)
);

-- A site lead's member check of one coding, or of a code's use at their site.
create table site_validation (
    id           uuid         primary key,
    site         varchar(10)  not null,
    coding_id    uuid         references coding (id) on delete cascade,
    code_id      uuid         references code (id) on delete cascade,
    status       varchar(10)  not null,
    comment      text,
    validated_by varchar(100) not null,
    validated_at timestamptz  not null,
    row_version  bigint       not null default 0
);
create unique index site_validation_coding_idx on site_validation (coding_id) where coding_id is not null;
create unique index site_validation_code_idx on site_validation (site, code_id) where coding_id is null;
