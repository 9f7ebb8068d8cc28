-- Answers given to Idempotency-Key headers (io.chorus.common.http.IdempotencyKeys); status 0 = request still running
create table if not exists idempotency_key (
    key          varchar(600) primary key,
    fingerprint  varchar(64)  not null,
    status       integer      not null,
    body         text,
    content_type varchar(200),
    location     varchar(4000),
    etag         varchar(200),
    created_at   timestamptz  not null default now()
);
-- the audited reads an answer carries, audited again when it is replayed (io.chorus.common.http.ReadsInAnswer)
alter table idempotency_key add column if not exists reads text;
-- the process that holds a running claim, and each process's heartbeat: a claim of a process that stopped beating (an
-- instance that died mid-request) is taken over at once instead of after 30 s (io.chorus.common.http.IdempotencyHeartbeat)
alter table idempotency_key add column if not exists runner varchar(100);
create table if not exists service_process (
    id           varchar(100) primary key,
    heartbeat_at timestamptz  not null
);
-- set inside the transaction that makes the request's change: a claim whose change was committed but whose answer a crash
-- lost is never taken over, so a blind retry cannot make the change twice (io.chorus.common.http.IdempotencyInTransaction)
alter table idempotency_key add column if not exists applied boolean not null default false;
