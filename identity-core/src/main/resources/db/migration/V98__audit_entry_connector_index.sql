-- Migration progress per connector (admin API) counts the audit entries that name a connector. Partial on the
-- expression itself, so that a query comparing details ->> 'connector' with a value can use it.
CREATE INDEX audit_entry_connector_type ON audit_entry ((details ->> 'connector'), event_type)
    WHERE (details ->> 'connector') IS NOT NULL;
