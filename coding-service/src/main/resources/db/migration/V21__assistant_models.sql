-- The assistant's learned model of each codebook (see CodeClassifier): trained in the background from the team's coding.
-- fingerprint names the training data it was built from (codings, their paragraphs' vectors, the codes' vectors), so a
-- trainer knows when it is stale; model holds the weights (float32), evaluation its cross-validation as JSON. No text and
-- no paragraph vector is kept here: a withdrawal changes the codings, hence the fingerprint, and the model is rebuilt.
create table assistant_model (
    codebook_id    uuid         not null primary key references codebook (id) on delete cascade,
    fingerprint    varchar(100) not null,
    trained_at     timestamptz  not null,
    training_ms    bigint       not null,
    model          bytea        not null,
    evaluation     text         not null
);

-- The transcripts a model learned from: a withdrawal deletes every model that learned from the transcript at once.
create table assistant_model_transcript (
    codebook_id   uuid        not null references assistant_model (codebook_id) on delete cascade,
    transcript_id varchar(64) not null,
    primary key (codebook_id, transcript_id)
);
create index assistant_model_transcript_idx on assistant_model_transcript (transcript_id);
