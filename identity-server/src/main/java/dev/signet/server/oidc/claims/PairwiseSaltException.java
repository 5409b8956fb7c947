package dev.signet.server.oidc.claims;

/** No usable pairwise salt: the server must not start, or every {@code sub} would change. Names the setting. */
final class PairwiseSaltException extends IllegalStateException {

    PairwiseSaltException(String message) {
        super(message);
    }
}
