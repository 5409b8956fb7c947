package dev.signet.examples.fishing;

import dev.signet.spring.SignetUser;
import java.util.TreeMap;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The service's pages. */
@Controller
class LicencePages {

    @GetMapping("/")
    String start() {
        return "start";
    }

    /**
     * The signed-in citizen's page. {@code subject()} is who they are at this service; {@code legacySubjects()} are
     * their old departmental accounts, the keys to the records kept before Signet.
     */
    @GetMapping("/licence")
    String licence(@AuthenticationPrincipal SignetUser citizen, Model model) {
        model.addAttribute("subject", citizen.subject());
        model.addAttribute("vot", citizen.vectorOfTrust().orElse("none"));
        model.addAttribute("email", citizen.claim("email").orElse(null));
        model.addAttribute("legacySubjects", citizen.legacySubjects());
        model.addAttribute("claims", new TreeMap<>(citizen.claims()));
        return "licence";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
