package dev.signet.connector;

import java.util.Objects;

/**
 * The legacy system could not answer: it is down, too slow, refused Signet's own credentials or answered something
 * the connector cannot read. The citizen is asked to try again later; the operator reads {@code reason}.
 *
 * @param reason for operators and logs, in plain words ({@code "database did not answer within PT5S"}); never a
 *               password, login name or any personal data, since it is logged
 */
public record Unavailable(String reason) implements SignInOutcome, LookupOutcome, ListingOutcome, RedirectStartOutcome {

    public Unavailable {
        Objects.requireNonNull(reason, "reason");
    }
}
