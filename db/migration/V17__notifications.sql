-- Notifications (issue 16): each person's choice per kind of notice, notices that go in the
-- digest, notices made once (a worksheet due), and who follows or muted a thread.

-- notification (owned by the notification feature): whether the notice goes in the recipient's
-- next digest (chosen when it was made), and a key that makes a notice once per person (a
-- scheduled notice made by a second node or a second run is not made again)
alter table notification
    add column in_digest boolean not null default false,
    add column once_key  text check (length(once_key) <= 200);
create unique index notification_once_idx on notification (member_id, once_key) where once_key is not null;
create index notification_digest_idx on notification (member_id, created_at) where in_digest;
create index notification_created_idx on notification (created_at);

-- notification_preference (owned by the notification feature): per person and kind, how they hear
-- of it. No row: the kind's default.
create table notification_preference (
    member_id  bigint      not null references member on delete cascade,
    kind       text        not null check (length(kind) <= 50),
    delivery   text        not null check (delivery in ('APP', 'EMAIL', 'DIGEST', 'OFF')),
    updated_at timestamptz not null default now(),
    primary key (member_id, kind)
);

-- thread_follow (owned by the conversation feature): a person follows a thread (posting in it
-- follows it, unless they muted it) or muted it (no reply notices from it)
create table thread_follow (
    thread_id  bigint      not null references thread on delete cascade,
    member_id  bigint      not null references member on delete cascade,
    muted      boolean     not null default false,
    updated_at timestamptz not null default now(),
    primary key (thread_id, member_id)
);
create index thread_follow_member_idx on thread_follow (member_id);
