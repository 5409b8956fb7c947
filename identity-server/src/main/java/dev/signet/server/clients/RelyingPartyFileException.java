package dev.signet.server.clients;

import java.util.List;

/** The relying-party file is unreadable or wrong: the server must not start. Names the file, client and field. */
public final class RelyingPartyFileException extends IllegalStateException {

    private final List<String> problems;

    RelyingPartyFileException(String file, List<String> problems) {
        super("The relying-party file " + file + " (signet.clients.file) has " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as "client 'id', field 'name': what is wrong". */
    public List<String> problems() {
        return problems;
    }
}
