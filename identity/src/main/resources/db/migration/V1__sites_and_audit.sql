-- The consortium's sites as the identity service registers them; Keycloak holds the matching groups.
create table site (
    code               varchar(10)  primary key,
    name               varchar(200) not null,
    country            varchar(2)   not null,
    income_history     text         not null,
    languages          text         not null,
    prior_peer_support boolean      not null,
    version            integer      not null,
    updated_at         timestamptz  not null
);

-- Every access change, append-only: nothing updates or deletes these rows.
create table access_change (
    id         bigserial    primary key,
    at         timestamptz  not null,
    actor      varchar(100) not null,
    action     varchar(40)  not null,
    site       varchar(10),
    target     varchar(200) not null,
    detail     text         not null
);
create index access_change_site_idx on access_change (site, id);
create rule access_change_append_only_update as on update to access_change do instead nothing;
create rule access_change_append_only_delete as on delete to access_change do instead nothing;
