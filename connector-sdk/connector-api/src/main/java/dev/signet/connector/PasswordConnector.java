package dev.signet.connector;

/**
 * A connector that checks a login name and password against the legacy system: a legacy password database, LDAP or
 * Active Directory, a remote connector.
 */
public interface PasswordConnector extends Connector {

    /**
     * Checks {@code password} for the user the legacy system knows as {@code loginName}.
     *
     * <p>Implementations keep these rules, which the conformance kit checks:
     * <ul>
     *   <li>an empty password gives {@link InvalidCredentials} without asking the backend (some directories treat an
     *       empty password as an anonymous bind that "succeeds");</li>
     *   <li>an unknown user, a wrong password and an unusable stored password all give {@link InvalidCredentials};</li>
     *   <li>a backend that cannot be reached, or does not answer within the configured time, gives
     *       {@link Unavailable};</li>
     *   <li>passwords are compared in constant time;</li>
     *   <li>neither the password nor the login name is logged.</li>
     * </ul>
     * The method does not close {@code password}; the caller does.
     *
     * @param loginName what the citizen types to identify themselves to the old system (a user name, an email address,
     *                  a customer number), as typed
     * @param password  what the citizen typed as their password
     * @return the outcome; never {@code null}
     */
    SignInOutcome checkPassword(String loginName, Password password);
}
