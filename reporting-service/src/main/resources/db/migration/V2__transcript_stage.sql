-- Read model: where each transcript stands in its workflow (from io.chorus.transcript.status-changed.v1).
create table transcript_stage (
    transcript_id varchar(64) primary key,
    site          varchar(10) not null,
    stage         integer     not null,
    version       integer     not null
);
create index transcript_stage_site_idx on transcript_stage (site, stage);
