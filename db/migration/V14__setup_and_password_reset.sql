-- First start and forgotten passwords: single-use links whose tokens are kept only as SHA-256.

-- a link to create the first admin, printed in the log at a start that finds no account; every
-- such row is deleted once the first admin exists
create table setup_token (
    id         bigint generated always as identity primary key,
    token_hash text        not null unique,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

-- a link, mailed on request, to choose a new password
create table password_reset (
    id         bigint generated always as identity primary key,
    member_id  bigint      not null references member on delete cascade,
    token_hash text        not null unique,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index password_reset_member_idx on password_reset (member_id);
create index password_reset_expires_idx on password_reset (expires_at);

-- when the account's sessions were last ended (a password reset by link): a session signed in
-- before that moment ends at its next request, on every app node
alter table member add column sessions_ended_at timestamptz;
