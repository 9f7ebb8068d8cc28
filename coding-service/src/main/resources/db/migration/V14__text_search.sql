-- Full-text search. English: every released paragraph, stemmed for English, for everyone who may read the transcript.
alter table transcript_paragraph add column english_search tsvector
    generated always as (to_tsvector('english'::regconfig, coalesce(english, ''))) stored;
create index transcript_paragraph_english_search_idx on transcript_paragraph using gin (english_search);

-- Originals, searchable only by members of the transcript's site (each search audited below). They are never listed
-- or served from here: a hit shows the matching paragraph's snippet to a member of its site only.
create table paragraph_original (
    transcript_id varchar(64) not null references released_transcript (id) on delete cascade,
    n             integer     not null,
    text          text        not null,
    search_config regconfig   not null,
    search        tsvector    generated always as (to_tsvector(search_config, text)) stored,
    primary key (transcript_id, n)
);
create index paragraph_original_search_idx on paragraph_original using gin (search);

create table original_search_audit (
    id          uuid         primary key,
    searched_at timestamptz  not null,
    subject     varchar(100),
    username    varchar(200) not null,
    sites       varchar(200) not null,
    query       text         not null,
    hits        integer      not null,
    transcripts text         not null
);
create index original_search_audit_at_idx on original_search_audit (searched_at desc, id);
-- append-only, like the audits of original reads in transcript-service and reporting-service
create rule original_search_audit_append_only_update as on update to original_search_audit do instead nothing;
create rule original_search_audit_append_only_delete as on delete to original_search_audit do instead nothing;
