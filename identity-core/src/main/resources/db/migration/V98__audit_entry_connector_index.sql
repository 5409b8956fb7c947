-- Migration progress per connector (admin API) counts the audit entries that name a connector.
CREATE INDEX audit_entry_connector_type ON audit_entry ((details ->> 'connector'), event_type)
    WHERE details ? 'connector';
