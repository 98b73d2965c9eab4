-- The cohort a person last chose in the shell's switcher (or last opened a cohort's page for), so
-- the pages that show one cohort open on it on any device and after a restart. One row per person,
-- apart from cohort_membership: an admin who is in no cohort may still have a choice to remember.
-- The choice is only a preference: every read checks again that the person may see the cohort.
create table cohort_preference (
    member_id bigint      primary key references member on delete cascade,
    cohort_id bigint      not null references cohort on delete cascade,
    chosen_at timestamptz not null default now()
);
create index cohort_preference_cohort_idx on cohort_preference (cohort_id);
