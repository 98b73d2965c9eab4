-- Each submit of a reply carries a key its editor made (when it opened, and again after each
-- post). Sending the same submit twice (a double click, or a retry after the connection broke
-- and nobody knew whether the first one was saved) finds the post already made instead of
-- adding a second one. Posts made without a key (the demo, imports) have none; nulls never clash.
alter table post add column idempotency_key uuid;
alter table post add constraint post_author_idempotency_key_unique unique (author_id, idempotency_key);
