package dev.signet.server.interventions;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.server.logout.SessionTermination;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.refresh.RefreshGrantCheck;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Refuses a refresh token grant for an account that is no longer active (suspended, blocked, password reset required,
 * or deleted) with {@code invalid_grant}, and revokes that token family. {@link AccountInterventions} already revokes
 * the account's tokens when it places an intervention; this holds however the status was changed.
 */
final class ActiveAccountRefreshCheck implements RefreshGrantCheck {

    private final AccountRepository accounts;
    private final AuthorizationStore authorizations;
    private final Clock clock;

    ActiveAccountRefreshCheck(AccountRepository accounts, AuthorizationStore authorizations, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.authorizations = Objects.requireNonNull(authorizations, "authorizations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void check(OAuth2Authorization authorization) {
        Optional<UUID> accountId = accountId(authorization.getPrincipalName());
        if (accountId.isEmpty()) {
            return;
        }
        Optional<Account> account = accounts.findById(accountId.get());
        if (account.isPresent() && account.get().status() == AccountStatus.ACTIVE) {
            return;
        }
        authorizations.revokeFamily(authorization.getId(),
                clock.instant().plus(SessionTermination.REVOCATION_MEMORY));
        throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                "The refresh token is invalid, expired or revoked.",
                "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2"));
    }

    /** Citizens' authorizations are named by account id; any other principal is not ours to judge. */
    private static Optional<UUID> accountId(String principalName) {
        try {
            return Optional.of(UUID.fromString(principalName));
        } catch (IllegalArgumentException | NullPointerException notAnAccount) {
            return Optional.empty();
        }
    }
}
