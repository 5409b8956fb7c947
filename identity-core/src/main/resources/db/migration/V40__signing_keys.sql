-- The provider's token-signing keys. The public JWK is stored as published; the private part only sealed with
-- AES-256-GCM under the key-encryption key (signet.keys.encryption-key), bound to its kid.
-- A key is published (JWKS) from created_at to expires_at and signs from activates_at to retires_at.
CREATE TABLE signing_key (
    kid          text PRIMARY KEY,
    alg          text        NOT NULL CHECK (alg IN ('ES256', 'RS256')),
    public_jwk   text        NOT NULL,
    private_key  bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    activates_at timestamptz NOT NULL,
    retires_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    CHECK (created_at <= activates_at AND activates_at < retires_at AND retires_at <= expires_at)
);

CREATE INDEX signing_key_alg_retires_at_idx ON signing_key (alg, retires_at);
CREATE INDEX signing_key_expires_at_idx ON signing_key (expires_at);
