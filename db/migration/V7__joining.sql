-- Joining: a public application to a cohort, the facilitators' review of it, and single-use
-- invitations. Representation facts are optional and self-described; only the cohort's
-- facilitators read them, and applications not selected are deleted after a retention period.
alter table cohort add column applications_open boolean not null default false;

create table application (
    id                bigint generated always as identity primary key,
    cohort_id         bigint      not null references cohort on delete cascade,
    name              text        not null check (length(btrim(name)) between 1 and 100),
    email             text        not null check (length(email) between 3 and 254),
    organization_id   bigint      references organization on delete set null,
    organization_name text        check (length(organization_name) <= 200),
    sector            text        not null check (sector in ('HEALTH_CARE', 'BEHAVIORAL_HEALTH', 'SOCIAL_SERVICES',
                                      'HOUSING', 'PUBLIC_HEALTH', 'TRIBAL_HEALTH', 'COMMUNITY_BASED', 'GOVERNMENT', 'OTHER')),
    role_title        text        not null check (length(btrim(role_title)) between 1 and 200),
    authority         text        not null check (authority in ('STRUCTURAL', 'SUPERVISES', 'BOTH')),
    why               text        not null check (length(why) <= 3000),
    bring             text        not null check (length(bring) <= 3000),
    -- self-described and optional: {"raceEthnicity": [...], "raceEthnicitySelf", "gender", "genderSelf",
    -- "county", "countySelf", "tribal", "tribalSelf", "livedExperience", "livedExperiencePreferNot"}
    facts             jsonb       not null default '{}',
    status            text        not null default 'NEW' check (status in ('NEW', 'UNDER_REVIEW', 'SHORTLISTED',
                                      'INVITED', 'JOINED', 'WAITLISTED', 'DECLINED')),
    client_address    text,
    member_id         bigint      references member on delete set null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    decided_at        timestamptz
);
create unique index application_email_key on application (cohort_id, lower(email));
create index application_cohort_idx on application (cohort_id, status, created_at desc);
create index application_address_idx on application (client_address, created_at);
create index application_decided_idx on application (decided_at) where status in ('DECLINED', 'WAITLISTED');

create table application_note (
    id             bigint generated always as identity primary key,
    application_id bigint      not null references application on delete cascade,
    author_id      bigint      references member on delete set null,
    body           text        not null check (length(btrim(body)) between 1 and 2000),
    created_at     timestamptz not null default now()
);

-- what happened to an application: status changes (with the message sent), notes, invitations
create table application_event (
    id             bigint generated always as identity primary key,
    application_id bigint      not null references application on delete cascade,
    actor_id       bigint      references member on delete set null,
    kind           text        not null,
    status         text,
    message        text        check (length(message) <= 3000),
    created_at     timestamptz not null default now()
);
create index application_event_idx on application_event (application_id, created_at);

-- a single-use link to set a password and join; only the SHA-256 of its token is kept
create table invitation (
    id             bigint generated always as identity primary key,
    application_id bigint      not null references application on delete cascade,
    token_hash     text        not null unique,
    expires_at     timestamptz not null,
    used_at        timestamptz,
    created_by     bigint      references member on delete set null,
    created_at     timestamptz not null default now()
);
create index invitation_application_idx on invitation (application_id);
