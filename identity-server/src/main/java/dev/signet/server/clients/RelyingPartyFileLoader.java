package dev.signet.server.clients;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads and validates the relying-party file (format: docs/relying-parties.md). Every problem is collected and
 * reported at once, each naming the client and the field, so an operator fixes the file in one pass.
 */
public final class RelyingPartyFileLoader {

    static final Set<String> FIELDS = Set.of("client-id", "name", "redirect-uris", "post-logout-redirect-uris",
            "backchannel-logout-uri", "token-endpoint-auth-method", "jwks", "jwks-uri", "client-secret-sha256",
            "sector-identifier", "subject-type", "grant-types", "scopes", "claims", "allowed-vtr",
            "requires-vtr", "id-token-signing-alg", "require-pkce", "events-uri", "department");
    /** The scope under which a department's relying party receives the legacy subjects of its own connectors. */
    public static final String LEGACY_SUBJECTS_SCOPE = "legacy_subjects";
    static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials");

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,128}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    // RFC 6749 §3.3 scope-token
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    // RFC 8485 §3: a vector is period-separated components, each a capital letter (category) and a value.
    private static final Pattern VECTOR = Pattern.compile("[A-Z][A-Za-z0-9]*(\\.[A-Z][A-Za-z0-9]*)*");
    private static final List<String> DEFAULT_VTR = List.of("Cl.Cm", "Cl");
    // The same form as a connector's department, so the two compare as written.
    private static final Pattern DEPARTMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** Loads every relying party in {@code resource}, or throws naming each problem. */
    public List<RelyingParty> load(Resource resource) {
        String file = describe(resource);
        Object document;
        try (InputStream in = resource.getInputStream()) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new RelyingPartyFileException(file, List.of("cannot be read: " + e.getMessage()));
        } catch (RuntimeException e) {
            throw new RelyingPartyFileException(file, List.of("is not valid YAML: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        List<RelyingParty> relyingParties = parse(document, problems);
        if (!problems.isEmpty()) {
            throw new RelyingPartyFileException(file, problems);
        }
        return relyingParties;
    }

    private static String describe(Resource resource) {
        try {
            return resource.getURI().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    private List<RelyingParty> parse(Object document, List<String> problems) {
        if (!(document instanceof Map<?, ?> root) || !(root.get("relying-parties") instanceof List<?> entries)) {
            problems.add("must have a top-level list 'relying-parties'");
            return List.of();
        }
        for (Object key : root.keySet()) {
            if (!"relying-parties".equals(key)) {
                problems.add("unknown top-level field '" + key + "'");
            }
        }
        List<RelyingParty> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problems.add("entry " + (i + 1) + " of 'relying-parties' must be a map of fields");
                continue;
            }
            Entry parsed = new Entry(entry, i, problems);
            Optional<RelyingParty> rp = parsed.toRelyingParty();
            rp.ifPresent(value -> {
                if (!seen.add(value.clientId())) {
                    problems.add("client '" + value.clientId() + "', field 'client-id': declared more than once");
                } else {
                    result.add(value);
                }
            });
        }
        return result;
    }

    /** One entry of the file, validated field by field. */
    private static final class Entry {

        private final Map<?, ?> fields;
        private final List<String> problems;
        private final String label;
        private final int problemsBefore;

        Entry(Map<?, ?> fields, int index, List<String> problems) {
            this.fields = fields;
            this.problems = problems;
            this.problemsBefore = problems.size();
            Object id = fields.get("client-id");
            this.label = id instanceof String text && !text.isBlank() ? "client '" + text + "'"
                    : "entry " + (index + 1);
        }

        Optional<RelyingParty> toRelyingParty() {
            for (Object key : fields.keySet()) {
                if (!FIELDS.contains(String.valueOf(key))) {
                    problem(String.valueOf(key), "is not a known field (known: " + String.join(", ",
                            FIELDS.stream().sorted().toList()) + ")");
                }
            }
            String clientId = requiredString("client-id");
            if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
                problem("client-id", "must be 1 to 128 characters from A-Z a-z 0-9 . _ ~ -");
            }
            String name = requiredString("name");
            TokenEndpointAuthMethod method = enumField("token-endpoint-auth-method", null,
                    TokenEndpointAuthMethod::fromValue, "private_key_jwt, client_secret_basic, client_secret_post, none");
            Set<String> grantTypes = new LinkedHashSet<>(stringList("grant-types",
                    List.of("authorization_code", "refresh_token")));
            for (String grant : grantTypes) {
                if (!GRANT_TYPES.contains(grant)) {
                    problem("grant-types", "'" + grant + "' is not supported (use " + String.join(", ",
                            GRANT_TYPES.stream().sorted().toList()) + ")");
                }
            }
            if (method == TokenEndpointAuthMethod.NONE && grantTypes.contains("client_credentials")) {
                problem("grant-types", "client_credentials needs a confidential client, but the method is none");
            }
            List<URI> redirectUris = uriList("redirect-uris", true);
            if (grantTypes.contains("authorization_code") && redirectUris.isEmpty()
                    && stringList("redirect-uris", List.of()).isEmpty()) {
                problem("redirect-uris", "at least one is required for the authorization_code grant");
            }
            List<URI> postLogout = uriList("post-logout-redirect-uris", true);
            Optional<URI> backchannel = optionalString("backchannel-logout-uri")
                    .flatMap(value -> uri("backchannel-logout-uri", value, false));
            Optional<String> jwks = jwks();
            Optional<URI> jwksUri = optionalString("jwks-uri").flatMap(value -> uri("jwks-uri", value, false));
            Optional<String> secret = optionalString("client-secret-sha256").map(value -> value.toLowerCase(Locale.ROOT));
            secret.filter(value -> !SHA256_HEX.matcher(value).matches()).ifPresent(value -> problem(
                    "client-secret-sha256", "must be the 64 hexadecimal digits of the secret's SHA-256 hash "
                            + "(printf %s \"$SECRET\" | sha256sum)"));
            if (jwks.isPresent() && jwksUri.isPresent()) {
                problem("jwks", "give either jwks or jwks-uri, not both");
            }
            if (method == TokenEndpointAuthMethod.PRIVATE_KEY_JWT && jwks.isEmpty() && jwksUri.isEmpty()
                    && !fields.containsKey("jwks") && !fields.containsKey("jwks-uri")) {
                problem("jwks", "private_key_jwt needs the client's public key: set jwks or jwks-uri");
            }
            if (method != null && method.usesSecret() && secret.isEmpty()
                    && !fields.containsKey("client-secret-sha256")) {
                problem("client-secret-sha256", method.value() + " needs the SHA-256 hash of the client secret");
            }
            if (method != null && !method.usesSecret() && fields.containsKey("client-secret-sha256")) {
                problem("client-secret-sha256", "is only for client_secret_basic or client_secret_post, not "
                        + method.value());
            }
            String sector = optionalString("sector-identifier").orElseGet(() -> defaultSector(clientId, redirectUris));
            SubjectType subjectType = enumField("subject-type", SubjectType.PAIRWISE, SubjectType::fromValue,
                    "pairwise, public");
            List<String> scopes = stringList("scopes", List.of("openid"));
            scopes.stream().filter(scope -> !SCOPE.matcher(scope).matches())
                    .forEach(scope -> problem("scopes", "'" + scope + "' is not a valid scope token"));
            List<String> claims = stringList("claims", List.of());
            Optional<String> requiredVtr = optionalString("requires-vtr");
            requiredVtr.filter(vector -> !VECTOR.matcher(vector).matches()).ifPresent(vector -> problem(
                    "requires-vtr", "'" + vector + "' is not a vector of trust such as Cl or Cl.Cm (RFC 8485)"));
            // A service that always needs a vector may by default ask for that one only.
            List<String> vtr = stringList("allowed-vtr", requiredVtr.map(List::of).orElse(DEFAULT_VTR));
            vtr.stream().filter(vector -> !VECTOR.matcher(vector).matches()).forEach(vector -> problem("allowed-vtr",
                    "'" + vector + "' is not a vector of trust such as Cl or Cl.Cm (RFC 8485)"));
            requiredVtr.ifPresent(required -> vtr.stream().filter(allowed -> !covers(allowed, required))
                    .forEach(weaker -> problem("requires-vtr", "the service requires " + required
                            + " but allowed-vtr lets it ask for " + weaker + ", which gives less: remove " + weaker
                            + " from allowed-vtr")));
            IdTokenSigningAlgorithm alg = enumField("id-token-signing-alg", IdTokenSigningAlgorithm.ES256,
                    IdTokenSigningAlgorithm::fromValue, "ES256, RS256");
            boolean requirePkce = bool("require-pkce");
            Optional<URI> eventsUri = optionalString("events-uri").flatMap(value -> uri("events-uri", value, false));
            // Compared exactly with the department of a connector (signet.connectors.file).
            Optional<String> department = optionalString("department");
            department.filter(value -> !DEPARTMENT.matcher(value).matches()).ifPresent(value -> problem("department",
                    "'" + value + "' is not a department identifier: lower-case letters, digits and hyphens, as in "
                            + "the connectors file"));
            if (scopes.contains(LEGACY_SUBJECTS_SCOPE) && department.isEmpty() && !fields.containsKey("department")) {
                problem("scopes", LEGACY_SUBJECTS_SCOPE + " needs the department that owns the service: set department");
            }
            if (problems.size() > problemsBefore) {
                return Optional.empty();
            }
            return Optional.of(new RelyingParty(clientId, name, redirectUris, postLogout, backchannel, method, jwks,
                    jwksUri, secret, sector, subjectType, grantTypes, new LinkedHashSet<>(scopes),
                    new LinkedHashSet<>(claims), vtr, requiredVtr, alg, requirePkce, RelyingParty.Source.FILE,
                    eventsUri, department));
        }

        /** Whether vector {@code allowed} has every component of {@code required} (Cl.Cm covers Cl, not the reverse). */
        private static boolean covers(String allowed, String required) {
            return Set.of(allowed.split("\\.")).containsAll(Set.of(required.split("\\.")));
        }

        /** OIDC Core §8.1: without a sector identifier, the host of the redirect URIs is the sector. */
        private String defaultSector(String clientId, List<URI> redirectUris) {
            Set<String> hosts = new LinkedHashSet<>();
            redirectUris.forEach(uri -> hosts.add(uri.getHost() == null ? uri.getScheme() : uri.getHost()));
            if (hosts.size() > 1) {
                problem("sector-identifier", "is required when the redirect URIs have different hosts "
                        + hosts + ", so that the pairwise sub does not depend on which one is used");
                return "";
            }
            return hosts.isEmpty() ? (clientId == null ? "" : clientId) : hosts.iterator().next();
        }

        private Optional<String> jwks() {
            Object value = fields.get("jwks");
            if (value == null) {
                return Optional.empty();
            }
            try {
                JWKSet set;
                if (value instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> json = (Map<String, Object>) map;
                    set = json.containsKey("keys") ? JWKSet.parse(json) : new JWKSet(JWK.parse(json));
                } else if (value instanceof String text) {
                    set = text.contains("\"keys\"") ? JWKSet.parse(text) : new JWKSet(JWK.parse(text));
                } else {
                    problem("jwks", "must be a JWK or JWK Set, as YAML or as a JSON string");
                    return Optional.empty();
                }
                if (set.getKeys().isEmpty()) {
                    problem("jwks", "has no keys");
                    return Optional.empty();
                }
                for (JWK key : set.getKeys()) {
                    if (key.isPrivate()) {
                        problem("jwks", "key '" + key.getKeyID() + "' contains private key material: give only the "
                                + "public key (and treat the private key as compromised)");
                        return Optional.empty();
                    }
                    if (!(KeyType.EC.equals(key.getKeyType()) || KeyType.RSA.equals(key.getKeyType())
                            || KeyType.OKP.equals(key.getKeyType()))) {
                        problem("jwks", "key '" + key.getKeyID() + "' has type " + key.getKeyType()
                                + "; only EC, RSA and OKP signing keys are accepted");
                        return Optional.empty();
                    }
                }
                return Optional.of(set.toString(true));
            } catch (ParseException | RuntimeException e) {
                problem("jwks", "is not a valid JWK or JWK Set: " + e.getMessage());
                return Optional.empty();
            }
        }

        private List<URI> uriList(String field, boolean redirect) {
            List<URI> result = new ArrayList<>();
            for (String value : stringList(field, List.of())) {
                uri(field, value, redirect).ifPresent(result::add);
            }
            return result;
        }

        /**
         * RFC 6749 §3.1.2 and RFC 8252: absolute, no fragment; https, http only on a loopback host, or (redirects
         * only) a private-use scheme in reverse-domain form for native apps.
         */
        private Optional<URI> uri(String field, String value, boolean redirect) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                problem(field, "'" + value + "' is not a valid URI");
                return Optional.empty();
            }
            if (!uri.isAbsolute()) {
                problem(field, "'" + value + "' must be an absolute URI");
                return Optional.empty();
            }
            if (uri.getRawFragment() != null || value.contains("#")) {
                problem(field, "'" + value + "' must not contain a fragment (#)");
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if ("https".equals(scheme)) {
                if (uri.getHost() == null) {
                    problem(field, "'" + value + "' has no host");
                    return Optional.empty();
                }
                return Optional.of(uri);
            }
            if ("http".equals(scheme)) {
                if (redirect && "localhost".equalsIgnoreCase(uri.getHost())) {
                    problem(field, "'" + value + "' uses localhost: use the loopback address 127.0.0.1 or [::1] "
                            + "instead (RFC 8252 §8.3; the authorization server refuses localhost redirects)");
                    return Optional.empty();
                }
                if (!isLoopback(uri.getHost())) {
                    problem(field, "'" + value + "' uses http on a host that is not loopback: use https (http is "
                            + "allowed only for 127.0.0.1" + (redirect ? " or [::1])" : ", [::1] or localhost)"));
                    return Optional.empty();
                }
                return Optional.of(uri);
            }
            if (redirect && scheme.contains(".")) {
                return Optional.of(uri);
            }
            problem(field, "'" + value + "' must use https (or http on loopback"
                    + (redirect ? ", or a private-use scheme such as com.example.app:/callback" : "") + ")");
            return Optional.empty();
        }

        private static boolean isLoopback(String host) {
            return "127.0.0.1".equals(host) || "[::1]".equals(host) || "localhost".equalsIgnoreCase(host);
        }

        private String requiredString(String field) {
            Optional<String> value = optionalString(field);
            if (value.isEmpty() && !fields.containsKey(field)) {
                problem(field, "is required");
            }
            return value.orElse(null);
        }

        private Optional<String> optionalString(String field) {
            Object value = fields.get(field);
            if (value == null) {
                return Optional.empty();
            }
            if (!(value instanceof String text) || text.isBlank()) {
                problem(field, "must be a non-empty text value");
                return Optional.empty();
            }
            return Optional.of(text.strip());
        }

        private List<String> stringList(String field, List<String> defaults) {
            Object value = fields.get(field);
            if (value == null) {
                return defaults;
            }
            if (!(value instanceof List<?> list)) {
                problem(field, "must be a list");
                return List.of();
            }
            List<String> result = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof String text && !text.isBlank()) {
                    result.add(text.strip());
                } else {
                    problem(field, "items must be non-empty text values, but one is '" + item + "'");
                }
            }
            return result;
        }

        private <E> E enumField(String field, E defaultValue, java.util.function.Function<String, Optional<E>> parse,
                String allowed) {
            Object value = fields.get(field);
            if (value == null) {
                if (defaultValue == null) {
                    problem(field, "is required (one of " + allowed + ")");
                }
                return defaultValue;
            }
            Optional<E> parsed = parse.apply(String.valueOf(value));
            if (parsed.isEmpty()) {
                problem(field, "'" + value + "' is not one of " + allowed);
            }
            return parsed.orElse(defaultValue);
        }

        private boolean bool(String field) {
            Object value = fields.get(field);
            if (value == null) {
                return false;
            }
            if (!(value instanceof Boolean flag)) {
                problem(field, "must be true or false");
                return false;
            }
            return flag;
        }

        private void problem(String field, String message) {
            problems.add(label + ", field '" + field + "': " + message);
        }
    }
}
