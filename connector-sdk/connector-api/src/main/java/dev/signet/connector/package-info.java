/**
 * The connector model: how a legacy sign-in method (a legacy password database, LDAP or Active Directory, an upstream
 * OpenID Connect provider, a department's remote connector) lets Signet check a citizen's old credentials, look old
 * users up and list them for migration.
 *
 * <h2>The parts</h2>
 * <ul>
 *   <li>A {@link dev.signet.connector.ConnectorType} is a kind of legacy system ({@code legacy-database},
 *       {@code ldap}, ...). It describes its own settings ({@link dev.signet.connector.SettingsSchema}), validates
 *       them, and {@linkplain dev.signet.connector.ConnectorType#open opens} connectors.</li>
 *   <li>A {@link dev.signet.connector.Connector} is one configured instance of a type: one department's system, with
 *       the name a citizen recognises ({@link dev.signet.connector.ConnectorInstance}).</li>
 *   <li>What a connector can do is told by the capability interfaces it implements:
 *       {@link dev.signet.connector.PasswordConnector} (check a password),
 *       {@link dev.signet.connector.RedirectConnector} (send the citizen to an upstream provider and handle the
 *       callback), {@link dev.signet.connector.LookupConnector} (find one user) and
 *       {@link dev.signet.connector.ListingConnector} (list users page by page, for bulk migration).</li>
 *   <li>Every answer is a value, never an exception: {@link dev.signet.connector.SignInOutcome} is
 *       {@link dev.signet.connector.Authenticated}, {@link dev.signet.connector.InvalidCredentials} or
 *       {@link dev.signet.connector.Unavailable}; a successful sign-in carries a
 *       {@link dev.signet.connector.LegacyIdentity}.</li>
 * </ul>
 *
 * <h2>Rules every connector keeps</h2>
 * <ul>
 *   <li>A wrong password, an unknown user and an empty password all give {@code InvalidCredentials}: the same outcome,
 *       so nobody can learn which accounts exist.</li>
 *   <li>A backend that cannot be reached gives {@code Unavailable} within the connector's configured time limit; a
 *       connector never blocks a sign-in indefinitely.</li>
 *   <li>No password, login name or personal attribute is ever logged, nor put in an {@code Unavailable} reason. The
 *       values of this package help: {@link dev.signet.connector.Password} and
 *       {@link dev.signet.connector.LegacyIdentity} do not print their contents.</li>
 * </ul>
 * The conformance test kit ({@code signet-connector-testkit}) checks these rules for any connector.
 *
 * <p>This package has no dependencies beyond the JDK, so a connector can be written against it anywhere.
 */
package dev.signet.connector;
