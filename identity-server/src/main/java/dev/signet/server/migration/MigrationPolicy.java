package dev.signet.server.migration;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * How one connector's citizens move to Signet, from the connectors file ({@code migration},
 * {@code keep-checking-until}).
 * <ul>
 *   <li>{@link Mode#ON_SIGN_IN} (the default): the legacy password becomes the Signet password once, when the
 *       identity is linked; afterwards Signet never takes a password from the old system again.</li>
 *   <li>{@link Mode#DUAL_RUNNING} until {@code keepCheckingUntil} (inclusive): the old system stays in charge of the
 *       password. Each sign-in with the old credentials of a linked identity is checked by the old system and, while
 *       the account still holds the password carried over from it, replaces that password with the one the old
 *       system has just accepted. From the day after, the connector behaves as {@code on-sign-in}.</li>
 * </ul>
 */
public record MigrationPolicy(Mode mode, Optional<LocalDate> keepCheckingUntil) {

    /** The value of {@code migration} in the connectors file. */
    public enum Mode {
        ON_SIGN_IN("on-sign-in"),
        DUAL_RUNNING("dual-running");

        private final String settingValue;

        Mode(String settingValue) {
            this.settingValue = settingValue;
        }

        public String settingValue() {
            return settingValue;
        }

        static Optional<Mode> fromSettingValue(String value) {
            for (Mode mode : values()) {
                if (mode.settingValue.equals(value)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    public static final MigrationPolicy ON_SIGN_IN = new MigrationPolicy(Mode.ON_SIGN_IN, Optional.empty());

    public MigrationPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(keepCheckingUntil, "keepCheckingUntil");
        if ((mode == Mode.DUAL_RUNNING) != keepCheckingUntil.isPresent()) {
            throw new IllegalArgumentException("keep-checking-until goes with, and only with, dual-running");
        }
    }

    public static MigrationPolicy dualRunningUntil(LocalDate lastDay) {
        return new MigrationPolicy(Mode.DUAL_RUNNING, Optional.of(lastDay));
    }

    /** Whether, on {@code today}, the old system is still in charge of the passwords of linked identities. */
    public boolean legacySystemInChargeOn(LocalDate today) {
        return keepCheckingUntil.filter(lastDay -> !today.isAfter(lastDay)).isPresent();
    }
}
