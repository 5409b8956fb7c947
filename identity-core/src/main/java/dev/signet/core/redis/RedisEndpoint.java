package dev.signet.core.redis;

import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Redis is, read from {@code signet.redis.url}: a single server, a master found through Sentinel, or a Redis
 * Cluster. The scheme chooses:
 * <ul>
 * <li>{@code redis://[:password@]host[:port][/database]}, {@code rediss://...} (TLS): one server;</li>
 * <li>{@code redis-sentinel://[:password@]sentinel[:port][,sentinel[:port]...][/database]#master},
 * {@code rediss-sentinel://...}: Lettuce's Sentinel form, the master's name after {@code #};</li>
 * <li>{@code redis-cluster://[:password@]host:port[,host:port...]}, {@code rediss-cluster://...}: any reachable nodes
 * of a cluster (seeds); the client learns the rest of the topology from them.</li>
 * </ul>
 * A wrong URL stops the service at start-up with a message that names the setting.
 */
public sealed interface RedisEndpoint {

    String SETTING = "signet.redis.url";

    /** One server; Lettuce's {@link RedisURI} as given. */
    record Standalone(RedisURI uri) implements RedisEndpoint {
        @Override
        public List<RedisURI> uris() {
            return List.of(uri);
        }
    }

    /** A master found through Sentinel; {@link RedisURI#getSentinelMasterId()} names it. */
    record Sentinel(RedisURI uri) implements RedisEndpoint {
        @Override
        public List<RedisURI> uris() {
            return List.of(uri);
        }
    }

    /** Seed nodes of a Redis Cluster, each with the URL's password and TLS choice. */
    record Cluster(List<RedisURI> nodes) implements RedisEndpoint {
        public Cluster {
            nodes = List.copyOf(nodes);
        }

        @Override
        public List<RedisURI> uris() {
            return nodes;
        }
    }

    /** Every URI to connect with (one, or the cluster's seeds). */
    List<RedisURI> uris();

    /** Whether connections use TLS. */
    default boolean ssl() {
        return uris().get(0).isSsl();
    }

    static RedisEndpoint parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid(url, "it is empty");
        }
        String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")) : "";
        return switch (scheme) {
            case "redis", "rediss" -> new Standalone(lettuce(url));
            case "redis-sentinel", "rediss-sentinel" -> sentinel(url);
            case "redis-cluster", "rediss-cluster" -> cluster(url, scheme.startsWith("rediss") ? "rediss" : "redis");
            default -> throw invalid(url, "the scheme must be redis:// or rediss:// (one server), redis-sentinel:// or "
                    + "rediss-sentinel:// (Sentinel), or redis-cluster:// or rediss-cluster:// (Cluster)");
        };
    }

    private static Sentinel sentinel(String url) {
        int hash = url.indexOf('#');
        RedisURI uri = hash < 0 || hash == url.length() - 1 ? null : lettuce(url);
        if (uri == null || uri.getSentinelMasterId() == null || uri.getSentinelMasterId().isBlank()) {
            throw invalid(url, "a Sentinel URL names the master after '#', e.g. "
                    + "redis-sentinel://:password@sentinel-1:26379,sentinel-2:26379#mymaster");
        }
        return new Sentinel(uri);
    }

    private static Cluster cluster(String url, String nodeScheme) {
        String rest = url.substring(url.indexOf("://") + 3);
        int at = rest.lastIndexOf('@');
        String userInfo = at < 0 ? "" : rest.substring(0, at + 1);
        String hostsAndPath = at < 0 ? rest : rest.substring(at + 1);
        int slash = hostsAndPath.indexOf('/');
        String path = slash < 0 ? "" : hostsAndPath.substring(slash);
        String hosts = slash < 0 ? hostsAndPath : hostsAndPath.substring(0, slash);
        if (hosts.contains("?") || hosts.contains("#") || path.contains("?") || path.contains("#")) {
            throw invalid(url, "a Cluster URL takes no query or fragment; timeouts are signet.redis.* settings");
        }
        if (!path.isEmpty() && !path.equals("/") && !path.equals("/0")) {
            throw invalid(url, "a Redis Cluster has only database 0");
        }
        List<RedisURI> nodes = new ArrayList<>();
        for (String node : hosts.split(",", -1)) {
            if (node.isBlank() || !node.matches(".+:\\d{1,5}")) {
                throw invalid(url, "each cluster node is host:port, separated by commas, e.g. "
                        + "redis-cluster://:password@redis-1:6379,redis-2:6379,redis-3:6379");
            }
            nodes.add(lettuce(nodeScheme + "://" + userInfo + node.strip()));
        }
        return new Cluster(nodes);
    }

    private static RedisURI lettuce(String url) {
        try {
            return RedisURI.create(url);
        } catch (IllegalArgumentException e) {
            throw invalid(url, e.getMessage());
        }
    }

    private static IllegalArgumentException invalid(String url, String why) {
        return new IllegalArgumentException(SETTING + " is not a Redis URL Signet can use (" + why + "): '"
                + withoutPassword(url) + "'");
    }

    /** The URL as it may be logged: a password in it is replaced by {@code ***}. */
    public static String withoutPassword(String url) {
        if (url == null) {
            return "";
        }
        int start = url.indexOf("://");
        int at = url.lastIndexOf('@');
        return start >= 0 && at > start ? url.substring(0, start + 3) + "***@" + url.substring(at + 1) : url;
    }
}
