package dev.signet.connector;

import java.util.Objects;

/**
 * One thing wrong with a connector's settings.
 *
 * @param setting the setting's name ({@code jdbc-url}, {@code columns.subject}); for a problem spanning settings, the
 *                one an operator should change
 * @param problem what is wrong, in words that follow the name: {@code "must be given"}
 */
public record SettingProblem(String setting, String problem) {

    public SettingProblem {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return "setting '" + setting + "' " + problem;
    }
}
