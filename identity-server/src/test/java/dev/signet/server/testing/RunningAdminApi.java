package dev.signet.server.testing;

import dev.signet.admin.AdminApiApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The admin API started as its own Spring application in this JVM, next to the identity-server under test: on its
 * database, trusting its tokens, sharing its key-encryption key and Redis, as an operator's deployment does. One per
 * test class that needs it; close it when the class is done.
 */
public final class RunningAdminApi implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;
    private final String identityServerBaseUrl;

    private RunningAdminApi(ConfigurableApplicationContext context, String identityServerBaseUrl) {
        this.context = context;
        this.identityServerBaseUrl = identityServerBaseUrl;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * @param identityServer the environment of the identity-server under test
     * @param baseUrl        where that identity-server answers
     */
    public static RunningAdminApi start(Environment identityServer, String baseUrl) {
        return start(identityServer, baseUrl, Map.of());
    }

    /** As {@link #start(Environment, String)}, with settings of the test's own added or replaced. */
    public static RunningAdminApi start(Environment identityServer, String baseUrl, Map<String, Object> extraSettings) {
        Map<String, Object> settings = new HashMap<>();
        // Not identity-server's application.yml, which is first on this class path: only what is given here.
        settings.put("spring.config.name", "admin-api-end-to-end");
        settings.put("server.port", "0");
        settings.put("spring.application.name", "signet-admin-api");
        settings.put("spring.datasource.url", identityServer.getRequiredProperty("spring.datasource.url"));
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.flyway.locations", "classpath:db/migration");
        settings.put("spring.flyway.out-of-order", "true");
        settings.put("spring.mvc.problemdetails.enabled", "true");
        settings.put("signet.admin.issuer", identityServer.getRequiredProperty("signet.issuer"));
        settings.put("signet.admin.jwk-set-uri", baseUrl + "/oauth2/jwks");
        settings.put("signet.admin.audience", identityServer.getRequiredProperty("signet.admin-api.audience"));
        // The same key-encryption key as identity-server: both seal and open connectors' secret settings.
        settings.put("signet.admin.connectors.encryption-key",
                identityServer.getRequiredProperty("signet.keys.encryption-key"));
        settings.put("springdoc.api-docs.enabled", "true");
        // The same Redis as identity-server, when it has one: the account view then lists live sessions.
        String redis = identityServer.getProperty("signet.redis.url");
        if (redis != null && !redis.isBlank()) {
            settings.put("signet.redis.url", redis);
        }
        // identity-server's dependencies are on this class path too; the admin API uses none of them.
        settings.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet."
                        + "OAuth2AuthorizationServerAutoConfiguration",
                "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet."
                        + "OAuth2AuthorizationServerJwtAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
                "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
                "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
                "org.springframework.boot.data.redis.autoconfigure.health."
                        + "DataRedisHealthContributorAutoConfiguration",
                "org.springframework.boot.data.redis.autoconfigure.health."
                        + "DataRedisReactiveHealthContributorAutoConfiguration",
                "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration"));
        settings.putAll(extraSettings);
        return new RunningAdminApi(new SpringApplicationBuilder(AdminApiApplication.class).properties(settings).run(),
                baseUrl);
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Requests to this admin API, with tokens from the identity-server beside it, as an operator sends them. */
    public OperatorClient operator() {
        return new OperatorClient(identityServerBaseUrl, baseUrl());
    }

    @Override
    public void close() {
        context.close();
    }
}
