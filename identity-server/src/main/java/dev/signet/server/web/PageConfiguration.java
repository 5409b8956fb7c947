package dev.signet.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Serves the GOV.UK Design System from its webjar and chooses the page language (English or Welsh). A {@code lang}
 * query parameter switches language and is remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
public class PageConfiguration implements WebMvcConfigurer {

    public static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("cy"));

    private static final String GOVUK_FRONTEND_VERSION = webjarVersion();
    private static final String GOVUK_DIST =
            "classpath:/META-INF/resources/webjars/govuk-frontend/" + GOVUK_FRONTEND_VERSION + "/dist/govuk/";

    private static final String ASSETS = "/assets/";
    private static final String GOVUK = "/govuk/";

    /**
     * Whether the request is for one of the static files served here: filters that look at a citizen's session have
     * nothing to do for them.
     */
    public static boolean isStaticAsset(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(ASSETS) || path.startsWith(GOVUK);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // govuk-frontend.min.css refers to its fonts and images under /assets/.
        registry.addResourceHandler(ASSETS + "**").addResourceLocations(GOVUK_DIST + "assets/")
                .setCacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofDays(7)).cachePublic());
        registry.addResourceHandler(GOVUK + "**").addResourceLocations(GOVUK_DIST)
                .setCacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("signet-lang");
        resolver.setDefaultLocale(Locale.ENGLISH);
        resolver.setCookieSecure(false);
        resolver.setCookieHttpOnly(true);
        resolver.setDefaultLocaleFunction(request -> {
            Locale requested = request.getLocale();
            return SUPPORTED_LOCALES.stream()
                    .filter(supported -> supported.getLanguage().equals(requested.getLanguage()))
                    .findFirst().orElse(Locale.ENGLISH);
        });
        return resolver;
    }

    private static String webjarVersion() {
        String path = "/META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties";
        try (InputStream in = PageConfiguration.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("govuk-frontend webjar is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
