package dev.signet.connector.remote;

/**
 * A connector whose requests Signet signs: the department's side verifies them with the public key given here, which
 * Signet publishes (identity-server serves every such key at {@code /connectors/jwks.json}).
 */
public interface SignsRequests {

    /** The public half of the key that signs this connector's requests, as a JWK (JSON), with its {@code kid}. */
    String requestSigningPublicKey();
}
