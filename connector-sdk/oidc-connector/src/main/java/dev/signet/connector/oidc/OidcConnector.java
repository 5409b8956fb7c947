package dev.signet.connector.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.signet.connector.Authenticated;
import dev.signet.connector.Callback;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.LegacyIdentity;
import dev.signet.connector.Redirect;
import dev.signet.connector.RedirectConnector;
import dev.signet.connector.RedirectRequest;
import dev.signet.connector.RedirectStartOutcome;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upstream OpenID Connect provider, used with the authorization code flow: {@link #start} sends the citizen there
 * with PKCE (S256), {@code state} and {@code nonce}; {@link #handleCallback} checks what comes back, redeems the code
 * at the token endpoint and validates the ID token ({@link IdTokenCheck}) before mapping its claims
 * ({@link ClaimMapping}). Opened by {@link OidcType}.
 *
 * <p>Every failure is an outcome: the citizen cancelling, the upstream refusing, a code that does not redeem and an ID
 * token that does not validate are {@link InvalidCredentials}; an upstream that cannot be reached, or that refuses
 * Signet's own client credentials or configuration, is {@link Unavailable}, within {@code timeout}. Logs name the
 * connector and the reason, never a code, token, state, nonce, subject or claim value.
 */
final class OidcConnector implements RedirectConnector {

    private static final Logger log = LoggerFactory.getLogger(OidcConnector.class);

    /** Upstream error codes that mean the citizen did not, or could not, sign in: their own doing, not an outage. */
    private static final Set<String> CITIZEN_ERRORS = Set.of("access_denied", "login_required", "consent_required",
            "interaction_required", "account_selection_required");

    /** Upstream error codes that mean the upstream is in trouble for now. */
    private static final Set<String> UPSTREAM_TROUBLE = Set.of("server_error", "temporarily_unavailable");

    /** An error code safe to log: RFC 6749 codes are short and plain. Anything else is not repeated. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

    private final ConnectorInstance instance;
    private final OidcSettings settings;
    private final UpstreamProvider upstream;
    private final UpstreamHttp http;
    private final IdTokenCheck idTokens;
    private final Clock clock;

    OidcConnector(ConnectorInstance instance, OidcSettings settings) {
        this(instance, settings, Clock.systemUTC());
    }

    OidcConnector(ConnectorInstance instance, OidcSettings settings, Clock clock) {
        this.instance = instance;
        this.settings = settings;
        this.clock = clock;
        this.http = new UpstreamHttp(settings.connectTimeout());
        this.upstream = new UpstreamProvider(instance.id(), settings.issuer(), settings.metadataRefresh(), http,
                clock);
        this.idTokens = new IdTokenCheck(settings, upstream, clock);
    }

    @Override
    public ConnectorInstance instance() {
        return instance;
    }

    @Override
    public RedirectStartOutcome start(RedirectRequest request) {
        OIDCProviderMetadata metadata;
        try {
            metadata = upstream.metadata(deadline());
        } catch (UpstreamException e) {
            return unavailable("start", e.getMessage());
        }
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI location = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(settings.scopes()
                .toArray(String[]::new)), settings.client().clientId(), request.callbackUri())
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State(request.state()))
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        String pending = new PendingSignIn(request.state(), nonce.getValue(), verifier.getValue()).encode();
        return new Redirect(location, pending);
    }

    @Override
    public SignInOutcome handleCallback(Callback callback) {
        try {
            return completeSignIn(callback);
        } catch (RuntimeException e) {
            // Whatever a library throws on an input nobody foresaw, the caller gets an outcome, not an exception.
            log.warn("Connector {}: callback could not be handled ({})", instance.id(), e.getClass().getSimpleName());
            return new InvalidCredentials();
        }
    }

    private SignInOutcome completeSignIn(Callback callback) {
        Optional<PendingSignIn> found = PendingSignIn.decode(callback.connectorState());
        if (found.isEmpty()) {
            return refused("the stored connector state is not this connector's");
        }
        PendingSignIn pending = found.get();
        if (!callback.parameter("state").filter(state -> sameText(state, pending.state())).isPresent()) {
            return refused("state is missing or not the one sent");
        }
        Deadline deadline = deadline();
        OIDCProviderMetadata metadata;
        try {
            metadata = upstream.metadata(deadline);
        } catch (UpstreamException e) {
            return unavailable("callback", e.getMessage());
        }
        String issuer = metadata.getIssuer().getValue();
        // RFC 9207: the iss parameter tells this upstream's answer from another's (mix-up attacks).
        Optional<String> responseIssuer = callback.parameter("iss");
        if (responseIssuer.isPresent() && !responseIssuer.get().equals(issuer)) {
            return refused("iss in the authorization response is not the upstream's issuer");
        }
        if (responseIssuer.isEmpty() && UpstreamProvider.sendsIssuerInResponses(metadata)) {
            return refused("iss is missing from the authorization response, though the upstream promises it");
        }
        if (callback.parameters().containsKey("error")) {
            return upstreamError(callback.parameter("error").orElse(""));
        }
        Optional<String> code = callback.parameter("code");
        if (code.isEmpty() || code.get().isBlank()) {
            return refused("the authorization response has no code");
        }
        return redeem(code.get(), pending, callback.callbackUri(), metadata, issuer, deadline);
    }

    private SignInOutcome upstreamError(String error) {
        String shown = ERROR_CODE.matcher(error).matches() ? error : "(unrecognised)";
        if (CITIZEN_ERRORS.contains(error)) {
            log.info("Connector {}: upstream sign-in ended with {}", instance.id(), shown);
            return new InvalidCredentials();
        }
        if (UPSTREAM_TROUBLE.contains(error)) {
            return unavailable("callback", "upstream answered error " + shown);
        }
        // invalid_request, unauthorized_client, invalid_scope, ...: the configuration needs an operator.
        return unavailable("callback", "upstream refused the authorization request: " + shown
                + " (check client-id, scopes and the registered callback address)");
    }

    private SignInOutcome redeem(String code, PendingSignIn pending, URI callbackUri, OIDCProviderMetadata metadata,
            String issuer, Deadline deadline) {
        TokenRequest request;
        try {
            request = new TokenRequest(metadata.getTokenEndpointURI(),
                    settings.client().forTokenEndpoint(metadata.getTokenEndpointURI()),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), callbackUri,
                            new CodeVerifier(pending.codeVerifier())));
        } catch (JOSEException e) {
            return unavailable("callback", "client assertion could not be signed with private-key ("
                    + e.getClass().getSimpleName() + ")");
        }
        TokenResponse response;
        try {
            HTTPResponse answer = http.send(request.toHTTPRequest(), "token endpoint", deadline);
            response = OIDCTokenResponseParser.parse(answer);
        } catch (UpstreamException e) {
            return unavailable("callback", e.getMessage());
        } catch (ParseException e) {
            return unavailable("callback", "token endpoint answered something that is not a token response");
        }
        if (response instanceof TokenErrorResponse error) {
            return tokenError(error.getErrorObject());
        }
        if (!(response instanceof OIDCTokenResponse tokens) || tokens.getOIDCTokens().getIDTokenString() == null) {
            return unavailable("callback", "token endpoint returned no ID token (is openid among the scopes?)");
        }
        IdTokenCheck.Result result;
        try {
            result = idTokens.check(tokens.getOIDCTokens().getIDTokenString(), pending.nonce(),
                    tokens.getOIDCTokens().getAccessToken(), issuer, deadline);
        } catch (UpstreamException e) {
            return unavailable("callback", e.getMessage());
        }
        if (result instanceof IdTokenCheck.Rejected rejected) {
            log.warn("Connector {}: ID token refused: {}", instance.id(), rejected.reason());
            return new InvalidCredentials();
        }
        Optional<LegacyIdentity> identity = settings.claims().identity(instance.id(),
                ((IdTokenCheck.Valid) result).claims());
        if (identity.isEmpty()) {
            log.warn("Connector {}: ID token has no usable subject claim '{}'", instance.id(),
                    settings.claims().subjectClaim());
            return new InvalidCredentials();
        }
        log.debug("Connector {}: upstream sign-in completed", instance.id());
        return new Authenticated(identity.get());
    }

    private SignInOutcome tokenError(ErrorObject error) {
        String code = error == null || error.getCode() == null ? "" : error.getCode();
        String shown = ERROR_CODE.matcher(code).matches() ? code : "(unrecognised)";
        int status = error == null ? 0 : error.getHTTPStatusCode();
        if (code.equals("invalid_grant")) {
            // The code expired, was used already, or was not issued to Signet: the citizen starts again.
            log.info("Connector {}: the token endpoint refused the code (invalid_grant)", instance.id());
            return new InvalidCredentials();
        }
        if (code.equals("invalid_client") || code.equals("unauthorized_client")) {
            return unavailable("callback", "token endpoint refused Signet's client credentials (" + shown
                    + "): check client-id and client-authentication");
        }
        return unavailable("callback", "token endpoint answered error " + shown
                + (status > 0 ? " (HTTP " + status + ")" : ""));
    }

    private Deadline deadline() {
        return Deadline.after(clock, settings.timeout());
    }

    private SignInOutcome refused(String reason) {
        log.warn("Connector {}: upstream sign-in refused: {}", instance.id(), reason);
        return new InvalidCredentials();
    }

    private Unavailable unavailable(String step, String reason) {
        log.warn("Connector {}: upstream unavailable ({}): {}", instance.id(), step, reason);
        return new Unavailable(reason);
    }

    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
