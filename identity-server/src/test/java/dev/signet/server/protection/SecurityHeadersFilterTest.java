package dev.signet.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecurityHeadersFilterTest {

    private final SecurityHeadersFilter filter = new SecurityHeadersFilter(Duration.ofDays(365));

    @Test
    void httpsRequestsGetStrictTransportSecurity() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sign-in");
        request.setSecure(true);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void plainHttpRequestsNeverGetStrictTransportSecurity() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/sign-in"), response, new MockFilterChain());

        assertThat(response.getHeader("Strict-Transport-Security")).isNull();
        assertThat(response.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void zeroMaxAgeSendsNoStrictTransportSecurity() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sign-in");
        request.setSecure(true);
        MockHttpServletResponse response = new MockHttpServletResponse();

        new SecurityHeadersFilter(Duration.ZERO).doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader("Strict-Transport-Security")).isNull();
    }
}
