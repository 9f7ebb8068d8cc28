-- A coder's facilitators or barriers, in the listing's order: an index range instead of reading every coding of the
-- coder until enough of one valence turn up.
create index coding_coder_valence_idx on coding (coder, valence, created_at, id);
