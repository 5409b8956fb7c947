package dev.signet.server.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Your session has timed out": shown when a journey page finds no journey in the session, and when a form is sent
 * after the session (and with it the form's CSRF token) has expired.
 */
@Controller
@ControllerAdvice
public class JourneyTimedOutPages {

    public static final String PAGE = "/session-timed-out";

    @ExceptionHandler(JourneyTimedOutException.class)
    String journeyMissing(JourneyTimedOutException exception, Model model) {
        model.addAttribute("startAgain", exception.startAgainPath());
        return "signin/timed-out";
    }

    @GetMapping(PAGE)
    String timedOut(@RequestParam(name = "start", required = false) String start, Model model) {
        model.addAttribute("startAgain", isJourneyStart(start) ? start : "/sign-in");
        return "signin/timed-out";
    }

    /** Only our own journeys' first pages: the parameter must never become an open redirect. */
    private static boolean isJourneyStart(String path) {
        return "/sign-in".equals(path) || "/sign-up".equals(path) || "/reset-password".equals(path);
    }

    /**
     * For the web filter chain: one of our forms (it carries a {@code _csrf} field) posted when the session holds no CSRF
     * token means the session has gone (timed out, or ended elsewhere): the citizen starts again, it is not an error.
     * Nothing is done with the form. Every other refusal keeps its 403.
     */
    public static AccessDeniedHandler accessDeniedHandler() {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return new AccessDeniedHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response,
                    AccessDeniedException exception) throws IOException, jakarta.servlet.ServletException {
                if (exception instanceof MissingCsrfTokenException && request.getParameter("_csrf") != null
                        && !response.isCommitted()) {
                    response.sendRedirect(request.getContextPath() + PAGE);
                    return;
                }
                forbidden.handle(request, response, exception);
            }
        };
    }
}
