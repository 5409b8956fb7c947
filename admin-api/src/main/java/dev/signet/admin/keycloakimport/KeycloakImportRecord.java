package dev.signet.admin.keycloakimport;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One import as stored: what it imports and how far it has come. */
record KeycloakImportRecord(UUID id, String startedBy, String serverUrl, String realm, String connectorId,
        List<String> attributes, KeycloakImportState state, Optional<Integer> usersTotal, int usersRead, int created,
        int updated, int unchanged, int rejected, int linked, Optional<String> failure, Instant startedAt,
        Instant heartbeatAt, Optional<Instant> finishedAt) {
}
