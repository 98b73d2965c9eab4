-- Where a session happens: an online meeting link (http or https only: the page renders it as a
-- link, so a javascript: or data: address must never get in) and/or a place (address, room, how to
-- get in). All optional. A cancelled session stays (its prompts and conversations are the cohort's)
-- but is marked, goes to calendars as STATUS:CANCELLED and gets no reminders.
alter table session
    add column meeting_url  text check (length(meeting_url) <= 2000 and meeting_url ~* '^https?://[^[:space:]]+$'),
    add column place        text check (length(place) <= 300),
    add column room         text check (length(room) <= 100),
    add column access_notes text check (length(access_notes) <= 1000),
    add column cancelled_at timestamptz;

-- the reminder job looks for sessions starting within the next day
create index session_starts_idx on session (starts_at) where cancelled_at is null;

-- Each person's choice to get session reminders by email too (in-app reminders always come).
-- No row: not by email.
create table session_reminder_choice (
    member_id  bigint      primary key references member on delete cascade,
    by_email   boolean     not null,
    updated_at timestamptz not null default now()
);

-- One row per reminder sent: inserted in the transaction that queues the notification and the
-- mail, so a second node, a second run or a restart finds it and sends nothing. Keyed by the start
-- it reminded of: a session moved to another time is reminded of again, once, for its new time.
create table session_reminder_sent (
    session_id bigint      not null references session on delete cascade,
    member_id  bigint      not null references member on delete cascade,
    starts_at  timestamptz not null,
    sent_at    timestamptz not null,
    by_email   boolean     not null,
    primary key (session_id, member_id, starts_at)
);
create index session_reminder_sent_member_idx on session_reminder_sent (member_id);
