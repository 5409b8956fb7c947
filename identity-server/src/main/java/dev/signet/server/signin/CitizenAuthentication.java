package dev.signet.server.signin;

import java.io.Serial;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A citizen signed in to Signet: what the sign-in journeys put in the security context and what token issuance reads
 * ({@code sub} is derived from the account id, {@code auth_time} from {@link #authTime()}, {@code vot} from
 * {@link #trustLevel()}). Stored in the HTTP session, so it must stay serializable.
 */
public final class CitizenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID accountId;
    private final Instant authTime;
    private final CredentialTrustLevel trustLevel;

    public CitizenAuthentication(UUID accountId, Instant authTime, CredentialTrustLevel trustLevel) {
        // The factor authority carries the authentication time: the authorization server's JwtGenerator reads auth_time
        // of ID tokens from the latest FactorGrantedAuthority and refuses to issue one without it.
        super(List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                        .issuedAt(Objects.requireNonNull(authTime, "authTime")).build()));
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.authTime = Objects.requireNonNull(authTime, "authTime");
        this.trustLevel = Objects.requireNonNull(trustLevel, "trustLevel");
        setAuthenticated(true);
    }

    public UUID accountId() {
        return accountId;
    }

    /** When the citizen last actively authenticated (OIDC {@code auth_time}). */
    public Instant authTime() {
        return authTime;
    }

    public CredentialTrustLevel trustLevel() {
        return trustLevel;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return accountId.toString();
    }

    @Override
    public String getName() {
        return accountId.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CitizenAuthentication that && super.equals(that) && accountId.equals(that.accountId)
                && authTime.equals(that.authTime) && trustLevel == that.trustLevel;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), accountId, authTime, trustLevel);
    }
}
