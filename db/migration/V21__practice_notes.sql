-- Practice notes: what a member tried in their organisation, what happened and what they learned.
-- A draft is its author's alone; a posted note is read as its visibility says: its author only,
-- the cohort's facilitators, the cohort, or — with the author's consent (consent_at) and a
-- facilitator's publishing (published_at) — every cohort of the network. keep_name false: readers
-- outside the author's cohort never see who wrote it. Withdrawing consent clears both at once.
create table practice_note (
    id               bigint generated always as identity primary key,
    cohort_id        bigint      not null references cohort on delete cascade,
    author_id        bigint      references member on delete set null,
    title            text        not null check (length(btrim(title)) between 1 and 200),
    tried            text        not null default '' check (length(tried) <= 5000),
    context          text        not null default '' check (length(context) <= 5000),
    happened         text        not null default '' check (length(happened) <= 5000),
    learned          text        not null default '' check (length(learned) <= 5000),
    differently      text        not null default '' check (length(differently) <= 5000),
    affected         text        not null default '' check (length(affected) <= 2000),
    policy_area      text        not null check (policy_area in ('HIRING', 'COMPENSATION', 'LANGUAGE_ACCESS',
                                     'ELIGIBILITY', 'HOURS_ACCESS', 'DATA_COLLECTION', 'PROCUREMENT', 'GOVERNANCE',
                                     'DISCIPLINE', 'OTHER')),
    tags             text[]      not null default '{}',
    visibility       text        not null default 'PRIVATE'
                                 check (visibility in ('PRIVATE', 'FACILITATORS', 'COHORT', 'NETWORK')),
    draft            boolean     not null default true,
    keep_name        boolean     not null default true,
    consent_at       timestamptz,
    published_at     timestamptz,
    published_by     bigint      references member on delete set null,
    thread_id        bigint      references thread on delete set null,
    session_id       bigint      references session on delete set null,
    commitment_id    bigint      references commitment on delete set null,
    analysis_id      bigint      references analysis on delete set null,
    response_id      bigint      references worksheet_response on delete set null,
    linked_thread_id bigint      references thread on delete set null,
    lock_version     integer     not null default 0,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    posted_at        timestamptz,
    edited_at        timestamptz,
    check (visibility = 'NETWORK' or (consent_at is null and published_at is null)),
    check (published_at is null or consent_at is not null)
);
create index practice_note_cohort_idx on practice_note (cohort_id, posted_at desc);
create index practice_note_network_idx on practice_note (published_at desc) where published_at is not null;
create index practice_note_author_idx on practice_note (author_id);

create table practice_note_dimension (
    note_id   bigint not null references practice_note on delete cascade,
    dimension text   not null check (dimension in ('RACE_ETHNICITY', 'GENDER', 'DISABILITY', 'AGE', 'INCOME_CLASS',
                         'GEOGRAPHY', 'TRIBAL_SOVEREIGNTY', 'LANGUAGE', 'LGBTQ')),
    primary key (note_id, dimension)
);

-- "useful" marks by peers: one per person, never by the author
create table practice_note_useful (
    note_id    bigint      not null references practice_note on delete cascade,
    member_id  bigint      not null references member on delete cascade,
    created_at timestamptz not null,
    primary key (note_id, member_id)
);
