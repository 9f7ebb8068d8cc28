-- An import's codings belong to the coder the importing person names (themselves by default); codes the tool added
-- come in as inductive codes, counted on the job; each imported coding remembers the job that brought it.
alter table refi_import add column coder varchar(100);
update refi_import set coder = imported_by;
alter table refi_import alter column coder set not null;
alter table refi_import add column codes_added integer not null default 0;
drop index refi_import_once;
create unique index refi_import_once on refi_import (sha256, imported_by, coder,
    coalesce(round_id, '00000000-0000-0000-0000-000000000000'));

alter table refi_imported_coding add column import_id uuid references refi_import (id);
