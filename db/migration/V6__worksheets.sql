-- Guided reflection worksheets. A template belongs to a cohort (or, with cohort_id null, is one
-- of the starter templates every facilitator may copy); its title, purpose, steps and questions
-- live in immutable versions, so a response always reads against the questions it was started on.
create table worksheet_template (
    id          bigint generated always as identity primary key,
    cohort_id   bigint      references cohort on delete cascade,
    starter_key text        unique,
    created_by  bigint      references member on delete set null,
    created_at  timestamptz not null default now(),
    archived    boolean     not null default false,
    check (cohort_id is not null or starter_key is not null)
);
create index worksheet_template_cohort_idx on worksheet_template (cohort_id);

create table worksheet_template_version (
    id          bigint generated always as identity primary key,
    template_id bigint      not null references worksheet_template on delete cascade,
    number      integer     not null check (number >= 1),
    title       text        not null check (length(btrim(title)) between 1 and 200),
    -- {"purpose": "...", "steps": [{"title", "intro", "questions": [{"key", "kind", "prompt", "help",
    --   "required", "options", "lowLabel", "highLabel"}]}]}
    definition  jsonb       not null,
    created_by  bigint      references member on delete set null,
    created_at  timestamptz not null default now(),
    unique (template_id, number)
);

-- a template given to a cohort, or to one of its sessions, to fill
create table worksheet_assignment (
    id                 bigint generated always as identity primary key,
    cohort_id          bigint      not null references cohort on delete cascade,
    session_id         bigint      references session on delete set null,
    template_id        bigint      not null references worksheet_template on delete cascade,
    due_on             date,
    review_on          date,
    review_notified_at timestamptz,
    created_by         bigint      references member on delete set null,
    created_at         timestamptz not null default now(),
    check (review_on is null or due_on is null or review_on >= due_on)
);
create index worksheet_assignment_cohort_idx on worksheet_assignment (cohort_id, created_at desc);
create index worksheet_assignment_review_idx on worksheet_assignment (review_on) where review_notified_at is null;

-- one member's answers to an assignment, one row per round of revisiting
create table worksheet_response (
    id                  bigint generated always as identity primary key,
    assignment_id       bigint      not null references worksheet_assignment on delete cascade,
    member_id           bigint      not null references member on delete cascade,
    round               integer     not null default 1 check (round >= 1),
    template_version_id bigint      not null references worksheet_template_version,
    -- question key -> answer
    answers             jsonb       not null default '{}',
    current_step        integer     not null default 0 check (current_step >= 0),
    status              text        not null default 'IN_PROGRESS' check (status in ('IN_PROGRESS', 'SUBMITTED')),
    visibility          text        not null default 'PRIVATE' check (visibility in ('PRIVATE', 'FACILITATORS', 'COHORT')),
    analysis_id         bigint      references analysis on delete set null,
    started_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    submitted_at        timestamptz,
    unique (assignment_id, member_id, round)
);
create index worksheet_response_member_idx on worksheet_response (member_id, updated_at desc);

-- notifications can point anywhere: a path to open and the subject to name
alter table notification add column path text;
alter table notification add column subject text;
