package dev.signet.connector;

/**
 * What checking a citizen's credentials gave: exactly one of {@link Authenticated}, {@link InvalidCredentials} or
 * {@link Unavailable}. A connector returns these; it does not throw for a wrong password or an unreachable backend.
 *
 * <pre>{@code
 * switch (connector.checkPassword(loginName, password)) {
 *     case Authenticated a -> link(a.identity());
 *     case InvalidCredentials i -> showWrongDetailsMessage();
 *     case Unavailable u -> showTryLaterMessage(u.reason());
 * }
 * }</pre>
 */
public sealed interface SignInOutcome permits Authenticated, InvalidCredentials, Unavailable {
}
