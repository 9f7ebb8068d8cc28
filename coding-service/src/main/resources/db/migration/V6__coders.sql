-- Who may code which site, as identity announces it (person-roles-changed): rounds assign only such coders.
create table coder (
    username         varchar(100) primary key,
    consortium_roles text         not null,
    site_roles       text         not null,
    version          integer      not null
);
