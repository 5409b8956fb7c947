package dev.signet.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The operators' REST API (docs/admin-api.md): an OAuth 2.0 resource server accepting access tokens issued by Signet,
 * on the same PostgreSQL database as identity-server. Every operator action is written to the audit log.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AdminApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdminApiApplication.class, args);
    }
}
