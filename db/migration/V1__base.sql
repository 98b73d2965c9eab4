-- Base schema: partner organisations, accounts, cohorts and their membership,
-- the audit trail, sign-in attempts (for throttling) and the search outbox.

create table organization (
    id            bigint generated always as identity primary key,
    name          text        not null check (length(btrim(name)) between 1 and 200),
    sector        text        not null check (sector in ('HEALTH_CARE', 'BEHAVIORAL_HEALTH', 'SOCIAL_SERVICES',
                                                         'HOUSING', 'PUBLIC_HEALTH', 'TRIBAL_HEALTH',
                                                         'COMMUNITY_BASED', 'GOVERNMENT', 'OTHER')),
    county        text        check (county in ('WHATCOM', 'SKAGIT', 'SNOHOMISH', 'ISLAND', 'SAN_JUAN', 'OTHER')),
    tribal_nation text        check (length(tribal_nation) <= 200),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create unique index organization_name_key on organization (lower(name));

create table member (
    id                   bigint generated always as identity primary key,
    email                text        not null check (length(email) between 3 and 254),
    password_hash        text        not null,
    display_name         text        not null check (length(btrim(display_name)) between 1 and 100),
    pronouns             text        check (length(pronouns) <= 40),
    organization_id      bigint      references organization on delete set null,
    title                text        check (length(title) <= 200),
    role                 text        not null check (role in ('MEMBER', 'FACILITATOR', 'ADMIN')),
    active               boolean     not null default true,
    password_must_change boolean     not null default false,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    deactivated_at       timestamptz
);
create unique index member_email_key on member (lower(email));
create index member_organization_idx on member (organization_id);

create table cohort (
    id         bigint generated always as identity primary key,
    name       text        not null check (length(btrim(name)) between 1 and 200),
    capacity   integer     not null default 15 check (capacity between 1 and 200),
    starts_on  date,
    ends_on    date,
    time_zone  text        not null default 'America/Los_Angeles',
    created_at timestamptz not null default now(),
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create unique index cohort_name_key on cohort (lower(name));

create table cohort_membership (
    cohort_id bigint      not null references cohort on delete cascade,
    member_id bigint      not null references member on delete cascade,
    role      text        not null check (role in ('MEMBER', 'FACILITATOR')),
    joined_at timestamptz not null default now(),
    primary key (cohort_id, member_id)
);
create index cohort_membership_member_idx on cohort_membership (member_id);

create table audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default now(),
    actor_id       bigint      references member on delete set null,
    action         text        not null,
    target_type    text,
    target_id      bigint,
    client_address text,
    detail         text
);
create index audit_event_occurred_idx on audit_event (occurred_at desc);
create index audit_event_target_idx on audit_event (target_type, target_id);

-- Every sign-in attempt; failures inside a window throttle the account and the address.
create table sign_in_attempt (
    id             bigint generated always as identity primary key,
    attempted_at   timestamptz not null default now(),
    account_key    text        not null,
    client_address text        not null,
    succeeded      boolean     not null
);
create index sign_in_attempt_account_idx on sign_in_attempt (account_key, attempted_at desc);
create index sign_in_attempt_address_idx on sign_in_attempt (client_address, attempted_at desc);

-- Written in the same transaction as the change it describes; the search index is derived from it.
create table search_outbox (
    id          bigint generated always as identity primary key,
    entity_type text        not null,
    entity_id   bigint      not null,
    operation   text        not null check (operation in ('UPSERT', 'DELETE')),
    created_at  timestamptz not null default now()
);
