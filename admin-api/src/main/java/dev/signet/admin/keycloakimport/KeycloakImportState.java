package dev.signet.admin.keycloakimport;

import java.util.Locale;

/** Where an import is: running, then succeeded or failed. */
public enum KeycloakImportState {
    RUNNING, SUCCEEDED, FAILED;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static KeycloakImportState fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
