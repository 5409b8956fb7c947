-- Security events (RFC 8417 / RFC 8935) to relying parties: where a relying party receives them, which department
-- runs it (only a department's own services are told the legacy subjects of its connectors), and which relying
-- parties have been given a citizen's sub, so that a merge or an unlink tells exactly those that knew it.
ALTER TABLE relying_party
    ADD COLUMN events_uri text,
    ADD COLUMN department text;

-- "This relying party has been given this account's sub": written when Signet issues an ID token or a citizen's
-- access token to the client, and when it tells the client a merged account's new sub. Kept for as long as the
-- account exists (the authorization store cannot answer this: in Redis its entries expire with their tokens).
-- No foreign key to relying_party: a client dropped from the file and declared again still knew its citizens.
CREATE TABLE relying_party_subject (
    account_id      uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    client_id       text        NOT NULL,
    first_issued_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, client_id)
);

-- What the embedded default's authorization store already knows (PostgreSQL keeps authorizations until they expire).
INSERT INTO relying_party_subject (account_id, client_id, first_issued_at)
SELECT a.id, o.registered_client_id,
       min(coalesce(o.oidc_id_token_issued_at, o.access_token_issued_at, now()))
FROM oauth2_authorization o
JOIN account a ON a.id::text = o.principal_name
WHERE o.oidc_id_token_value IS NOT NULL OR o.access_token_value IS NOT NULL
GROUP BY a.id, o.registered_client_id
ON CONFLICT DO NOTHING;
