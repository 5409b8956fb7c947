package dev.signet.server.factors;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Whether a citizen may remove one of their strong factors (a passkey or a second factor), one rule for both: never
 * the last one while a service they have signed in to requires {@code Cl.Cm}, or they could no longer reach it.
 * Passkeys and second factors count together; recovery codes do not (they only stand in for a lost factor).
 * The caller has already checked that the factor is the citizen's own.
 */
public final class FactorRemovalPolicy {

    private final StrongFactors factors;
    private final ServicesRequiringSecondFactor services;
    private final AccountLock lock;

    public FactorRemovalPolicy(StrongFactors factors, ServicesRequiringSecondFactor services, AccountLock lock) {
        this.factors = Objects.requireNonNull(factors, "factors");
        this.services = Objects.requireNonNull(services, "services");
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** A decision on one removal. */
    public sealed interface Decision {
    }

    public record Allowed() implements Decision {
    }

    /** Refused: the factor is the last one, and these services (their names, for the citizen) need one. */
    public record Refused(List<String> servicesNeedingIt) implements Decision {
        public Refused {
            servicesNeedingIt = List.copyOf(servicesNeedingIt);
        }
    }

    /** There was nothing to remove (already removed, in another browser perhaps). */
    public record NotFound() implements Decision {
    }

    /**
     * Removes a factor with {@code removal} (true when it removed one) if the rule allows, deciding and removing under
     * the account's lock: two removals at once, from two browsers or instances, cannot both see "not the last one".
     * Returns {@link Allowed} when it was removed.
     */
    public Decision remove(UUID accountId, BooleanSupplier removal) {
        return lock.whileLocked(accountId, () -> {
            Decision decision = mayRemoveOneOf(accountId);
            if (decision instanceof Allowed && !removal.getAsBoolean()) {
                return new NotFound();
            }
            return decision;
        });
    }

    /** The decision on removing one of the account's strong factors (nothing removed, nothing locked). */
    public Decision mayRemoveOneOf(UUID accountId) {
        if (factors.count(accountId) > 1) {
            return new Allowed();
        }
        List<String> needingIt = services.signedInTo(accountId);
        return needingIt.isEmpty() ? new Allowed() : new Refused(needingIt);
    }
}
