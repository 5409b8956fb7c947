package dev.signet.server.migration;

import dev.signet.server.signin.JourneyState;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Adding an old account from the account page, so far, in the session. It exists only once the citizen has shown a
 * recent authentication, and names the account it was started for, so it cannot link to another one.
 *
 * @param accountId   the signed-in account the old account will be linked to
 * @param connectorId the old system the citizen chose
 * @param upstream    while the citizen is away signing in at an upstream provider (a redirect connector): what its
 *                    callback is checked with, bound to this session; {@code null} otherwise
 */
record AccountLinkJourney(UUID accountId, String connectorId, OldAccountJourney.UpstreamSignIn upstream)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String START = "/account/old-accounts";
    static final JourneyState<AccountLinkJourney> STATE = new JourneyState<>(AccountLinkJourney.class, START);

    AccountLinkJourney {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(connectorId, "connectorId");
    }

    AccountLinkJourney(UUID accountId, String connectorId) {
        this(accountId, connectorId, null);
    }
}
