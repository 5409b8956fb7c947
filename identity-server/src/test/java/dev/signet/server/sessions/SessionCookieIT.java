package dev.signet.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.authorization.RequestScopedAuthorizationStore;
import dev.signet.server.oidc.authorization.jdbc.JdbcAuthorizationStore;
import dev.signet.server.testing.ServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded default: sessions in the process, authorization state in PostgreSQL. */
class SessionCookieIT extends ServerIntegrationTest {

    @Autowired
    AuthorizationStore authorizationStore;

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLaxWithoutTheHostPrefixOnHttp() throws Exception {
        String cookie = sessionCookie(HttpClient.newHttpClient(), baseUrl());

        assertThat(cookie).startsWith("signet-session=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");
    }

    @Test
    void authorizationStateIsInPostgresql() {
        assertThat(authorizationStore).isInstanceOfSatisfying(RequestScopedAuthorizationStore.class,
                store -> assertThat(store.delegate()).isInstanceOf(JdbcAuthorizationStore.class));
    }

    /** A page that needs a signed-in citizen remembers the request in a new session. */
    static String sessionCookie(HttpClient http, String baseUrl) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/account"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.discarding());
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.contains("signet-session=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }
}
