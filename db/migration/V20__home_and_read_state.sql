-- Home: when a person last looked at a cohort's home, so it can say what is new since their last
-- visit. As in Discourse, a visit is a run of views with no gap of an hour or more: last_seen_at is
-- the latest view, previous_visit_at the last view of the visit before (moved on when a view comes
-- after such a gap), so reloading home keeps the same "new since" instead of emptying it. Owned by
-- the cohort feature.
create table home_visit (
    member_id         bigint      not null references member on delete cascade,
    cohort_id         bigint      not null references cohort on delete cascade,
    last_seen_at      timestamptz not null,
    previous_visit_at timestamptz,
    primary key (member_id, cohort_id)
);
create index home_visit_cohort_idx on home_visit (cohort_id);

-- How far each person has read each thread: the newest post they were shown when they last opened
-- it. A thread has unread posts for them when a post they may read, by someone else, is newer.
-- Owned by the conversation feature.
create table thread_read (
    member_id         bigint      not null references member on delete cascade,
    thread_id         bigint      not null references thread on delete cascade,
    last_read_post_id bigint      not null,
    read_at           timestamptz not null,
    primary key (member_id, thread_id)
);
create index thread_read_thread_idx on thread_read (thread_id);
