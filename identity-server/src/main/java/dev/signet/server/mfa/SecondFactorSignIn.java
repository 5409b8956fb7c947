package dev.signet.server.mfa;

import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.server.audit.AuditTrail;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CitizenSignIn;
import dev.signet.server.signin.CredentialTrustLevel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;

/**
 * What every second-factor page shares: who is signing in (a citizen signed in with their password, {@code Cl}), their
 * journey, and the end of it: the sign-in raised to {@code Cl.Cm}, new recovery codes shown once when the citizen
 * has none left, then the way back to the service.
 */
final class SecondFactorSignIn {

    private final SecondFactors secondFactors;
    private final CitizenSignIn citizenSignIn;
    private final MfaProperties settings;
    private final AuditTrail audit;

    SecondFactorSignIn(SecondFactors secondFactors, CitizenSignIn citizenSignIn, MfaProperties settings,
            AuditTrail audit) {
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.citizenSignIn = Objects.requireNonNull(citizenSignIn, "citizenSignIn");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** The citizen signed in with a password only; empty when nobody is signed in. */
    static Optional<CitizenAuthentication> citizen(Authentication authentication) {
        return authentication instanceof CitizenAuthentication citizen ? Optional.of(citizen) : Optional.empty();
    }

    /** This citizen's journey, a fresh one if there is none or it belonged to another account. */
    SecondFactorJourney journey(HttpServletRequest request, CitizenAuthentication citizen) {
        return SecondFactorJourney.STATE.find(request).filter(j -> j.accountId().equals(citizen.accountId()))
                .orElseGet(() -> SecondFactorJourney.start(citizen.accountId()));
    }

    /** Where a citizen already signed in with a second factor goes. */
    String continueUrl(HttpServletRequest request, HttpServletResponse response) {
        return citizenSignIn.continueUrl(request, response);
    }

    /**
     * Counts a wrong code. Returns true when that was one too many: the sign-in is then ended (the session with it),
     * and the citizen starts again from the password.
     */
    boolean wrongCode(HttpServletRequest request, SecondFactorJourney journey) {
        SecondFactorJourney counted = journey.withWrongCode();
        boolean tooMany = counted.wrongCodes() >= settings.maxWrongCodes();
        // The session holds the password step: the actor is that (not yet Cl.Cm) citizen session.
        audit.record(Actor.citizen(journey.accountId()), AuditEventType.SIGN_IN_FAILED,
                Optional.of(journey.accountId()), Map.of("step", "second_factor",
                        "outcome", tooMany ? "too_many_wrong_codes" : "wrong_code"));
        if (!tooMany) {
            SecondFactorJourney.STATE.save(request, counted);
            return false;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return true;
    }

    /** The second factor was given: raise the sign-in to Cl.Cm and show the page that comes next. */
    String finish(CitizenAuthentication citizen, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        SecondFactorJourney.STATE.clear(request);
        String next = citizenSignIn.signIn(citizen.accountId(), CredentialTrustLevel.MEDIUM, request, response);
        Optional<List<String>> codes = secondFactors.issueRecoveryCodesIfNone(citizen.accountId());
        if (codes.isEmpty()) {
            return "redirect:" + next;
        }
        // Shown in this response only: the codes are never stored in clear, not even in the session.
        model.addAttribute("recoveryCodes", codes.get());
        model.addAttribute("continueUrl", next);
        return "mfa/recovery-codes";
    }
}
