-- People manage their own profile: a short bio in their own words, and a change of email address
-- that takes effect only when a link mailed to the new address is used.
alter table member add column bio text check (length(bio) <= 500);

-- A request to change an account's email address. Only the SHA-256 of the link's token is kept,
-- so the database never holds a working link. A request ends used (the address changed), cancelled
-- (by the person, or by a newer request) or expired; one account has at most one open request.
create table email_change (
    id           bigint generated always as identity primary key,
    member_id    bigint      not null references member on delete cascade,
    new_email    text        not null check (length(new_email) between 3 and 254),
    token_hash   text        not null check (length(token_hash) = 64),
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    used_at      timestamptz,
    cancelled_at timestamptz,
    check (used_at is null or cancelled_at is null)
);
create unique index email_change_token_key on email_change (token_hash);
create unique index email_change_open_key on email_change (member_id) where used_at is null and cancelled_at is null;
