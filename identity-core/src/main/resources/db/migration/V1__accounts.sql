-- Accounts: the one citizen account. Email uniqueness is case-insensitive.
CREATE TABLE account (
    id              uuid PRIMARY KEY,
    email           text        NOT NULL,
    email_canonical text        NOT NULL,
    email_verified  boolean     NOT NULL DEFAULT false,
    password_hash   text,
    status          text        NOT NULL DEFAULT 'ACTIVE'
        CHECK (status IN ('ACTIVE', 'SUSPENDED', 'BLOCKED', 'PASSWORD_RESET_REQUIRED')),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE UNIQUE INDEX account_email_canonical_key ON account (email_canonical);
