package dev.signet.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The driver's command line; {@link #USAGE} documents it. A wrong option stops the driver with a message naming it. */
record LoadOptions(URI target, String flow, int workers, Duration warmup, Duration duration, long count,
        List<Long> serverPids, String clientId, String clientSecret, Path clientKey, URI redirectUri, String scope,
        Map<String, String> authorizeParameters, String userEmail, int users, String password,
        String tokenTypeHint, Duration timeout, Provider provider) {

    static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar dev.signet.bench.load.LoadDriver [options]
              --target URL             the server, on a loopback address only (e.g. http://127.0.0.1:8080)
              --provider NAME          signet (default) | keycloak: whose endpoints and sign-in form to use
              --realm NAME             keycloak: the realm (default bench)
              --flow NAME              client-credentials | authorization-code | refresh | introspection
              --workers N              concurrent workers, each a closed loop (default 4)
              --warmup DURATION        unmeasured warm-up first (default 10s; e.g. 500ms, 30s, 2m)
              --duration DURATION      measured time (default 30s)
              --count N                measure N operations instead of a duration
              --server-pid PID         a server process to charge CPU to, with its children; repeatable
              --client-id ID           the relying party (default bench-client)
              --client-secret SECRET   its secret, sent with client_secret_basic; or env SIGNET_BENCH_CLIENT_SECRET;
                                       without one the client is public (client_id in the form)
              --client-key FILE        a private JWK (JSON): authenticate with private_key_jwt instead
              --redirect-uri URI       registered redirect URI (default http://127.0.0.1/bench/callback)
              --scope SCOPE            authorization-code/refresh: default "openid"; client credentials: none
              --authorize-param K=V    an extra authorization request parameter, repeatable (e.g. vtr=["Cl"])
              --user-email PATTERN     sign-in accounts, %d numbered from 1 (default bench-user-%d@example.test)
              --users N                how many such accounts exist (default 1)
              --password PASSWORD      their password; or env SIGNET_BENCH_PASSWORD
              --token-type-hint HINT   introspection: send token_type_hint (e.g. access_token); default none
              --timeout DURATION       per HTTP request (default 30s)
            """;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    static LoadOptions parse(String[] args, Map<String, String> environment) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, but got '" + name + "'");
            }
            values.computeIfAbsent(name.substring(2), key -> new ArrayList<>()).add(args[++i]);
        }
        List<String> known = List.of("target", "flow", "workers", "warmup", "duration", "count", "server-pid",
                "client-id", "client-secret", "client-key", "redirect-uri", "scope", "authorize-param", "user-email", "users",
                "password", "token-type-hint", "timeout", "provider", "realm");
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        String flow = single(values, "flow", null);
        if (flow == null || !List.of(Flows.CLIENT_CREDENTIALS, Flows.AUTHORIZATION_CODE, Flows.REFRESH,
                Flows.INTROSPECTION).contains(flow)) {
            throw new IllegalArgumentException("--flow must be one of client-credentials, authorization-code, "
                    + "refresh, introspection, but was '" + flow + "'");
        }
        String target = single(values, "target", null);
        if (target == null) {
            throw new IllegalArgumentException("--target is required");
        }
        boolean browserFlow = flow.equals(Flows.AUTHORIZATION_CODE) || flow.equals(Flows.REFRESH);
        Map<String, String> authorizeParameters = new LinkedHashMap<>();
        for (String pair : values.getOrDefault("authorize-param", List.of())) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--authorize-param must be NAME=VALUE, but was '" + pair + "'");
            }
            authorizeParameters.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        String password = single(values, "password", environment.get("SIGNET_BENCH_PASSWORD"));
        if (browserFlow && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("--password (or SIGNET_BENCH_PASSWORD) is required for --flow " + flow);
        }
        URI loopbackTarget = LoopbackTarget.require(uri("target", target));
        return new LoadOptions(
                loopbackTarget,
                flow,
                positiveInt(values, "workers", 4),
                duration(values, "warmup", "10s"),
                duration(values, "duration", "30s"),
                values.containsKey("count") ? positiveInt(values, "count", 1) : 0,
                values.getOrDefault("server-pid", List.of()).stream().map(pid -> parsePid(pid)).toList(),
                single(values, "client-id", "bench-client"),
                single(values, "client-secret", environment.get("SIGNET_BENCH_CLIENT_SECRET")),
                Optional.ofNullable(single(values, "client-key", null)).map(Path::of).orElse(null),
                uri("redirect-uri", single(values, "redirect-uri", "http://127.0.0.1/bench/callback")),
                single(values, "scope", browserFlow ? "openid" : null),
                authorizeParameters,
                single(values, "user-email", "bench-user-%d@example.test"),
                positiveInt(values, "users", 1),
                password,
                single(values, "token-type-hint", null),
                duration(values, "timeout", "30s"),
                Provider.named(single(values, "provider", "signet"), loopbackTarget,
                        single(values, "realm", "bench")));
    }

    private static String single(Map<String, List<String>> values, String name, String fallback) {
        List<String> given = values.get(name);
        if (given == null) {
            return fallback;
        }
        if (given.size() > 1) {
            throw new IllegalArgumentException("--" + name + " given more than once");
        }
        return given.get(0);
    }

    private static int positiveInt(Map<String, List<String>> values, String name, int fallback) {
        String text = single(values, name, Integer.toString(fallback));
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number of at least 1, but was '" + text
                + "'");
    }

    private static URI uri(String name, String text) {
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("--" + name + " must be a URL, but was '" + text + "'");
        }
    }

    private static long parsePid(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--server-pid must be a process id, but was '" + text + "'");
        }
    }

    static Duration duration(Map<String, List<String>> values, String name, String fallback) {
        String text = single(values, name, fallback);
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--" + name + " must be a duration such as 500ms, 30s or 2m, but was '"
                    + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
