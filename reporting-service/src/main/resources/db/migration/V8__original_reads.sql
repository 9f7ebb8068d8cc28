-- Every read of a non-English original through a report (quotes), append-only like transcript-service's audit.
create table original_read (
    id            bigserial    primary key,
    at            timestamptz  not null,
    subject       varchar(100),
    username      varchar(100) not null,
    site          varchar(10)  not null,
    transcript_id varchar(64)  not null,
    language      varchar(35)
);
create index original_read_site_idx on original_read (site, id);
create rule original_read_append_only_update as on update to original_read do instead nothing;
create rule original_read_append_only_delete as on delete to original_read do instead nothing;
