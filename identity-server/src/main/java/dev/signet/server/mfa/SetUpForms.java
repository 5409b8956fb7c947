package dev.signet.server.mfa;

import dev.signet.core.mfa.PhoneNumbers;
import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.server.signin.FormErrors;
import java.util.Objects;
import org.springframework.ui.Model;

/**
 * The set-up pages' models (app, phone number, code), the same whether a second factor is set up during sign-in or
 * added from "Your account": only the paths the forms post to differ ({@link SetUpPaths}).
 */
final class SetUpForms {

    private final SecondFactors secondFactors;
    private final SetUpPaths paths;

    SetUpForms(SecondFactors secondFactors, SetUpPaths paths) {
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    /** The QR code and typed key of the app being set up, for the account's {@code email}. */
    String app(Model model, SecondFactorJourney journey, String email, FormErrors errors) {
        model.addAttribute(SetUpPaths.MODEL_ATTRIBUTE, paths);
        SecondFactors.AppKey key = secondFactors.keyFor(journey.pendingApp(), email);
        model.addAttribute("qrCode", QrCodes.svgDataUri(key.otpauthUri()));
        model.addAttribute("key", key.groupedKey());
        model.addAttribute("errors", errors);
        return "mfa/set-up-app";
    }

    String phone(Model model, String typed, FormErrors errors) {
        model.addAttribute(SetUpPaths.MODEL_ATTRIBUTE, paths);
        model.addAttribute("phoneNumber", typed);
        model.addAttribute("errors", errors);
        return "mfa/set-up-phone";
    }

    /** The code page: where the code went (the phone's last digits, or {@code email}) and how long it lives. */
    String code(Model model, SecondFactorJourney journey, String email, FormErrors errors) {
        model.addAttribute(SetUpPaths.MODEL_ATTRIBUTE, paths);
        boolean text = journey.method() == SecondFactorMethod.TEXT_MESSAGE;
        model.addAttribute("method", journey.method().name());
        model.addAttribute("sentTo", text ? PhoneNumbers.lastDigits(journey.phoneNumber()) : email);
        model.addAttribute("lifetimeMinutes", secondFactors.codeLifetime().toMinutes());
        model.addAttribute("errors", errors);
        return "mfa/set-up-code";
    }
}
