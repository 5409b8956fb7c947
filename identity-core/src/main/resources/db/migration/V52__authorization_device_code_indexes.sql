-- Spring Authorization Server looks a token up without a type hint (introspection, revocation) by OR-ing every
-- token column, device and user codes included. Without an index on those two, each such look-up scanned the whole
-- table: introspection slowed as tokens accumulated (docs/benchmarks.md). Signet offers no device flow, so these
-- indexes stay empty and cost nothing on writes.
CREATE INDEX oauth2_authorization_user_code_idx ON oauth2_authorization USING hash (user_code_value);
CREATE INDEX oauth2_authorization_device_code_idx ON oauth2_authorization USING hash (device_code_value);
