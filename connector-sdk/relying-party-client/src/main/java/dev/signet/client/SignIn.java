package dev.signet.client;

import java.util.Objects;

/**
 * A completed sign-in: the citizen's validated ID token and the tokens issued with it.
 *
 * @param idToken who signed in, and how
 * @param tokens the access token (and refresh token) issued with it
 */
public record SignIn(IdToken idToken, Tokens tokens) {

    public SignIn {
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(tokens, "tokens");
    }

    /** The citizen's identifier at this service: the ID token's {@code sub}. */
    public String subject() {
        return idToken.subject();
    }
}
