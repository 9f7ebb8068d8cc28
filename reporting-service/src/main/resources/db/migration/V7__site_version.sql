-- Sites follow io.chorus.identity.site-registered/updated.v1 once the identity service announces them;
-- the seeded reference rows have version 0, so any announced version replaces them.
alter table site add column version integer not null default 0;
