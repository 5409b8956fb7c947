package dev.signet.spring;

import java.time.Clock;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import dev.signet.client.SignetClient;

/**
 * Adds "Sign in with Signet" to a Spring Security filter chain. The starter applies it to its default chain; a
 * service that declares its own {@code SecurityFilterChain} applies it there:
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain security(HttpSecurity http) throws Exception {
 *     http.authorizeHttpRequests(requests -> requests
 *                     .requestMatchers("/", "/accessibility").permitAll()
 *                     .anyRequest().authenticated())
 *             .with(SignetLoginConfigurer.signet(), Customizer.withDefaults());
 *     return http.build();
 * }
 * }</pre>
 *
 * It sends unauthenticated visitors to {@link SignetPaths#LOGIN}, answers the login, callback, back-channel logout
 * and events endpoints itself (before authorization rules apply), exempts the two server-to-server endpoints from
 * CSRF protection (Signet cannot hold a CSRF token), and makes {@code POST /logout} sign out of Signet too. The time
 * limit of a sign-in in progress is measured with the service's {@link Clock} bean when it has exactly one, else with
 * the system clock.
 */
public final class SignetLoginConfigurer extends AbstractHttpConfigurer<SignetLoginConfigurer, HttpSecurity> {

    public static SignetLoginConfigurer signet() {
        return new SignetLoginConfigurer();
    }

    @Override
    public void init(HttpSecurity http) {
        SignetClient client = bean(http, SignetClient.class);
        http.exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SignetPaths.LOGIN)));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern(SignetPaths.BACK_CHANNEL_LOGOUT),
                PathPatternRequestMatcher.pathPattern(SignetPaths.EVENTS)));
        http.logout(logout -> logout.logoutSuccessHandler(new SignetLogoutSuccessHandler(client)));
    }

    @Override
    public void configure(HttpSecurity http) {
        SecurityContextRepository contexts = http.getSharedObject(SecurityContextRepository.class);
        RequestCache requestCache = http.getSharedObject(RequestCache.class);
        SignetLoginFilter login = new SignetLoginFilter(bean(http, SignetClient.class),
                bean(http, SignetClientProperties.class), bean(http, SignetSessionRegistry.class),
                contexts != null ? contexts : new HttpSessionSecurityContextRepository(),
                requestCache != null ? requestCache : new HttpSessionRequestCache(),
                http.getSharedObject(ApplicationContext.class).getBeanProvider(Clock.class)
                        .getIfUnique(Clock::systemUTC));
        SignetNotificationFilter notifications = new SignetNotificationFilter(bean(http, SignetClient.class),
                bean(http, SignetSessionRegistry.class), http.getSharedObject(ApplicationContext.class));
        http.addFilterBefore(notifications, LogoutFilter.class);
        http.addFilterBefore(login, LogoutFilter.class);
    }

    private static <T> T bean(HttpSecurity http, Class<T> type) {
        return http.getSharedObject(ApplicationContext.class).getBean(type);
    }
}
