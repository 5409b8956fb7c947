package dev.signet.server.testing.keycloak;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * A department's Keycloak realm as the tests need it, set up through Keycloak's admin API: a confidential client for
 * Signet (client secret, PKCE {@code S256} required, Signet's old-account callback as its redirect URI) and users.
 */
public final class DepartmentRealm {

    /** Signet's client id in the department's realm. */
    public static final String CLIENT_ID = "signet";

    private final KeycloakServer server;
    private final String name;

    private DepartmentRealm(KeycloakServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /**
     * Creates the realm, or replaces one of that name left by an earlier run against the same server.
     *
     * @param redirectUris Signet's callback addresses, patterns as Keycloak takes them ({@code .../callback/*})
     */
    public static DepartmentRealm create(KeycloakServer server, String name, String clientSecret,
            List<String> redirectUris) {
        try (Keycloak admin = server.admin()) {
            if (admin.realms().findAll().stream().anyMatch(realm -> realm.getRealm().equals(name))) {
                admin.realm(name).remove();
            }
            RealmRepresentation realm = new RealmRepresentation();
            realm.setRealm(name);
            realm.setEnabled(true);
            realm.setSslRequired("none");
            realm.setLoginWithEmailAllowed(true);
            admin.realms().create(realm);
            // Departments keep their own attributes on users (customerRef): Keycloak keeps attributes its user profile
            // does not declare only when unmanaged attributes are enabled.
            UPConfig profile = admin.realm(name).users().userProfile().getConfiguration();
            profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ENABLED);
            admin.realm(name).users().userProfile().update(profile);

            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(CLIENT_ID);
            client.setEnabled(true);
            client.setProtocol("openid-connect");
            client.setPublicClient(false);
            client.setClientAuthenticatorType("client-secret");
            client.setSecret(clientSecret);
            client.setStandardFlowEnabled(true);
            client.setDirectAccessGrantsEnabled(false);
            client.setRedirectUris(redirectUris);
            client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
            try (Response created = admin.realm(name).clients().create(client)) {
                expectCreated(created, "client " + CLIENT_ID);
            }
        }
        return new DepartmentRealm(server, name);
    }

    public String name() {
        return name;
    }

    public String issuer() {
        return server.issuer(name);
    }

    /**
     * Adds a user with a password; returns Keycloak's id for them, which is the {@code sub} of their ID tokens. Names
     * are given because Keycloak's default user profile would otherwise stop the first sign-in to ask for them.
     */
    public String addUser(String username, String email, boolean emailVerified, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setEmailVerified(emailVerified);
        user.setEnabled(true);
        user.setFirstName("Test");
        user.setLastName(username);
        return addUser(user, password);
    }

    /** Adds the user as given, with a password unless it is null; returns Keycloak's id for them. */
    public String addUser(UserRepresentation user, String password) {
        if (password != null) {
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            user.setCredentials(List.of(credential));
        }
        try (Keycloak admin = server.admin()) {
            try (Response created = admin.realm(name).users().create(user)) {
                expectCreated(created, "user " + user.getUsername());
                String location = created.getLocation().getPath();
                return location.substring(location.lastIndexOf('/') + 1);
            }
        }
    }

    /**
     * Adds a confidential client with a service account that may read the realm's users (realm-management role
     * {@code view-users}): what an operator gives Signet's import.
     */
    public void addServiceAccount(String clientId, String secret) {
        administer(realm -> {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setEnabled(true);
            client.setPublicClient(false);
            client.setClientAuthenticatorType("client-secret");
            client.setSecret(secret);
            client.setStandardFlowEnabled(false);
            client.setServiceAccountsEnabled(true);
            try (Response created = realm.clients().create(client)) {
                expectCreated(created, "client " + clientId);
            }
            String internalId = realm.clients().findByClientId(clientId).get(0).getId();
            UserRepresentation serviceAccount = realm.clients().get(internalId).getServiceAccountUser();
            String management = realm.clients().findByClientId("realm-management").get(0).getId();
            RoleRepresentation viewUsers = realm.clients().get(management).roles().get("view-users")
                    .toRepresentation();
            realm.users().get(serviceAccount.getId()).roles().clientLevel(management).add(List.of(viewUsers));
        });
    }

    /**
     * Adds an OpenID Connect identity provider to the realm (never used to sign in here) and links the user to an
     * account there, as Keycloak does when a user first signs in through it.
     */
    public void linkFederatedIdentity(String keycloakId, String alias, String userIdThere, String userNameThere) {
        administer(realm -> {
            if (realm.identityProviders().findAll().stream().noneMatch(idp -> idp.getAlias().equals(alias))) {
                IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
                provider.setAlias(alias);
                provider.setProviderId("oidc");
                provider.setEnabled(true);
                provider.setConfig(Map.of("clientId", "department", "clientSecret", "unused",
                        "authorizationUrl", "https://idp.example/authorize", "tokenUrl", "https://idp.example/token",
                        "clientAuthMethod", "client_secret_post"));
                try (Response created = realm.identityProviders().create(provider)) {
                    expectCreated(created, "identity provider " + alias);
                }
            }
            FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
            link.setIdentityProvider(alias);
            link.setUserId(userIdThere);
            link.setUserName(userNameThere);
            try (Response created = realm.users().get(keycloakId).addFederatedIdentity(alias, link)) {
                if (created.getStatus() / 100 != 2) {
                    throw new IllegalStateException("Keycloak did not link the federated identity: HTTP "
                            + created.getStatus());
                }
            }
        });
    }

    /** Runs {@code work} with an admin client on this realm. */
    public void administer(Consumer<RealmResource> work) {
        try (Keycloak admin = server.admin()) {
            work.accept(admin.realm(name));
        }
    }

    private static void expectCreated(Response response, String what) {
        if (response.getStatus() != 201) {
            throw new IllegalStateException("Keycloak did not create " + what + ": HTTP " + response.getStatus() + " "
                    + response.readEntity(String.class));
        }
    }
}
