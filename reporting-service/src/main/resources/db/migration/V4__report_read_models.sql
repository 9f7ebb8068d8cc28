-- Read models of the paper's tables. Every table here except implementation_measure is derived from
-- events and is emptied and refilled by a rebuild. Unknown dimensions are stored as '' (not null) so
-- they can be part of primary keys.
create table site (
    code               varchar(10)  primary key,
    name               varchar(200) not null,
    country            varchar(2),
    prior_peer_support boolean
);

-- Income band history: a band holds from valid_from until the next row of the same site.
create table site_income (
    site       varchar(10) not null references site (code) on delete cascade,
    valid_from date        not null,
    band       varchar(5)  not null,
    primary key (site, valid_from)
);

create table session_fact (
    site              varchar(10)  not null,
    external_id       varchar(200) not null,
    study             varchar(60)  not null,
    phase             varchar(60)  not null,
    kind              varchar(20),
    session_date      date         not null,
    duration_minutes  integer,
    participant_group varchar(60),
    participants      text         not null,
    version           integer      not null,
    primary key (site, external_id)
);

create table participant_fact (
    site                  varchar(10)  not null,
    participant           varchar(20)  not null,
    gender                varchar(12),
    age                   integer,
    role                  varchar(60),
    background            varchar(200),
    previous_peer_support boolean,
    version               integer      not null,
    primary key (site, participant)
);

create table transcript_fact (
    transcript_id varchar(64)  primary key,
    site          varchar(10)  not null,
    session       varchar(200),
    language      varchar(35),
    version       integer      not null,
    released_at   timestamptz  not null,
    -- the cell its codings are counted in, as of the last refresh
    cell_study    varchar(60)  not null default '',
    cell_phase    varchar(60)  not null default '',
    cell_band     varchar(5)   not null default '',
    cell_role     varchar(60)  not null default ''
);

create table paragraph_fact (
    transcript_id varchar(64) not null references transcript_fact (transcript_id) on delete cascade,
    n             integer     not null,
    label         varchar(40) not null,
    speaker       varchar(40) not null,
    text          text        not null,
    english       text        not null,
    primary key (transcript_id, n)
);

create table code_fact (
    code_id          varchar(64)  primary key,
    codebook_id      varchar(64)  not null,
    codebook_name    varchar(200),
    codebook_version integer      not null,
    parent_id        varchar(64),
    name             varchar(200) not null,
    framework_ref    varchar(60),
    codable          boolean      not null
);
create index code_fact_codebook_idx on code_fact (codebook_id);

-- Which codes each published version of a codebook had (the codebook version filter).
create table code_in_version (
    codebook_id varchar(64) not null,
    version     integer     not null,
    code_id     varchar(64) not null,
    primary key (codebook_id, version, code_id)
);

-- What one transcript contributes per code (its own codings and, rolled up, its descendants').
create table transcript_code (
    transcript_id varchar(64) not null,
    code_id       varchar(64) not null,
    passages      integer     not null,
    facilitators  integer     not null,
    barriers      integer     not null,
    mixed         integer     not null,
    neutral       integer     not null,
    primary key (transcript_id, code_id)
);

-- The same, summed per cell: what the reports read.
create table code_cell (
    code_id      varchar(64) not null,
    site         varchar(10) not null,
    study        varchar(60) not null,
    phase        varchar(60) not null,
    band         varchar(5)  not null,
    role         varchar(60) not null,
    documents    integer     not null,
    passages     integer     not null,
    facilitators integer     not null,
    barriers     integer     not null,
    mixed        integer     not null,
    neutral      integer     not null,
    primary key (code_id, site, study, phase, band, role)
);

create table transcript_pair (
    transcript_id varchar(64) not null,
    code_a        varchar(64) not null,
    code_b        varchar(64) not null,
    passages      integer     not null,
    primary key (transcript_id, code_a, code_b)
);

create table pair_cell (
    code_a    varchar(64) not null,
    code_b    varchar(64) not null,
    site      varchar(10) not null,
    study     varchar(60) not null,
    phase     varchar(60) not null,
    band      varchar(5)  not null,
    role      varchar(60) not null,
    documents integer     not null,
    passages  integer     not null,
    primary key (code_a, code_b, site, study, phase, band, role)
);

create table construct_rating_fact (
    site     varchar(10) not null,
    code_id  varchar(64) not null,
    phase    varchar(60) not null,
    rating   varchar(7)  not null,
    rated_by varchar(100) not null,
    rated_at timestamptz not null,
    primary key (site, code_id, phase)
);

-- Submitted by site leads through this service; not derived from events, so a rebuild keeps it.
create table implementation_measure (
    site         varchar(10)  not null,
    phase        varchar(60)  not null,
    items        varchar(40)  not null,
    submitted_by varchar(100) not null,
    submitted_at timestamptz  not null,
    primary key (site, phase)
);
