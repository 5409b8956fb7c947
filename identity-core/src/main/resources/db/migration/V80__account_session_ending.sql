-- "End this account's sessions" commands (the outbox pattern): written by whoever changes the account (the admin API,
-- in the same transaction as the new status or the erasure and its audit entry) and carried out by identity-server's
-- worker on any instance (rows claimed with FOR UPDATE SKIP LOCKED): back-channel logout to relying parties, token
-- families revoked, Signet sessions deleted. A row is deleted once carried out; a row that kept failing stays FAILED.
CREATE TABLE account_session_ending (
    id              uuid        PRIMARY KEY,
    -- No foreign key: an erasure deletes the account in the same transaction that asks for its sessions to end.
    account_id      uuid        NOT NULL,
    reason          text        NOT NULL CHECK (reason IN ('INTERVENTION', 'ERASURE')),
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL
);

CREATE INDEX account_session_ending_due_idx ON account_session_ending (next_attempt_at) WHERE status = 'PENDING';

-- Second factors by phone number, for operators' searches (the numbers are stored in E.164).
CREATE INDEX second_factor_phone_number_idx ON second_factor (phone_number) WHERE phone_number IS NOT NULL;
