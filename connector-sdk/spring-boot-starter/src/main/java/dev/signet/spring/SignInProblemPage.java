package dev.signet.spring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A plain page for a sign-in that could not be completed: what happened and what to do, never why in detail. */
final class SignInProblemPage {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign-in not completed</title></head>
            <body><h1>You are not signed in</h1>
            <p>Signing in could not be completed. This can happen if you waited a long time, went back in your browser,
            or cancelled.</p>
            <p><a href="%s">Sign in again</a></p></body></html>
            """;

    private SignInProblemPage() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(PAGE.formatted(request.getContextPath() + SignetPaths.LOGIN).getBytes(StandardCharsets.UTF_8));
    }
}
