-- What was done about a report, by whom and when: resolved_at and resolved_by (V2) say when and
-- who; the action says what (the post hidden, kept as it is, or the member talked to) and a short
-- note, read by those who handle reports only, may say more. A handled report leaves the open list
-- and stays readable. The reporter is told it was handled, never the action or the note.
alter table post_report
    add column action text check (action in ('HIDDEN', 'KEPT', 'TALKED_TO_MEMBER')),
    add column note   text check (length(note) <= 500),
    add check (action is null or resolved_at is not null);

create index post_report_open_idx on post_report (created_at) where resolved_at is null;

-- Members may open threads in the commons when the cohort's facilitators allow it (off unless set).
alter table cohort
    add column members_open_threads boolean not null default false;
