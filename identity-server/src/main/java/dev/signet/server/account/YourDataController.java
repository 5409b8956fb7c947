package dev.signet.server.account;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.mfa.RecoveryCodeRepository;
import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.core.passkey.Passkey;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.core.serviceuse.ServiceUse;
import dev.signet.core.serviceuse.ServiceUseRepository;
import dev.signet.server.signin.CitizenAuthentication;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Download your data": everything Signet holds about the signed-in citizen, as a JSON file (UK GDPR right of
 * access). Secrets are described, never included: no password hash, authenticator-app secret or recovery code.
 */
@RestController
class YourDataController {

    static final String PATH = "/account/your-data";

    private final AccountRepository accounts;
    private final SecondFactorRepository secondFactors;
    private final RecoveryCodeRepository recoveryCodes;
    private final PasskeyRepository passkeys;
    private final LinkedIdentityRepository linkedIdentities;
    private final ServiceUseRepository services;

    YourDataController(AccountRepository accounts, SecondFactorRepository secondFactors,
            RecoveryCodeRepository recoveryCodes, PasskeyRepository passkeys,
            LinkedIdentityRepository linkedIdentities, ServiceUseRepository services) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.recoveryCodes = Objects.requireNonNull(recoveryCodes, "recoveryCodes");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.linkedIdentities = Objects.requireNonNull(linkedIdentities, "linkedIdentities");
        this.services = Objects.requireNonNull(services, "services");
    }

    /** Any Accept: the citizen's browser follows a link (text/html) and must still get the file. */
    @GetMapping(PATH)
    ResponseEntity<Map<String, Object>> yourData(Authentication authentication) {
        Account account = authentication instanceof CitizenAuthentication citizen
                ? accounts.findById(citizen.accountId()).orElse(null) : null;
        if (account == null) {
            return ResponseEntity.notFound().build();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account", Map.of(
                "id", account.id().toString(),
                "email", account.email(),
                "emailVerified", account.emailVerified(),
                "status", account.status().name(),
                "hasPassword", account.passwordHash().isPresent(),
                "createdAt", account.createdAt().toString(),
                "updatedAt", account.updatedAt().toString()));
        data.put("secondFactors", secondFactors.findByAccount(account.id()).stream()
                .map(YourDataController::describe).toList());
        data.put("unusedRecoveryCodes", recoveryCodes.unusedHashes(account.id()).size());
        data.put("passkeys", passkeys.findByAccount(account.id()).stream().map(YourDataController::describe).toList());
        data.put("oldAccounts", linkedIdentities.findByAccount(account.id()).stream()
                .map(YourDataController::describe).toList());
        data.put("servicesUsed", services.findByAccount(account.id()).stream()
                .map(YourDataController::describe).toList());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"your-signet-data.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(data);
    }

    /** A passkey's public facts; its public key and attestation are kept out (no use to the citizen). */
    private static Map<String, Object> describe(Passkey passkey) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("name", passkey.label());
        described.put("credentialId", passkey.credentialId());
        described.put("createdAt", passkey.createdAt().toString());
        passkey.lastUsedAt().ifPresent(at -> described.put("lastUsedAt", at.toString()));
        described.put("synced", passkey.backupState());
        return described;
    }

    /** An old departmental account linked to this one: the old system, the citizen's id in it, when and how. */
    private static Map<String, Object> describe(LinkedIdentity link) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("oldSystem", link.connectorId());
        described.put("oldAccountId", link.legacySubject());
        described.put("linkedAt", link.linkedAt().toString());
        described.put("linkedBy", link.linkedBy());
        return described;
    }

    private static Map<String, Object> describe(ServiceUse use) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("service", use.serviceName());
        described.put("clientId", use.clientId());
        described.put("firstSignedInAt", use.firstSignedInAt().toString());
        described.put("lastSignedInAt", use.lastSignedInAt().toString());
        return described;
    }

    private static Map<String, Object> describe(SecondFactor factor) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("method", factor.method().name());
        factor.phoneNumber().ifPresent(phone -> described.put("phoneNumber", phone));
        described.put("createdAt", factor.createdAt().toString());
        return described;
    }
}
