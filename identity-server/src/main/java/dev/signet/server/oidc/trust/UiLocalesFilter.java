package dev.signet.server.oidc.trust;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Shows Signet's pages in the language the relying party asks for with {@code ui_locales} (OpenID Connect Core
 * §3.1.2.1), when it is one Signet speaks: it sets the page locale (the {@code signet-lang} cookie) at the
 * authorization endpoint, before the browser is sent to sign in. The citizen can still switch language on any page.
 */
final class UiLocalesFilter extends HttpFilter {

    private final LocaleResolver localeResolver;

    UiLocalesFilter(LocaleResolver localeResolver) {
        this.localeResolver = Objects.requireNonNull(localeResolver, "localeResolver");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName())
                instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest
                && authorizationRequest.getAdditionalParameters().get("ui_locales") instanceof String uiLocales) {
            UiLocales.firstSupported(uiLocales)
                    .ifPresent(locale -> localeResolver.setLocale(request, response, locale));
        }
        chain.doFilter(request, response);
    }
}
