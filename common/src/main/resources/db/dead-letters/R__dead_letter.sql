-- Events a consumer can never apply (io.chorus.common.event.DeadLetters): kept with their reason until replayed
create table if not exists dead_letter (
    consumer       varchar(200)  not null,
    event_id       varchar(200)  not null,
    type           varchar(300)  not null,
    aggregate_type varchar(100),
    aggregate_id   varchar(300),
    occurred_at    timestamptz,
    payload        text          not null,
    reason         text          not null,
    dead_at        timestamptz   not null default now(),
    replayed_at    timestamptz,
    primary key (consumer, event_id)
);
create index if not exists dead_letter_waiting on dead_letter (dead_at) where replayed_at is null;
