package dev.signet.admin.accounts;

import dev.signet.core.account.AccountStatus;
import dev.signet.core.operator.OperatorScopes;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The interventions an operator can place, the statuses each may start from, and the scope each needs.
 * <ul>
 * <li>{@code suspend} (admin.support): a temporary stop while something is checked; from active or
 * password-reset-required.</li>
 * <li>{@code block} (admin.manage): a lasting stop (fraud, abuse); from any status but blocked.</li>
 * <li>{@code require-password-reset} (admin.support): the password may be known to someone else; the citizen must
 * choose a new one before signing in again; from active.</li>
 * <li>{@code lift} (admin.support, admin.manage for a block): back to active.</li>
 * </ul>
 * A block needs the stronger scope both ways, so support staff can neither place nor lift one, nor turn one into a
 * suspension.
 */
enum InterventionType {

    SUSPEND("suspend", AccountStatus.SUSPENDED, Set.of(AccountStatus.ACTIVE, AccountStatus.PASSWORD_RESET_REQUIRED)),
    BLOCK("block", AccountStatus.BLOCKED, Set.of(AccountStatus.ACTIVE, AccountStatus.SUSPENDED,
            AccountStatus.PASSWORD_RESET_REQUIRED)),
    REQUIRE_PASSWORD_RESET("require-password-reset", AccountStatus.PASSWORD_RESET_REQUIRED,
            Set.of(AccountStatus.ACTIVE)),
    LIFT("lift", AccountStatus.ACTIVE, Set.of(AccountStatus.SUSPENDED, AccountStatus.BLOCKED,
            AccountStatus.PASSWORD_RESET_REQUIRED));

    private final String name;
    private final AccountStatus result;
    private final Set<AccountStatus> from;

    InterventionType(String name, AccountStatus result, Set<AccountStatus> from) {
        this.name = name;
        this.result = result;
        this.from = from;
    }

    static Optional<InterventionType> named(String name) {
        return Arrays.stream(values()).filter(type -> type.name.equals(name)).findFirst();
    }

    /** The name in requests, audit entries and documentation. */
    String externalName() {
        return name;
    }

    /** The account's status once this intervention is in place. */
    AccountStatus result() {
        return result;
    }

    boolean allowedFrom(AccountStatus current) {
        return from.contains(current);
    }

    /** The scope an operator needs to apply this intervention to an account now in {@code current}. */
    String requiredScope(AccountStatus current) {
        boolean touchesABlock = this == BLOCK || (this == LIFT && current == AccountStatus.BLOCKED);
        return touchesABlock ? OperatorScopes.MANAGE : OperatorScopes.SUPPORT;
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(InterventionType::externalName).toList());
    }
}
