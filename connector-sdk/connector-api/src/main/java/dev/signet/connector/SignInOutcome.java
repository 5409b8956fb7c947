package dev.signet.connector;

/**
 * What checking a citizen's credentials gave: exactly one of {@link Authenticated}, {@link InvalidCredentials} or
 * {@link Unavailable}. A connector returns these; it does not throw for a wrong password or an unreachable backend.
 *
 * <pre>{@code
 * SignInOutcome outcome = connector.checkPassword(loginName, password);
 * if (outcome instanceof Authenticated authenticated) {
 *     link(authenticated.identity());
 * } else if (outcome instanceof Unavailable unavailable) {
 *     log.warn("Connector {} unavailable: {}", connector.instance().id(), unavailable.reason());
 *     showTryLaterPage();
 * } else {
 *     showWrongDetailsPage(); // InvalidCredentials
 * }
 * }</pre>
 */
public sealed interface SignInOutcome permits Authenticated, InvalidCredentials, Unavailable {
}
