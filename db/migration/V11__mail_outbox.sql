-- Outgoing mail. A row is written in the transaction of the decision that causes the mail (an
-- invitation, a digest period claimed…), so a rolled-back decision mails nothing and a committed
-- one is never lost. Each app node's worker claims due rows with FOR UPDATE SKIP LOCKED, marks
-- them SENDING with a lease (claim_token, lease_until) and sends them after that commit; a node
-- that dies mid-send lets another take the row again once the lease has run out.
create table mail_outbox (
    id              bigint generated always as identity primary key,
    recipient       text        not null check (length(recipient) between 3 and 320),
    subject         text        not null check (length(subject) <= 1000),
    -- emptied once sent: a body may hold a secret link (an invitation) or what is new for one person
    body            text,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    -- tries started (claims); after the last one allowed fails, the row is FAILED
    attempts        integer     not null default 0 check (attempts >= 0),
    created_at      timestamptz not null default now(),
    next_attempt_at timestamptz not null default now(),
    claim_token     uuid,
    claimed_at      timestamptz,
    lease_until     timestamptz,
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text        check (length(last_error) <= 1000),
    check ((status = 'SENDING') = (claim_token is not null and lease_until is not null and claimed_at is not null)),
    check (status = 'SENT' or body is not null),
    check ((status = 'SENT') = (sent_at is not null)),
    check ((status = 'FAILED') = (failed_at is not null))
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at, id) where status = 'PENDING';
create index mail_outbox_lease_idx on mail_outbox (lease_until) where status = 'SENDING';
create index mail_outbox_sent_idx on mail_outbox (sent_at) where status = 'SENT';
create index mail_outbox_failed_idx on mail_outbox (failed_at) where status = 'FAILED';
create index mail_outbox_recipient_idx on mail_outbox (lower(recipient));

-- Every try of a message and how it ended: SENT, FAILED (with the SMTP server's answer, trimmed),
-- or INTERRUPTED (its node stopped before it could say; found when the lease ran out).
create table mail_attempt (
    id          bigint generated always as identity primary key,
    mail_id     bigint      not null references mail_outbox on delete cascade,
    attempt     integer     not null check (attempt >= 1),
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    outcome     text        not null check (outcome in ('SENT', 'FAILED', 'INTERRUPTED')),
    error       text        check (length(error) <= 1000)
);
create index mail_attempt_mail_idx on mail_attempt (mail_id, attempt);
