package dev.signet.admin.keycloakimport;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a page of Keycloak users as an import file (Auth0's bulk user import schema, docs/bulk-import.md), the input
 * of the bulk import's job, so that a realm's users are validated and written exactly as a file's rows are:
 * <ul>
 *   <li>{@code user_id}: the Keycloak id (with the import's connector, it becomes the linked legacy identity);</li>
 *   <li>{@code email}, {@code email_verified}; {@code blocked} for a disabled user;</li>
 *   <li>{@code given_name}, {@code family_name}; the selected attributes in {@code user_metadata};</li>
 *   <li>{@code app_metadata.keycloak}: the realm, the username and the federated identity links.</li>
 * </ul>
 * No password: Keycloak's admin API does not give out password hashes.
 */
final class ImportFileOfUsers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImportFileOfUsers() {
    }

    static byte[] write(String realm, List<KeycloakUser> users) {
        ArrayNode file = JSON.createArrayNode();
        for (KeycloakUser user : users) {
            ObjectNode row = file.addObject();
            row.put("user_id", user.id());
            user.email().ifPresent(email -> row.put("email", email));
            row.put("email_verified", user.emailVerified());
            row.put("blocked", !user.enabled());
            user.firstName().ifPresent(name -> row.put("given_name", name));
            user.lastName().ifPresent(name -> row.put("family_name", name));
            if (!user.attributes().isEmpty()) {
                ObjectNode metadata = row.putObject("user_metadata");
                user.attributes().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .forEach(attribute -> {
                            ArrayNode values = metadata.putArray(attribute.getKey());
                            attribute.getValue().forEach(values::add);
                        });
            }
            ObjectNode keycloak = row.putObject("app_metadata").putObject("keycloak");
            keycloak.put("realm", realm);
            if (user.username() != null) {
                keycloak.put("username", user.username());
            }
            ArrayNode links = keycloak.putArray("federated_identities");
            for (KeycloakUser.FederatedIdentity link : user.federatedIdentities()) {
                ObjectNode entry = links.addObject();
                entry.put("identity_provider", link.identityProvider());
                entry.put("user_id", link.userId());
                if (link.userName() != null) {
                    entry.put("user_name", link.userName());
                }
            }
        }
        return JSON.writeValueAsBytes(file);
    }
}
