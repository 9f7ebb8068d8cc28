-- Whether a released transcript is coded, and double-coded, kept with its cell so the progress report
-- reads 10,000 transcript rows rather than a million codings.
alter table transcript_fact add column coded boolean not null default false;
alter table transcript_fact add column double_coded boolean not null default false;
