-- Passkeys (WebAuthn credentials) and the WebAuthn user handle of each account that has registered one.

-- The user handle (WebAuthn user.id) is random, never the account id or the email: authenticators store it and hand
-- it back at sign-in, and the WebAuthn specification forbids personal information in it.
CREATE TABLE passkey_user (
    account_id  uuid        PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    user_handle bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL
);

CREATE TABLE passkey (
    credential_id                 bytea       PRIMARY KEY,
    account_id                    uuid        NOT NULL REFERENCES passkey_user (account_id) ON DELETE CASCADE,
    label                         text        NOT NULL,
    public_key_cose               bytea       NOT NULL,
    signature_count               bigint      NOT NULL,
    uv_initialized                boolean     NOT NULL,
    backup_eligible               boolean     NOT NULL,
    backup_state                  boolean     NOT NULL,
    -- Comma-separated AuthenticatorTransport values (usb, nfc, ble, hybrid, internal, ...), as the browser reported.
    transports                    text        NOT NULL,
    attestation_object            bytea       NOT NULL,
    attestation_client_data_json  bytea       NOT NULL,
    created_at                    timestamptz NOT NULL,
    last_used_at                  timestamptz
);

CREATE INDEX passkey_account_id ON passkey (account_id);
