-- The codebook each study phase is coded with (io.chorus.coding.phase-codebook-assigned.v1): code reports of a phase
-- are scoped to it unless a codebook is asked for.
create table phase_codebook (
    study       varchar(100) not null,
    phase       varchar(100) not null,
    codebook_id varchar(64)  not null,
    primary key (study, phase)
);
