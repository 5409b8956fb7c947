package dev.signet.bench.load;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Duration;

/**
 * Drives a running Signet (or, for comparison, Keycloak) server on this machine over HTTP and reports throughput, latency percentiles and operations
 * per CPU-second of the server process. Run with no arguments for usage; docs/benchmarks.md explains the flows.
 */
public final class LoadDriver {

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("load driver: " + e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Flow flow;
        try {
            flow = flow(options, http);
        } catch (IllegalArgumentException e) {
            System.err.println("load driver: " + e.getMessage());
            System.exit(2);
            return;
        }
        LoadReport report = new LoadRun(flow, options.workers(), options.warmup(), options.duration(),
                options.count(), options.serverPids(), ProcessCpu.forThisMachine()).run();
        System.out.print(report.format());
        if (report.succeeded() == 0) {
            System.exit(1);
        }
    }

    static Flow flow(LoadOptions options, HttpClient http) {
        TokenClient client = new TokenClient(http, options.provider(), authentication(options), options.timeout());
        return switch (options.flow()) {
            case Flows.CLIENT_CREDENTIALS -> Flows.clientCredentials(client, options.scope());
            case Flows.INTROSPECTION -> Flows.introspection(client, options.scope(), options.tokenTypeHint());
            case Flows.AUTHORIZATION_CODE -> Flows.authorizationCode(signIn(options, http, client));
            case Flows.REFRESH -> Flows.refresh(signIn(options, http, client), client);
            default -> throw new IllegalArgumentException("unknown flow " + options.flow());
        };
    }

    private static ClientAuthentication authentication(LoadOptions options) {
        if (options.clientKey() != null) {
            try {
                return ClientAuthentication.PrivateKeyJwt.of(options.clientId(),
                        JWK.parse(Files.readString(options.clientKey())));
            } catch (IOException | ParseException e) {
                throw new IllegalArgumentException("--client-key " + options.clientKey() + " is not a readable JWK: "
                        + e.getMessage(), e);
            }
        }
        return options.clientSecret() != null
                ? new ClientAuthentication.SecretBasic(options.clientId(), options.clientSecret())
                : new ClientAuthentication.None(options.clientId());
    }

    private static BrowserSignIn signIn(LoadOptions options, HttpClient http, TokenClient client) {
        return new BrowserSignIn(http, options.provider(), client, options.redirectUri(), options.scope(),
                options.authorizeParameters(), new Users(options.userEmail(), options.users(), options.password()),
                options.timeout());
    }
}
