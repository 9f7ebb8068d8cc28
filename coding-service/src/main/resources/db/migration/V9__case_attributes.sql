-- What a REFI-QDA export puts on its cases: the session's kind, date and language, and each pseudonymous
-- participant's questionnaire, kept from transcript-service's events (a withdrawn participant's row is deleted).
alter table coding_session add column kind varchar(40);
alter table coding_session add column session_date date;
alter table coding_session add column language varchar(35);

create table coding_participant (
    site                    varchar(10)  not null,
    number                  varchar(40)  not null,
    gender                  varchar(20),
    age                     integer,
    role                    varchar(200),
    professional_background varchar(200),
    years_of_experience     integer,
    previous_peer_support   boolean,
    version                 integer      not null,
    primary key (site, number)
);
