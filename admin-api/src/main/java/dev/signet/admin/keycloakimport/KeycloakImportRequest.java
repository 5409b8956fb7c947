package dev.signet.admin.keycloakimport;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.admin.web.InvalidRequestException;
import dev.signet.admin.web.InvalidRequestException.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /keycloak-imports}.
 *
 * @param serverUrl   Keycloak's base URL
 * @param realm       the realm to import
 * @param connector   the id of Signet's {@code oidc} connector that points at this realm (its issuer is
 *                    {@code <server_url>/realms/<realm>}): the imported users' legacy identities are its subjects
 * @param credentials how to sign in to Keycloak's admin API
 * @param attributes  the user attributes to keep with each import record (none by default)
 * @param pageSize    users read and written at a time (1 to 500, 100 by default)
 */
public record KeycloakImportRequest(
        @JsonProperty("server_url") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                example = "https://keycloak.planning.example") String serverUrl,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "planning") String realm,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "planning-portal") String connector,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Credentials credentials,
        @Schema(example = "[\"customerRef\"]") List<String> attributes,
        @JsonProperty("page_size") @Schema(minimum = "1", maximum = "500", defaultValue = "100") Integer pageSize) {

    static final int MAX_ATTRIBUTES = 50;
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;
    /** The same limit as a connector id in an import file. */
    static final int MAX_NAME_LENGTH = 255;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]+");

    /**
     * Either a service account ({@code client_id} and {@code client_secret}) or an administrator ({@code username}
     * and {@code password}, with {@code client_id} {@code admin-cli} by default).
     *
     * @param realm the realm the credentials belong to; the imported realm by default ({@code master} for a
     *              Keycloak administrator)
     */
    public record Credentials(
            @Schema(example = "planning") String realm,
            @JsonProperty("client_id") @Schema(example = "signet-import") String clientId,
            @JsonProperty("client_secret") @Schema(format = "password") String clientSecret,
            String username,
            @Schema(format = "password") String password) {

        @Override
        public String toString() {
            return "Credentials[realm=" + realm + ", clientId=" + clientId + ", username=" + (username != null)
                    + ", secrets=(redacted)]";
        }
    }

    /** The import this asks for, or every problem with it. */
    KeycloakImportPlan plan() {
        List<FieldError> errors = new ArrayList<>();
        URI url = serverUrl(errors);
        name("realm", realm, errors);
        name("connector", connector, errors);
        List<String> kept = attributes == null ? List.of() : List.copyOf(attributes);
        if (kept.size() > MAX_ATTRIBUTES || kept.stream().anyMatch(name -> name == null || name.isBlank()
                || name.length() > MAX_NAME_LENGTH)) {
            errors.add(new FieldError("attributes", "at most " + MAX_ATTRIBUTES + " attribute names, none empty"));
        }
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("page_size", "must be 1 to " + MAX_PAGE_SIZE));
        }
        KeycloakRealmSource source = credentials(url, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new KeycloakImportPlan(source, connector, kept, size);
    }

    private URI serverUrl(List<FieldError> errors) {
        try {
            URI url = URI.create(serverUrl == null ? "" : serverUrl.replaceAll("/+$", ""));
            boolean https = "https".equals(url.getScheme());
            boolean loopbackHttp = "http".equals(url.getScheme()) && isLoopback(url.getHost());
            if ((https || loopbackHttp) && url.getHost() != null && url.getRawQuery() == null
                    && url.getRawFragment() == null && url.getRawUserInfo() == null) {
                return url;
            }
        } catch (IllegalArgumentException malformed) {
            // Reported below.
        }
        errors.add(new FieldError("server_url", "must be Keycloak's https base URL (plain http only on localhost)"));
        return null;
    }

    private KeycloakRealmSource credentials(URI url, List<FieldError> errors) {
        if (credentials == null) {
            errors.add(new FieldError("credentials", "is required"));
            return null;
        }
        boolean serviceAccount = present(credentials.clientSecret()) && !present(credentials.username());
        boolean administrator = present(credentials.username()) && present(credentials.password());
        if (!serviceAccount && !administrator) {
            errors.add(new FieldError("credentials", "give client_id and client_secret (a service account with the "
                    + "realm-management role view-users), or username and password"));
            return null;
        }
        if (serviceAccount && !present(credentials.clientId())) {
            errors.add(new FieldError("credentials.client_id", "is required with client_secret"));
            return null;
        }
        if (url == null || realm == null) {
            return null;
        }
        String authRealm = present(credentials.realm()) ? credentials.realm() : realm;
        name("credentials.realm", authRealm, errors);
        String clientId = present(credentials.clientId()) ? credentials.clientId() : "admin-cli";
        return new KeycloakRealmSource(url, realm, authRealm, clientId,
                Optional.ofNullable(credentials.clientSecret()).filter(KeycloakImportRequest::present),
                Optional.ofNullable(credentials.username()).filter(KeycloakImportRequest::present),
                Optional.ofNullable(credentials.password()).filter(KeycloakImportRequest::present));
    }

    private static void name(String parameter, String value, List<FieldError> errors) {
        if (value == null || value.length() > MAX_NAME_LENGTH || !NAME.matcher(value).matches()) {
            errors.add(new FieldError(parameter, "is required: letters, digits, '.', '_', ':' and '-', at most "
                    + MAX_NAME_LENGTH + " characters"));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean isLoopback(String host) {
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }

    @Override
    public String toString() {
        return "KeycloakImportRequest[serverUrl=" + serverUrl + ", realm=" + realm + ", connector=" + connector
                + ", credentials=" + credentials + "]";
    }
}
