-- Policy analyses: a member's structured look, through the equity lens, at one policy, practice
-- or structure of their organisation. The seven sections live in `sections` (section key ->
-- Markdown); each save of a shared analysis keeps a version. Drafts are private to their authors,
-- shared analyses belong to the cohort, published ones are readable in every cohort.
create table analysis (
    id              bigint generated always as identity primary key,
    cohort_id       bigint      not null references cohort on delete cascade,
    title           text        not null check (length(btrim(title)) between 1 and 200),
    organization_id bigint      references organization on delete set null,
    policy_area     text        not null check (policy_area in ('HIRING', 'COMPENSATION', 'LANGUAGE_ACCESS',
                                    'ELIGIBILITY', 'HOURS_ACCESS', 'DATA_COLLECTION', 'PROCUREMENT', 'GOVERNANCE',
                                    'DISCIPLINE', 'OTHER')),
    status          text        not null default 'DRAFT' check (status in ('DRAFT', 'SHARED', 'REVISED')),
    published       boolean     not null default false,
    tags            text[]      not null default '{}',
    sections        jsonb       not null default '{}',
    lock_version    integer     not null default 0,
    thread_id       bigint      references thread on delete set null,
    created_by      bigint      references member on delete set null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    shared_at       timestamptz
);
create index analysis_cohort_idx on analysis (cohort_id, updated_at desc);

create table analysis_author (
    analysis_id bigint not null references analysis on delete cascade,
    member_id   bigint not null references member on delete cascade,
    primary key (analysis_id, member_id)
);
create index analysis_author_member_idx on analysis_author (member_id);

create table analysis_dimension (
    analysis_id bigint not null references analysis on delete cascade,
    dimension   text   not null check (dimension in ('RACE_ETHNICITY', 'GENDER', 'DISABILITY', 'AGE', 'INCOME_CLASS',
                           'GEOGRAPHY', 'TRIBAL_SOVEREIGNTY', 'LANGUAGE', 'LGBTQ')),
    primary key (analysis_id, dimension)
);

create table analysis_version (
    id          bigint generated always as identity primary key,
    analysis_id bigint      not null references analysis on delete cascade,
    number      integer     not null check (number >= 1),
    title       text        not null,
    sections    jsonb       not null,
    saved_by    bigint      references member on delete set null,
    saved_at    timestamptz not null default now(),
    unique (analysis_id, number)
);

create table analysis_comment (
    id             bigint generated always as identity primary key,
    analysis_id    bigint      not null references analysis on delete cascade,
    version_number integer     not null,
    section        text        not null,
    author_id      bigint      not null references member on delete cascade,
    body_markdown  text        not null check (length(body_markdown) between 1 and 5000),
    body_html      text        not null,
    created_at     timestamptz not null default now()
);
create index analysis_comment_idx on analysis_comment (analysis_id, created_at);

create table analysis_visit (
    analysis_id bigint      not null references analysis on delete cascade,
    member_id   bigint      not null references member on delete cascade,
    seen_at     timestamptz not null,
    primary key (analysis_id, member_id)
);

-- facilitators link analyses to sessions, and feature one for a session
create table analysis_session (
    analysis_id bigint  not null references analysis on delete cascade,
    session_id  bigint  not null references session on delete cascade,
    featured    boolean not null default false,
    primary key (analysis_id, session_id)
);

-- and to threads where it was discussed
create table analysis_thread (
    analysis_id bigint not null references analysis on delete cascade,
    thread_id   bigint not null references thread on delete cascade,
    primary key (analysis_id, thread_id)
);
