package dev.signet.server.oidc.claims;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

/**
 * The userinfo response: the relying party's own {@code sub} (the one in its ID token) and, when the {@code email}
 * scope was granted, {@code email} and {@code email_verified}, read from the account at the time of the request.
 * A relying party that declares {@code claims} receives only those of them. A department's relying party granted the
 * {@code legacy_subjects} scope also gets {@code legacy_subjects}, as in its ID token ({@link LegacySubjects}).
 */
final class UserInfoClaims implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    private final SubjectIdentifiers subjects;
    private final AccountRepository accounts;
    private final RegisteredClientRepository registeredClients;
    private final RelyingPartyRepository relyingParties;
    private final LegacySubjects legacySubjects;

    UserInfoClaims(SubjectIdentifiers subjects, AccountRepository accounts,
            RegisteredClientRepository registeredClients, RelyingPartyRepository relyingParties,
            LegacySubjects legacySubjects) {
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.registeredClients = Objects.requireNonNull(registeredClients, "registeredClients");
        this.relyingParties = Objects.requireNonNull(relyingParties, "relyingParties");
        this.legacySubjects = Objects.requireNonNull(legacySubjects, "legacySubjects");
    }

    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization authorization = context.getAuthorization();
        // By client id: a relying party disabled since the token was issued is not found, and its token refused.
        RegisteredClient client = registeredClients.findByClientId(authorization.getRegisteredClientId());
        UUID accountId = CitizenAccounts.accountOf(authorization).orElseThrow(UserInfoClaims::invalidToken);
        // An account deleted since the token was issued has no claims left to give.
        Account account = accounts.findById(accountId).orElseThrow(UserInfoClaims::invalidToken);
        if (client == null) {
            throw invalidToken();
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(StandardClaimNames.SUB, subjects.subjectFor(accountId, client.getClientId()));
        Set<String> scopes = context.getAccessToken().getScopes();
        Optional<RelyingParty> relyingParty = relyingParties.findByClientId(client.getClientId());
        Set<String> declared = relyingParty.map(RelyingParty::claims).orElse(Set.of());
        if (scopes.contains(OidcScopes.EMAIL)) {
            putIfAllowed(claims, declared, StandardClaimNames.EMAIL, account.email());
            putIfAllowed(claims, declared, StandardClaimNames.EMAIL_VERIFIED, account.emailVerified());
        }
        relyingParty.flatMap(rp -> legacySubjects.releasedTo(rp, accountId, scopes))
                .ifPresent(value -> claims.put(LegacySubjects.CLAIM, value));
        return new OidcUserInfo(claims);
    }

    private static void putIfAllowed(Map<String, Object> claims, Set<String> declared, String name, Object value) {
        if (declared.isEmpty() || declared.contains(name)) {
            claims.put(name, value);
        }
    }

    private static OAuth2AuthenticationException invalidToken() {
        return new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
    }
}
