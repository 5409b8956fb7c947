package dev.signet.server.clients;

import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The relying-party registry, read at most once per client per HTTP request. A token request looks its client up
 * many times (client authentication, the grant, each token customizer, the subject identifier): without this each
 * was a PostgreSQL round trip. Nothing is kept beyond the request, so a change made through the admin API or another
 * instance is seen by the next request exactly as before; outside a request (workers, start-up) every call reads the
 * database.
 */
final class RequestScopedRelyingParties implements RelyingPartyRepository {

    private static final String ATTRIBUTE = RequestScopedRelyingParties.class.getName();

    private final RelyingPartyRepository delegate;

    RequestScopedRelyingParties(RelyingPartyRepository delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Optional<RelyingParty> findByClientId(String clientId) {
        Map<String, Optional<RelyingParty>> seen = seenInThisRequest();
        if (seen == null || clientId == null) {
            return delegate.findByClientId(clientId);
        }
        Optional<RelyingParty> found = seen.get(clientId);
        if (found == null) {
            found = delegate.findByClientId(clientId);
            seen.put(clientId, found);
        }
        return found;
    }

    @Override
    public List<RelyingParty> findAll() {
        return delegate.findAll();
    }

    @Override
    public void save(RelyingParty relyingParty) {
        delegate.save(relyingParty);
        forgetThisRequest();
    }

    @Override
    public void replaceFileDeclared(List<RelyingParty> declared) {
        delegate.replaceFileDeclared(declared);
        forgetThisRequest();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Optional<RelyingParty>> seenInThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Object seen = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (seen == null) {
            seen = new HashMap<String, Optional<RelyingParty>>(4);
            request.setAttribute(ATTRIBUTE, seen, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, Optional<RelyingParty>>) seen;
    }

    private static void forgetThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
