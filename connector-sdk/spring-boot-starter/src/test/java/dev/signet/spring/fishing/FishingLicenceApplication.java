package dev.signet.spring.fishing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.signet.spring.SignetAccountMergedEvent;
import dev.signet.spring.SignetLegacyIdentityUnlinkedEvent;
import dev.signet.spring.SignetLoginConfigurer;
import dev.signet.spring.SignetUser;

/** A small service as a department would write it with the starter: "Renew a fishing licence". */
@SpringBootApplication
public class FishingLicenceApplication {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/signed-out").permitAll()
                        .anyRequest().authenticated())
                .with(SignetLoginConfigurer.signet(), Customizer.withDefaults());
        return http.build();
    }

    @RestController
    static class LicenceController {

        @GetMapping("/licence")
        Map<String, Object> licence(@AuthenticationPrincipal SignetUser citizen) {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("sub", citizen.subject());
            page.put("vot", citizen.vectorOfTrust().orElse(null));
            page.put("email", citizen.claim("email").orElse(null));
            page.put("legacySubjects", citizen.legacySubjects());
            return page;
        }

        @GetMapping("/csrf")
        String csrf(CsrfToken token) {
            return token.getToken();
        }

        @GetMapping("/signed-out")
        String signedOut() {
            return "You have signed out";
        }
    }

    /** What the service heard from Signet's events endpoint. */
    @Component
    public static class IdentityChanges {

        public final List<Object> received = new CopyOnWriteArrayList<>();

        @EventListener
        void merged(SignetAccountMergedEvent event) {
            received.add("merged " + event.previousSubject() + " -> " + event.subject());
        }

        @EventListener
        void unlinked(SignetLegacyIdentityUnlinkedEvent event) {
            received.add("unlinked " + event.subject() + " " + event.connector().orElse("-") + "/"
                    + event.legacySubject().orElse("-"));
        }
    }
}
