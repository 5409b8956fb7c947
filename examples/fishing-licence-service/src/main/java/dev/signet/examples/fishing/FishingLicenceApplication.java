package dev.signet.examples.fishing;

import dev.signet.spring.SignetLoginConfigurer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** "Renew a fishing licence": a department's service where citizens sign in with Signet. */
@SpringBootApplication
public class FishingLicenceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FishingLicenceApplication.class, args);
    }

    /**
     * The start page, the signed-out page, static files (the style sheet, the icon) and error pages are open; everything
     * else needs a signed-in citizen.
     */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/signed-out", "/fishing.css", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .with(SignetLoginConfigurer.signet(), Customizer.withDefaults());
        return http.build();
    }
}
