package dev.signet.simulator.internal;

import dev.signet.simulator.LegacySubject;
import dev.signet.simulator.SimulatedUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a user's claims a service receives. Userinfo: by scope ({@code email}: {@code email},
 * {@code email_verified}; {@code phone}: {@code phone_number}, {@code phone_number_verified}; {@code profile}:
 * {@code given_name}, {@code family_name}; {@code legacy_subjects}: {@code legacy_subjects}), plus the user's extra
 * claims and whatever the {@code claims} request's {@code userinfo} member names. ID token: what its {@code id_token}
 * member names.
 */
final class UserClaims {

    private UserClaims() {
    }

    static Map<String, Object> userInfo(SimulatedUser user, Grants.SignInGrant grant) {
        Map<String, Object> all = all(user);
        Map<String, Object> released = new LinkedHashMap<>();
        released.put("sub", user.subject());
        if (grant.scopes().contains("email")) {
            copy(all, released, "email", "email_verified");
        }
        if (grant.scopes().contains("phone")) {
            copy(all, released, "phone_number", "phone_number_verified");
        }
        if (grant.scopes().contains("profile")) {
            copy(all, released, "given_name", "family_name");
        }
        if (grant.scopes().contains("legacy_subjects")) {
            copy(all, released, "legacy_subjects");
        }
        released.putAll(user.extraClaims());
        copy(all, released, requested(grant.claimsRequest(), "userinfo"));
        return released;
    }

    static Map<String, Object> idToken(SimulatedUser user, Grants.SignInGrant grant) {
        Map<String, Object> released = new LinkedHashMap<>();
        copy(all(user), released, requested(grant.claimsRequest(), "id_token"));
        return released;
    }

    private static Map<String, Object> all(SimulatedUser user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        user.email().ifPresent(email -> {
            claims.put("email", email);
            claims.put("email_verified", user.emailVerified());
        });
        user.phoneNumber().ifPresent(phone -> {
            claims.put("phone_number", phone);
            claims.put("phone_number_verified", user.phoneNumberVerified());
        });
        user.givenName().ifPresent(name -> claims.put("given_name", name));
        user.familyName().ifPresent(name -> claims.put("family_name", name));
        if (!user.legacySubjects().isEmpty()) {
            List<Map<String, String>> links = user.legacySubjects().stream()
                    .map(UserClaims::legacySubject).toList();
            claims.put("legacy_subjects", links);
        }
        claims.putAll(user.extraClaims());
        return claims;
    }

    private static Map<String, String> legacySubject(LegacySubject link) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("connector", link.connector());
        json.put("subject", link.subject());
        return json;
    }

    private static String[] requested(Map<String, Object> claimsRequest, String member) {
        return claimsRequest.get(member) instanceof Map<?, ?> names
                ? names.keySet().stream().map(String::valueOf).toArray(String[]::new) : new String[0];
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String... names) {
        for (String name : names) {
            if (from.containsKey(name) && !"sub".equals(name)) {
                to.put(name, from.get(name));
            }
        }
    }
}
