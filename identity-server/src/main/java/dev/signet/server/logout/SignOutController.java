package dev.signet.server.logout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The citizen's own sign-out: a confirmation page (also where a relying party's logout request that Signet cannot
 * act on safely ends up), the CSRF-protected POST that signs out, and the signed-out page.
 */
@Controller
class SignOutController {

    static final String SIGNED_OUT = "/signed-out";

    private final SignOut signOut;

    SignOutController(SignOut signOut) {
        this.signOut = signOut;
    }

    @GetMapping("/sign-out")
    String confirm(Authentication authentication) {
        return SignOut.signedIn(authentication) ? "logout/sign-out" : "redirect:" + SIGNED_OUT;
    }

    @PostMapping("/sign-out")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        signOut.signOut(request, response);
        return "redirect:" + SIGNED_OUT;
    }

    @GetMapping(SIGNED_OUT)
    String signedOut() {
        return "logout/signed-out";
    }
}
