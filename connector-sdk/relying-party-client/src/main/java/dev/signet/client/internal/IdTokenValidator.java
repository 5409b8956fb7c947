package dev.signet.client.internal;

import dev.signet.client.AccessTokenHashMismatchException;
import dev.signet.client.AuthenticationTooOldException;
import dev.signet.client.IdToken;
import dev.signet.client.InvalidClaimException;
import dev.signet.client.NonceMismatchException;
import dev.signet.client.SubjectMismatchException;
import dev.signet.client.TrustLevelNotMetException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * ID token validation, OpenID Connect Core §3.1.3.7 in full plus Signet's trust claims: signature (allowed algorithm,
 * key by {@code kid}), {@code typ} not another kind of JWT, {@code iss}, {@code aud}, {@code azp}, {@code exp},
 * {@code iat}, {@code sub}, {@code nonce}, {@code at_hash}, {@code vot} against the requested {@code vtr} and
 * {@code auth_time} against {@code max_age}; for a refreshed ID token, §12.2 ({@code sub} and {@code auth_time} as
 * before).
 */
public final class IdTokenValidator {

    static final String KIND = "ID token";
    /** An ID token may omit {@code typ} or say {@code JWT}; any other type is another kind of token. */
    private static final Set<String> TYPES = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(null, "jwt")));

    /**
     * What this ID token must match.
     *
     * @param nonce the nonce of the authorization request (empty for a refresh)
     * @param accessToken the access token issued with it, whose {@code at_hash} must match
     * @param vectorsOfTrust the vectors requested (empty list: Signet's default {@code Cl.Cm}); empty Optional: do
     *     not check {@code vot} (refresh)
     * @param maxAge the {@code max_age} requested
     * @param previous the ID token of the sign-in, for a refreshed ID token
     */
    public record Expectations(Optional<String> nonce, Optional<String> accessToken,
            Optional<List<String>> vectorsOfTrust, Optional<Duration> maxAge, Optional<IdToken> previous) {
    }

    private final ValidationSettings settings;

    public IdTokenValidator(ValidationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public IdToken validate(String token, Expectations expected) {
        SignedToken signed = SignedToken.verify(KIND, token, settings.algorithms(), TYPES, settings.keys());
        TokenClaims claims = new TokenClaims(KIND, signed.claims());
        Instant now = settings.clock().instant();
        Duration skew = settings.clockSkew();

        claims.issuer(settings.issuer());
        List<String> audience = claims.audienceAndAuthorizedParty(settings.clientId(), true);
        claims.times(now, skew, true);
        String subject = claims.requiredString("sub");
        Optional<String> nonce = claims.string("nonce");
        if (expected.nonce().isPresent()) {
            if (nonce.isEmpty()) {
                throw claims.missing("nonce");
            }
            if (!AccessTokenHash.same(nonce.get(), expected.nonce().get())) {
                throw new NonceMismatchException("The ID token's nonce is not the one sent in this authorization "
                        + "request: the response belongs to another request");
            }
        }
        if (expected.accessToken().isPresent()) {
            String atHash = claims.string("at_hash").orElseThrow(() -> claims.missing("at_hash"));
            if (!AccessTokenHash.same(atHash, AccessTokenHash.of(expected.accessToken().get(), signed.algorithm()))) {
                throw new AccessTokenHashMismatchException("The ID token's at_hash does not match the access token "
                        + "issued with it");
            }
        }
        Optional<String> vot = claims.string("vot");
        if (expected.vectorsOfTrust().isPresent()) {
            List<String> requested = expected.vectorsOfTrust().get().isEmpty() ? VectorsOfTrust.SIGNET_DEFAULT
                    : expected.vectorsOfTrust().get();
            String achieved = vot.orElseThrow(() -> claims.missing("vot"));
            if (!VectorsOfTrust.meets(achieved, requested)) {
                throw new TrustLevelNotMetException("The sign-in achieved vot " + achieved
                        + ", which meets none of the requested vtr " + requested);
            }
        }
        Optional<Instant> authTime = claims.time("auth_time");
        if (expected.maxAge().isPresent()) {
            Instant signedIn = authTime.orElseThrow(() -> claims.missing("auth_time"));
            Instant oldestAllowed = now.minus(expected.maxAge().get()).minus(skew);
            if (signedIn.isBefore(oldestAllowed)) {
                throw new AuthenticationTooOldException("The citizen signed in at " + signedIn + ", longer ago than "
                        + "the requested max_age of " + expected.maxAge().get().toSeconds() + " s (now " + now + ")");
            }
        }
        if (expected.previous().isPresent()) {
            IdToken previous = expected.previous().get();
            if (!previous.subject().equals(subject)) {
                throw new SubjectMismatchException("The refreshed ID token names another subject than the ID token "
                        + "of the sign-in");
            }
            if (previous.authTime().isPresent() && !previous.authTime().equals(authTime)) {
                throw new InvalidClaimException("The refreshed ID token's auth_time differs from the sign-in's "
                        + "(OpenID Connect Core §12.2)");
            }
        }
        return new IdToken(token, settings.issuer(), subject, audience, claims.requiredTime("iat"),
                claims.requiredTime("exp"), authTime, vot, claims.string("sid"), claims.frozen());
    }
}
