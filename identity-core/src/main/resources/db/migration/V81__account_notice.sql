-- Messages to a citizen about something an operator did to their account (the outbox pattern): written by the admin
-- API in the same transaction as the change, sent by identity-server (which holds the message texts and the email
-- settings) on any instance; rows are claimed with FOR UPDATE SKIP LOCKED and deleted once sent. A notice dies with
-- its account: an erased account is told nothing more.
CREATE TABLE account_notice (
    id              uuid        PRIMARY KEY,
    account_id      uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind            text        NOT NULL CHECK (kind IN ('SECOND_FACTORS_RESET')),
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL
);

CREATE INDEX account_notice_due_idx ON account_notice (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX account_notice_account_id_idx ON account_notice (account_id);
