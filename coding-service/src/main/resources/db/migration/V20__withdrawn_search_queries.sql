-- Issue 30: the audit of searches in originals stays append-only, except that the query of a search that found a withdrawn
-- transcript is replaced by '[withdrawn]' (it may quote the withdrawn words); nothing else of an audit row ever changes.
drop rule original_search_audit_append_only_update on original_search_audit;
create function original_search_audit_only_redacts() returns trigger as $$
begin
    if new.query <> '[withdrawn]' or new.id <> old.id or new.searched_at <> old.searched_at
            or new.subject is distinct from old.subject or new.username <> old.username or new.sites <> old.sites
            or new.hits <> old.hits or new.transcripts <> old.transcripts then
        raise exception 'original_search_audit is append-only: only a query may be redacted';
    end if;
    return new;
end;
$$ language plpgsql;
create trigger original_search_audit_redaction_only before update on original_search_audit
    for each row execute function original_search_audit_only_redacts();
