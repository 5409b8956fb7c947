package dev.signet.server.events;

import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.events.AccountEvent;
import dev.signet.core.events.SecurityEventDelivery;
import dev.signet.server.oidc.claims.SubjectIdentifiers;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signs Security Event Tokens (RFC 8417) with the server's signing keys, in the algorithm the relying party gets its
 * ID tokens in, header {@code typ: secevent+jwt}. Claims: {@code iss}, {@code iat} (this attempt), {@code jti} (the
 * delivery id, the same on every attempt), {@code aud} (the client id), {@code txn} (the same for every relying
 * party told of one change), {@code toe} (when the change happened) and {@code events} with exactly one event, whose
 * subjects are the relying party's own (pairwise or public). No {@code exp}, {@code sub} or {@code nonce}: the event
 * names its subjects, and a nonce would make it pass for an ID token (RFC 8417 §4.3). Payloads: docs/security-events.md,
 * the same that the relying-party client's {@code SecurityEvent} reads.
 */
final class SecurityEventTokens {

    static final String ACCOUNT_MERGED = "https://signet.dev/secevent/account-merged";
    static final String LEGACY_IDENTITY_UNLINKED = "https://signet.dev/secevent/legacy-identity-unlinked";

    private final JwtEncoder encoder;
    private final String issuer;
    private final SubjectIdentifiers subjects;
    private final ConnectorDepartments departments;
    private final Clock clock;

    SecurityEventTokens(JwtEncoder encoder, String issuer, SubjectIdentifiers subjects,
            ConnectorDepartments departments, Clock clock) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.departments = Objects.requireNonNull(departments, "departments");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    String issue(SecurityEventDelivery delivery, RelyingParty relyingParty) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .issuedAt(clock.instant())
                .id(delivery.id().toString())
                .audience(List.of(relyingParty.clientId()))
                .claim("txn", delivery.txn().toString())
                .claim("toe", delivery.createdAt())
                .claim("events", events(delivery.event(), relyingParty))
                .build();
        SignatureAlgorithm algorithm = relyingParty.idTokenSigningAlgorithm() == IdTokenSigningAlgorithm.RS256
                ? SignatureAlgorithm.RS256 : SignatureAlgorithm.ES256;
        JwsHeader header = JwsHeader.with(algorithm).type("secevent+jwt").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** The {@code events} claim: one event type URI and its payload, with the relying party's own subjects. */
    Map<String, Object> events(AccountEvent event, RelyingParty relyingParty) {
        String clientId = relyingParty.clientId();
        Map<String, Object> payload = new LinkedHashMap<>();
        String type;
        if (event instanceof AccountEvent.AccountsMerged merged) {
            type = ACCOUNT_MERGED;
            payload.put("previous_sub", subjects.subjectFor(merged.fromAccountId(), clientId));
            payload.put("sub", subjects.subjectFor(merged.toAccountId(), clientId));
        } else {
            AccountEvent.LegacyIdentityUnlinked unlinked = (AccountEvent.LegacyIdentityUnlinked) event;
            type = LEGACY_IDENTITY_UNLINKED;
            payload.put("sub", subjects.subjectFor(unlinked.accountId(), clientId));
            // A department's legacy identifiers are for that department's services only (issue 4, section 5).
            boolean sameDepartment = relyingParty.department().isPresent()
                    && departments.of(unlinked.connectorId()).equals(relyingParty.department());
            if (sameDepartment) {
                payload.put("connector", unlinked.connectorId());
                payload.put("legacy_subject", unlinked.legacySubject());
            }
        }
        return Map.of(type, payload);
    }
}
