package dev.signet.server.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times the authorization server's endpoints as {@value #TIMER}, tagged {@code endpoint}, {@code grant_type} (token
 * endpoint only) and {@code status}. Boot's {@code http.server.requests} cannot do this: these endpoints are served by
 * Spring Security filters, not MVC handlers, so Boot tags them all {@code uri=UNKNOWN} (or {@code REDIRECTION}).
 * Every tag value comes from a fixed set (or the status the server itself chose), so a client cannot create series.
 */
final class OAuth2EndpointMetricsFilter extends OncePerRequestFilter {

    static final String TIMER = "signet.oauth2.requests";

    /**
     * Fixed histogram buckets (13, from 1 ms to 10 s), the same for every endpoint, so percentiles can be aggregated
     * across instances with {@code histogram_quantile}. Every series of one name must be a histogram: a Prometheus
     * metric family cannot mix histograms and summaries, and the client refuses the whole scrape if it does.
     */
    private static final Duration[] BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final Map<String, String> endpointsByPath;
    private final MeterRegistry registry;
    /**
     * The timers already registered, by endpoint, grant type and status (a few dozen at most: every part comes from a
     * fixed set): building and registering one costs more than the rest of this filter, so it is done once per series.
     */
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

    /** @param endpointsByPath request path (without context path) to the endpoint's tag value */
    OAuth2EndpointMetricsFilter(Map<String, String> endpointsByPath, MeterRegistry registry) {
        this.endpointsByPath = Map.copyOf(Objects.requireNonNull(endpointsByPath, "endpointsByPath"));
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return endpoint(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String endpoint = endpoint(request);
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            // An exception that escapes the chain becomes a 500 further out, whatever the response says now.
            String status = failed ? "500" : Integer.toString(response.getStatus());
            timer(endpoint, grantType(endpoint, request), status).record(System.nanoTime() - start,
                    TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(String endpoint, String grantType, String status) {
        return timers.computeIfAbsent(endpoint + ' ' + grantType + ' ' + status,
                series -> register(endpoint, grantType, status));
    }

    private Timer register(String endpoint, String grantType, String status) {
        return Timer.builder(TIMER)
                .description("Time to answer a request to an OAuth 2.0 / OpenID Connect endpoint")
                .tag("endpoint", endpoint)
                .tag("grant_type", grantType)
                .tag("status", status)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private static String grantType(String endpoint, HttpServletRequest request) {
        return "token".equals(endpoint) ? GrantTypeTag.of(request.getParameter("grant_type")) : GrantTypeTag.NONE;
    }

    private String endpoint(HttpServletRequest request) {
        return endpointsByPath.get(request.getRequestURI().substring(request.getContextPath().length()));
    }
}
