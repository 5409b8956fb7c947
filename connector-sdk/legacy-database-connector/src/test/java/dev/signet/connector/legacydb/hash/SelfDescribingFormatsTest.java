package dev.signet.connector.legacydb.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link LegacyPasswordHashes#recognisesSelfDescribing}, over the independent tools' vectors. */
class SelfDescribingFormatsTest {

    private static final Set<String> UNPREFIXED = Set.of("digest", "hmac", "aspnet-identity-v2",
            "aspnet-identity-v3");

    private final LegacyPasswordHashes hashes = new LegacyPasswordHashes(HashOptions.defaults());

    @Test
    void everyPrefixedVectorIsRecognisedAndNoUnprefixedOneIs() {
        for (HashVectors.Vector vector : HashVectors.all()) {
            assertThat(hashes.recognisesSelfDescribing(vector.hash())).as(vector.toString())
                    .isEqualTo(!UNPREFIXED.contains(vector.format()));
        }
    }

    @Test
    void plainTextAndEmptyValuesAreNotRecognised() {
        assertThat(hashes.recognisesSelfDescribing("")).isFalse();
        assertThat(hashes.recognisesSelfDescribing("hunter2")).isFalse();
        assertThat(hashes.recognisesSelfDescribing("{CRYPT}hunter2")).isFalse();
        assertThat(hashes.recognisesSelfDescribing("{CRYPT}$6$salt$x")).isTrue();
    }
}
