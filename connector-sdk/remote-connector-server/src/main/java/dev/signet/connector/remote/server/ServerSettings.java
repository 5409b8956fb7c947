package dev.signet.connector.remote.server;

import dev.signet.connector.remote.internal.SigningKey;

/**
 * What the server checks requests against and signs answers with.
 *
 * @param audience     the URL Signet calls this connector at: every request's {@code aud}, every answer's {@code iss}
 * @param signetIssuer Signet's issuer: every request's {@code iss}, every answer's {@code aud}
 * @param signingKey   the connector's private key for its answers
 */
record ServerSettings(String audience, String signetIssuer, SigningKey signingKey) {
}
