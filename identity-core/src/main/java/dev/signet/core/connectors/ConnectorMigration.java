package dev.signet.core.connectors;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * How a connector's citizens move to Signet: {@code on-sign-in} (the legacy password is carried over once, when the
 * identity is linked), or {@code dual-running} until a cut-over day (inclusive), while the old system stays in charge
 * of passwords.
 */
public record ConnectorMigration(Mode mode, Optional<LocalDate> keepCheckingUntil) {

    public static final ConnectorMigration ON_SIGN_IN = new ConnectorMigration(Mode.ON_SIGN_IN, Optional.empty());

    public ConnectorMigration {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(keepCheckingUntil, "keepCheckingUntil");
        if ((mode == Mode.DUAL_RUNNING) != keepCheckingUntil.isPresent()) {
            throw new IllegalArgumentException("keep-checking-until goes with, and only with, dual-running");
        }
    }

    public static ConnectorMigration dualRunningUntil(LocalDate lastDay) {
        return new ConnectorMigration(Mode.DUAL_RUNNING, Optional.of(lastDay));
    }

    /** The words operators write ({@code migration: dual-running}). */
    public enum Mode {
        ON_SIGN_IN("on-sign-in"),
        DUAL_RUNNING("dual-running");

        private final String value;

        Mode(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static Optional<Mode> fromValue(String value) {
            for (Mode mode : values()) {
                if (mode.value.equals(value)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }
}
