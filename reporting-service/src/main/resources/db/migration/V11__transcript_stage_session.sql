-- the session a transcript records, from its status-changed events, so that progress is counted per study too
alter table transcript_stage add column session varchar(200);
