-- Wake every app node's indexer when outbox rows commit (NOTIFY is delivered on commit only,
-- so a rolled-back write wakes nobody). One notification per statement is enough: the indexer
-- reads everything past its checkpoint.
create function notify_search_outbox() returns trigger language plpgsql as $$
begin
    perform pg_notify('search_outbox', '');
    return null;
end;
$$;

create trigger search_outbox_notify
    after insert on search_outbox
    for each statement execute function notify_search_outbox();
