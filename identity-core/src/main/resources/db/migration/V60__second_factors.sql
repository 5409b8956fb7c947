-- Second factors of citizens' accounts (docs/second-factors.md): at most one of each method per account.
-- An authenticator app's secret is stored only sealed with AES-256-GCM (key derived from signet.keys.encryption-key,
-- bound to the factor id); totp_last_step is the latest time step accepted, so no code is accepted twice.
CREATE TABLE second_factor (
    id             uuid PRIMARY KEY,
    account_id     uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    method         text        NOT NULL CHECK (method IN ('AUTHENTICATOR_APP', 'TEXT_MESSAGE', 'EMAIL')),
    phone_number   text,
    totp_secret    bytea,
    totp_last_step bigint,
    created_at     timestamptz NOT NULL,
    last_used_at   timestamptz,
    CONSTRAINT second_factor_one_per_method UNIQUE (account_id, method),
    CHECK ((method = 'AUTHENTICATOR_APP') = (totp_secret IS NOT NULL)),
    CHECK ((method = 'TEXT_MESSAGE') = (phone_number IS NOT NULL))
);
