package dev.signet.server.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.signet.core.storage.EmbeddedPostgresServer;
import dev.signet.server.config.SignetProperties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default's store of record: when no {@code spring.datasource.url} is set, Signet starts a real
 * PostgreSQL server from the binaries in its own jar, with data under {@code signet.data-directory/postgres}, and the
 * same JDBC adapters and Flyway migrations run against it as in production.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DatabaseConfiguration.NoDataSourceUrl.class)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(SignetProperties properties) {
        return EmbeddedPostgresServer.start(properties.dataDirectory().resolve("postgres").toAbsolutePath());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl("postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("signet-embedded");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    static final class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
