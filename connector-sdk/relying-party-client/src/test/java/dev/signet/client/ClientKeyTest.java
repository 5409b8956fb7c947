package dev.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.client.internal.InMemoryReplayCache;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientKeyTest {

    @Test
    void aGeneratedKeyRoundTripsThroughItsPrivateJwkAndPublishesOnlyThePublicHalf() {
        ClientKey key = ClientKey.generate("service-2026-01");
        ClientKey loaded = ClientKey.fromJwk(key.privateJwk());

        assertThat(loaded.keyId()).isEqualTo("service-2026-01");
        assertThat(loaded.algorithm()).isEqualTo("ES256");
        assertThat(loaded.publicJwk()).isEqualTo(key.publicJwk());
        assertThat(key.publicJwkSet()).contains("\"keys\"").doesNotContain("\"d\"");
        assertThat(key.toString()).doesNotContain(key.privateJwk());
    }

    @Test
    void anRsaKeyPairSignsWithRs256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);

        assertThat(ClientKey.of(generator.generateKeyPair(), "rsa-1").algorithm()).isEqualTo("RS256");
    }

    @Test
    void aPublicKeyOrAKeyWithoutKidIsRefused() {
        ClientKey key = ClientKey.generate("k1");

        assertThatThrownBy(() -> ClientKey.fromJwk(key.publicJwk())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private");
        assertThatThrownBy(() -> ClientKey.fromJwk(key.privateJwk().replace("\"kid\":\"k1\",", "")
                .replace(",\"kid\":\"k1\"", ""))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kid");
        assertThatThrownBy(() -> ClientKey.fromJwk("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theInMemoryReplayCacheForgetsExpiredIdsAndStaysBounded() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        InMemoryReplayCache cache = new InMemoryReplayCache(2, clock);

        assertThat(cache.firstUse("a", clock.instant().plusSeconds(10))).isTrue();
        assertThat(cache.firstUse("a", clock.instant().plusSeconds(10))).isFalse();
        clock.advance(java.time.Duration.ofSeconds(11));
        assertThat(cache.firstUse("a", clock.instant().plusSeconds(10))).as("expired, so new").isTrue();
        cache.firstUse("b", clock.instant().plusSeconds(10));
        cache.firstUse("c", clock.instant().plusSeconds(10));
        assertThat(cache.firstUse("c", clock.instant().plusSeconds(10))).isFalse();
        assertThat(cache.firstUse("a", clock.instant().plusSeconds(10))).as("evicted when full").isTrue();
    }
}
