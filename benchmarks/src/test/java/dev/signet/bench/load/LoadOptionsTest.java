package dev.signet.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void defaultsAndRepeatedOptions() {
        LoadOptions options = LoadOptions.parse(new String[] {"--target", "http://127.0.0.1:8080", "--flow",
                "authorization-code", "--server-pid", "10", "--server-pid", "11", "--authorize-param",
                "vtr=[\"Cl\"]", "--warmup", "500ms", "--duration", "2m"},
                Map.of("SIGNET_BENCH_PASSWORD", "from the environment"));

        assertThat(options.target()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(options.workers()).isEqualTo(4);
        assertThat(options.serverPids()).containsExactly(10L, 11L);
        assertThat(options.authorizeParameters()).containsEntry("vtr", "[\"Cl\"]");
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.scope()).isEqualTo("openid");
        assertThat(options.password()).isEqualTo("from the environment");
        assertThat(options.count()).isZero();
    }

    @Test
    void aNonLoopbackTargetIsRefusedBeforeAnythingIsSent() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(
                new String[] {"--target", "http://203.0.113.5:8080", "--flow", "client-credentials"}, Map.of()))
                .withMessageContaining("loopback");
    }

    @Test
    void wrongOptionsAreNamed() {
        Map<List<String>, String> cases = Map.of(
                List.of("--flow", "nope"), "--flow",
                List.of("--flow", "refresh"), "--password",
                List.of("--flow", "client-credentials", "--workers", "0"), "--workers",
                List.of("--flow", "client-credentials", "--duration", "5min"), "--duration",
                List.of("--flow", "client-credentials", "--colour", "red"), "--colour");
        cases.forEach((args, named) -> {
            String[] command = Stream.concat(Stream.of("--target", "http://127.0.0.1:1"),
                    args.stream()).toArray(String[]::new);
            assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(command, Map.of()))
                    .withMessageContaining(named);
        });
    }
}
