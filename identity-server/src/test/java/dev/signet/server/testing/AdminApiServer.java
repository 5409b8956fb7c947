package dev.signet.server.testing;

import dev.signet.admin.AdminApiApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The admin API started as its own Spring application next to a test's identity-server, on the same database, trusting
 * this server's tokens. One per test class that needs it; it stops with the JVM.
 */
public final class AdminApiServer {

    private final ConfigurableApplicationContext context;

    private AdminApiServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the admin API for the identity-server whose environment and base URL are given. */
    public static AdminApiServer start(Environment identityServer, String identityServerBaseUrl,
            Map<String, Object> extraSettings) {
        Map<String, Object> settings = new HashMap<>();
        // Not identity-server's application.yml, which is first on this class path: only what is given here.
        settings.put("spring.config.name", "admin-api-end-to-end");
        settings.put("server.port", "0");
        settings.put("spring.application.name", "signet-admin-api");
        settings.put("spring.datasource.url", identityServer.getRequiredProperty("spring.datasource.url"));
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.flyway.locations", "classpath:db/migration");
        settings.put("spring.mvc.problemdetails.enabled", "true");
        settings.put("signet.admin.issuer", identityServer.getRequiredProperty("signet.issuer"));
        settings.put("signet.admin.jwk-set-uri", identityServerBaseUrl + "/oauth2/jwks");
        settings.put("signet.admin.audience", identityServer.getRequiredProperty("signet.admin-api.audience"));
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
        return new AdminApiServer(new SpringApplicationBuilder(AdminApiApplication.class).properties(settings).run());
    }

    public String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public void stop() {
        context.close();
    }
}
