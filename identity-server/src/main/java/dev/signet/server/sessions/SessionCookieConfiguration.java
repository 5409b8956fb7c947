package dev.signet.server.sessions;

import dev.signet.server.config.SignetProperties;
import dev.signet.server.protection.ProtectionProperties;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The servlet container's session cookie (the embedded default, where sessions live in the process). */
@Configuration(proxyBeanMethods = false)
public class SessionCookieConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE) // after Boot's customizer, which applies server.servlet.session.*
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> sessionCookie(SignetProperties properties,
            ProtectionProperties protection) {
        SessionCookie cookie = SessionCookie.forIssuer(properties.issuer(), protection.sessionCookie());
        return factory -> apply(cookie, factory.getSettings().getSession().getCookie());
    }

    static void apply(SessionCookie cookie, Cookie settings) {
        settings.setName(cookie.name());
        settings.setSecure(cookie.secure());
        settings.setHttpOnly(true);
        settings.setSameSite(Cookie.SameSite.LAX);
        settings.setPath("/");
        if (cookie.name().startsWith("__Host-")) {
            // Browsers drop a __Host- cookie that has a Domain: server.servlet.session.cookie.domain must not apply.
            settings.setDomain(null);
        }
    }
}
