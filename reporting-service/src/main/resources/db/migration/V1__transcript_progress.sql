-- Read model: one row per released transcript; progress counts are grouped from it.
create table released_transcript (
    transcript_id varchar(64) primary key,
    site          varchar(10) not null,
    version       integer     not null,
    released_at   timestamptz not null
);
create index released_transcript_site_idx on released_transcript (site);
