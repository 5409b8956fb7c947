package dev.signet.server.sessions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Sessions in the process (no {@code signet.redis.url}): the authorization server's session registry (which gives ID
 * tokens their {@code sid}) as a bean that hears when sessions end, so it forgets them; and the citizen's sessions as
 * the account page lists and ends them, kept by a listener on the container's sessions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${signet.redis.url:}'.isEmpty()")
public class EmbeddedSessionConfiguration {

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    ServletListenerRegistrationBean<HttpSessionEventPublisher> sessionEventPublisher() {
        return new ServletListenerRegistrationBean<>(new HttpSessionEventPublisher());
    }

    @Bean
    InMemoryCitizenSessions citizenSessions() {
        return new InMemoryCitizenSessions();
    }

    @Bean
    ServletListenerRegistrationBean<InMemoryCitizenSessions> citizenSessionsListener(InMemoryCitizenSessions sessions) {
        return new ServletListenerRegistrationBean<>(sessions);
    }
}
