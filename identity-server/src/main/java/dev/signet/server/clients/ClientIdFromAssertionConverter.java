package dev.signet.server.clients;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.text.ParseException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * RFC 7523 §3 makes {@code client_id} optional beside a client assertion (the assertion's {@code sub} is the client
 * id), but the framework's converter requires it. When it is missing, this names the client from the unverified
 * {@code sub}; the assertion is then verified with that client's keys, and {@code iss}/{@code sub} must match it.
 */
final class ClientIdFromAssertionConverter implements AuthenticationConverter {

    private final AuthenticationConverter delegate;

    ClientIdFromAssertionConverter(AuthenticationConverter delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        String assertion = request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION);
        if (assertion == null || request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null) {
            return delegate.convert(request);
        }
        String subject;
        try {
            subject = JWTParser.parse(assertion).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            subject = null;
        }
        if (subject == null || subject.isBlank()) {
            return delegate.convert(request);
        }
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        parameters.put(OAuth2ParameterNames.CLIENT_ID, new String[] {subject});
        return delegate.convert(new WithClientId(request, Collections.unmodifiableMap(parameters)));
    }

    private static final class WithClientId extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        WithClientId(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
