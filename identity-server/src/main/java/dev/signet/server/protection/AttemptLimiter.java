package dev.signet.server.protection;

import dev.signet.core.account.EmailAddress;
import dev.signet.core.protection.AttemptCounter;
import dev.signet.core.protection.AttemptDecision;
import dev.signet.core.protection.AttemptPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits repeated attempts at a {@link LimitedAction}, per account and per client address, with growing delays and
 * (where the policy says so) a temporary lockout of the account key. Every journey page that checks a secret or sends
 * a message goes through it:
 *
 * <pre>{@code
 * LimitedAttempt attempt = limiter.begin(LimitedAction.CODE_ENTRY, email, ClientAddress.of(request));
 * if (attempt instanceof LimitedAttempt.Refused refused) {
 *     return waitPage(refused.retryAfter());           // nothing was checked
 * }
 * LimitedAttempt.Allowed allowed = (LimitedAttempt.Allowed) attempt;
 * if (check(code)) { allowed.succeeded(); } else { allowed.failed(); }
 * }</pre>
 *
 * <p>The account is whatever the citizen typed or is known by (an email address in canonical form, or an account id
 * for second-factor pages): an address with no account is limited exactly like one with an account, so limits and
 * lockouts never reveal which addresses have accounts. Counted in {@code signet.protection.attempts{action,outcome}}
 * and {@code signet.protection.lockouts{action}}.
 */
public final class AttemptLimiter {

    private final AttemptCounter counter;
    private final Map<LimitedAction, ProtectionProperties.Limits> limits;
    private final MeterRegistry meters;

    public AttemptLimiter(AttemptCounter counter, Map<LimitedAction, ProtectionProperties.Limits> limits,
            MeterRegistry meters) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.limits = Map.copyOf(limits);
        for (LimitedAction action : LimitedAction.values()) {
            if (!this.limits.containsKey(action)) {
                throw new IllegalArgumentException("No limits for " + action.settingName());
            }
        }
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /**
     * Decides whether an attempt may be made now and, when it may, counts it.
     *
     * @param account       who the attempt is for: an email address (any case) or an account id
     * @param clientAddress where it comes from ({@link ClientAddress#of})
     */
    public LimitedAttempt begin(LimitedAction action, String account, String clientAddress) {
        Objects.requireNonNull(action, "action");
        ProtectionProperties.Limits policies = limits.get(action);
        String accountKey = action.settingName() + ":account:" + EmailAddress.canonical(
                Objects.requireNonNull(account, "account"));
        String addressKey = action.settingName() + ":address:" + Objects.requireNonNull(clientAddress, "clientAddress");

        AttemptDecision fromAddress = counter.attempt(addressKey, policies.address().policy());
        if (!(fromAddress instanceof AttemptDecision.Allowed)) {
            return refused(action, fromAddress, "address");
        }
        AttemptDecision forAccount = counter.attempt(accountKey, policies.account().policy());
        if (!(forAccount instanceof AttemptDecision.Allowed allowed)) {
            // The address is not charged for an attempt that was never made.
            counter.refund(addressKey, policies.address().policy());
            return refused(action, forAccount, "account");
        }
        count(action, "allowed");
        return new Going(action, accountKey, addressKey, policies, allowed.lockoutStarted());
    }

    /**
     * Clears the account's count and lock for the action: the citizen has proven they are the account's owner some
     * other way (for example, a password reset clears a sign-in lockout).
     */
    public void clear(LimitedAction action, String account) {
        counter.forget(action.settingName() + ":account:" + EmailAddress.canonical(account));
    }

    private LimitedAttempt refused(LimitedAction action, AttemptDecision decision, String by) {
        if (decision instanceof AttemptDecision.LockedOut locked) {
            count(action, "locked_out_" + by);
            return new LimitedAttempt.Refused(roundUp(locked.retryAfter()), true);
        }
        count(action, "delayed_" + by);
        return new LimitedAttempt.Refused(roundUp(((AttemptDecision.Delayed) decision).retryAfter()), false);
    }

    private void count(LimitedAction action, String outcome) {
        meters.counter("signet.protection.attempts", "action", action.settingName(), "outcome", outcome).increment();
    }

    /** Whole seconds, rounded up: a citizen told "1 second" who waits 1 second must get in. */
    private static Duration roundUp(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    private final class Going implements LimitedAttempt.Allowed {

        private final LimitedAction action;
        private final String accountKey;
        private final String addressKey;
        private final ProtectionProperties.Limits policies;
        private final boolean lockoutStarted;

        Going(LimitedAction action, String accountKey, String addressKey, ProtectionProperties.Limits policies,
                boolean lockoutStarted) {
            this.action = action;
            this.accountKey = accountKey;
            this.addressKey = addressKey;
            this.policies = policies;
            this.lockoutStarted = lockoutStarted;
        }

        @Override
        public void succeeded() {
            counter.forget(accountKey);
            counter.refund(addressKey, policies.address().policy());
        }

        @Override
        public Optional<LimitedAttempt.Refused> failed() {
            if (!lockoutStarted) {
                return Optional.empty();
            }
            meters.counter("signet.protection.lockouts", "action", action.settingName()).increment();
            AttemptPolicy account = policies.account().policy();
            return Optional.of(new LimitedAttempt.Refused(account.lockoutDuration(), true));
        }
    }
}
