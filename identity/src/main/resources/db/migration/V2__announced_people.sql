-- The roles last announced for each person (person-roles-changed events), so a change is announced once.
create table announced_person (
    username   varchar(100) primary key,
    roles      text         not null,
    version    integer      not null,
    updated_at timestamptz  not null
);
