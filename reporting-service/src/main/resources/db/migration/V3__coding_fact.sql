-- Every live coding as reporting knows it (from io.chorus.coding.* events): coder codings and the
-- consensus set of each transcript. Reports count consensus codings by default.
create table coding_fact (
    coding_id       varchar(64)  primary key,
    transcript_id   varchar(64)  not null,
    site            varchar(10)  not null,
    code_id         varchar(64)  not null,
    coder           varchar(100) not null,
    round_id        varchar(64),
    consensus       boolean      not null,
    first_paragraph integer      not null,
    last_paragraph  integer      not null,
    valence         varchar(12),
    revision        bigint       not null
);
create index coding_fact_transcript_idx on coding_fact (transcript_id);
create index coding_fact_code_idx on coding_fact (code_id, site);
