package dev.signet.admin.relyingparties;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.signet.admin.web.InvalidRequestException;
import dev.signet.admin.web.InvalidRequestException.FieldError;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.ManagedRelyingParty;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns an operator's registration into a {@link RelyingParty}, or refuses it with every problem at once, each naming
 * its field (a 400 problem). The rules are those of the relying-party file (docs/relying-parties.md) with the stricter
 * URI rules of {@link RegistrationUris}, and the pairwise sector of OpenID Connect Core §8.1:
 * <ul>
 *   <li>with {@code sector_identifier_uri}, the document is fetched over https and must list every redirect URI; the
 *       sector is its host;</li>
 *   <li>without, a pairwise client's redirect URIs must all have one host, which is the sector (the client id when it
 *       has no redirect URIs, as for client credentials only).</li>
 * </ul>
 * On an update the sector never changes, since every pairwise {@code sub} the service knows is derived from it: a
 * {@code sector_identifier_uri} must then be on the same host.
 */
class RegistrationValidator {

    static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials");
    static final String LEGACY_SUBJECTS_SCOPE = "legacy_subjects";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,128}");
    // RFC 6749 §3.3 scope-token
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    // RFC 8485 §3: period-separated components, each a capital letter (category) and a value.
    private static final Pattern VECTOR = Pattern.compile("[A-Z][A-Za-z0-9]*(\\.[A-Z][A-Za-z0-9]*)*");
    private static final Pattern DEPARTMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final List<String> DEFAULT_VTR = List.of("Cl.Cm", "Cl");
    private static final int MAX_NAME = 200;

    private final SectorIdentifierDocuments sectorDocuments;

    RegistrationValidator(SectorIdentifierDocuments sectorDocuments) {
        this.sectorDocuments = Objects.requireNonNull(sectorDocuments, "sectorDocuments");
    }

    /** A valid registration and the sector identifier document it was checked against, if any. */
    record Valid(RelyingParty registration, Optional<URI> sectorIdentifierUri) {
    }

    /**
     * @param existing     the relying party being updated; empty for a new registration
     * @param secretSha256 the hash of the client secret to store (new registrations with a secret method)
     * @throws InvalidRequestException naming every field that is wrong
     */
    Valid validate(RelyingPartyRequest request, Optional<ManagedRelyingParty> existing, Optional<String> secretSha256) {
        List<FieldError> errors = new ArrayList<>();
        String clientId = request.clientId();
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            errors.add(new FieldError("client_id", "Give 1 to 128 characters from A-Z a-z 0-9 . _ ~ -."));
        }
        String name = request.clientName() == null ? "" : request.clientName().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add(new FieldError("client_name", "Give the service's name as citizens know it (1 to " + MAX_NAME
                    + " characters)."));
        }
        TokenEndpointAuthMethod method = required(request.tokenEndpointAuthMethod(), "token_endpoint_auth_method",
                TokenEndpointAuthMethod::fromValue, "private_key_jwt, client_secret_basic, client_secret_post, none",
                errors);
        if (method != null && existing.isPresent()
                && method.usesSecret() != existing.get().registration().authMethod().usesSecret()) {
            errors.add(new FieldError("token_endpoint_auth_method", "A client cannot change between a secret ("
                    + "client_secret_basic, client_secret_post) and no secret (private_key_jwt, none): register a new "
                    + "client instead."));
        }
        Set<String> grants = new LinkedHashSet<>(orDefault(request.grantTypes(),
                List.of("authorization_code", "refresh_token")));
        grants.stream().filter(grant -> !GRANT_TYPES.contains(grant)).forEach(grant -> errors.add(new FieldError(
                "grant_types", "'" + grant + "' is not supported (use authorization_code, refresh_token, "
                        + "client_credentials).")));
        if (method == TokenEndpointAuthMethod.NONE && grants.contains("client_credentials")) {
            errors.add(new FieldError("grant_types", "client_credentials needs a confidential client, but "
                    + "token_endpoint_auth_method is none."));
        }
        List<URI> redirects = new ArrayList<>();
        orDefault(request.redirectUris(), List.<String>of()).forEach(value ->
                RegistrationUris.redirect("redirect_uris", value, errors).ifPresent(redirects::add));
        if (grants.contains("authorization_code") && orDefault(request.redirectUris(), List.of()).isEmpty()) {
            errors.add(new FieldError("redirect_uris", "At least one is needed for the authorization_code grant."));
        }
        List<URI> postLogout = new ArrayList<>();
        orDefault(request.postLogoutRedirectUris(), List.<String>of()).forEach(value ->
                RegistrationUris.redirect("post_logout_redirect_uris", value, errors).ifPresent(postLogout::add));
        Optional<URI> backchannel = Optional.ofNullable(request.backchannelLogoutUri())
                .flatMap(value -> RegistrationUris.https("backchannel_logout_uri", value, errors));
        Optional<URI> events = Optional.ofNullable(request.eventsUri())
                .flatMap(value -> RegistrationUris.https("events_uri", value, errors));
        Optional<String> jwks = jwks(request.jwks(), errors);
        Optional<URI> jwksUri = Optional.ofNullable(request.jwksUri())
                .flatMap(value -> RegistrationUris.https("jwks_uri", value, errors));
        if (request.jwks() != null && request.jwksUri() != null) {
            errors.add(new FieldError("jwks", "Give either jwks or jwks_uri, not both."));
        }
        if (method == TokenEndpointAuthMethod.PRIVATE_KEY_JWT && request.jwks() == null
                && request.jwksUri() == null) {
            errors.add(new FieldError("jwks", "private_key_jwt needs the client's public keys: give jwks or "
                    + "jwks_uri."));
        }
        SubjectType subjectType = request.subjectType() == null ? SubjectType.PAIRWISE : required(
                request.subjectType(), "subject_type", SubjectType::fromValue, "pairwise, public", errors);
        Optional<URI> sectorUri = Optional.empty();
        String sector = null;
        if (request.sectorIdentifierUri() != null) {
            sectorUri = RegistrationUris.https("sector_identifier_uri", request.sectorIdentifierUri(), errors);
            sector = sectorUri.map(uri -> checkSectorDocument(uri, redirects, errors)).orElse(null);
        } else {
            Set<String> hosts = new LinkedHashSet<>();
            redirects.forEach(uri -> hosts.add(uri.getHost()));
            if (subjectType == SubjectType.PAIRWISE && hosts.size() > 1) {
                errors.add(new FieldError("sector_identifier_uri", "The redirect URIs have different hosts " + hosts
                        + ": give a sector_identifier_uri listing them all (OpenID Connect Core §8.1), so that "
                        + "every one gets the same pairwise sub."));
            }
            sector = hosts.isEmpty() ? clientId : hosts.iterator().next();
        }
        if (existing.isPresent()) {
            String current = existing.get().registration().sectorIdentifier();
            if (sectorUri.isPresent() && sector != null && !sector.equals(current)) {
                errors.add(new FieldError("sector_identifier_uri", "The client's sector is " + current + ": a "
                        + "sector_identifier_uri on another host would change every pairwise sub it knows. Register a "
                        + "new client instead."));
            }
            sector = current;
        }
        List<String> scopes = orDefault(request.scopes(), List.of("openid"));
        scopes.stream().filter(scope -> scope == null || !SCOPE.matcher(scope).matches()).forEach(scope ->
                errors.add(new FieldError("scopes", "'" + scope + "' is not a valid scope token.")));
        List<String> claims = orDefault(request.claims(), List.of());
        Optional<String> requiredVtr = Optional.ofNullable(request.requiresVtr());
        requiredVtr.filter(vector -> !VECTOR.matcher(vector).matches()).ifPresent(vector -> errors.add(
                new FieldError("requires_vtr", "'" + vector + "' is not a vector of trust such as Cl or Cl.Cm.")));
        List<String> vtr = orDefault(request.allowedVtr(), requiredVtr.map(List::of).orElse(DEFAULT_VTR));
        vtr.stream().filter(vector -> vector == null || !VECTOR.matcher(vector).matches()).forEach(vector ->
                errors.add(new FieldError("allowed_vtr", "'" + vector + "' is not a vector of trust such as Cl or "
                        + "Cl.Cm.")));
        requiredVtr.ifPresent(required -> vtr.stream().filter(allowed -> allowed != null
                        && !Set.of(allowed.split("\\.")).containsAll(Set.of(required.split("\\."))))
                .forEach(weaker -> errors.add(new FieldError("requires_vtr", "The service requires " + required
                        + " but allowed_vtr lets it ask for " + weaker + ", which gives less."))));
        IdTokenSigningAlgorithm alg = request.idTokenSignedResponseAlg() == null ? IdTokenSigningAlgorithm.ES256
                : required(request.idTokenSignedResponseAlg(), "id_token_signed_response_alg",
                        IdTokenSigningAlgorithm::fromValue, "ES256, RS256", errors);
        Optional<String> department = Optional.ofNullable(request.department());
        department.filter(value -> !DEPARTMENT.matcher(value).matches()).ifPresent(value -> errors.add(
                new FieldError("department", "'" + value + "' is not a department identifier: lower-case letters, "
                        + "digits and hyphens, as in the connectors' configuration.")));
        if (scopes.contains(LEGACY_SUBJECTS_SCOPE) && department.isEmpty()) {
            errors.add(new FieldError("scopes", LEGACY_SUBJECTS_SCOPE + " needs the department that runs the "
                    + "service: give department."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        RelyingParty registration = new RelyingParty(clientId, name, redirects, postLogout, backchannel, method, jwks,
                jwksUri, method.usesSecret() ? secretSha256 : Optional.empty(), sector, subjectType, grants,
                new LinkedHashSet<>(scopes), new LinkedHashSet<>(claims), vtr, requiredVtr, alg,
                Boolean.TRUE.equals(request.requirePkce()), RelyingParty.Source.ADMIN, events, department);
        return new Valid(registration, sectorUri);
    }

    /** OIDC Core §8.1: the document must list every redirect URI; the sector is the document's host. */
    private String checkSectorDocument(URI document, List<URI> redirects, List<FieldError> errors) {
        SectorIdentifierDocuments.Outcome outcome = sectorDocuments.read(document);
        if (outcome instanceof SectorIdentifierDocuments.Outcome.Unreadable unreadable) {
            errors.add(new FieldError("sector_identifier_uri", "The sector identifier document " + document + " "
                    + unreadable.reason() + "."));
            return null;
        }
        List<String> listed = ((SectorIdentifierDocuments.Outcome.Listed) outcome).redirectUris();
        List<String> missing = redirects.stream().map(URI::toString).filter(uri -> !listed.contains(uri)).toList();
        if (!missing.isEmpty()) {
            errors.add(new FieldError("sector_identifier_uri", "The sector identifier document " + document
                    + " does not list the redirect URIs " + missing + "."));
            return null;
        }
        return document.getHost();
    }

    /** The key set as stored: public keys only, each usable for signatures. */
    private static Optional<String> jwks(Map<String, Object> value, List<FieldError> errors) {
        if (value == null) {
            return Optional.empty();
        }
        JWKSet set;
        try {
            set = value.containsKey("keys") ? JWKSet.parse(value) : new JWKSet(JWK.parse(value));
        } catch (ParseException | RuntimeException e) {
            errors.add(new FieldError("jwks", "Not a JWK or JWK Set (RFC 7517): " + e.getMessage()));
            return Optional.empty();
        }
        if (set.getKeys().isEmpty()) {
            errors.add(new FieldError("jwks", "The key set has no keys."));
            return Optional.empty();
        }
        if (set.getKeys().stream().anyMatch(JWK::isPrivate)) {
            errors.add(new FieldError("jwks", "The key set contains private key material: send only the public "
                    + "keys, and treat the private key as exposed."));
            return Optional.empty();
        }
        return Optional.of(set.toString(true));
    }

    private static <E> E required(String value, String field, Function<String, Optional<E>> parse, String allowed,
            List<FieldError> errors) {
        Optional<E> parsed = value == null ? Optional.empty() : parse.apply(value);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(field, value == null ? "Required: one of " + allowed + "."
                    : "'" + value + "' is not one of " + allowed + "."));
        }
        return parsed.orElse(null);
    }

    private static <T> List<T> orDefault(List<T> value, List<T> defaults) {
        return value == null ? defaults : value;
    }
}
