package dev.signet.server.testing.keycloak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the Keycloak tests find a Keycloak server: the unpacked {@code keycloak-quarkus-dist} and a JDK 21 or newer
 * to run it (Keycloak 26 needs one; the build itself runs on 17). The {@code keycloak} Maven profile, active when
 * {@code KEYCLOAK_JAVA_HOME} is set (.ci/run sets it when it finds such a JDK), unpacks the distribution and passes
 * both as system properties. See docs/testing.md.
 *
 * @param home     the unpacked distribution (holds {@code bin/kc.sh})
 * @param javaHome the JDK that runs it
 */
record KeycloakInstallation(Path home, Path javaHome) {

    static final String HOME_PROPERTY = "signet.keycloak.home";
    static final String JAVA_HOME_PROPERTY = "signet.keycloak.java-home";

    static final String HOW_TO_RUN = "Keycloak tests skipped: they start a real Keycloak server, which needs a JDK 21 "
            + "or newer. Set KEYCLOAK_JAVA_HOME to one (for example /usr/lib/jvm/temurin-25-jdk-amd64) and run "
            + "./mvnw verify again: the keycloak profile then unpacks Keycloak and runs them (docs/testing.md).";

    /** The installation the build gave, or empty (with the reason) when these tests cannot run here. */
    static Optional<KeycloakInstallation> find() {
        String home = System.getProperty(HOME_PROPERTY, "");
        String javaHome = System.getProperty(JAVA_HOME_PROPERTY, "");
        if (home.isBlank() || javaHome.isBlank()) {
            return Optional.empty();
        }
        Path kcHome = Path.of(home);
        Path jdk = Path.of(javaHome);
        if (!Files.isExecutable(kcHome.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(HOME_PROPERTY + "=" + home + " holds no bin/kc.sh: is it an unpacked "
                    + "keycloak-quarkus-dist?");
        }
        if (!Files.isExecutable(jdk.resolve("bin/java"))) {
            throw new IllegalStateException("KEYCLOAK_JAVA_HOME (" + JAVA_HOME_PROPERTY + ") = " + javaHome
                    + " holds no bin/java");
        }
        int feature = javaFeatureVersion(jdk);
        if (feature < 21) {
            throw new IllegalStateException("KEYCLOAK_JAVA_HOME (" + JAVA_HOME_PROPERTY + ") = " + javaHome
                    + " is Java " + feature + "; Keycloak needs 21 or newer");
        }
        return Optional.of(new KeycloakInstallation(kcHome, jdk));
    }

    /** The JDK's feature version from its {@code release} file ({@code JAVA_VERSION="25.0.1"}); 0 when unknown. */
    private static int javaFeatureVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
