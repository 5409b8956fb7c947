package dev.signet.server.oidc.claims;

import dev.signet.connector.ConnectorInstance;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.server.federation.ConnectorRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@code legacy_subjects} claim: the citizen's old departmental accounts, linked to their Signet account, that a
 * relying party may know about. Only links from connectors of the relying party's own department are released; a
 * relying party without a department gets none, and so does a link whose connector is no longer configured (its
 * department is unknown). Each is {@code {"connector": "<connector id>", "subject": "<legacy subject>"}}, the shape
 * the connector SDK's simulator gives too.
 */
final class LegacySubjects {

    static final String CLAIM = "legacy_subjects";
    static final String SCOPE = "legacy_subjects";

    private final LinkedIdentityRepository links;
    private final ConnectorRegistry connectors;

    LegacySubjects(LinkedIdentityRepository links, ConnectorRegistry connectors) {
        this.links = Objects.requireNonNull(links, "links");
        this.connectors = Objects.requireNonNull(connectors, "connectors");
    }

    /**
     * The claim's value for the relying party, when it was granted the scope, may receive the claim (its declared
     * {@code claims}, if any, name it) and there is at least one link of its department to release.
     */
    Optional<List<Map<String, String>>> releasedTo(RelyingParty relyingParty, UUID accountId, Iterable<String> scopes) {
        boolean asked = false;
        for (String scope : scopes) {
            asked |= SCOPE.equals(scope);
        }
        if (!asked || !relyingParty.scopes().contains(SCOPE)
                || (!relyingParty.claims().isEmpty() && !relyingParty.claims().contains(CLAIM))
                || relyingParty.department().isEmpty()) {
            return Optional.empty();
        }
        String department = relyingParty.department().get();
        // Plain ArrayList and LinkedHashMap: the claims are stored with the authorization, whose JSON type allow-list
        // cannot read JDK immutable collections back (and AuthorizationJson.plain does not replace nested ones).
        List<Map<String, String>> released = links.findByAccount(accountId).stream()
                .filter(link -> department.equals(departmentOf(link).orElse(null)))
                .map(LegacySubjects::asClaim)
                .collect(Collectors.toCollection(ArrayList::new));
        return released.isEmpty() ? Optional.empty() : Optional.of(released);
    }

    private Optional<String> departmentOf(LinkedIdentity link) {
        return connectors.instance(link.connectorId()).map(ConnectorInstance::department);
    }

    private static Map<String, String> asClaim(LinkedIdentity link) {
        Map<String, String> claim = new LinkedHashMap<>();
        claim.put("connector", link.connectorId());
        claim.put("subject", link.legacySubject());
        return claim;
    }
}
