package dev.signet.server.outage;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The 503 a caller gets while Redis or PostgreSQL is out of reach, in the caller's own terms: an OAuth 2.0 error
 * ({@code temporarily_unavailable}) from the protocol endpoints, RFC 9457 problem details for other JSON callers, and
 * a plain-language page (English or Welsh) for people. The page is rendered here, not by a controller, because
 * anything further in would read the session from the Redis that is down.
 */
final class ServiceUnavailableResponses {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableResponses.class);

    /** Long enough for a restarted server to come back, short enough that a client does not give up on us. */
    static final String RETRY_AFTER_SECONDS = "10";

    private static final String PAGE = "unavailable";

    private final Set<String> protocolEndpoints;
    private final ITemplateEngine templates;
    private final LocaleResolver locales;
    private final MessageSource messages;
    private final JakartaServletWebApplication application;

    /** {@code protocolEndpoints}: the paths that always answer OAuth 2.0 JSON (token, introspection, ...). */
    ServiceUnavailableResponses(Set<String> protocolEndpoints, ITemplateEngine templates, LocaleResolver locales,
            MessageSource messages, ServletContext servletContext) {
        this.protocolEndpoints = Set.copyOf(protocolEndpoints);
        this.templates = Objects.requireNonNull(templates, "templates");
        this.locales = Objects.requireNonNull(locales, "locales");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
    }

    void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (protocolEndpoints.contains(path)) {
            writeJson(response, MediaType.APPLICATION_JSON_VALUE, """
                    {"error":"temporarily_unavailable","error_description":"%s"}"""
                    .formatted(messages.getMessage("unavailable.api", null, Locale.ENGLISH)));
        } else if (wantsPage(request)) {
            writePage(request, response);
        } else {
            writeJson(response, MediaType.APPLICATION_PROBLEM_JSON_VALUE, """
                    {"type":"about:blank","title":"Service Unavailable","status":503,"detail":"%s"}"""
                    .formatted(messages.getMessage("unavailable.api", null, Locale.ENGLISH)));
        }
    }

    /** Browsers navigating ask for text/html first; scripts and API clients ask for JSON or anything. */
    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private void writePage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = pageLocale(request);
        String html;
        try {
            WebContext context = new WebContext(application.buildExchange(request, response), locale);
            html = templates.process(PAGE, context);
        } catch (RuntimeException e) {
            // The page must never be the thing that fails: fall back to its words without the layout.
            log.warn("Could not render the unavailable page: {}", e.toString());
            html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><title>"
                    + messages.getMessage("unavailable.title", null, locale) + "</title><h1>"
                    + messages.getMessage("unavailable.title", null, locale) + "</h1><p>"
                    + messages.getMessage("unavailable.body", null, locale) + "</p></html>";
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(html);
    }

    /** The page language from the language cookie or the browser; a {@code lang} parameter wins, as on every page. */
    private Locale pageLocale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if ("cy".equals(lang) || "en".equals(lang)) {
            return Locale.forLanguageTag(lang);
        }
        return locales.resolveLocale(request);
    }

    private static void writeJson(HttpServletResponse response, String contentType, String json) throws IOException {
        response.setContentType(contentType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json);
    }
}
