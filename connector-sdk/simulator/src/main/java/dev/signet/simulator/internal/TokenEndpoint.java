package dev.signet.simulator.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.signet.simulator.SimulatedClient;
import dev.signet.simulator.SimulatedUser;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The token endpoint: the authorization code grant (single-use code, same client and redirect URI, PKCE verifier)
 * and the refresh token grant (with rotation), each answering an access token, a refresh token and an ID token.
 */
final class TokenEndpoint {

    private final Behaviour behaviour;
    private final Grants grants;
    private final TokenIssuer tokens;
    private final ClientAuthenticator authenticator;

    TokenEndpoint(Behaviour behaviour, Grants grants, TokenIssuer tokens, ClientAuthenticator authenticator) {
        this.behaviour = behaviour;
        this.grants = grants;
        this.tokens = tokens;
        this.authenticator = authenticator;
    }

    void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Http.oauthError(exchange, 405, "invalid_request", "The token endpoint takes POST");
            return;
        }
        Map<String, String> form;
        try {
            form = Http.form(exchange);
        } catch (Http.RepeatedParameterException e) {
            Http.oauthError(exchange, 400, "invalid_request", e.getMessage());
            return;
        }
        Optional<SimulatedClient> client = authenticator.authenticate(exchange, form);
        if (client.isEmpty()) {
            Http.oauthError(exchange, 401, "invalid_client", "Client authentication failed");
            return;
        }
        Optional<Behaviour.TokenErrorSpec> forced = behaviour.takeTokenError();
        if (forced.isPresent()) {
            Http.oauthError(exchange, forced.get().status(), forced.get().code(), "Simulated error");
            return;
        }
        String grantType = form.getOrDefault("grant_type", "");
        switch (grantType) {
            case "authorization_code" -> authorizationCode(exchange, client.get(), form);
            case "refresh_token" -> refreshToken(exchange, client.get(), form);
            default -> Http.oauthError(exchange, 400, "unsupported_grant_type",
                    "Supported: authorization_code, refresh_token");
        }
    }

    private void authorizationCode(HttpExchange exchange, SimulatedClient client, Map<String, String> form)
            throws IOException {
        Optional<Grants.SignInGrant> redeemed = grants.redeemCode(form.get("code"));
        if (redeemed.isEmpty()) {
            Http.oauthError(exchange, 400, "invalid_grant", "The code is unknown, expired or already used");
            return;
        }
        Grants.SignInGrant grant = redeemed.get();
        if (!grant.clientId().equals(client.clientId()) || !grant.redirectUri().equals(form.get("redirect_uri"))) {
            Http.oauthError(exchange, 400, "invalid_grant", "The code was issued to another client or redirect URI");
            return;
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || !Randoms.same(Randoms.s256(verifier), grant.codeChallenge())) {
            Http.oauthError(exchange, 400, "invalid_grant", "The code_verifier does not match the code_challenge");
            return;
        }
        answer(exchange, grant, grants.issueTokens(grant), grant.nonce());
    }

    private void refreshToken(HttpExchange exchange, SimulatedClient client, Map<String, String> form)
            throws IOException {
        Grants.Refreshed refreshed = grants.refresh(form.get("refresh_token"), client.clientId());
        if (refreshed instanceof Grants.Refreshed.Refused refused) {
            Http.oauthError(exchange, 400, "invalid_grant", refused.reason());
            return;
        }
        Grants.Refreshed.Rotated rotated = (Grants.Refreshed.Rotated) refreshed;
        answer(exchange, rotated.grant(), rotated.tokens(), Optional.empty());
    }

    private void answer(HttpExchange exchange, Grants.SignInGrant grant, Grants.Issued issued,
            Optional<String> nonce) throws IOException {
        Optional<SimulatedUser> user = behaviour.user(grant.subject());
        if (user.isEmpty()) {
            Http.oauthError(exchange, 400, "invalid_grant", "The citizen's account no longer exists");
            return;
        }
        String idToken = tokens.idToken(new TokenIssuer.IdTokenContent(grant.subject(), grant.clientId(), nonce,
                issued.accessToken(), grant.vot(), grant.authTime(), grant.sessionId(),
                UserClaims.idToken(user.get(), grant)), behaviour.takeIdTokenFault());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", Duration.between(Instant.now(), issued.accessTokenExpiresAt()).toSeconds());
        body.put("refresh_token", issued.refreshToken());
        body.put("id_token", idToken);
        body.put("scope", String.join(" ", grant.scopes()));
        Http.json(exchange, 200, body);
    }
}
