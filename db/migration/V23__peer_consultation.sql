-- Peer consultations (a case clinic): a member brings a dilemma in a few lines, the facilitators
-- run it in a session or over a few days, through timed stages in a thread of the conversation
-- feature (clarifying questions, reflections while the presenter only reads, the presenter's
-- response and next step), then it is closed. Every move between stages is recorded.

create table consultation (
    id                  bigint generated always as identity primary key,
    cohort_id           bigint      not null references cohort on delete cascade,
    presenter_id        bigint      references member on delete set null,
    thread_id           bigint      not null unique references thread on delete cascade,
    title               text        not null check (length(btrim(title)) between 1 and 120),
    situation           text        not null check (length(btrim(situation)) between 1 and 2000),
    tried               text        not null check (length(btrim(tried)) between 1 and 2000),
    question            text        not null check (length(btrim(question)) between 1 and 500),
    -- WAITING: brought, the facilitators decide; SCHEDULED: decided, not started
    stage               text        not null default 'WAITING' check (stage in ('WAITING', 'SCHEDULED', 'QUESTIONS',
                                        'REFLECTIONS', 'RESPONSE', 'CLOSED')),
    -- IN_SESSION (with session_id) or ASYNC, once scheduled
    mode                text        check (mode in ('IN_SESSION', 'ASYNC')),
    session_id          bigint      references session on delete set null,
    questions_minutes   integer     not null default 2880 check (questions_minutes between 1 and 20160),
    reflections_minutes integer     not null default 4320 check (reflections_minutes between 1 and 20160),
    response_minutes    integer     not null default 2880 check (response_minutes between 1 and 20160),
    stage_started_at    timestamptz,
    stage_ends_at       timestamptz,
    -- when the facilitators were told that the current stage's time is up (once per stage)
    time_up_told_at     timestamptz,
    next_step           text        check (length(next_step) <= 1000),
    commitment_id       bigint      references commitment on delete set null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index consultation_cohort_idx on consultation (cohort_id, created_at desc);
create index consultation_session_idx on consultation (session_id) where session_id is not null;
create index consultation_due_idx on consultation (stage_ends_at)
    where stage in ('QUESTIONS', 'REFLECTIONS', 'RESPONSE') and time_up_told_at is null;

create table consultation_move (
    id              bigint generated always as identity primary key,
    consultation_id bigint      not null references consultation on delete cascade,
    from_stage      text        not null,
    to_stage        text        not null,
    moved_by        bigint      references member on delete set null,
    moved_at        timestamptz not null
);
create index consultation_move_idx on consultation_move (consultation_id, id);
