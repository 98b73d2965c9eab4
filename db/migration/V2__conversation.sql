-- Sessions, prompts and brave-conversation threads, with the safeguards they need:
-- versioned community agreements, facilitators-only replies, hidden posts, revisions,
-- reactions, reports, notifications and drafts.

create table agreement (
    id            bigint generated always as identity primary key,
    cohort_id     bigint      not null references cohort on delete cascade,
    version       integer     not null check (version >= 1),
    body_markdown text        not null check (length(body_markdown) between 1 and 20000),
    body_html     text        not null,
    created_by    bigint      references member on delete set null,
    created_at    timestamptz not null default now(),
    unique (cohort_id, version)
);

create table agreement_ack (
    agreement_id    bigint      not null references agreement on delete cascade,
    member_id       bigint      not null references member on delete cascade,
    acknowledged_at timestamptz not null default now(),
    primary key (agreement_id, member_id)
);

create table session (
    id                   bigint generated always as identity primary key,
    cohort_id            bigint      not null references cohort on delete cascade,
    title                text        not null check (length(btrim(title)) between 1 and 200),
    theme                text        check (length(theme) <= 200),
    starts_at            timestamptz not null,
    ends_at              timestamptz not null,
    description_markdown text        not null default '' check (length(description_markdown) <= 20000),
    description_html     text        not null default '',
    created_by           bigint      references member on delete set null,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    check (ends_at > starts_at)
);
create index session_cohort_starts_idx on session (cohort_id, starts_at);

create table session_attendance (
    session_id bigint      not null references session on delete cascade,
    member_id  bigint      not null references member on delete cascade,
    will_join  boolean,
    attended   boolean,
    updated_at timestamptz not null default now(),
    primary key (session_id, member_id)
);

create table prompt (
    id         bigint generated always as identity primary key,
    session_id bigint      not null references session on delete cascade,
    author_id  bigint      references member on delete set null,
    question   text        not null check (length(btrim(question)) between 1 and 2000),
    position   integer     not null,
    opens_at   timestamptz,
    closes_at  timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (closes_at is null or opens_at is null or closes_at > opens_at)
);
create index prompt_session_idx on prompt (session_id, position);

create table thread (
    id                bigint generated always as identity primary key,
    cohort_id         bigint      not null references cohort on delete cascade,
    session_id        bigint      references session on delete cascade,
    prompt_id         bigint      unique references prompt on delete cascade,
    title             text        not null check (length(btrim(title)) between 1 and 200),
    content_note      text        check (length(content_note) <= 500),
    locked            boolean     not null default false,
    pinned            boolean     not null default false,
    slow_mode_minutes integer     check (slow_mode_minutes between 1 and 1440),
    names_hideable    boolean     not null default false,
    created_by        bigint      references member on delete set null,
    created_at        timestamptz not null default now(),
    last_post_at      timestamptz
);
create index thread_cohort_idx on thread (cohort_id, pinned desc, last_post_at desc nulls last);

create table post (
    id                bigint generated always as identity primary key,
    thread_id         bigint      not null references thread on delete cascade,
    parent_id         bigint      references post on delete cascade,
    depth             integer     not null default 0 check (depth >= 0),
    author_id         bigint      not null references member,
    body_markdown     text        not null check (length(body_markdown) <= 20000),
    body_html         text        not null,
    facilitators_only boolean     not null default false,
    name_hidden       boolean     not null default false,
    hidden_by         bigint      references member,
    hidden_reason     text        check (length(hidden_reason) <= 500),
    hidden_at         timestamptz,
    deleted_at        timestamptz,
    created_at        timestamptz not null default now(),
    edited_at         timestamptz
);
create index post_thread_idx on post (thread_id, created_at, id);
create index post_parent_idx on post (parent_id);
create index post_author_recent_idx on post (author_id, created_at desc);

create table post_revision (
    id            bigint generated always as identity primary key,
    post_id       bigint      not null references post on delete cascade,
    body_markdown text        not null,
    replaced_at   timestamptz not null default now()
);
create index post_revision_post_idx on post_revision (post_id, id);

create table reaction (
    post_id    bigint      not null references post on delete cascade,
    member_id  bigint      not null references member on delete cascade,
    kind       text        not null check (kind in ('THANK_YOU', 'I_HEAR_YOU', 'RESONATES', 'PLUS_ONE')),
    created_at timestamptz not null default now(),
    primary key (post_id, member_id, kind)
);

create table post_report (
    id          bigint generated always as identity primary key,
    post_id     bigint      not null references post on delete cascade,
    reporter_id bigint      not null references member on delete cascade,
    reason      text        not null check (length(btrim(reason)) between 1 and 2000),
    to_admins   boolean     not null default false,
    created_at  timestamptz not null default now(),
    resolved_at timestamptz,
    resolved_by bigint      references member
);

create table post_draft (
    member_id  bigint      not null references member on delete cascade,
    thread_id  bigint      not null references thread on delete cascade,
    parent_key bigint      not null default 0,
    body       text        not null check (length(body) <= 20000),
    updated_at timestamptz not null default now(),
    primary key (member_id, thread_id, parent_key)
);

create table notification (
    id         bigint generated always as identity primary key,
    member_id  bigint      not null references member on delete cascade,
    kind       text        not null,
    actor_id   bigint      references member on delete set null,
    thread_id  bigint      references thread on delete cascade,
    post_id    bigint      references post on delete cascade,
    created_at timestamptz not null default now(),
    read_at    timestamptz
);
create index notification_member_idx on notification (member_id, read_at, created_at desc);
