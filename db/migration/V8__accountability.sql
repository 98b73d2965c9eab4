-- Accountability: members' commitments to change something in their organisations, their
-- check-ins, and what keeps getting in the way (obstacles named on check-ins and posts, from a
-- list the facilitators keep). Digests and calendar feeds bring people back between sessions.
create table obstacle (
    id         bigint generated always as identity primary key,
    cohort_id  bigint      not null references cohort on delete cascade,
    label      text        not null check (length(btrim(label)) between 1 and 80),
    position   integer     not null,
    archived   boolean     not null default false,
    created_at timestamptz not null default now()
);
create unique index obstacle_label_key on obstacle (cohort_id, lower(label));

create table commitment (
    id             bigint generated always as identity primary key,
    cohort_id      bigint      not null references cohort on delete cascade,
    member_id      bigint      not null references member on delete cascade,
    what           text        not null check (length(btrim(what)) between 1 and 2000),
    due_on         date        not null,
    done_when      text        check (length(done_when) <= 1000),
    involved       text        check (length(involved) <= 500),
    session_id     bigint      references session on delete set null,
    analysis_id    bigint      references analysis on delete set null,
    response_id    bigint      references worksheet_response on delete set null,
    thread_id      bigint      references thread on delete set null,
    visibility     text        not null default 'PRIVATE' check (visibility in ('PRIVATE', 'FACILITATORS', 'COHORT')),
    rhythm         text        not null default 'BIWEEKLY' check (rhythm in ('BEFORE_SESSION', 'BIWEEKLY', 'MONTHLY')),
    status         text        not null default 'NOT_STARTED' check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE',
                                   'CHANGED_COURSE', 'STUCK')),
    next_check_in  date,
    -- peers' comments live in a thread of the cohort, opened at the first comment
    discussion_id  bigint      references thread on delete set null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index commitment_cohort_idx on commitment (cohort_id, status);
create index commitment_member_idx on commitment (member_id, due_on);

create table check_in (
    id            bigint generated always as identity primary key,
    commitment_id bigint      not null references commitment on delete cascade,
    status        text        not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CHANGED_COURSE', 'STUCK')),
    note          text        check (length(note) <= 2000),
    in_the_way    text        check (length(in_the_way) <= 2000),
    created_at    timestamptz not null default now()
);
create index check_in_commitment_idx on check_in (commitment_id, created_at);

create table check_in_obstacle (
    check_in_id bigint not null references check_in on delete cascade,
    obstacle_id bigint not null references obstacle on delete cascade,
    primary key (check_in_id, obstacle_id)
);

-- a post's author names what got in the way
create table post_obstacle (
    post_id     bigint      not null references post on delete cascade,
    obstacle_id bigint      not null references obstacle on delete cascade,
    note        text        check (length(note) <= 500),
    created_at  timestamptz not null default now(),
    primary key (post_id, obstacle_id)
);

create table commitment_help (
    commitment_id bigint      not null references commitment on delete cascade,
    member_id     bigint      not null references member on delete cascade,
    created_at    timestamptz not null default now(),
    primary key (commitment_id, member_id)
);

-- digests: how often each person wants one, and which periods were already sent (never twice)
alter table member add column digest text not null default 'WEEKLY' check (digest in ('DAILY', 'WEEKLY', 'OFF'));
create table digest_sent (
    member_id  bigint      not null references member on delete cascade,
    period     text        not null,
    sent_at    timestamptz not null default now(),
    primary key (member_id, period)
);

-- a private calendar feed per person: only the hash of its token; revoking ends it
create table calendar_feed (
    id         bigint generated always as identity primary key,
    member_id  bigint      not null references member on delete cascade,
    token_hash text        not null unique,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);
create index calendar_feed_member_idx on calendar_feed (member_id);

-- a secret of this installation, for signing links such as one-click unsubscribe
create table app_secret (
    name  text primary key,
    value text not null
);
