-- Released transcripts as coding-service knows them (from io.chorus.transcript.released.v1).
create table released_transcript (
    id          varchar(64)  primary key,
    site        varchar(10)  not null,
    external_id varchar(200) not null,
    language    varchar(35)  not null,
    version     integer      not null,
    released_at timestamptz  not null
);
create index released_transcript_site_idx on released_transcript (site, released_at, id);

create table transcript_paragraph (
    transcript_id varchar(64) not null references released_transcript (id) on delete cascade,
    n             integer     not null,
    label         varchar(40) not null,
    speaker       varchar(40) not null,
    text          text        not null,
    primary key (transcript_id, n)
);
