package dev.signet.bench.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The load driver only ever drives a server on this machine: it would otherwise be a tool for flooding someone
 * else's service. Every address the target's host name resolves to must be a loopback address.
 */
final class LoopbackTarget {

    private LoopbackTarget() {
    }

    /** The target, normalised to its origin ({@code http://host:port}); refuses anything not on loopback. */
    static URI require(URI target) {
        if (target.getScheme() == null || !(target.getScheme().equals("http") || target.getScheme().equals("https"))
                || target.getHost() == null) {
            throw new IllegalArgumentException("--target must be an http(s) URL such as http://127.0.0.1:8080, but was '"
                    + target + "'");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(target.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--target host '" + target.getHost() + "' does not resolve", e);
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("--target must be a loopback address (127.0.0.0/8, ::1, localhost): '"
                        + target.getHost() + "' resolves to " + address.getHostAddress()
                        + "; the load driver refuses to drive another machine");
            }
        }
        int port = target.getPort() != -1 ? target.getPort() : target.getScheme().equals("https") ? 443 : 80;
        return URI.create(target.getScheme() + "://" + target.getHost() + ":" + port);
    }
}
