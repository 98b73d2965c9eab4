-- Limits against abuse, and data that should not be kept.

-- What one person (or one client address) did, counted per action in fixed windows and shared by
-- every app node: an insert or an increment of one row, which serialises concurrent attempts.
-- Rows are pruned once their window has passed.
create table rate_limit (
    subject      text        not null,
    action       text        not null,
    window_start timestamptz not null,
    hits         integer     not null check (hits >= 1),
    expires_at   timestamptz not null,
    primary key (subject, action, window_start)
);
create index rate_limit_expires_idx on rate_limit (expires_at);

-- Failed sign-ins are counted per account and client address, and pruned by age.
create index sign_in_attempt_account_address_idx on sign_in_attempt (account_key, client_address, attempted_at desc);
create index sign_in_attempt_attempted_idx on sign_in_attempt (attempted_at);

-- An account deleted on request keeps its row, without anything that names the person, so the
-- contributions kept can still be shown as "a former member".
alter table member add column erased_at timestamptz;

-- The limit on applications now counts in rate_limit (refused ones too); the client address is
-- no longer kept with an application (the audit trail keeps it for its retention period).
update application set client_address = null where client_address is not null;

-- A notice that someone offered help names them: it now carries them as its actor, so the name
-- goes when their account is deleted. Earlier notices are matched to the offer they announced.
update notification n set actor_id = h.member_id
from commitment_help h join member m on m.id = h.member_id
where n.kind = 'HELP_OFFERED' and n.actor_id is null
  and n.path = 'commitments/' || h.commitment_id and n.subject = m.display_name;
