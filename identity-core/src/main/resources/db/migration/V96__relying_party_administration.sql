-- Relying parties managed through the admin API (docs/relying-parties.md "Managing relying parties").
-- disabled_at: a disabled relying party is unknown to the authorization server (invalid_client, no new tokens) but
-- kept, so that it can be enabled again with the same client id and pairwise subjects.
-- previous_client_secret_sha256 / _expires_at: after a secret rotation with an overlap, the old secret's hash is
-- still accepted until the expiry, so a service can roll its new secret out without an outage.
-- sector_identifier_uri: the https document (OIDC Core §8.1) listing the redirect URIs; its host is the sector.
-- tokens_not_before: set when it is disabled; a refresh token issued before it is refused even once the relying party
-- is enabled again (its token family is revoked at first use).
ALTER TABLE relying_party
    ADD COLUMN disabled_at                       timestamptz,
    ADD COLUMN previous_client_secret_sha256     text CHECK (previous_client_secret_sha256 ~ '^[0-9a-f]{64}$'),
    ADD COLUMN previous_client_secret_expires_at timestamptz,
    ADD COLUMN sector_identifier_uri             text,
    ADD COLUMN tokens_not_before                 timestamptz,
    ADD CONSTRAINT relying_party_previous_secret_complete
        CHECK ((previous_client_secret_sha256 IS NULL) = (previous_client_secret_expires_at IS NULL));
