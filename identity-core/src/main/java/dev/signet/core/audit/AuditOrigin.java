package dev.signet.core.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a request came from, as the server saw it: the client's address (after trusted proxy headers) and its
 * {@code User-Agent}. Both are untrusted text: cut to a bounded length and made storable.
 */
public record AuditOrigin(Optional<String> clientAddress, Optional<String> userAgent) {

    public static final AuditOrigin NONE = new AuditOrigin(Optional.empty(), Optional.empty());

    public AuditOrigin {
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(userAgent, "userAgent");
        clientAddress = clientAddress.map(value -> AuditText.clean(value, 100));
        userAgent = userAgent.map(value -> AuditText.clean(value, 500));
    }

    public static AuditOrigin of(String clientAddress, String userAgent) {
        return new AuditOrigin(Optional.ofNullable(clientAddress), Optional.ofNullable(userAgent));
    }
}
