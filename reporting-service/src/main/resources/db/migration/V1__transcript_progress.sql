-- Consumed-message log: an event id is recorded in the same transaction as its effect.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);

-- Read model: one row per released transcript; progress counts are grouped from it.
create table released_transcript (
    transcript_id varchar(64) primary key,
    site          varchar(10) not null,
    version       integer     not null,
    released_at   timestamptz not null
);
create index released_transcript_site_idx on released_transcript (site);
