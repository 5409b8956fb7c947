package dev.signet.server.clients;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * RFC 9101 request objects passed by value: the {@code request} parameter is a JWS signed with one of the client's
 * registered keys ({@code alg=none} refused), with {@code iss} = client id and {@code aud} = this issuer; its claims
 * replace the query parameters of the same name, then the framework's converter reads the merged request.
 * {@code request_uri} (request objects by reference) is refused with {@code request_uri_not_supported}.
 *
 * <p>The JOSE header's {@code typ} must be {@code oauth-authz-req+jwt} (RFC 9101 §10.8, explicit typing), or
 * {@code JWT} or absent for clients written before explicit typing: any other type (such as a client assertion's or
 * a logout token's) is a different kind of JWT and is refused with {@code invalid_request_object}, so that a token
 * minted for one purpose cannot be replayed as a request object.
 */
final class RequestObjectAuthorizationRequestConverter implements AuthenticationConverter {

    static final String REQUEST_OBJECT_ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc9101#section-6.3";
    /** RFC 9101 §10.8: the media type of a request object, without its {@code application/} prefix. */
    static final JOSEObjectType REQUEST_OBJECT_TYPE = new JOSEObjectType("oauth-authz-req+jwt");
    private static final Set<String> JWT_ONLY_CLAIMS = Set.of("iss", "aud", "exp", "iat", "nbf", "jti", "sub");

    private final AuthenticationConverter delegate;
    private final RelyingPartyRepository relyingParties;
    private final ClientKeys clientKeys;
    private final Clock clock;

    RequestObjectAuthorizationRequestConverter(AuthenticationConverter delegate, RelyingPartyRepository relyingParties,
            ClientKeys clientKeys, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.relyingParties = Objects.requireNonNull(relyingParties, "relyingParties");
        this.clientKeys = Objects.requireNonNull(clientKeys, "clientKeys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (request.getParameter(OAuth2ParameterNames.REQUEST_URI) != null) {
            throw error(request, "request_uri_not_supported",
                    "Request objects by reference (request_uri) are not supported; pass the request object by value");
        }
        String requestObject = request.getParameter("request");
        if (requestObject == null) {
            return delegate.convert(request);
        }
        String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        RelyingParty rp = clientId == null ? null : relyingParties.findByClientId(clientId).orElse(null);
        if (rp == null) {
            // No verified client: the error must not be sent to any redirect URI.
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: client_id", null), null);
        }
        JWTClaimsSet claims = verify(request, rp, requestObject);
        return delegate.convert(new MergedParametersRequest(request, merge(request, claims)));
    }

    private JWTClaimsSet verify(HttpServletRequest request, RelyingParty rp, String requestObject) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(requestObject);
        } catch (ParseException e) {
            throw invalidRequestObject(request, "The request object is not a JWT");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw invalidRequestObject(request, "The request object must be signed (alg none is not accepted)");
        }
        if (!isRequestObjectType(signed.getHeader().getType())) {
            throw invalidRequestObject(request, "The request object's typ must be oauth-authz-req+jwt (RFC 9101), "
                    + "or JWT, or absent");
        }
        DefaultJWTProcessor<SecurityContext> processor = clientKeys.processorFor(rp)
                .orElseThrow(() -> invalidRequestObject(request, "The client has registered no keys to sign with"));
        // The type was checked above, more leniently than Nimbus' default verifier (which knows only JWT).
        processor.setJWSTypeVerifier((type, context) -> {
        });
        JWTClaimsSet claims;
        try {
            claims = processor.process(signed, null);
        } catch (BadJOSEException | JOSEException e) {
            throw invalidRequestObject(request, "The request object's signature is not valid for this client");
        }
        Instant now = clock.instant();
        String issuer = AuthorizationServerContextHolder.getContext().getIssuer();
        if (!rp.clientId().equals(claims.getIssuer())) {
            throw invalidRequestObject(request, "The request object's iss must be the client id");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(issuer)) {
            throw invalidRequestObject(request, "The request object's aud must be the issuer " + issuer);
        }
        // RFC 9101 §4: a request object must not nest another one.
        if (claims.getClaim("request") != null || claims.getClaim(OAuth2ParameterNames.REQUEST_URI) != null) {
            throw invalidRequestObject(request, "The request object must not contain request or request_uri");
        }
        Object clientIdClaim = claims.getClaim(OAuth2ParameterNames.CLIENT_ID);
        if (clientIdClaim != null && !rp.clientId().equals(clientIdClaim)) {
            throw invalidRequestObject(request, "The request object's client_id differs from the request's");
        }
        Date exp = claims.getExpirationTime();
        if (exp != null && exp.toInstant().isBefore(now.minus(ClientAssertionValidator.CLOCK_SKEW))) {
            throw invalidRequestObject(request, "The request object has expired");
        }
        // No jti single-use rule here: after sign-in the browser sends the same authorization request again, and
        // the response only ever goes to the client's registered redirect URI.
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(ClientAssertionValidator.CLOCK_SKEW))) {
            throw invalidRequestObject(request, "The request object is not valid yet");
        }
        return claims;
    }

    /**
     * Whether a {@code typ} names a request object: {@code oauth-authz-req+jwt}, also with the
     * {@code application/} prefix RFC 7515 §4.1.9 lets senders keep, and compared case-insensitively as media types
     * are; {@code JWT} or none for untyped request objects.
     */
    static boolean isRequestObjectType(JOSEObjectType type) {
        if (type == null) {
            return true;
        }
        String value = type.getType().toLowerCase(java.util.Locale.ROOT);
        if (value.startsWith("application/")) {
            value = value.substring("application/".length());
        }
        return value.equals("jwt") || value.equals(REQUEST_OBJECT_TYPE.getType());
    }

    /** RFC 9101 §6.3: the request object's parameters win over the query's; {@code request} itself is consumed. */
    private static Map<String, String[]> merge(HttpServletRequest request, JWTClaimsSet claims) {
        Map<String, String[]> merged = new LinkedHashMap<>(request.getParameterMap());
        merged.remove("request");
        claims.getClaims().forEach((name, value) -> {
            if (!JWT_ONLY_CLAIMS.contains(name) && value != null) {
                merged.put(name, new String[] {asParameter(value)});
            }
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static String asParameter(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Map<?, ?> map) {
            return JSONObjectUtils.toJSONString((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            return JSONArrayUtils.toJSONString((List<Object>) list);
        }
        return String.valueOf(value);
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationException invalidRequestObject(
            HttpServletRequest request, String description) {
        return error(request, "invalid_request_object", description);
    }

    /**
     * An error carrying the request's own client id and redirect URI; the error handler redirects only when that
     * URI is registered for that client, and shows a page otherwise.
     */
    private static OAuth2AuthorizationCodeRequestAuthenticationException error(HttpServletRequest request,
            String errorCode, String description) {
        Authentication principal = SecurityContextHolder.getContext().getAuthentication();
        if (principal == null) {
            principal = new AnonymousAuthenticationToken("anonymous", "anonymousUser",
                    AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        }
        OAuth2AuthorizationCodeRequestAuthenticationToken token = new OAuth2AuthorizationCodeRequestAuthenticationToken(
                request.getRequestURL().toString(), request.getParameter(OAuth2ParameterNames.CLIENT_ID),
                principal, request.getParameter(OAuth2ParameterNames.REDIRECT_URI),
                request.getParameter(OAuth2ParameterNames.STATE), Set.of(), Map.of());
        return new OAuth2AuthorizationCodeRequestAuthenticationException(
                new OAuth2Error(errorCode, description, REQUEST_OBJECT_ERROR_URI), token);
    }

    /** The request as the framework's converter must see it: merged parameters, all in the query for GET. */
    private static final class MergedParametersRequest extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        MergedParametersRequest(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = Collections.unmodifiableMap(parameters);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        /** The framework tells query from form parameters by the query string, so it must match the merge. */
        @Override
        public String getQueryString() {
            if (!"GET".equals(getMethod())) {
                return null;
            }
            return parameters.entrySet().stream()
                    .flatMap(entry -> java.util.Arrays.stream(entry.getValue())
                            .map(value -> encode(entry.getKey()) + "=" + encode(value)))
                    .collect(Collectors.joining("&"));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
