-- Transactional outbox of a PostgreSQL service (io.chorus.common.event.PostgresOutbox): events are
-- inserted in the transaction of the state change and published by the relay afterwards.
create table outbox_event (
    id             varchar(64)  primary key,
    aggregate_type varchar(100) not null,
    aggregate_id   varchar(100) not null,
    type           varchar(200) not null,
    occurred_at    timestamptz  not null,
    payload        text         not null,
    position       bigserial    not null,
    published_at   timestamptz
);
create index outbox_event_pending_idx on outbox_event (position) where published_at is null;
