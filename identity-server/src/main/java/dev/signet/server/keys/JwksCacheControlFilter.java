package dev.signet.server.keys;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets relying parties and proxies cache JWKS. Set before the security filters run, so Spring Security's default
 * {@code no-store} is not written (it leaves a response that already has {@code Cache-Control} alone). The max-age is
 * shorter than the overlap, so a cached JWKS always lists a new key before that key signs.
 */
final class JwksCacheControlFilter extends OncePerRequestFilter {

    private final String cacheControl;

    JwksCacheControlFilter(Duration maxAge) {
        this.cacheControl = "public, max-age=" + maxAge.toSeconds();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        chain.doFilter(request, response);
    }
}
