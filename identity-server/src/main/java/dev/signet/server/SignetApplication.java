package dev.signet.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Signet's OpenID Connect provider. Run it with no settings to get the embedded default (see README). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SignetApplication {

    public static void main(String[] args) {
        SpringApplication.run(SignetApplication.class, args);
    }
}
