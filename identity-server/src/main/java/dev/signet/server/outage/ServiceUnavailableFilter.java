package dev.signet.server.outage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fails closed when Redis or PostgreSQL cannot be reached: whatever the request was doing stops, and the caller gets a
 * 503 in a form it understands ({@link ServiceUnavailableResponses}) instead of a 500 or a hung connection. It sits
 * outside Spring Session, whose filter reads and saves the session in Redis, so an outage there is caught too.
 * Nothing is retried here: a retry would double the wait of every request during an outage.
 */
final class ServiceUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFilter.class);

    private final ServiceUnavailableResponses responses;

    ServiceUnavailableFilter(ServiceUnavailableResponses responses) {
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, List<String>> outerHeaders = headers(response);
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            Optional<BackingService> outage = BackingService.outageBehind(failure);
            if (outage.isEmpty()) {
                throw failure;
            }
            // One line, no stack trace: during an outage every request fails the same way.
            log.warn("{} unavailable: {} {} answered 503 ({})", outage.get(), request.getMethod(),
                    request.getRequestURI(), rootMessage(failure));
            if (response.isCommitted()) {
                return; // part of the answer has gone out; nothing better can be sent now
            }
            response.reset();
            // Headers set before this filter ran (security headers) still belong on the 503; the rest, such as a
            // cookie for a session that could not be saved, do not.
            outerHeaders.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            responses.write(request, response);
        }
    }

    private static Map<String, List<String>> headers(HttpServletResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, List.copyOf(response.getHeaders(name)));
        }
        return headers;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
