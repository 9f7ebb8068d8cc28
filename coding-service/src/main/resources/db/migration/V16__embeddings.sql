-- Sentence embeddings (all-MiniLM-L6-v2, quantised, 384 dimensions) of released English paragraphs and of codes, computed
-- in coding-service. Stored as 384 little-endian float32 (1,536 bytes): there is no pgvector in the embedded PostgreSQL,
-- so similarity is an exact cosine computed in Java over the candidates SQL has already narrowed (see README).
-- text_hash (md5 of the text embedded) tells a stale vector after a revision or a codebook change.
create table paragraph_embedding (
    transcript_id varchar(64)  not null,
    n             integer      not null,
    model         varchar(100) not null,
    text_hash     varchar(32)  not null,
    vector        bytea        not null,
    primary key (transcript_id, n),
    foreign key (transcript_id, n) references transcript_paragraph (transcript_id, n) on delete cascade
);

create table code_embedding (
    code_id   uuid         not null references code (id) on delete cascade,
    kind      varchar(20)  not null,
    model     varchar(100) not null,
    text_hash varchar(32)  not null,
    vector    bytea        not null,
    primary key (code_id, kind)
);
