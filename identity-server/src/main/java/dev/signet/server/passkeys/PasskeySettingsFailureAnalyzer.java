package dev.signet.server.passkeys;

import dev.signet.server.passkeys.PasskeySettings.InvalidPasskeySettingException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns a passkey setting that cannot work into Boot's short start-up failure report naming the setting. */
final class PasskeySettingsFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidPasskeySettingException invalid) {
                return new FailureAnalysis(invalid.getMessage(), "Correct " + invalid.setting()
                        + " (see docs/passkeys.md).", invalid);
            }
        }
        return null;
    }
}
