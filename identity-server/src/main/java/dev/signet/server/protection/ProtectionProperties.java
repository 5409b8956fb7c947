package dev.signet.server.protection;

import dev.signet.core.protection.AttemptPolicy;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.protection.*}: limits on repeated attempts, security headers and the session cookie's name
 * (docs/protection.md). Every policy is checked at start-up; a wrong one stops the server naming the setting.
 *
 * @param signIn        password sign-in, per email address and per client address
 * @param codeEntry     typing one-time codes (sign-up, password reset, second factors)
 * @param codeSending   asking for codes and emails to be sent
 * @param hstsMaxAge    {@code Strict-Transport-Security} max-age sent on HTTPS requests (0 sends none)
 * @param sessionCookie whether the session cookie is named {@code __Host-signet-session} and marked Secure
 */
@Validated
@ConfigurationProperties("signet.protection")
public record ProtectionProperties(@NotNull Limits signIn, @NotNull Limits codeEntry, @NotNull Limits codeSending,
        @NotNull Duration hstsMaxAge, @NotNull SessionCookieSecurity sessionCookie) {

    public ProtectionProperties {
        check("signet.protection.sign-in", signIn);
        check("signet.protection.code-entry", codeEntry);
        check("signet.protection.code-sending", codeSending);
        if (hstsMaxAge != null && hstsMaxAge.isNegative()) {
            throw new IllegalArgumentException("signet.protection.hsts-max-age must not be negative, but was "
                    + hstsMaxAge);
        }
    }

    /** The limits of each action. */
    public Map<LimitedAction, Limits> limits() {
        Map<LimitedAction, Limits> limits = new EnumMap<>(LimitedAction.class);
        limits.put(LimitedAction.SIGN_IN, signIn);
        limits.put(LimitedAction.CODE_ENTRY, codeEntry);
        limits.put(LimitedAction.CODE_SENDING, codeSending);
        return limits;
    }

    /** One action's limits: on the account (typed email address or account id) and on the client address. */
    public record Limits(@NotNull Policy account, @NotNull Policy address) {
    }

    /** An {@link AttemptPolicy} as written in settings; {@code lockout-after: 0} means delays only. */
    public record Policy(int freeAttempts, Duration firstDelay, Duration maxDelay, Duration window, int lockoutAfter,
            Duration lockoutDuration) {

        public AttemptPolicy policy() {
            return new AttemptPolicy(freeAttempts, firstDelay, maxDelay, window, lockoutAfter,
                    lockoutDuration == null ? Duration.ZERO : lockoutDuration);
        }
    }

    /** How the session cookie is named and marked. */
    public enum SessionCookieSecurity {
        /** {@code __Host-} prefixed and Secure when the issuer is https; the plain name on a plain-HTTP issuer. */
        AUTO,
        /** Always {@code __Host-} prefixed and Secure (a browser drops it over plain HTTP, except on localhost). */
        HOST_PREFIXED,
        /** Never: only for a deployment whose browsers reach Signet over plain HTTP under an https issuer. */
        PLAIN
    }

    private static void check(String name, Limits limits) {
        if (limits == null) {
            return;
        }
        checkPolicy(name + ".account", limits.account());
        checkPolicy(name + ".address", limits.address());
    }

    private static void checkPolicy(String name, Policy policy) {
        if (policy == null) {
            throw new IllegalArgumentException(name + " must be set");
        }
        if (policy.firstDelay() == null || policy.maxDelay() == null || policy.window() == null) {
            throw new IllegalArgumentException(name + ".first-delay, .max-delay and .window must be set");
        }
        try {
            policy.policy();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
