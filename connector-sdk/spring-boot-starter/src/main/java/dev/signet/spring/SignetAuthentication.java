package dev.signet.spring;

import java.util.List;
import java.util.Objects;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A citizen signed in with Signet. The principal is the {@link SignetUser}; the authorities are {@code ROLE_CITIZEN}
 * and the achieved vector of trust as {@code VOT_Cl} or {@code VOT_Cl.Cm}, for rules such as
 * {@code .hasAuthority("VOT_Cl.Cm")}.
 */
public final class SignetAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final SignetUser user;

    SignetAuthentication(SignetUser user) {
        super(user.vectorOfTrust()
                .map(vot -> List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"), new SimpleGrantedAuthority("VOT_" + vot)))
                .orElse(List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"))));
        this.user = Objects.requireNonNull(user, "user");
        setAuthenticated(true);
    }

    @Override
    public SignetUser getPrincipal() {
        return user;
    }

    /** Nothing: the ID token is not a credential to present anywhere. */
    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return user.subject();
    }
}
