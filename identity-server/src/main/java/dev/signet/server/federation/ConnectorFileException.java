package dev.signet.server.federation;

import java.util.List;

/** The connectors file is unreadable or wrong: the server must not start. Names the file, connector and setting. */
public final class ConnectorFileException extends IllegalStateException {

    private final transient List<String> problems;

    /** Also raised by readers of other parts of the same file (migration settings), so they stop Signet alike. */
    public ConnectorFileException(String file, List<String> problems) {
        super("The connectors file " + file + " (signet.connectors.file) has " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as "connector 'id' (type), setting 'name' ...". */
    public List<String> problems() {
        return problems;
    }
}
