-- Consumed-message log of every PostgreSQL service (io.chorus.common.event.ProcessedEvents):
-- an event id is recorded in the same transaction as its effect, so a redelivery is recognised.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
