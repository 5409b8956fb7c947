package dev.signet.server.oidc.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairwiseSaltTest {

    @TempDir
    Path dataDirectory;

    private static final SubjectsProperties UNSET = new SubjectsProperties(Optional.empty());

    @Test
    void theEmbeddedDefaultGeneratesASaltOnceInAnOwnerOnlyFileAndKeepsIt() throws Exception {
        byte[] first = PairwiseSalt.resolve(UNSET, true, dataDirectory);
        byte[] again = PairwiseSalt.resolve(UNSET, true, dataDirectory);

        Path file = dataDirectory.resolve("pairwise-salt");
        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(again);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.list(dataDirectory)).containsExactly(file);
    }

    @Test
    void twoDataDirectoriesGetDifferentSalts(@TempDir Path other) {
        assertThat(PairwiseSalt.resolve(UNSET, true, dataDirectory))
                .isNotEqualTo(PairwiseSalt.resolve(UNSET, true, other));
    }

    @Test
    void aConfiguredSaltWinsAndNoFileIsWritten() {
        String salt = "configured-salt-0123456789abcdefghij";

        assertThat(PairwiseSalt.resolve(new SubjectsProperties(Optional.of(salt)), true, dataDirectory))
                .isEqualTo(salt.getBytes(StandardCharsets.UTF_8));
        assertThat(dataDirectory.resolve("pairwise-salt")).doesNotExist();
    }

    @Test
    void anExternalDatabaseWithoutASaltStopsTheServerNamingTheSetting() {
        assertThatThrownBy(() -> PairwiseSalt.resolve(UNSET, false, dataDirectory))
                .isInstanceOf(PairwiseSaltException.class).hasMessageContaining("signet.subjects.pairwise-salt");
        assertThat(dataDirectory.resolve("pairwise-salt")).doesNotExist();
    }

    @Test
    void theStartUpReportSaysHowToSetTheSalt() {
        PairwiseSaltException missing = new PairwiseSaltException("missing");

        assertThat(new PairwiseSaltFailureAnalyzer().analyze(new RuntimeException(missing)).getAction())
                .contains("signet.subjects.pairwise-salt").contains("SIGNET_SUBJECTS_PAIRWISE_SALT");
    }

    @Test
    void aShortConfiguredSaltIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new SubjectsProperties(Optional.of("too-short")))
                .hasMessageContaining("signet.subjects.pairwise-salt");
    }

    @Test
    void aDamagedSaltFileStopsTheServerInsteadOfChangingEverySub() throws Exception {
        Files.writeString(dataDirectory.resolve("pairwise-salt"), "x\n");

        assertThatThrownBy(() -> PairwiseSalt.resolve(UNSET, true, dataDirectory))
                .isInstanceOf(PairwiseSaltException.class).hasMessageContaining("damaged")
                .hasMessageContaining("signet.subjects.pairwise-salt");
    }
}
