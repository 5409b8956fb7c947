package dev.signet.server.adminapi;

import dev.signet.admin.AdminApiApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The admin API started as its own Spring application next to the identity-server of a test, on the same database,
 * trusting that server's tokens: what an operator's deployment looks like.
 */
final class RunningAdminApi implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private RunningAdminApi(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * @param server  the identity-server's environment (database, issuer, admin API audience)
     * @param baseUrl where the identity-server listens
     */
    static RunningAdminApi start(Environment server, String baseUrl) {
        Map<String, Object> settings = new HashMap<>();
        // Not identity-server's application.yml, which is first on this class path: only what is given here.
        settings.put("spring.config.name", "admin-api-end-to-end");
        settings.put("server.port", "0");
        settings.put("spring.application.name", "signet-admin-api");
        settings.put("spring.datasource.url", server.getRequiredProperty("spring.datasource.url"));
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.flyway.locations", "classpath:db/migration");
        settings.put("spring.flyway.out-of-order", "true");
        settings.put("spring.mvc.problemdetails.enabled", "true");
        settings.put("signet.admin.issuer", server.getRequiredProperty("signet.issuer"));
        settings.put("signet.admin.jwk-set-uri", baseUrl + "/oauth2/jwks");
        settings.put("signet.admin.audience", server.getRequiredProperty("signet.admin-api.audience"));
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
        return new RunningAdminApi(new SpringApplicationBuilder(AdminApiApplication.class).properties(settings).run());
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        context.close();
    }
}
