-- Each double-coded transcript's agreement when its round closed (io.chorus.coding.agreement-measured.v1).
create table agreement_fact (
    transcript_id varchar(64)      not null,
    round_id      varchar(64)      not null,
    site          varchar(10)      not null,
    percent       double precision,
    kappa         double precision,
    alpha         double precision,
    measured_at   timestamptz      not null,
    primary key (transcript_id, round_id)
);
