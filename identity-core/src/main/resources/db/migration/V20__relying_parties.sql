-- Relying parties (OAuth clients). Declared in the relying-party file at start-up (source FILE) or, later, through the
-- admin API (source ADMIN). Client secrets are stored only as a SHA-256 hash: they are high-entropy random values.
CREATE TABLE relying_party (
    client_id                  text PRIMARY KEY,
    name                       text        NOT NULL,
    redirect_uris              text[]      NOT NULL DEFAULT '{}',
    post_logout_redirect_uris  text[]      NOT NULL DEFAULT '{}',
    backchannel_logout_uri     text,
    token_endpoint_auth_method text        NOT NULL
        CHECK (token_endpoint_auth_method IN ('private_key_jwt', 'client_secret_basic', 'client_secret_post', 'none')),
    jwks                       text,
    jwks_uri                   text,
    client_secret_sha256       text CHECK (client_secret_sha256 ~ '^[0-9a-f]{64}$'),
    sector_identifier          text        NOT NULL,
    subject_type               text        NOT NULL CHECK (subject_type IN ('pairwise', 'public')),
    grant_types                text[]      NOT NULL DEFAULT '{}',
    scopes                     text[]      NOT NULL DEFAULT '{}',
    claims                     text[]      NOT NULL DEFAULT '{}',
    allowed_vtr                text[]      NOT NULL DEFAULT '{}',
    id_token_signing_alg       text        NOT NULL CHECK (id_token_signing_alg IN ('ES256', 'RS256')),
    require_pkce               boolean     NOT NULL,
    source                     text        NOT NULL CHECK (source IN ('FILE', 'ADMIN')),
    updated_at                 timestamptz NOT NULL
);

CREATE INDEX relying_party_sector_identifier_idx ON relying_party (sector_identifier);
