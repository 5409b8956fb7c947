-- Back-channel logout outbox: one row per relying party to notify, written in the sign-out request itself and
-- delivered by a background worker (any instance; rows are claimed with FOR UPDATE SKIP LOCKED).
CREATE TABLE backchannel_logout_delivery (
    id              uuid        PRIMARY KEY, -- also the logout token's jti
    client_id       varchar(100) NOT NULL,
    logout_uri      text        NOT NULL,
    subject         text        NOT NULL,   -- the relying party's own sub for the citizen
    session_id      text,                   -- OpenID Connect sid, as in the relying party's ID token
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz
);

CREATE INDEX backchannel_logout_delivery_due_idx ON backchannel_logout_delivery (next_attempt_at)
    WHERE status = 'PENDING';
