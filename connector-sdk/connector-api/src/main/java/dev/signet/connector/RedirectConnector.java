package dev.signet.connector;

/**
 * A connector that signs the citizen in at an upstream provider (a department's own OpenID Connect provider, a
 * Keycloak realm, Entra ID): Signet sends the browser to the provider, the provider sends it back to Signet's callback
 * address, and the connector turns the callback into an outcome.
 *
 * <ol>
 *   <li>Signet calls {@link #start} with its callback address and a fresh {@code state}, stores the returned
 *       {@link Redirect#connectorState() connector state} in the citizen's journey, and redirects the browser to
 *       {@link Redirect#location()}.</li>
 *   <li>When the browser comes back, Signet checks {@code state} itself, then calls {@link #handleCallback} with the
 *       callback's parameters and the stored connector state.</li>
 * </ol>
 * The connector state is opaque to Signet (a PKCE verifier, a nonce): it never reaches the browser.
 */
public interface RedirectConnector extends Connector {

    /**
     * Where to send the citizen to sign in upstream.
     *
     * @param request Signet's callback address and the {@code state} value to carry through the upstream provider
     * @return a {@link Redirect}, or {@link Unavailable} when the upstream provider cannot be used now (its metadata
     *         could not be fetched, say)
     */
    RedirectStartOutcome start(RedirectRequest request);

    /**
     * Turns the upstream provider's answer into an outcome: {@link Authenticated} with the upstream identity,
     * {@link InvalidCredentials} when the citizen cancelled or the provider refused, {@link Unavailable} when the
     * provider could not be reached to complete the sign-in (the token endpoint, say).
     */
    SignInOutcome handleCallback(Callback callback);
}
