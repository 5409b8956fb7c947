package dev.signet.admin.keycloakimport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * What the import takes from one Keycloak user. Prints without personal data.
 *
 * @param id                  Keycloak's id for the user: the {@code sub} of the realm's ID tokens, so the legacy
 *                            subject of the realm's connector
 * @param username            the username in the realm
 * @param email               the email address, when the user has one
 * @param emailVerified       Keycloak's {@code emailVerified}
 * @param enabled             Keycloak's {@code enabled}: a disabled user's account is imported blocked
 * @param firstName           first name, when given
 * @param lastName            last name, when given
 * @param attributes          the selected attributes the user has, with their values
 * @param federatedIdentities the user's links to the realm's identity providers
 */
record KeycloakUser(String id, String username, Optional<String> email, boolean emailVerified, boolean enabled,
        Optional<String> firstName, Optional<String> lastName, Map<String, List<String>> attributes,
        List<FederatedIdentity> federatedIdentities) {

    /** A link to one of the realm's identity providers: the provider's alias and the user's id and name there. */
    record FederatedIdentity(String identityProvider, String userId, String userName) {
    }

    KeycloakUser {
        Objects.requireNonNull(id, "id");
        attributes = Map.copyOf(attributes);
        federatedIdentities = List.copyOf(federatedIdentities);
    }

    static KeycloakUser of(UserRepresentation user, List<FederatedIdentityRepresentation> links,
            List<String> selectedAttributes) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        Map<String, List<String>> all = user.getAttributes() == null ? Map.of() : user.getAttributes();
        for (String name : selectedAttributes) {
            List<String> values = all.get(name);
            if (values != null && !values.isEmpty()) {
                kept.put(name, List.copyOf(values));
            }
        }
        List<FederatedIdentity> federated = links == null ? List.of() : links.stream()
                .map(link -> new FederatedIdentity(link.getIdentityProvider(), link.getUserId(), link.getUserName()))
                // In a fixed order, so that an unchanged user imports as unchanged.
                .sorted(java.util.Comparator.comparing(FederatedIdentity::identityProvider)).toList();
        return new KeycloakUser(user.getId(), user.getUsername(), Optional.ofNullable(user.getEmail()),
                Boolean.TRUE.equals(user.isEmailVerified()), !Boolean.FALSE.equals(user.isEnabled()),
                Optional.ofNullable(user.getFirstName()), Optional.ofNullable(user.getLastName()), kept, federated);
    }

    @Override
    public String toString() {
        return "KeycloakUser[id=" + id + ", emailVerified=" + emailVerified + ", enabled=" + enabled
                + ", federatedIdentities=" + federatedIdentities.size() + "]";
    }
}
