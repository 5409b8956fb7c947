package dev.signet.admin.relyingparties;

import dev.signet.admin.web.Problems;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A relying-party request body that is not the JSON the API expects (malformed, or a value of the wrong type in an
 * action's body) is an {@code invalid-request} problem naming the field where it can. Registrations are read by
 * {@link RegistrationDocuments}, which also refuses unknown fields.
 */
@RestControllerAdvice(assignableTypes = {RelyingPartyController.class, RelyingPartyActionsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistrationBodyProblems {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String field = "body";
        String detail = "Send a JSON object as docs/admin-api.md \"Relying parties\" describes.";
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            field = unknown.getPropertyName();
            detail = "Not a field of a relying party; the fields are listed in docs/admin-api.md.";
        } else if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            field = jackson.getPath().stream().map(reference -> reference.getPropertyName() != null
                    ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .filter(Objects::nonNull).collect(Collectors.joining("."));
            detail = "Has the wrong type (lists are JSON arrays of strings, jwks an object, require_pkce true or "
                    + "false).";
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request",
                "One or more parameters are not valid.");
        problem.setProperty("errors", List.of(Map.of("parameter", field, "detail", detail)));
        return problem;
    }
}
