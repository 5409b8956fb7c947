package dev.signet.server.protection;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request comes from, for per-address limits. It is the servlet container's remote address: behind a
 * load balancer or reverse proxy, set {@code server.forward-headers-strategy} so that it is the citizen's address
 * taken from the proxy's {@code X-Forwarded-For} (and make sure only the proxy can reach Signet), otherwise every
 * citizen shares the proxy's limit.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
