package dev.signet.server.passkeys;

import dev.signet.core.passkey.Passkey;
import dev.signet.server.account.RecentAuthentication;
import dev.signet.server.signin.CitizenAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.HttpSessionPublicKeyCredentialCreationOptionsRepository;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers a passkey for the signed-in citizen: the browser's answer to the creation options of
 * {@code POST /webauthn/register/options}, as Spring Security's own registration endpoint takes it
 * ({@code {"publicKey": {"credential": ..., "label": ...}}}), checked by Spring's relying party against the options
 * kept in the session (each options object serves one attempt). Answers JSON for passkeys.js: where to go next, or
 * an error code the page turns into words.
 */
@RestController
class PasskeyRegistrationController {

    static final String PATH = "/account/passkeys";

    private static final Logger log = LoggerFactory.getLogger(PasskeyRegistrationController.class);
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final PasskeyChanges changes;
    private final RecentAuthentication recentAuthentication;
    private final PublicKeyCredentialCreationOptionsRepository creationOptions =
            new HttpSessionPublicKeyCredentialCreationOptionsRepository();

    PasskeyRegistrationController(WebAuthnRelyingPartyOperations relyingParty, PasskeyChanges changes,
            RecentAuthentication recentAuthentication) {
        this.relyingParty = Objects.requireNonNull(relyingParty, "relyingParty");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.recentAuthentication = Objects.requireNonNull(recentAuthentication, "recentAuthentication");
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> register(@RequestBody String body, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (!(authentication instanceof CitizenAuthentication citizen)) {
            return answer(401, Map.of("error", "not_signed_in"));
        }
        // A password alone (or a sign-in left open for long) must not add a way to sign in: the account page offers
        // the form only when this holds; a script posting anyway is told where to prove it is the owner first.
        Optional<String> first = recentAuthentication.firstGoTo(citizen, PasskeyPagesController.ACCOUNT_PAGE,
                request, response);
        if (first.isPresent()) {
            return answer(403, Map.of("error", "confirm_it_is_you",
                    "redirectUrl", request.getContextPath() + first.get()));
        }
        Optional<RelyingPartyPublicKey> publicKey = read(body);
        if (publicKey.isEmpty()) {
            return answer(400, Map.of("error", "invalid_request"));
        }
        String label = publicKey.get().getLabel() == null ? "" : publicKey.get().getLabel().strip();
        if (label.isEmpty()) {
            return answer(400, Map.of("error", "label_missing"));
        }
        if (label.length() > Passkey.MAX_LABEL_LENGTH) {
            return answer(400, Map.of("error", "label_too_long"));
        }
        PublicKeyCredentialCreationOptions options = creationOptions.load(request);
        if (options == null) {
            return answer(400, Map.of("error", "start_again"));
        }
        creationOptions.save(request, response, null);
        try {
            CredentialRecord record = relyingParty.registerCredential(new ImmutableRelyingPartyRegistrationRequest(
                    options, new RelyingPartyPublicKey(publicKey.get().getCredential(), label)));
            String credentialId = record.getCredentialId().toBase64UrlString();
            changes.added(citizen.accountId(), credentialId, label, request, locale);
            log.info("Passkey registered for account {}", citizen.accountId());
            return answer(200, Map.of("success", true, "credentialId", credentialId,
                    "redirectUrl", request.getContextPath() + PasskeyPagesController.ACCOUNT_PAGE));
        } catch (RuntimeException e) {
            // Wrong challenge or origin, no user verification, a credential already registered, a broken object.
            log.info("Passkey registration refused for account {}: {}", citizen.accountId(), e.getMessage());
            return answer(400, Map.of("error", "not_registered"));
        }
    }

    private static Optional<RelyingPartyPublicKey> read(String body) {
        try {
            JsonNode publicKey = JSON.readTree(body).get("publicKey");
            RelyingPartyPublicKey key = publicKey == null ? null
                    : JSON.treeToValue(publicKey, RelyingPartyPublicKey.class);
            return Optional.ofNullable(key).filter(k -> k.getCredential() != null);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<Map<String, Object>> answer(int status, Map<String, Object> body) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
    }
}
