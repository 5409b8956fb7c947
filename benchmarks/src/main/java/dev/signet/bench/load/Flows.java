package dev.signet.bench.load;

import java.util.Map;
import java.util.Objects;

/** The flows the driver knows, by command-line name. */
final class Flows {

    private Flows() {
    }

    static final String CLIENT_CREDENTIALS = "client-credentials";
    static final String AUTHORIZATION_CODE = "authorization-code";
    static final String REFRESH = "refresh";
    static final String INTROSPECTION = "introspection";

    /** A client credentials grant per operation. */
    static Flow clientCredentials(TokenClient client, String scope) {
        return new Named(CLIENT_CREDENTIALS, worker -> () -> TokenClient.requireString(
                client.clientCredentials(scope), "access_token", "token response"));
    }

    /** A whole browser sign-in with PKCE, ending with the code exchange, per operation. */
    static Flow authorizationCode(BrowserSignIn signIn) {
        return new Named(AUTHORIZATION_CODE, worker -> signIn::signIn);
    }

    /**
     * A refresh grant per operation. Each worker signs in once before timing starts and then refreshes its own token,
     * keeping the new refresh token each time (rotation): reusing a rotated one would revoke the family.
     */
    static Flow refresh(BrowserSignIn signIn, TokenClient client) {
        return new Named(REFRESH, worker -> {
            String[] current = {TokenClient.requireString(signIn.signIn(), "refresh_token", "token response")};
            return () -> {
                Map<String, Object> tokens = client.refresh(current[0]);
                TokenClient.requireString(tokens, "access_token", "refresh response");
                if (tokens.get("refresh_token") instanceof String rotated) {
                    current[0] = rotated;
                }
            };
        });
    }

    /**
     * An introspection (RFC 7662) per operation, of an access token each worker obtains with the client credentials
     * grant before timing starts (and again, rarely, shortly before it expires); the token must be reported active.
     * {@code tokenTypeHint} (e.g. {@code access_token}) is sent when not null.
     */
    static Flow introspection(TokenClient client, String scope, String tokenTypeHint) {
        return new Named(INTROSPECTION, worker -> {
            IntrospectedToken token = new IntrospectedToken(client, scope);
            return () -> {
                if (!Boolean.TRUE.equals(client.introspect(token.current(), tokenTypeHint).get("active"))) {
                    throw new FlowFailure("introspection says the token is not active");
                }
            };
        });
    }

    /** One worker's access token, replaced when it has less than a minute to live. */
    private static final class IntrospectedToken {

        private final TokenClient client;
        private final String scope;
        private String token;
        private long renewAtNanos;

        IntrospectedToken(TokenClient client, String scope) throws Exception {
            this.client = client;
            this.scope = scope;
            renew();
        }

        String current() throws Exception {
            if (System.nanoTime() - renewAtNanos >= 0) {
                renew();
            }
            return token;
        }

        private void renew() throws Exception {
            Map<String, Object> tokens = client.clientCredentials(scope);
            token = TokenClient.requireString(tokens, "access_token", "token response");
            long lifetimeSeconds = tokens.get("expires_in") instanceof Number seconds ? seconds.longValue() : 300;
            renewAtNanos = System.nanoTime() + Math.max(1, lifetimeSeconds - 60) * 1_000_000_000L;
        }
    }

    private record Named(String name, Preparation preparation) implements Flow {

        Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(preparation, "preparation");
        }

        @Override
        public Operation prepare(int worker) throws Exception {
            return preparation.prepare(worker);
        }
    }

    @FunctionalInterface
    private interface Preparation {
        Flow.Operation prepare(int worker) throws Exception;
    }
}
