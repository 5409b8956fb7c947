package dev.signet.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoopbackTargetTest {

    @Test
    void loopbackAddressesAreAccepted() {
        assertThat(LoopbackTarget.require(URI.create("http://127.0.0.1:8080/ignored")))
                .isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(LoopbackTarget.require(URI.create("http://localhost:9000"))).hasPort(9000);
        assertThat(LoopbackTarget.require(URI.create("http://[::1]:9000"))).hasPort(9000);
        assertThat(LoopbackTarget.require(URI.create("http://127.0.0.2"))).hasPort(80);
    }

    @Test
    void anotherMachineIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoopbackTarget.require(URI.create("http://10.0.0.1:8080")))
                .withMessageContaining("loopback").withMessageContaining("10.0.0.1");
        assertThatIllegalArgumentException().isThrownBy(() -> LoopbackTarget.require(URI.create("http://192.0.2.7")))
                .withMessageContaining("loopback");
    }

    @Test
    void somethingThatIsNotAnHttpUrlIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoopbackTarget.require(URI.create("ftp://127.0.0.1")))
                .withMessageContaining("--target");
        assertThatIllegalArgumentException().isThrownBy(() -> LoopbackTarget.require(URI.create("//127.0.0.1:8080")))
                .withMessageContaining("--target");
    }
}
