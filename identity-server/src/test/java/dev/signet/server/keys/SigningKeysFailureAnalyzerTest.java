package dev.signet.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.keys.KeyEncryption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class SigningKeysFailureAnalyzerTest {

    private final SigningKeysFailureAnalyzer analyzer = new SigningKeysFailureAnalyzer();

    @Test
    void aMissingKeyWithAnExternalDatabaseIsReportedByItsSetting(@TempDir Path data) {
        RuntimeException failure = null;
        try {
            KeyEncryptionKeys.resolve(new KeysProperties(null, Duration.ofDays(30), Duration.ofDays(1),
                    Duration.ofMinutes(1), Duration.ofMinutes(15)), false, data, new SecureRandom());
        } catch (RuntimeException e) {
            failure = new BeanCreationException("keyEncryption", "wrapped", e);
        }

        FailureAnalysis analysis = analyzer.analyze(failure);
        assertThat(analysis.getDescription()).contains("signet.keys.encryption-key");
        assertThat(analysis.getAction()).contains("signet.keys.encryption-key");
    }

    @Test
    void aWrongKeyIsReportedByItsSetting() {
        byte[] sealed = new KeyEncryption(new byte[32], new SecureRandom()).seal("kid-1", new byte[] {1});
        byte[] otherKek = new byte[32];
        otherKek[0] = 1;
        RuntimeException failure = null;
        try {
            new KeyEncryption(otherKek, new SecureRandom()).open("kid-1", sealed);
        } catch (RuntimeException e) {
            failure = new BeanCreationException("signingKeyCache", "wrapped", e);
        }

        FailureAnalysis analysis = analyzer.analyze(failure);
        assertThat(analysis.getDescription()).contains("signet.keys.encryption-key").contains("kid-1");
    }

    @Test
    void otherFailuresAreLeftToOtherAnalyzers() {
        assertThat(analyzer.analyze(new IllegalStateException("something else"))).isNull();
    }
}
