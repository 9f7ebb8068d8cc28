-- a coder marks a transcript of a round done; null while they are still coding it
alter table round_assignment add column done_at timestamp with time zone;
