package dev.signet.connector;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A connector could not be opened because of its settings. The message names the connector and every failing setting,
 * so the operator can fix them all at once:
 * {@code Connector 'vehicle-tax' (legacy-database): setting 'jdbc-url' must be given; setting 'query-timeout' must be
 * a duration such as 250ms, 5s, 2m or PT5S, not 'soon'}.
 */
public final class InvalidSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<SettingProblem> problems;

    public InvalidSettingsException(String connectorId, String type, List<SettingProblem> problems) {
        super("Connector '" + connectorId + "' (" + type + "): "
                + problems.stream().map(SettingProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An InvalidSettingsException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found. */
    public List<SettingProblem> problems() {
        return problems;
    }
}
