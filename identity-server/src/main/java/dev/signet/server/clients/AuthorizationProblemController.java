package dev.signet.server.clients;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The plain-language page for a sign-in link that cannot be answered to the service (unknown client, bad URI). */
@Controller
class AuthorizationProblemController {

    @RequestMapping(AuthorizationResponses.PROBLEM_PAGE)
    String problem(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object problem = request.getAttribute(AuthorizationResponses.PROBLEM_ATTRIBUTE);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problem", problem instanceof AuthorizationResponses.Problem known ? known.name()
                : AuthorizationResponses.Problem.BAD_REQUEST.name());
        return "clients/authorization-problem";
    }
}
